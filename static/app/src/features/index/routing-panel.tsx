/**
 * "Team routing rules" of the space: which team owns which channel, stage and lane. Loaded when
 * opened (two REST calls), editable by space editors, read-only with the reason for others.
 * Write-ups route pain points and opportunities without a team of their own through these rules.
 */
import { useId, useState } from 'react';
import { useRoutingRules } from './use-routing-rules';
import { RuleTables } from './routing-tables';

/** Props of {@link RoutingPanel}. */
export type RoutingPanelProps = { spaceId: string | null; knownTeams: string[] };

/** The routing rules section. */
export function RoutingPanel({ spaceId, knownTeams }: RoutingPanelProps) {
  const [open, setOpen] = useState(false);
  const { state, load, edit, save } = useRoutingRules(spaceId);
  const teamsListId = useId();

  const toggle = (): void => {
    const next = !open;
    setOpen(next);
    if (next && state.kind !== 'ready') void load();
  };

  const disabled = state.kind !== 'ready' || !state.canEdit || state.saving;
  const teamInput = (label: string, value: string, onChange: (v: string) => void) => (
    <input
      type="text"
      className="team-input"
      aria-label={label}
      list={teamsListId}
      placeholder={disabled ? 'Not set' : 'Team'}
      maxLength={200}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
    />
  );

  return (
    <section className="routing" aria-labelledby="routing-heading">
      <h3 id="routing-heading">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls="routing-body"
          onClick={toggle}
        >
          <span className="chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          Team routing rules
        </button>
      </h3>
      <p className="subtle routing-intro">
        Write-ups send each pain point and opportunity to the teams set on it; without one, to the
        team that owns its channel, then its stage, then its lane.
      </p>
      {open && (
        <div id="routing-body" className="routing-body">
          {state.kind === 'loading' && <p role="status">Loading routing rules…</p>}
          {state.kind === 'error' && (
            <div className="banner is-error" role="alert">
              <p>{state.error.message}</p>
              <button type="button" onClick={() => void load()}>
                Try again
              </button>
            </div>
          )}
          {state.kind === 'ready' && (
            <>
              {state.reason && (
                <p className="banner is-readonly" role="note">
                  {state.reason}
                </p>
              )}
              <datalist id={teamsListId}>
                {knownTeams.map((t) => (
                  <option key={t} value={t} />
                ))}
              </datalist>
              <RuleTables
                draft={state.draft}
                edit={edit}
                disabled={disabled}
                canEdit={state.canEdit}
                teamInput={teamInput}
              />
              {state.canEdit && (
                <div className="routing-actions">
                  <button
                    type="button"
                    className="primary-button"
                    disabled={!state.dirty || state.saving}
                    onClick={() => void save()}
                  >
                    {state.saving ? 'Saving…' : 'Save routing rules'}
                  </button>
                  {state.dirty && !state.saving && (
                    <button type="button" className="subtle-button" onClick={() => void load()}>
                      Discard changes
                    </button>
                  )}
                </div>
              )}
              <div aria-live="polite">
                {state.message && (
                  <div
                    className={`banner ${state.message.tone === 'error' ? 'is-error' : 'is-success'}`}
                  >
                    <p>{state.message.text}</p>
                    {state.message.conflict && (
                      <button type="button" onClick={() => void load()}>
                        Reload rules
                      </button>
                    )}
                  </div>
                )}
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
