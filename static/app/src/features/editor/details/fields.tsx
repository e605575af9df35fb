/**
 * The field shapes the details panels share: a captioned inline text, a name, a labelled select,
 * the channel checkboxes (cards and steps) and the delete button that hands focus back. Each is
 * editable exactly when the map is.
 */
import type { ReactNode } from 'react';
import type { Channel, JourneyMap } from '@domain/model/schema';
import type { Op } from '@domain/operations/op-types';
import { useCanEdit, useEdit, useServices } from '../editor-context';
import { ConfirmButton } from '../confirm-button';
import type { InlineTextProps } from '../inline-text';
import { InlineText } from '../inline-text';
import { useT } from '../../../i18n';
import type { Renamable } from '../use-rename';
import { useRename } from '../use-rename';

/** What each details body gets besides its item: the map, and how to close once it is deleted. */
export type DetailsBodyProps = { map: JourneyMap; onDeleted: () => void };

/** An inline text under a visible caption (the field's accessible name is `label`). */
export function TextField({
  caption,
  ...text
}: Omit<InlineTextProps, 'readOnly'> & { caption: string }) {
  const canEdit = useCanEdit();
  return (
    <div className="field">
      <span className="field-label">{caption}</span>
      <InlineText {...text} readOnly={!canEdit} />
    </div>
  );
}

/** The "Name" field of a step or lane. */
export function NameField(props: { of: Renamable; value: string }) {
  const t = useT();
  const rename = useRename(props.of);
  return (
    <TextField
      caption={t('editor.details.name')}
      label={rename.label}
      value={props.value}
      presence={rename.presence}
      onCommit={rename.commit}
    />
  );
}

/** A select with its label; `onChange` gets the chosen option's value. */
export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const canEdit = useCanEdit();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        disabled={!canEdit}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.children}
      </select>
    </div>
  );
}

/** One checkbox per channel of the map; `onChange` gets the new list of chosen channel ids. */
export function ChannelChecks(props: {
  channels: readonly Channel[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
}) {
  const t = useT();
  const canEdit = useCanEdit();
  const { chosen } = props;
  return (
    <fieldset className="field">
      <legend>{t('editor.details.channels')}</legend>
      <div className="checks">
        {props.channels.map((ch) => (
          <label key={ch.id}>
            <input
              type="checkbox"
              disabled={!canEdit}
              checked={chosen.includes(ch.id)}
              onChange={(e) =>
                props.onChange(
                  e.target.checked ? [...chosen, ch.id] : chosen.filter((c) => c !== ch.id),
                )
              }
            />{' '}
            <abbr title={ch.name}>{ch.initials}</abbr> {ch.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Deletes the panel's item (asking first when `question` is set: it holds cards), says so, and
 * lets the panel close.
 */
export function DeleteButton(props: {
  label: string;
  question: string | null;
  op: Op;
  /** What the live region says once it is gone. */
  done: string;
  onDeleted: () => void;
}) {
  const t = useT();
  const edit = useEdit();
  const { announce } = useServices();
  return (
    <ConfirmButton
      className="danger-button"
      label={props.label}
      confirmLabel={t('editor.details.confirmDelete')}
      question={props.question}
      onConfirm={() => {
        edit([props.op]);
        announce(props.done);
        props.onDeleted();
      }}
    />
  );
}
