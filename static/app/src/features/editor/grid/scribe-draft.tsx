/**
 * The draft of a card typed in scribe mode, at the foot of its cell. Enter adds it (one
 * undoable edit) and leaves an empty draft for the next card; Escape discards it; leaving the
 * field (Tab to the next lane, a click elsewhere) adds what was typed, so nothing is lost.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { scribeAction } from './scribe-keys';

/** Props of a scribe draft. */
export type ScribeDraftProps = {
  text: string;
  label: string;
  onChange(text: string): void;
  /** Adds the card; `keepOpen` leaves an empty draft for the next one (Enter). */
  onCommit(text: string, keepOpen: boolean): void;
  onCancel(): void;
};

/** A textarea holding the card being typed. */
export function ScribeDraft(props: ScribeDraftProps) {
  const field = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const el = field.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  return (
    <textarea
      ref={field}
      className="inline-text scribe-draft"
      aria-label={props.label}
      rows={2}
      maxLength={2000}
      value={props.text}
      onChange={(e) => props.onChange(e.target.value)}
      onBlur={() => {
        if (done.current) return;
        done.current = true;
        latest.current.onCommit(latest.current.text, false);
      }}
      onKeyDown={(e) => {
        const action = scribeAction(e, true);
        if (!action) {
          // Keys typed here are text, not grid navigation.
          if (e.key !== 'Tab') e.stopPropagation();
          return;
        }
        if (action.kind === 'commit') {
          e.preventDefault();
          e.stopPropagation();
          props.onCommit(props.text, true);
        } else if (action.kind === 'cancel') {
          e.preventDefault();
          e.stopPropagation();
          done.current = true;
          props.onCancel();
        }
        // Tab bubbles to the grid, which moves to the next lane; the blur then adds the card.
      }}
    />
  );
}
