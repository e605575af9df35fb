/**
 * The scope bar (play step 1): title, persona, scenario, goal, where the journey starts and
 * ends, current / future state, owning team and the review cadence with the next review date.
 */
import type { Cadence, MapState, Scope } from '@domain/model/schema';
import { CARD_TEXT_MAX, SHORT_TEXT_MAX } from '@domain/model/text-limits';
import { useCanEdit, useEditor, useServices } from '../editor-context';
import { InlineText } from '../inline-text';
import { reviewInfo } from '../insights';
import { CADENCES } from '../labels';
import { fieldDraftKey } from '../state/draft-store';
import { PersonaCard } from './persona-card';
import { useT } from '../../../i18n';

/** The scope fields, in the order shown. */
const SCOPE_FIELDS: readonly { key: keyof Scope }[] = [
  { key: 'scenario' },
  { key: 'goal' },
  { key: 'start' },
  { key: 'end' },
];

/** The scope bar. */
export function ScopeBar() {
  const t = useT();
  const canEdit = useCanEdit();
  const title = useEditor((s) => s.map.title);
  const scope = useEditor((s) => s.map.scope);
  const state = useEditor((s) => s.map.state);
  const team = useEditor((s) => s.map.owningTeam);
  const review = useEditor((s) => s.map.review);
  const updatedAt = useEditor((s) => s.map.updatedAt);
  const { store, today, drafts } = useServices();
  const edit = (op: Parameters<typeof store.dispatch>[0]) => store.dispatch(op);
  const info = reviewInfo({ review, updatedAt }, today());

  return (
    <section className="scope-bar" aria-label={t('editor.scope.label')}>
      <div className="scope-title-row">
        <h2 className="map-title">
          <InlineText
            label={t('editor.scope.mapTitle')}
            value={title}
            readOnly={!canEdit}
            placeholder={t('editor.summary.untitled')}
            limit={SHORT_TEXT_MAX}
            presence="title"
            onCommit={(v) => edit({ type: 'edit', ops: [{ type: 'map/setTitle', title: v }] })}
          />
        </h2>
        <span className={`lozenge state-${state}`}>
          {state === 'current' ? t('editor.scope.current') : t('editor.scope.future')}
        </span>
      </div>
      <div className="scope-body">
        <PersonaCard />
        <dl className="scope-fields">
          {SCOPE_FIELDS.map((f) => (
            <div key={f.key} className="field">
              <dt>{t(`editor.scope.${f.key}.label`)}</dt>
              <dd>
                <InlineText
                  label={t(`editor.scope.${f.key}.label`)}
                  value={scope[f.key]}
                  readOnly={!canEdit}
                  placeholder={t(`editor.scope.${f.key}.placeholder`)}
                  rows={2}
                  limit={CARD_TEXT_MAX}
                  presence={`scope.${f.key}`}
                  // Kept as typed (a reload keeps it) until the server has it.
                  draft={
                    canEdit ? { store: drafts, key: fieldDraftKey(`scope.${f.key}`) } : undefined
                  }
                  onCommit={(v) =>
                    edit({
                      type: 'edit',
                      ops: [{ type: 'map/setScope', patch: { [f.key]: v } }],
                    })
                  }
                />
              </dd>
            </div>
          ))}
          <div className="field">
            <dt>
              <label htmlFor="map-state">{t('editor.scope.state')}</label>
            </dt>
            <dd>
              {canEdit ? (
                <select
                  id="map-state"
                  value={state}
                  onChange={(e) =>
                    edit({
                      type: 'edit',
                      ops: [{ type: 'map/setState', state: e.target.value as MapState }],
                    })
                  }
                >
                  <option value="current">{t('editor.scope.current')}</option>
                  <option value="future">{t('editor.scope.future')}</option>
                </select>
              ) : (
                <span id="map-state">
                  {state === 'current' ? t('editor.scope.current') : t('editor.scope.future')}
                </span>
              )}
            </dd>
          </div>
          <div className="field">
            <dt>{t('editor.scope.owningTeam')}</dt>
            <dd>
              <InlineText
                label={t('editor.scope.owningTeam')}
                value={team}
                readOnly={!canEdit}
                placeholder={t('editor.scope.owningTeamPlaceholder')}
                presence="owningTeam"
                onCommit={(v) =>
                  edit({
                    type: 'edit',
                    ops: [{ type: 'map/setOwningTeam', team: v }],
                  })
                }
              />
            </dd>
          </div>
          <div className="field">
            <dt>
              <label htmlFor="map-cadence">{t('editor.scope.review')}</label>
            </dt>
            <dd className="review">
              {canEdit ? (
                <select
                  id="map-cadence"
                  value={review.cadence}
                  onChange={(e) =>
                    edit({
                      type: 'edit',
                      ops: [{ type: 'map/setReview', cadence: e.target.value as Cadence }],
                    })
                  }
                >
                  {CADENCES.map((c) => (
                    <option key={c} value={c}>
                      {t(`editor.cadence.${c}`)}
                    </option>
                  ))}
                </select>
              ) : (
                <span id="map-cadence">{t(`editor.cadence.${review.cadence}`)}</span>
              )}
              <span className={`review-status is-${info.status}`}>
                {info.next
                  ? t('editor.scope.nextReview', { date: info.next })
                  : t('editor.scope.noReview')}
                {info.status === 'stale' && t('editor.scope.overdue')}
                {info.status === 'dueSoon' && t('editor.scope.dueSoon')}
              </span>
              {canEdit && (
                <button
                  type="button"
                  className="subtle-button"
                  onClick={() =>
                    edit({
                      type: 'edit',
                      ops: [{ type: 'map/setReview', lastReviewed: today() }],
                    })
                  }
                >
                  {t('editor.scope.markReviewed')}
                </button>
              )}
            </dd>
          </div>
        </dl>
      </div>
    </section>
  );
}
