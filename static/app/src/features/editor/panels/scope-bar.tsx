/**
 * The scope bar (play step 1): title, persona, scenario, goal, where the journey starts and
 * ends, current / future state, owning team and the review cadence with the next review date.
 */
import type { Cadence, MapState, Scope } from '@domain/model/schema';
import { useCanEdit, useEditor, useServices } from '../editor-context';
import { InlineText } from '../inline-text';
import { reviewInfo } from '../insights';
import { CADENCE_LABEL, keysOf } from '../labels';
import { PersonaCard } from './persona-card';

const SCOPE_FIELDS: readonly { key: keyof Scope; label: string; placeholder: string }[] = [
  { key: 'scenario', label: 'Scenario', placeholder: 'e.g. Evaluating Confluence for her team' },
  { key: 'goal', label: 'Goal', placeholder: 'What the persona wants to achieve' },
  { key: 'start', label: 'Journey starts', placeholder: 'e.g. Clicks the TRY button' },
  { key: 'end', label: 'Journey ends', placeholder: 'e.g. Decides to buy – or not' },
];

/** The scope bar. */
export function ScopeBar() {
  const canEdit = useCanEdit();
  const title = useEditor((s) => s.map.title);
  const scope = useEditor((s) => s.map.scope);
  const state = useEditor((s) => s.map.state);
  const team = useEditor((s) => s.map.owningTeam);
  const review = useEditor((s) => s.map.review);
  const updatedAt = useEditor((s) => s.map.updatedAt);
  const { store, today } = useServices();
  const edit = (op: Parameters<typeof store.dispatch>[0]) => store.dispatch(op);
  const info = reviewInfo({ review, updatedAt }, today());

  return (
    <section className="scope-bar" aria-label="Scope">
      <div className="scope-title-row">
        <h2 className="map-title">
          <InlineText
            label="Map title"
            value={title}
            readOnly={!canEdit}
            placeholder="Untitled journey map"
            maxLength={200}
            onCommit={(t) =>
              edit({ type: 'edit', ops: [{ type: 'map/setTitle', title: t }], label: 'Rename map' })
            }
          />
        </h2>
        <span className={`lozenge state-${state}`}>
          {state === 'current' ? 'Current state' : 'Future state'}
        </span>
      </div>
      <div className="scope-body">
        <PersonaCard />
        <dl className="scope-fields">
          {SCOPE_FIELDS.map((f) => (
            <div key={f.key} className="field">
              <dt>{f.label}</dt>
              <dd>
                <InlineText
                  label={f.label}
                  value={scope[f.key]}
                  readOnly={!canEdit}
                  placeholder={f.placeholder}
                  rows={2}
                  onCommit={(v) =>
                    edit({
                      type: 'edit',
                      ops: [{ type: 'map/setScope', patch: { [f.key]: v } }],
                      label: `Edit ${f.label.toLowerCase()}`,
                    })
                  }
                />
              </dd>
            </div>
          ))}
          <div className="field">
            <dt>
              <label htmlFor="map-state">State</label>
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
                      label: 'Change state',
                    })
                  }
                >
                  <option value="current">Current state</option>
                  <option value="future">Future state</option>
                </select>
              ) : (
                <span id="map-state">{state === 'current' ? 'Current state' : 'Future state'}</span>
              )}
            </dd>
          </div>
          <div className="field">
            <dt>Owning team</dt>
            <dd>
              <InlineText
                label="Owning team"
                value={team}
                readOnly={!canEdit}
                placeholder="Which team keeps this map alive?"
                onCommit={(v) =>
                  edit({
                    type: 'edit',
                    ops: [{ type: 'map/setOwningTeam', team: v }],
                    label: 'Edit owning team',
                  })
                }
              />
            </dd>
          </div>
          <div className="field">
            <dt>
              <label htmlFor="map-cadence">Review</label>
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
                      label: 'Change review cadence',
                    })
                  }
                >
                  {keysOf(CADENCE_LABEL).map((c) => (
                    <option key={c} value={c}>
                      {CADENCE_LABEL[c]}
                    </option>
                  ))}
                </select>
              ) : (
                <span id="map-cadence">{CADENCE_LABEL[review.cadence]}</span>
              )}
              <span className={`review-status is-${info.status}`}>
                {info.next ? `Next review ${info.next}` : 'No review date yet'}
                {info.status === 'stale' && ' — overdue'}
                {info.status === 'dueSoon' && ' — due soon'}
              </span>
              {canEdit && (
                <button
                  type="button"
                  className="subtle-button"
                  onClick={() =>
                    edit({
                      type: 'edit',
                      ops: [{ type: 'map/setReview', lastReviewed: today() }],
                      label: 'Mark reviewed',
                    })
                  }
                >
                  Mark reviewed today
                </button>
              )}
            </dd>
          </div>
        </dl>
      </div>
    </section>
  );
}
