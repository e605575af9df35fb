/**
 * Fields of a card: text, kind, channels, evidence (status, source, quote), pain-point impact
 * and votes, opportunity impact × feasibility and linked pain points, teams, Move to…, delete.
 */
import type { Card, CardKind, JourneyMap } from '@domain/model/schema';
import { CARD_TEXT_MAX } from '@domain/model/text-limits';
import type { CardPatch } from '@domain/operations/op-types';
import { useCanEdit, useServices } from '../editor-context';
import { InlineText } from '../inline-text';
import { CARD_GLYPH, KINDS_FOR_LANE } from '../labels';
import { CardChannels } from './card-channels';
import { CardEvidence } from './card-evidence';
import { CardImpact } from './card-impact';
import { CardMove } from './card-move';
import { CardPriority } from './card-priority';
import { Suspense, lazy } from 'react';
import { useT } from '../../../i18n';

// The Jira section (drafts, ranking, forms) loads as its own chunk, outside the macro's initial JS.
const CardWork = lazy(() => import('../work/card-work').then((m) => ({ default: m.CardWork })));

/** Card fields. */
export function CardDetails({
  card,
  map,
  onDeleted,
}: {
  card: Card;
  map: JourneyMap;
  onDeleted: () => void;
}) {
  const t = useT();
  const canEdit = useCanEdit();
  const { store, announce } = useServices();
  const lane = map.lanes.find((l) => l.id === card.laneId);
  const patch = (p: CardPatch) =>
    store.dispatch({ type: 'edit', ops: [{ type: 'card/edit', id: card.id, patch: p }] });
  const kinds = lane ? KINDS_FOR_LANE[lane.type] : [card.kind];
  const showsChannels =
    card.kind === 'action' ||
    card.kind === 'touchpoint' ||
    card.kind === 'question' ||
    card.kind === 'decision';
  const disabled = !canEdit;

  const section = { card, map, patch, disabled };
  return (
    <div className="details-body">
      <div className="field">
        <span className="field-label">{t('editor.card.text')}</span>
        <InlineText
          label={t('editor.card.textLabel')}
          value={card.text}
          readOnly={!canEdit}
          multiline
          limit={CARD_TEXT_MAX}
          onCommit={(text) => patch({ text })}
        />
      </div>
      {kinds.length > 1 && (
        <div className="field">
          <label htmlFor="card-kind">{t('editor.details.kind')}</label>
          <select
            id="card-kind"
            disabled={disabled}
            value={card.kind}
            onChange={(e) => patch({ kind: e.target.value as CardKind })}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {CARD_GLYPH[k]} {t(`editor.cardKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {showsChannels && <CardChannels {...section} />}
      <CardEvidence {...section} />
      {card.painPoint && <CardImpact {...section} />}
      {card.opportunity && <CardPriority {...section} />}
      {(card.painPoint || card.opportunity) && (
        <div className="field">
          <span className="field-label">{t('editor.card.teamsHint')}</span>
          <InlineText
            label={t('editor.card.teams')}
            value={card.teams.join(', ')}
            readOnly={!canEdit}
            placeholder={t('editor.card.teamsPlaceholder')}
            onCommit={(v) =>
              patch({
                teams: v
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean),
              })
            }
          />
        </div>
      )}
      {(card.painPoint || card.opportunity) && (
        <Suspense fallback={null}>
          <CardWork key={card.id} card={card} map={map} />
        </Suspense>
      )}
      {canEdit && <CardMove card={card} map={map} />}
      {canEdit && (
        <button
          type="button"
          className="danger-button"
          onClick={() => {
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'card/delete', id: card.id }],
            });
            announce(t('editor.card.deleted'));
            onDeleted();
          }}
        >
          {t('editor.card.delete')}
        </button>
      )}
    </div>
  );
}
