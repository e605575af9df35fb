/**
 * The draft of a card typed in scribe mode, at the foot of its cell. Enter adds it (one
 * undoable edit) and leaves an empty draft for the next card; Escape discards it; leaving the
 * field (Tab to the next lane, a click elsewhere) adds what was typed, so nothing is lost. Text
 * past the card limit is kept whole, counted and not added until shortened (text-limit.ts).
 */
import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import { CARD_TEXT_MAX } from '@domain/model/text-limits';
import { limitState } from '../text-limit';
import { TextCounter } from '../text-counter';
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
  const counterId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);
  const limit = limitState(props.text.length, CARD_TEXT_MAX);
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

  const draft = (
    <textarea
      ref={field}
      className="inline-text scribe-draft"
      aria-label={props.label}
      aria-describedby={limit.show ? counterId : undefined}
      aria-invalid={limit.over > 0 ? true : undefined}
      rows={2}
      value={props.text}
      onChange={(e) => props.onChange(e.target.value)}
      onBlur={() => {
        // Too long to add: the draft stays with its text and the reason (nothing is cut).
        if (done.current || limit.over > 0) return;
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
          if (limit.over === 0) props.onCommit(props.text, true);
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
  if (!limit.show) return draft;
  return (
    <>
      {draft}
      <TextCounter id={counterId} n={props.text.length} limit={CARD_TEXT_MAX} state={limit} />
    </>
  );
}
