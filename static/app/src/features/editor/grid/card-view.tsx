/**
 * One card: its kind as glyph + word (not only colour), text, channel initials, evidence badge
 * and the pain-point / opportunity facts. Memoised on the card object, which unchanged by an
 * edit elsewhere keeps its identity.
 */
import { draggable } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { memo, useEffect, useRef, useState } from 'react';
import type { Card, Channel } from '@domain/model/schema';
import { CARD_TEXT_MAX } from '@domain/model/text-limits';
import { voteCounts } from '@domain/session/vote-counts';
import { voteText } from '../vote-text';
import { afterNextPaint } from '../after-next-paint';
import { useEditor, useServices } from '../editor-context';
import { InlineText } from '../inline-text';
import { CARD_GLYPH } from '../labels';
import { classifyOpportunity } from '@domain/ranking/opportunities';
import { useT } from '../../../i18n';
import { useUi } from '../ui-state';
import { useValue } from '../value-store';
import { cardSummary } from './describe';
import { CardConflictPanel } from './card-conflict';
import { TypingConflict } from './typing-conflict';
import { cardDraftKey } from '../state/draft-store';
import { PresenceBadges, presenceMark } from '../presence/presence-badges';
import { useEditorsOf } from '../presence/use-presence';
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
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const ui = useUi();
  const { store, announce, drafts } = useServices();
  const conflict = useEditor((s) => s.conflicts.find((c) => c.cardId === card.id) ?? null);
  const others = useEditorsOf({ card: card.id });
  const mark = presenceMark(others);
  // The text the card had when this person started typing: a change of it meanwhile is theirs.
  const [openedWith, setOpenedWith] = useState<string | null>(null);
  const [replace, setReplace] = useState<{ text: string; seq: number } | null>(null);
  const editing = useValue(ui.editingCard, (id) => id === card.id);
  const moving = useValue(ui.move, (m) => m?.cardId === card.id);
  const selected = useValue(ui.selection, (s) => s?.kind === 'card' && s.id === card.id);
  const dragReady = useRef<(() => void) | null>(null);
  // Text committed by the inline editor but not yet applied to the map (for one frame).
  const [committed, setCommitted] = useState<string | null>(null);
  // Dots (once revealed) and the hand tally, kept apart, as every other view shows them.
  // Selected as text, so a dot or a timer tick re-renders only the cards whose words change.
  const votes = useEditor((s) => {
    const counts = voteCounts(s.map.session, card);
    return counts && voteText(counts, t);
  });

  // Cards become draggable on first hover, not on mount: registering a thousand draggables up
  // front is a large share of a big map's first render. Cells are the drop targets. Also on
  // press: after an inline edit the pointer is still over the card (no new pointerenter), and
  // the browser decides whether a press-and-move drags only once the move passes its threshold.
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

  useEffect(() => {
    if (editing) setOpenedWith((was) => was ?? card.text);
    else setOpenedWith(null);
    // Only the start of an edit records the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing]);
  const changedUnderMe = editing && openedWith !== null && card.text !== openedWith;
  /** Puts `text` in the open editor (and its kept draft): "take theirs" / "keep both". */
  const replaceDraft = (text: string) => {
    drafts.set(cardDraftKey(card.id), {
      text,
      at: new Date().toISOString(),
      place: { cardId: card.id, laneId: card.laneId, stepId: card.stepId, kind: card.kind, card },
    });
    setReplace((r) => ({ text, seq: (r?.seq ?? 0) + 1 }));
    setOpenedWith(card.text);
  };

  const initials = card.channels
    .map((id) => channels.find((c) => c.id === id))
    .filter((c): c is Channel => Boolean(c));
  const kind = { glyph: CARD_GLYPH[card.kind], label: t(`editor.cardKind.${card.kind}`) };

  return (
    // A click focuses the card; keyboard users reach it with the grid's arrow keys (delegated).
    // Not while its text is open: focusing the card would blur (commit and close) the text box
    // a click in it was meant to place the caret in.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- see above
    <div
      ref={ref}
      role="group"
      aria-roledescription={t('editor.card.roleDescription')}
      tabIndex={-1}
      data-card-id={card.id}
      aria-label={cardSummary({ card, channels, votes, t })}
      className={`card kind-${card.kind}${moving ? ' is-moving' : ''}${selected ? ' is-selected' : ''}${mark.className}`}
      style={mark.style}
      data-index={index}
      onPointerEnter={armDrag}
      onPointerDown={armDrag}
      onClick={(e) => {
        if (!editing) e.currentTarget.focus();
      }}
      onDoubleClick={() => canEdit && ui.editingCard.set(card.id)}
    >
      <PresenceBadges people={others} title={(name) => t('editor.card.isEditing', { name })} />
      <div className="card-head">
        <span className="kind-tag" aria-hidden="true">
          <span className="glyph">{kind.glyph}</span> {kind.label}
        </span>
        <button
          type="button"
          tabIndex={-1}
          className="icon-button card-more"
          aria-label={t('editor.card.details')}
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
          label={t('editor.card.textOf', { kind: kind.label })}
          value={card.text}
          limit={CARD_TEXT_MAX}
          draft={{
            store: drafts,
            key: cardDraftKey(card.id),
            place: {
              cardId: card.id,
              laneId: card.laneId,
              stepId: card.stepId,
              kind: card.kind,
              card,
            },
          }}
          replaceWith={replace}
          onCommit={(text) => {
            // Deleted meanwhile: the text stays a draft, offered back (draft-keeper.tsx).
            if (!store.getState().map.cards.some((c) => c.id === card.id)) return false;
            // The card shows its new text in the frame right after Enter; applying the edit to
            // the map (reducer, grid re-render, save) follows in the next task, so the key's
            // input-to-paint does not wait for it (docs/ARCHITECTURE.md, 'How an edit travels'). The edit is never dropped: the
            // callback holds the store even if the card unmounts meanwhile.
            setCommitted(text);
            afterNextPaint(() => {
              store.dispatch({
                type: 'edit',
                ops: [{ type: 'card/edit', id: card.id, patch: { text } }],
              });
              setCommitted(null);
              announce(t('editor.card.saved'));
            });
          }}
          onDone={() => {
            ui.editingCard.set(null);
            requestAnimationFrame(() => ref.current?.focus());
          }}
        />
      ) : (
        <p className="card-text" dir="auto">
          {(committed ?? card.text) || (
            <span className="placeholder">{t('editor.card.empty')}</span>
          )}
        </p>
      )}
      {changedUnderMe && (
        <TypingConflict
          card={card}
          onKeepMine={() => setOpenedWith(card.text)}
          onTakeTheirs={() => replaceDraft(card.text)}
          onKeepBoth={() => {
            const mine = drafts.get(cardDraftKey(card.id))?.text ?? openedWith ?? '';
            replaceDraft(`${card.text}\n${mine}`);
          }}
        />
      )}
      {conflict && !editing && <CardConflictPanel conflict={conflict} card={card} />}
      <div className="card-foot" aria-hidden="true">
        <span
          className={`evidence is-${card.evidence.status}`}
          title={card.evidence.quote || undefined}
        >
          {card.evidence.status === 'validated'
            ? t('editor.card.validated')
            : t('editor.card.assumption')}
          {card.evidence.source ? ` · ${t(`editor.source.${card.evidence.source}`)}` : ''}
          {card.evidence.quote ? ' · “…”' : ''}
        </span>
        {card.painPoint && (
          <span className={`impact is-${card.painPoint.impact}`}>
            {t(`vocabulary.impact.${card.painPoint.impact}`)} ·{' '}
            <span className="vote-summary">{votes}</span>
          </span>
        )}
        {card.opportunity && (
          <span className="score">
            {t('editor.card.score', {
              impact: card.opportunity.impact,
              feasibility: card.opportunity.feasibility,
            })}{' '}
            ·{' '}
            {t(
              `ranking.quadrant.${classifyOpportunity(card.opportunity.impact, card.opportunity.feasibility)}`,
            )}
          </span>
        )}
        {card.opportunity && card.opportunity.painPointIds.length > 0 && (
          <span className="links">
            {t('editor.card.painLinks', { count: card.opportunity.painPointIds.length })}
          </span>
        )}
      </div>
      {/* Outside the aria-hidden foot: the badges are links a keyboard reaches. */}
      {(card.painPoint || card.opportunity) && <CardWorkBadges cardId={card.id} />}
    </div>
  );
});
