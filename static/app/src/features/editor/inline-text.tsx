/**
 * Text that edits in place. While focused the draft lives in local state, so a remote merge
 * that changes `value` never replaces what the person is typing; the edit is committed on blur
 * or Enter (Ctrl/Cmd+Enter in multi-line fields) and Escape restores the stored value.
 */
import { useEffect, useRef, useState } from 'react';

/** Props of an inline text field. */
export type InlineTextProps = {
  value: string;
  label: string;
  onCommit(next: string): void;
  readOnly?: boolean;
  multiline?: boolean;
  placeholder?: string;
  maxLength?: number;
  className?: string;
  autoFocus?: boolean;
  /** In a multi-line field, Enter commits and Shift+Enter starts a new line (card text). */
  enterCommits?: boolean;
  /** Visible lines; more than one wraps long single-line values (Enter still commits). */
  rows?: number;
  /** -1 keeps the field out of the Tab order (inside the grid, whose cells are one tab stop). */
  tabIndex?: number;
  onDone?(): void;
};

/** An input or textarea that commits on blur / Enter and cancels on Escape. */
export function InlineText(props: InlineTextProps) {
  const [draft, setDraft] = useState(props.value);
  const focused = useRef(false);
  const cancelled = useRef(false);
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  // `autoFocus` only acts on mount; a header that starts renaming (Enter, F2) flips it later.
  useEffect(() => {
    if (props.autoFocus) field.current?.focus();
  }, [props.autoFocus]);

  useEffect(() => {
    if (!focused.current) setDraft(props.value);
  }, [props.value]);

  if (props.readOnly) {
    return (
      <span className={`inline-text is-readonly ${props.className ?? ''}`}>
        {props.value || <span className="placeholder">{props.placeholder ?? '—'}</span>}
      </span>
    );
  }

  const commit = () => {
    if (draft !== props.value) props.onCommit(draft);
  };
  const common = {
    className: `inline-text ${props.className ?? ''}`,
    'aria-label': props.label,
    value: draft,
    placeholder: props.placeholder,
    maxLength: props.maxLength,
    autoFocus: props.autoFocus,
    tabIndex: props.tabIndex,
    onFocus: () => {
      focused.current = true;
      cancelled.current = false;
    },
    onBlur: () => {
      focused.current = false;
      if (!cancelled.current) commit();
      else setDraft(props.value);
      props.onDone?.();
    },
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onKeyDown: (e: React.KeyboardEvent<HTMLElement>) => {
      e.stopPropagation();
      if (e.key === 'Escape') {
        cancelled.current = true;
        setDraft(props.value);
        e.currentTarget.blur();
      } else if (
        e.key === 'Enter' &&
        (!props.multiline || e.ctrlKey || e.metaKey || (props.enterCommits && !e.shiftKey))
      ) {
        e.preventDefault();
        e.currentTarget.blur();
      }
    },
  };
  const rows = props.rows ?? (props.multiline ? 3 : 1);
  return rows > 1 ? (
    <textarea ref={field} rows={rows} dir="auto" {...common} />
  ) : (
    <input ref={field} type="text" dir="auto" {...common} />
  );
}
