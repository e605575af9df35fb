/**
 * Nothing typed is lost: after a reload the card that was being typed in opens again with its
 * draft; a draft whose card someone deleted meanwhile (or a new card never added) is offered
 * back here, saying what happened, with "Restore as a card" or "Discard"; for a deleted card also
 * "Restore the card" (the card as it was, with the text typed: issue 16).
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Card, JourneyMap } from '@domain/model/schema';
import { useCanEdit, useEditor, useServices } from './editor-context';
import { KINDS_FOR_LANE } from './labels';
import type { Draft, DraftPlace } from './state/draft-store';
import { useUi } from './ui-state';
import { useT } from '../../i18n';
import { useAddCard } from './use-add-card';

/** Where a left-behind draft goes back: its cell if it still exists, else a cell that takes it. */
function cellFor(map: JourneyMap, place: DraftPlace): { laneId: string; stepId: string } | null {
  const lane =
    map.lanes.find((l) => l.id === place.laneId) ??
    map.lanes.find((l) => KINDS_FOR_LANE[l.type].includes(place.kind));
  const step = map.steps.find((s) => s.id === place.stepId) ?? map.steps[0];
  return lane && step ? { laneId: lane.id, stepId: step.id } : null;
}

/** A deleted card can come back as it was: its id is free and its lane and step still exist. */
function restorable(map: JourneyMap, card: Card): boolean {
  return (
    !map.cards.some((c) => c.id === card.id) &&
    map.lanes.some((l) => l.id === card.laneId) &&
    map.steps.some((s) => s.id === card.stepId)
  );
}

/** Drafts not open in an editor whose card is gone (or that are new cards). */
function leftBehind(all: Record<string, Draft>, isOpen: (k: string) => boolean, map: JourneyMap) {
  return Object.entries(all).filter(([key, d]) => {
    if (isOpen(key) || !d.place || !d.text.trim()) return false;
    return d.place.cardId === null || !map.cards.some((c) => c.id === d.place?.cardId);
  });
}

/** The draft notes, and the reopening of a draft after a reload. */
export function DraftKeeper() {
  const { drafts, store, announce } = useServices();
  const addCard = useAddCard();
  const t = useT();
  const ui = useUi();
  const canEdit = useCanEdit();
  const map = useEditor((s) => s.map);
  useSyncExternalStore(drafts.subscribe, drafts.version);
  const reopened = useRef(false);

  useEffect(() => {
    if (reopened.current || !canEdit) return;
    reopened.current = true;
    const current = store.getState().map;
    for (const [key, d] of Object.entries(drafts.all())) {
      const card = d.place?.cardId ? current.cards.find((c) => c.id === d.place?.cardId) : null;
      if (!card) continue;
      if (card.text === d.text) drafts.clear(key);
      else if (!ui.editingCard.get()) {
        ui.editingCard.set(card.id);
        announce(t('editor.drafts.reopened'));
      }
    }
  }, [canEdit, drafts, store, ui, announce, t]);

  if (!canEdit) return null;
  const left = leftBehind(drafts.all(), drafts.isOpen, map);
  if (!left.length) return null;
  return (
    <ul className="notes draft-notes" aria-label={t('editor.drafts.unsentText')}>
      {left.map(([key, d]) => {
        const place = d.place;
        if (!place) return null;
        const cell = cellFor(map, place);
        return (
          <li key={key} className="note is-conflict" role="alert">
            <span>
              {place.cardId ? t('editor.drafts.cardDeleted') : t('editor.drafts.notAdded')}{' '}
              <q>{d.text}</q>
            </span>
            {place.card && restorable(map, place.card) && (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  const card = place.card;
                  if (!card) return;
                  store.dispatch({
                    type: 'edit',
                    ops: [
                      {
                        type: 'card/restore',
                        card: { ...card, text: d.text },
                        index: store.getState().map.cards.length,
                        refs: {},
                      },
                    ],
                  });
                  // Kept unless the card is back (a restore the map refused drops nothing typed).
                  if (store.getState().map.cards.some((c) => c.id === card.id)) {
                    drafts.clear(key);
                    announce(t('editor.drafts.cardRestored'));
                  }
                }}
              >
                {t('editor.drafts.restoreCard')}
              </button>
            )}
            {cell && (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  addCard({
                    at: { ...cell, kind: place.kind },
                    text: d.text,
                  });
                  drafts.clear(key);
                  announce(t('editor.drafts.restored'));
                }}
              >
                {place.cardId ? t('editor.drafts.keepAsNew') : t('editor.drafts.restore')}
              </button>
            )}
            <button type="button" className="link-button" onClick={() => drafts.clear(key)}>
              {t('editor.drafts.discard')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
