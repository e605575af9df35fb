/** The three rule tables of the routing panel: channel, stage and lane → team. */
import type { ReactNode } from 'react';
import { DEFAULT_CHANNELS } from '@domain/model/factories';
import type { Draft } from './routing-draft';
import { ROUTABLE_LANES } from './routing-draft';
import { useT } from '../../i18n';

/** Props of the rule tables: the draft, how to change it, and whether it is read-only. */
export type RuleTableProps = {
  draft: Draft;
  edit: (change: (d: Draft) => Draft) => void;
  disabled: boolean;
  canEdit: boolean;
  teamInput: (label: string, value: string, onChange: (v: string) => void) => ReactNode;
};

/** The three tables side by side. */
export function RuleTables(props: RuleTableProps) {
  return (
    <div className="routing-grid">
      <ChannelRules {...props} />
      <StageRules {...props} />
      <LaneRules {...props} />
    </div>
  );
}

/** Channel → team: the default channels, then any others the rules name. */
function ChannelRules({ draft, edit, teamInput }: RuleTableProps) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t('index.routingTables.channelTeam')}</legend>
      <table className="rules-table">
        <tbody>
          {[
            ...DEFAULT_CHANNELS.map((c) => ({ id: c.id, name: c.name })),
            ...Object.keys(draft.channels)
              .filter((id) => !DEFAULT_CHANNELS.some((c) => c.id === id))
              .map((id) => ({ id, name: id })),
          ].map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              <td>
                {teamInput(
                  t('index.routing.teamForChannel', { name: c.name }),
                  (Object.hasOwn(draft.channels, c.id) ? draft.channels[c.id] : '') ?? '',
                  (v) => edit((d) => ({ ...d, channels: { ...d.channels, [c.id]: v } })),
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

/** Stage → team: rows of a stage name and its team. */
function StageRules({ draft, edit, disabled, canEdit, teamInput }: RuleTableProps) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t('index.routingTables.stageTeam')}</legend>
      <table className="rules-table">
        <tbody>
          {draft.stages.map((s, i) => (
            <tr key={i}>
              <th scope="row">
                <input
                  type="text"
                  className="stage-input"
                  aria-label={t('index.routingTables.stageNameN', { n: i + 1 })}
                  placeholder={t('index.routingTables.stageName')}
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
                {teamInput(
                  t('index.routing.teamForStage', { name: s.name || i + 1 }),
                  s.team,
                  (v) =>
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
                  aria-label={t('index.routingTables.removeStage', { name: s.name || i + 1 })}
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
      {canEdit && (
        <button
          type="button"
          className="subtle-button"
          disabled={disabled}
          onClick={() => edit((d) => ({ ...d, stages: [...d.stages, { name: '', team: '' }] }))}
        >
          {t('index.routingTables.addStageRule')}
        </button>
      )}
      {!canEdit && draft.stages.length === 0 && (
        <p className="subtle">{t('index.routingTables.noStageRules')}</p>
      )}
    </fieldset>
  );
}

/** Lane → team, for the lane types that hold cards. */
function LaneRules({ draft, edit, teamInput }: RuleTableProps) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t('index.routingTables.laneTeam')}</legend>
      <table className="rules-table">
        <tbody>
          {ROUTABLE_LANES.map((lane) => (
            <tr key={lane}>
              <th scope="row">{t(`editor.laneType.${lane}`)}</th>
              <td>
                {teamInput(
                  t('index.routing.teamForLane', { name: t(`editor.laneType.${lane}`) }),
                  draft.lanes[lane] ?? '',
                  (v) => edit((d) => ({ ...d, lanes: { ...d.lanes, [lane]: v } })),
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
