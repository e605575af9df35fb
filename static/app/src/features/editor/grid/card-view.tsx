/**
 * One card: its kind as glyph + word (not only colour), text, channel initials, evidence badge
 * and the pain-point / opportunity facts. Memoised on the card object, which unchanged by an
 * edit elsewhere keeps its identity.
 */
import { draggable } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { memo, useEffect, useRef, useState } from 'react';
import type { Card, Channel } from '@domain/model/schema';
import { revealedDotsOn } from '@domain/session/dots';
import { afterNextPaint } from '../after-next-paint';
import { useEditor, useServices } from '../editor-context';
import { InlineText } from '../inline-text';
import { CARD_KIND, IMPACT_LABEL, SOURCE_LABEL, opportunityQuadrant } from '../labels';
import { useUi } from '../ui-state';
import { useValue } from '../value-store';
import { cardSummary } from './describe';
import { CardWorkBadges } from '../work/card-work-badges';

/** Props of a card. */
export type CardViewProps = {
  card: Card;
  index: number;
  channels: readonly Channel[];
  canEdit: boolean;
};

/** A card in a cell. */
export const CardView = memo(function CardView({ card, index, channels, canEdit }: CardViewProps) {
  const ref = useRef<HTMLDivElement>(null);
  const ui = useUi();
  const { store, announce } = useServices();
  const editing = useValue(ui.editingCard, (id) => id === card.id);
  const moving = useValue(ui.move, (m) => m?.cardId === card.id);
  const selected = useValue(ui.selection, (s) => s?.kind === 'card' && s.id === card.id);
  const dragReady = useRef<(() => void) | null>(null);
  // Text committed by the inline editor but not yet applied to the map (for one frame).
  const [committed, setCommitted] = useState<string | null>(null);
  // Revealed dot votes count like hand-counted ones (the impact score adds both).
  const dots = useEditor((s) => (card.painPoint ? revealedDotsOn(s.map.session, card.id) : 0));

  // Cards become draggable on first hover, not on mount: registering a thousand draggables up
  // front is a large share of a big map's first render. Cells are the drop targets.
  const armDrag = () => {
    const el = ref.current;
    if (!el || !canEdit || editing || dragReady.current) return;
    dragReady.current = draggable({
      element: el,
      getInitialData: () => ({ type: 'card', cardId: card.id }),
    });
  };
  useEffect(
    () => () => {
      dragReady.current?.();
      dragReady.current = null;
    },
    [canEdit, editing, card.id],
  );

  const initials = card.channels
    .map((id) => channels.find((c) => c.id === id))
    .filter((c): c is Channel => Boolean(c));
  const kind = CARD_KIND[card.kind];

  return (
    // A click focuses the card; keyboard users reach it with the grid's arrow keys (delegated).
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- see above
    <div
      ref={ref}
      role="group"
      aria-roledescription="card"
      tabIndex={-1}
      data-card-id={card.id}
      aria-label={cardSummary(card, channels)}
      className={`card kind-${card.kind}${moving ? ' is-moving' : ''}${selected ? ' is-selected' : ''}`}
      data-index={index}
      onPointerEnter={armDrag}
      onClick={(e) => e.currentTarget.focus()}
      onDoubleClick={() => canEdit && ui.editingCard.set(card.id)}
    >
      <div className="card-head">
        <span className="kind-tag" aria-hidden="true">
          <span className="glyph">{kind.glyph}</span> {kind.label}
        </span>
        <button
          type="button"
          tabIndex={-1}
          className="icon-button card-more"
          aria-label="Card details"
          onClick={(e) => {
            e.stopPropagation();
            ui.selection.set({ kind: 'card', id: card.id });
          }}
        >
          ⋯
        </button>
        {initials.length > 0 && (
          <span className="channels" aria-hidden="true">
            {initials.map((c) => (
              <abbr key={c.id} title={c.name}>
                {c.initials}
              </abbr>
            ))}
          </span>
        )}
      </div>
      {editing ? (
        <InlineText
          multiline
          enterCommits
          autoFocus
          label={`${kind.label} text`}
          value={card.text}
          maxLength={2000}
          onCommit={(text) => {
            // The card shows its new text in the frame right after Enter; applying the edit to
            // the map (reducer, grid re-render, save) follows in the next task, so the key's
            // input-to-paint does not wait for it (docs/ARCHITECTURE.md, 'How an edit travels'). The edit is never dropped: the
            // callback holds the store even if the card unmounts meanwhile.
            setCommitted(text);
            afterNextPaint(() => {
              store.dispatch({
                type: 'edit',
                ops: [{ type: 'card/edit', id: card.id, patch: { text } }],
                label: 'Edit card',
              });
              setCommitted(null);
              announce('Card text saved.');
            });
          }}
          onDone={() => {
            ui.editingCard.set(null);
            requestAnimationFrame(() => ref.current?.focus());
          }}
        />
      ) : (
        <p className="card-text" dir="auto">
          {(committed ?? card.text) || <span className="placeholder">Empty card</span>}
        </p>
      )}
      <div className="card-foot" aria-hidden="true">
        <span
          className={`evidence is-${card.evidence.status}`}
          title={card.evidence.quote || undefined}
        >
          {card.evidence.status === 'validated' ? '✓ Validated' : '? Assumption'}
          {card.evidence.source ? ` · ${SOURCE_LABEL[card.evidence.source]}` : ''}
          {card.evidence.quote ? ' · “…”' : ''}
        </span>
        {card.painPoint && (
          <span className={`impact is-${card.painPoint.impact}`}>
            {IMPACT_LABEL[card.painPoint.impact]} · {card.painPoint.votes + dots}{' '}
            {card.painPoint.votes + dots === 1 ? 'vote' : 'votes'}
          </span>
        )}
        {card.opportunity && (
          <span className="score">
            Impact {card.opportunity.impact} × feasibility {card.opportunity.feasibility} ·{' '}
            {opportunityQuadrant(card.opportunity.impact, card.opportunity.feasibility)}
          </span>
        )}
        {card.opportunity && card.opportunity.painPointIds.length > 0 && (
          <span className="links">
            ↔ {card.opportunity.painPointIds.length} pain{' '}
            {card.opportunity.painPointIds.length === 1 ? 'point' : 'points'}
          </span>
        )}
        {(card.painPoint || card.opportunity) && <CardWorkBadges cardId={card.id} />}
      </div>
    </div>
  );
});
