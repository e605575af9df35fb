/**
 * A cell of a card lane: its cards in order, an "Add card" button, a drop target for dragged
 * cards and the keyboard keys for the cards it holds.
 */
import { dropTargetForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { memo, useEffect, useRef, useState } from 'react';
import type { Card, Channel, Lane } from '@domain/model/schema';
import { useServices } from '../editor-context';
import { KINDS_FOR_LANE } from '../labels';
import { useT } from '../../../i18n';
import { useUi } from '../ui-state';
import { useValue } from '../value-store';
import { CardView } from './card-view';
import { ScribeDraft } from './scribe-draft';
import { scribeAction } from './scribe-keys';
import { cellPos } from './cell-pos';
import { useScribe } from './scribe-state';
import { newCardDraftKey } from '../state/draft-store';

/** Props of a card cell. */
export type CardCellProps = {
  lane: Lane;
  stepId: string;
  stepName: string;
  cards: readonly Card[];
  channels: readonly Channel[];
  canEdit: boolean;
  row: number;
  col: number;
};

/** A gridcell holding cards. */
export const CardCell = memo(function CardCell(props: CardCellProps) {
  const { lane, stepId, cards, canEdit } = props;
  const t = useT();
  const ref = useRef<HTMLTableCellElement>(null);
  const ui = useUi();
  const { store, newId, announce, drafts } = useServices();
  const isTarget = useValue(
    ui.move,
    (m) => m !== null && m.laneId === lane.id && m.stepId === stepId,
  );
  const kind = KINDS_FOR_LANE[lane.type][0];
  const where = { lane: lane.name, step: props.stepName };
  const kindWord = kind ? t(`editor.cardKind.${kind}`) : '';
  const scribe = useScribe();
  const scribing = useValue(scribe, (on) => on && canEdit && kind !== undefined);
  // The card being typed in scribe mode (null: no draft open).
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => {
    if (!scribing) setDraft(null);
  }, [scribing]);

  useEffect(() => {
    const el = ref.current;
    if (!el || !canEdit) return;
    return dropTargetForElements({
      element: el,
      getData: () => ({ type: 'cell', laneId: lane.id, stepId }),
      canDrop: ({ source }) => source.data.type === 'card',
      onDragEnter: () => el.classList.add('is-drop-target'),
      onDragLeave: () => el.classList.remove('is-drop-target'),
      onDrop: () => el.classList.remove('is-drop-target'),
    });
  }, [canEdit, lane.id, stepId]);

  // "+ Add card" opens a draft like scribe mode's: nothing is saved (or shown to anyone) until
  // it has text; Escape or leaving it empty adds nothing.
  const [single, setSingle] = useState(false);
  const addCard = () => {
    if (!kind) return;
    setSingle(true);
    setDraft('');
    announce(t('editor.grid.newCardAnnounce', { kind: kindWord, ...where }));
  };

  const draftKey = newCardDraftKey(lane.id, stepId);
  const drafting = draft !== null;
  // While the draft is open here it is being typed, not left behind (draft-keeper.tsx).
  useEffect(() => (drafting ? drafts.open(draftKey) : undefined), [drafting, drafts, draftKey]);
  const commitDraft = (text: string, keepOpenAsked: boolean) => {
    const keepOpen = keepOpenAsked && !single;
    drafts.clear(draftKey);
    if (!keepOpen) setSingle(false);
    const clean = text.trim();
    if (clean && kind) {
      store.dispatch({
        type: 'edit',
        ops: [{ type: 'card/add', id: newId('card'), laneId: lane.id, stepId, kind, text: clean }],
      });
      announce(
        keepOpen
          ? t('editor.grid.cardAddedNext', { kind: kindWord, ...where })
          : t('editor.grid.cardAdded', { kind: kindWord, ...where }),
      );
    }
    setDraft(keepOpen ? '' : null);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTableCellElement>) => {
    const target = e.target as HTMLElement;
    const cardId = target.dataset.cardId;
    if (e.target === e.currentTarget && scribing && draft === null) {
      const action = scribeAction(e, false);
      if (action?.kind === 'start') {
        e.preventDefault();
        e.stopPropagation();
        setDraft(action.text);
        return;
      }
    }
    if (e.target === e.currentTarget) {
      if (e.key === 'Enter') {
        e.preventDefault();
        const first = ref.current?.querySelector<HTMLElement>('[data-card-id]');
        if (first) first.focus();
        else if (canEdit) addCard();
      }
      return;
    }
    if (!cardId || ui.move.get()) return;
    const els = [...(ref.current?.querySelectorAll<HTMLElement>('[data-card-id]') ?? [])];
    const at = els.indexOf(target);
    const card = cards.find((c) => c.id === cardId);
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        e.stopPropagation();
        const next = els[at + (e.key === 'ArrowDown' ? 1 : -1)];
        (next ?? ref.current)?.focus();
        return;
      }
      case 'ArrowLeft':
      case 'ArrowRight':
        e.stopPropagation();
        e.preventDefault();
        return;
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        ref.current?.focus();
        return;
      case 'Enter':
        e.preventDefault();
        e.stopPropagation();
        if (canEdit) ui.editingCard.set(cardId);
        else ui.selection.set({ kind: 'card', id: cardId });
        return;
      case ' ':
        e.preventDefault();
        e.stopPropagation();
        if (!canEdit) return;
        ui.move.set({ cardId, laneId: lane.id, stepId });
        announce(
          t('editor.grid.pickedUp', {
            kind: card ? t(`editor.cardKind.${card.kind}`) : t('editor.grid.aCard'),
            ...where,
          }),
        );
        return;
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        e.stopPropagation();
        if (!canEdit) return;
        store.dispatch({
          type: 'edit',
          ops: [{ type: 'card/delete', id: cardId }],
        });
        announce(t('editor.card.deleted'));
        requestAnimationFrame(() => ref.current?.focus());
        return;
      case 'i':
        ui.selection.set({ kind: 'card', id: cardId });
        return;
    }
  };

  return (
    <td
      ref={ref}
      role="gridcell"
      tabIndex={-1}
      {...cellPos({ row: props.row, colStart: props.col })}
      className={`cell lane-${lane.type} zone-${lane.zone}${isTarget ? ' is-move-target' : ''}`}
      onKeyDown={onKeyDown}
    >
      <div className="cell-cards">
        {cards.map((card, i) => (
          <CardView
            key={card.id}
            card={card}
            index={i}
            channels={props.channels}
            canEdit={canEdit}
          />
        ))}
      </div>
      {draft !== null && kind && (
        <ScribeDraft
          text={draft}
          label={
            single
              ? t('editor.grid.newCardText', { kind: kindWord, ...where })
              : t('editor.grid.newCard', { kind: kindWord, ...where })
          }
          onChange={(text) => {
            setDraft(text);
            if (text.trim()) {
              const at = new Date().toISOString();
              drafts.set(draftKey, {
                text,
                at,
                place: { cardId: null, laneId: lane.id, stepId, kind },
              });
            } else drafts.clear(draftKey);
          }}
          onCommit={commitDraft}
          onCancel={() => {
            drafts.clear(draftKey);
            setSingle(false);
            setDraft(null);
            ref.current?.focus();
            announce(t('editor.grid.discarded'));
          }}
        />
      )}
      {canEdit && kind && draft === null && (
        <button
          type="button"
          tabIndex={-1}
          className="add-card"
          aria-label={t('editor.grid.addCardTo', where)}
          onClick={addCard}
        >
          {t('editor.grid.addCard')}
        </button>
      )}
    </td>
  );
});
