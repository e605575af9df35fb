/**
 * Text that edits in place. While focused the draft lives in local state, so a remote merge
 * that changes `value` never replaces what the person is typing; the edit is committed on blur
 * or Enter (Ctrl/Cmd+Enter in multi-line fields) and Escape restores the stored value. With
 * `draft`, every keystroke is also kept in the draft store (a reload or a crash loses nothing)
 * until the text is committed or cancelled. With `limit`, a counter shows near the limit and text
 * past it is kept whole and not saved until shortened (never cut: see text-limit.ts). With
 * `presence`, others see who types in it and this field shows who else does (decision 0054).
 */
import type { ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import type { FieldPath } from './presence/field-path';
import { FieldPresence } from './presence/field-presence';
import type { DraftPlace, DraftStore } from './state/draft-store';
import { limitState } from './text-limit';
import { TextCounter } from './text-counter';

/** Props of an inline text field. */
export type InlineTextProps = {
  value: string;
  label: string;
  /** Saves the text; `false` means it could not be (the draft is then kept). */
  onCommit(next: string): boolean | void;
  readOnly?: boolean;
  multiline?: boolean;
  placeholder?: string;
  maxLength?: number;
  /** Most characters the map keeps here: a counter near it, and no save (nor cut) past it. */
  limit?: number;
  className?: string;
  autoFocus?: boolean;
  /** In a multi-line field, Enter commits and Shift+Enter starts a new line (card text). */
  enterCommits?: boolean;
  /** Visible lines; more than one wraps long single-line values (Enter still commits). */
  rows?: number;
  /** -1 keeps the field out of the Tab order (inside the grid, whose cells are one tab stop). */
  tabIndex?: number;
  onDone?(): void;
  /** Keep the text in the draft store as it is typed, under `key`. */
  draft?: { store: DraftStore; key: string; place?: DraftPlace };
  /** Replaces what is being typed (a conflict's "take theirs" / "keep both") once per `seq`. */
  replaceWith?: { text: string; seq: number } | null;
  /** The field's name on the presence channel (not for a card's text, which the card tells). */
  presence?: FieldPath;
};

/** An input or textarea that commits on blur / Enter, cancels on Escape; named, it tells presence. */
export function InlineText(props: InlineTextProps) {
  const field = <InlineTextField {...props} />;
  return props.presence ? <FieldPresence path={props.presence}>{field}</FieldPresence> : field;
}

/** The field itself. */
function InlineTextField(props: InlineTextProps): ReactNode {
  const counterId = useId();
  const kept = props.draft ? props.draft.store.get(props.draft.key) : null;
  const [draft, setDraftState] = useState(kept?.text ?? props.value);
  const keep = props.draft;
  const setDraft = (text: string) => {
    setDraftState(text);
    if (!keep) return;
    if (text === props.value) keep.store.clear(keep.key);
    else {
      const at = new Date().toISOString();
      keep.store.set(keep.key, { text, at, ...(keep.place ? { place: keep.place } : {}) });
    }
  };
  const draftKey = keep?.key;
  const draftStore = keep?.store;
  // While mounted the field is "open": the draft keeper does not offer it as left behind.
  useEffect(
    () => (draftStore && draftKey ? draftStore.open(draftKey) : undefined),
    [draftStore, draftKey],
  );
  // A new replace request (seq) sets the text once, during render (the caller keeps the draft).
  const [seenSeq, setSeenSeq] = useState(props.replaceWith?.seq ?? 0);
  if (props.replaceWith && props.replaceWith.seq !== seenSeq) {
    setSeenSeq(props.replaceWith.seq);
    setDraftState(props.replaceWith.text);
  }
  const focused = useRef(false);
  const cancelled = useRef(false);
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  // `autoFocus` only acts on mount; a header that starts renaming (Enter, F2) flips it later.
  useEffect(() => {
    if (props.autoFocus) field.current?.focus();
  }, [props.autoFocus]);

  // A stored value shows unless a draft of this field is kept (a reload keeps what was typed).
  useEffect(() => {
    if (focused.current) return;
    const held = draftStore && draftKey ? draftStore.get(draftKey) : null;
    setDraftState(held?.text ?? props.value);
  }, [props.value, draftStore, draftKey]);

  if (props.readOnly) {
    return (
      <span className={`inline-text is-readonly ${props.className ?? ''}`}>
        {props.value || <span className="placeholder">{props.placeholder ?? '—'}</span>}
      </span>
    );
  }

  const limit = props.limit ? limitState(draft.length, props.limit) : null;
  const commit = () => {
    // Past the limit nothing is sent (the server would cut it); the text stays, as a draft.
    if (limit && limit.over > 0) return;
    const refused = draft !== props.value && props.onCommit(draft) === false;
    // Committed: the pending-op store keeps it from here until the server has it.
    if (keep && !refused) keep.store.clear(keep.key);
  };
  const common = {
    className: `inline-text ${props.className ?? ''}`,
    'aria-label': props.label,
    value: draft,
    placeholder: props.placeholder,
    maxLength: props.maxLength,
    'aria-describedby': limit?.show ? counterId : undefined,
    'aria-invalid': limit && limit.over > 0 ? true : undefined,
    autoFocus: props.autoFocus,
    tabIndex: props.tabIndex,
    onFocus: () => {
      focused.current = true;
      cancelled.current = false;
    },
    onBlur: () => {
      focused.current = false;
      // Too long to save: the field stays open with its text and the reason (nothing is cut).
      if (!cancelled.current && limit && limit.over > 0) return;
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
        if (keep) keep.store.clear(keep.key);
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
  const input =
    rows > 1 ? (
      <textarea ref={field} rows={rows} dir="auto" {...common} />
    ) : (
      <input ref={field} type="text" dir="auto" {...common} />
    );
  if (!limit?.show || !props.limit) return input;
  return (
    <>
      {input}
      <TextCounter id={counterId} n={draft.length} limit={props.limit} state={limit} />
    </>
  );
}
