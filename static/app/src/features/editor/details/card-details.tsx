/**
 * Fields of a card: text, kind, channels, evidence (status, source, quote), pain-point impact
 * and votes, opportunity impact × feasibility and linked pain points, teams, Move to…, delete.
 */
import type { Card, CardKind } from '@domain/model/schema';
import { CARD_TEXT_MAX } from '@domain/model/text-limits';
import type { CardPatch } from '@domain/operations/op-types';
import { useCanEdit, useEdit } from '../editor-context';
import { CARD_GLYPH, KINDS_FOR_LANE } from '../labels';
import { CardChannels } from './card-channels';
import type { DetailsBodyProps } from './fields';
import { DeleteButton, SelectField, TextField } from './fields';
import { CardEvidence } from './card-evidence';
import { CardImpact } from './card-impact';
import { CardMove } from './card-move';
import { CardPriority } from './card-priority';
import { Suspense, lazy } from 'react';
import { useT } from '../../../i18n';

// The Jira section (drafts, ranking, forms) loads as its own chunk, outside the macro's initial JS.
const CardWork = lazy(() => import('../work/card-work').then((m) => ({ default: m.CardWork })));

/** Card fields. */
export function CardDetails({ card, map, onDeleted }: DetailsBodyProps & { card: Card }) {
  const t = useT();
  const canEdit = useCanEdit();
  const edit = useEdit();
  const lane = map.lanes.find((l) => l.id === card.laneId);
  const patch = (p: CardPatch) => edit([{ type: 'card/edit', id: card.id, patch: p }]);
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
      <TextField
        caption={t('editor.card.text')}
        label={t('editor.card.textLabel')}
        value={card.text}
        multiline
        limit={CARD_TEXT_MAX}
        onCommit={(text) => patch({ text })}
      />
      {kinds.length > 1 && (
        <SelectField
          id="card-kind"
          label={t('editor.details.kind')}
          value={card.kind}
          onChange={(kind) => patch({ kind: kind as CardKind })}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {CARD_GLYPH[k]} {t(`editor.cardKind.${k}`)}
            </option>
          ))}
        </SelectField>
      )}
      {showsChannels && <CardChannels {...section} />}
      <CardEvidence {...section} />
      {card.painPoint && <CardImpact {...section} />}
      {card.opportunity && <CardPriority {...section} />}
      {(card.painPoint || card.opportunity) && (
        <TextField
          caption={t('editor.card.teamsHint')}
          label={t('editor.card.teams')}
          value={card.teams.join(', ')}
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
      )}
      {(card.painPoint || card.opportunity) && (
        <Suspense fallback={null}>
          <CardWork key={card.id} card={card} map={map} />
        </Suspense>
      )}
      {canEdit && <CardMove card={card} map={map} />}
      {canEdit && (
        <DeleteButton
          label={t('editor.card.delete')}
          question={null}
          op={{ type: 'card/delete', id: card.id }}
          done={t('editor.card.deleted')}
          onDeleted={onDeleted}
        />
      )}
    </div>
  );
}
