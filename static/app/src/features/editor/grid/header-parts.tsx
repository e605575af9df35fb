/**
 * What the stage, step and lane headers share: renaming in place with focus handed back to the
 * header, dragging while not renaming, the keyboard (Alt+arrows move, Enter / F2 rename, `i`
 * opens details) and the small buttons that only pointer users reach (`tabIndex` −1: the
 * keyboard has the shortcuts).
 */
import type { KeyboardEvent } from 'react';
import { useRef, useState } from 'react';
import { InlineText } from '../inline-text';
import type { Renamable } from '../use-rename';
import { useRename } from '../use-rename';
import type { DragItem } from './use-drag-item';
import { useDragItem } from './use-drag-item';

/** A header's renaming state; it is draggable (when editable) except while being renamed. */
export function useHeader(item: DragItem & Renamable & Record<string, unknown>, canEdit: boolean) {
  const ref = useRef<HTMLTableCellElement>(null);
  const [renaming, setRenaming] = useState(false);
  useDragItem(ref, item, canEdit && !renaming);
  return {
    ref,
    item,
    canEdit,
    renaming,
    startRename: () => setRenaming(true),
    /** Renaming ended: focus goes back to the header cell. */
    endRename: () => {
      setRenaming(false);
      ref.current?.focus();
    },
  };
}

/** The state {@link useHeader} returns. */
export type HeaderState = ReturnType<typeof useHeader>;

/** A header's key handler: Alt+`keys` move it (first key backward), Enter / F2 rename, `i` info. */
export function headerKeys(args: {
  header: HeaderState;
  keys: readonly [backward: string, forward: string];
  move: (backward: boolean) => void;
  /** Opens the header's details (`i`); omitted where there are none. */
  info?: () => void;
}) {
  return (e: KeyboardEvent<HTMLElement>): void => {
    if (e.target !== e.currentTarget) return;
    if (args.header.canEdit && e.altKey && args.keys.includes(e.key)) {
      e.preventDefault();
      e.stopPropagation();
      args.move(e.key === args.keys[0]);
    } else if (args.header.canEdit && (e.key === 'Enter' || e.key === 'F2')) {
      e.preventDefault();
      args.header.startRename();
    } else if (e.key === 'i' && args.info) {
      args.info();
    }
  };
}

/**
 * A header's name: read-only text, or an inline editor while renaming (Enter or F2). Step and
 * lane names may wrap to two lines; a stage's spans its steps and stays on one.
 */
export function HeaderName(props: { header: HeaderState; value: string }) {
  const { header } = props;
  const { type } = header.item;
  const rename = useRename(header.item);
  return (
    <InlineText
      label={rename.label}
      value={props.value}
      readOnly={!header.canEdit}
      autoFocus={header.renaming}
      tabIndex={header.renaming ? 0 : -1}
      className={`${type}-name`}
      rows={type === 'stage' ? undefined : 2}
      presence={rename.presence}
      onCommit={rename.commit}
      onDone={() => {
        if (header.renaming) header.endRename();
      }}
    />
  );
}

/** A small pointer-only header button showing `glyph`, named by `label`. */
export function HeaderButton({
  label,
  glyph,
  ...button
}: {
  label: string;
  glyph: string;
  onClick: () => void;
  disabled?: boolean;
}) {
  return (
    <button type="button" tabIndex={-1} className="icon-button" aria-label={label} {...button}>
      {glyph}
    </button>
  );
}
