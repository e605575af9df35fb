/**
 * Nothing typed is lost: after a reload the card that was being typed in opens again with its
 * draft; a draft whose card someone deleted meanwhile (or a new card never added) is offered
 * back here, saying what happened, with "Restore as a card" or "Discard".
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { JourneyMap } from '@domain/model/schema';
import { useCanEdit, useEditor, useServices } from './editor-context';
import { KINDS_FOR_LANE } from './labels';
import type { Draft, DraftPlace } from './state/draft-store';
import { useUi } from './ui-state';
import { useT } from '../../i18n';

/** Where a left-behind draft goes back: its cell if it still exists, else a cell that takes it. */
function cellFor(map: JourneyMap, place: DraftPlace): { laneId: string; stepId: string } | null {
  const lane =
    map.lanes.find((l) => l.id === place.laneId) ??
    map.lanes.find((l) => KINDS_FOR_LANE[l.type].includes(place.kind));
  const step = map.steps.find((s) => s.id === place.stepId) ?? map.steps[0];
  return lane && step ? { laneId: lane.id, stepId: step.id } : null;
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
  const { drafts, store, newId, announce } = useServices();
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
            {cell && (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  store.dispatch({
                    type: 'edit',
                    ops: [
                      {
                        type: 'card/add',
                        id: newId('card'),
                        ...cell,
                        kind: place.kind,
                        text: d.text,
                      },
                    ],
                  });
                  drafts.clear(key);
                  announce(t('editor.drafts.restored'));
                }}
              >
                {t('editor.drafts.restore')}
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
