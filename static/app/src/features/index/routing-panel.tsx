/**
 * "Team routing rules" of the space: which team owns which channel, stage and lane. Loaded when
 * opened (two REST calls), editable by space editors, read-only with the reason for others.
 * Write-ups route pain points and opportunities without a team of their own through these rules.
 */
import { useId, useState } from 'react';
import { DEFAULT_CHANNELS, LANE_TYPE_INFO } from '@domain/model/factories';
import type { LaneType } from '@domain/model/schema';
import type { RoutingRules } from '@domain/routing/routing-rules';
import { stageRuleKey } from '@domain/routing/routing-rules';
import type { ResolverError } from '@contract';
import { call } from '../../bridge/client';

/** Lane types whose cards can be routed (the emotions and metrics lanes hold no cards). */
const ROUTABLE_LANES = (Object.keys(LANE_TYPE_INFO) as LaneType[]).filter(
  (t) => LANE_TYPE_INFO[t].cardKind !== null,
);

type Draft = {
  channels: Record<string, string>;
  stages: { name: string; team: string }[];
  lanes: Partial<Record<LaneType, string>>;
};

function toDraft(rules: RoutingRules): Draft {
  return {
    channels: { ...rules.channels },
    stages: Object.entries(rules.stages).map(([name, team]) => ({ name, team })),
    lanes: { ...rules.lanes },
  };
}

function toRules(draft: Draft): RoutingRules {
  const keep = (o: Record<string, string | undefined>): Record<string, string> =>
    Object.fromEntries(
      Object.entries(o)
        .map(([k, v]) => [k, (v ?? '').trim()] as const)
        .filter(([, v]) => v !== ''),
    );
  const stages: Record<string, string> = {};
  for (const s of draft.stages) {
    const key = stageRuleKey(s.name);
    if (key && s.team.trim()) stages[key] = s.team.trim();
  }
  return { channels: keep(draft.channels), stages, lanes: keep(draft.lanes) };
}

type State =
  | { kind: 'closed' }
  | { kind: 'loading' }
  | { kind: 'error'; error: ResolverError }
  | {
      kind: 'ready';
      draft: Draft;
      version: number;
      canEdit: boolean;
      reason?: string;
      dirty: boolean;
      saving: boolean;
      message: { tone: 'success' | 'error'; text: string; conflict?: boolean } | null;
    };

/** Props of {@link RoutingPanel}. */
export type RoutingPanelProps = { spaceId: string | null; knownTeams: string[] };

/** The routing rules section. */
export function RoutingPanel({ spaceId, knownTeams }: RoutingPanelProps) {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<State>({ kind: 'closed' });
  const teamsListId = useId();

  const load = async (): Promise<void> => {
    if (!spaceId) {
      setState({ kind: 'error', error: { code: 'NOT_FOUND', message: 'No space in context.' } });
      return;
    }
    setState({ kind: 'loading' });
    const result = await call('routing/get', { spaceId });
    if (!result.ok) {
      setState({ kind: 'error', error: result.error });
      return;
    }
    setState({
      kind: 'ready',
      draft: toDraft(result.data.rules),
      version: result.data.version,
      canEdit: result.data.canEdit,
      ...(result.data.reason ? { reason: result.data.reason } : {}),
      dirty: false,
      saving: false,
      message: null,
    });
  };

  const toggle = (): void => {
    const next = !open;
    setOpen(next);
    if (next && state.kind !== 'ready') void load();
  };

  const edit = (change: (d: Draft) => Draft): void => {
    setState((s) =>
      s.kind === 'ready' ? { ...s, draft: change(s.draft), dirty: true, message: null } : s,
    );
  };

  const save = async (): Promise<void> => {
    if (state.kind !== 'ready' || !spaceId) return;
    setState({ ...state, saving: true, message: null });
    const result = await call('routing/set', {
      spaceId,
      rules: toRules(state.draft),
      baseVersion: state.version,
    });
    setState((s) => {
      if (s.kind !== 'ready') return s;
      if (!result.ok) {
        return {
          ...s,
          saving: false,
          message: {
            tone: 'error',
            text: result.error.message,
            conflict: result.error.code === 'CONFLICT',
          },
        };
      }
      return {
        ...s,
        draft: toDraft(result.data.rules),
        version: result.data.version,
        dirty: false,
        saving: false,
        message: { tone: 'success', text: 'Routing rules saved. New write-ups use them.' },
      };
    });
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
              <div className="routing-grid">
                <fieldset>
                  <legend>Channel → team</legend>
                  <table className="rules-table">
                    <tbody>
                      {[
                        ...DEFAULT_CHANNELS.map((c) => ({ id: c.id, name: c.name })),
                        ...Object.keys(state.draft.channels)
                          .filter((id) => !DEFAULT_CHANNELS.some((c) => c.id === id))
                          .map((id) => ({ id, name: id })),
                      ].map((c) => (
                        <tr key={c.id}>
                          <th scope="row">{c.name}</th>
                          <td>
                            {teamInput(
                              `Team owning the ${c.name} channel`,
                              state.draft.channels[c.id] ?? '',
                              (v) =>
                                edit((d) => ({ ...d, channels: { ...d.channels, [c.id]: v } })),
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </fieldset>
                <fieldset>
                  <legend>Stage → team</legend>
                  <table className="rules-table">
                    <tbody>
                      {state.draft.stages.map((s, i) => (
                        <tr key={i}>
                          <th scope="row">
                            <input
                              type="text"
                              className="stage-input"
                              aria-label={`Stage name ${i + 1}`}
                              placeholder="Stage name"
                              maxLength={200}
                              value={s.name}
                              disabled={disabled}
                              onChange={(e) =>
                                edit((d) => ({
                                  ...d,
                                  stages: d.stages.map((x, j) =>
                                    j === i ? { ...x, name: e.target.value } : x,
                                  ),
                                }))
                              }
                            />
                          </th>
                          <td>
                            {teamInput(`Team owning stage ${s.name || i + 1}`, s.team, (v) =>
                              edit((d) => ({
                                ...d,
                                stages: d.stages.map((x, j) => (j === i ? { ...x, team: v } : x)),
                              })),
                            )}
                          </td>
                          <td>
                            <button
                              type="button"
                              className="icon-button"
                              aria-label={`Remove stage rule ${s.name || i + 1}`}
                              disabled={disabled}
                              onClick={() =>
                                edit((d) => ({
                                  ...d,
                                  stages: d.stages.filter((_, j) => j !== i),
                                }))
                              }
                            >
                              ×
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {state.canEdit && (
                    <button
                      type="button"
                      className="subtle-button"
                      disabled={disabled}
                      onClick={() =>
                        edit((d) => ({ ...d, stages: [...d.stages, { name: '', team: '' }] }))
                      }
                    >
                      + Add stage rule
                    </button>
                  )}
                  {!state.canEdit && state.draft.stages.length === 0 && (
                    <p className="subtle">No stage rules.</p>
                  )}
                </fieldset>
                <fieldset>
                  <legend>Lane → team</legend>
                  <table className="rules-table">
                    <tbody>
                      {ROUTABLE_LANES.map((lane) => (
                        <tr key={lane}>
                          <th scope="row">{LANE_TYPE_INFO[lane].name}</th>
                          <td>
                            {teamInput(
                              `Team owning the ${LANE_TYPE_INFO[lane].name} lane`,
                              state.draft.lanes[lane] ?? '',
                              (v) => edit((d) => ({ ...d, lanes: { ...d.lanes, [lane]: v } })),
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </fieldset>
              </div>
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
