/**
 * "Team routing rules" of the space: which team owns which channel, stage and lane. Loaded when
 * opened (two REST calls), editable by space editors, read-only with the reason for others.
 * Write-ups route pain points and opportunities without a team of their own through these rules.
 */
import { useId, useState } from 'react';
import { useRoutingRules } from './use-routing-rules';
import { RuleTables } from './routing-tables';
import { useT } from '../../i18n';

/** Props of {@link RoutingPanel}. */
export type RoutingPanelProps = {
  spaceId: string | null;
  knownTeams: string[];
  /** Called after the rules were saved (the team impact is weighed by them). */
  onSaved?: () => void;
};

/** The routing rules section. */
export function RoutingPanel({ spaceId, knownTeams, onSaved }: RoutingPanelProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { state, load, edit, save } = useRoutingRules(spaceId, onSaved);
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
      placeholder={disabled ? t('index.routing.notSet') : t('index.routing.team')}
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
          {t('index.routing.teamRoutingRules')}
        </button>
      </h3>
      <p className="subtle routing-intro">{t('index.routing.writeUpsSendEach')}</p>
      {open && (
        <div id="routing-body" className="routing-body">
          {state.kind === 'loading' && (
            <p role="status">{t('index.routing.loadingRoutingRules')}</p>
          )}
          {state.kind === 'error' && (
            <div className="banner is-error" role="alert">
              <p>{state.error.message}</p>
              <button type="button" onClick={() => void load()}>
                {t('index.routing.tryAgain')}
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
                    {state.saving ? t('index.routing.saving') : t('index.routing.saveRoutingRules')}
                  </button>
                  {state.dirty && !state.saving && (
                    <button type="button" className="subtle-button" onClick={() => void load()}>
                      {t('index.routing.discardChanges')}
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
                        {t('index.routing.reloadRules')}
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
