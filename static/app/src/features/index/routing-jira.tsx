/**
 * Team → Jira project (component, labels) in the routing rules panel: the project is picked from
 * the projects the person may create work in (`jira/projects` by space). Where the site has no
 * Jira, or the person cannot create in a chosen project, it says why; the create dialog and
 * "send to teams" default from these targets.
 */
import { useEffect, useState } from 'react';
import type { JiraProjects } from '@contract';
import { call } from '../../bridge/client';
import { useT } from '../../i18n';
import { ColumnHeads } from '../../ui/column-heads';
import type { Draft, JiraDraft } from './routing-draft';

/** Props of {@link JiraRules}. */
export type JiraRulesProps = {
  spaceId: string;
  draft: Draft;
  edit: (change: (d: Draft) => Draft) => void;
  disabled: boolean;
  canEdit: boolean;
  knownTeams: string[];
};

/** Why the person cannot create in each project, asked once per project shown. */
function useProjectReasons(spaceId: string, keys: string[]): ReadonlyMap<string, string> {
  const [reasons, setReasons] = useState<ReadonlyMap<string, string>>(new Map());
  const joined = [...new Set(keys)].sort().join(' ');
  useEffect(() => {
    let live = true;
    void Promise.all(
      joined
        .split(' ')
        .filter(Boolean)
        .map(async (project) => {
          const res = await call('jira/projects', { spaceId, project });
          const p = res.ok && res.data.available ? res.data.project : undefined;
          return [project, p && !p.canCreate ? (p.reason ?? '') : ''] as const;
        }),
    ).then((pairs) => {
      if (live) setReasons(new Map(pairs.filter(([, r]) => r !== '')));
    });
    return () => {
      live = false;
    };
  }, [spaceId, joined]);
  return reasons;
}

/** The table of teams and their Jira targets. */
export function JiraRules({ spaceId, draft, edit, disabled, canEdit, knownTeams }: JiraRulesProps) {
  const t = useT();
  const [projects, setProjects] = useState<JiraProjects | null>(null);
  useEffect(() => {
    let live = true;
    void call('jira/projects', { spaceId }).then((res) => {
      if (live) setProjects(res.ok ? res.data : { available: false, reason: res.error.message });
    });
    return () => {
      live = false;
    };
  }, [spaceId]);
  const reasons = useProjectReasons(
    spaceId,
    draft.jira.map((j) => j.project),
  );
  const rows: JiraDraft[] = [
    ...draft.jira,
    ...[
      ...knownTeams,
      ...Object.values(draft.channels),
      ...draft.stages.map((st) => st.team),
      ...Object.values(draft.lanes),
    ]
      .map((team) => (team ?? '').trim())
      .filter(
        (team, i, all) =>
          team !== '' && all.findIndex((x) => x.toLowerCase() === team.toLowerCase()) === i,
      )
      .filter((team) => !draft.jira.some((j) => j.team.toLowerCase() === team.toLowerCase()))
      .map((team) => ({ team, project: '', issueType: '', component: '', labels: '' })),
  ];
  const change = (team: string, patch: Partial<JiraDraft>) =>
    edit((d) => {
      const has = d.jira.some((j) => j.team === team);
      const jira = has
        ? d.jira.map((j) => (j.team === team ? { ...j, ...patch } : j))
        : [...d.jira, { team, project: '', issueType: '', component: '', labels: '', ...patch }];
      return { ...d, jira };
    });
  const unavailable = projects && !projects.available ? projects.reason : null;
  const listed = projects?.available ? projects.projects : [];
  return (
    <fieldset className="jira-rules">
      <legend>{t('index.routingJira.legend')}</legend>
      {unavailable && <p className="banner is-readonly">{unavailable}</p>}
      {!unavailable && projects?.available && listed.length === 0 && (
        <p className="subtle">{t('work.create.noProjects')}</p>
      )}
      {rows.length === 0 ? (
        <p className="subtle">{t('index.routingJira.noTeams')}</p>
      ) : (
        <table className="rules-table">
          <ColumnHeads
            labels={[
              t('work.create.team'),
              t('work.create.project'),
              t('work.create.component'),
              t('work.create.labels'),
            ]}
          />
          <tbody>
            {rows.map((j) => (
              <tr key={j.team}>
                <th scope="row">{j.team}</th>
                <td>
                  <select
                    aria-label={t('index.routingJira.projectFor', { team: j.team })}
                    value={j.project}
                    disabled={disabled || unavailable !== null}
                    onChange={(e) => change(j.team, { project: e.target.value })}
                  >
                    <option value="">{t('index.routingJira.none')}</option>
                    {j.project && !listed.some((p) => p.key === j.project) && (
                      <option value={j.project}>{j.project}</option>
                    )}
                    {listed.map((p) => (
                      <option key={p.key} value={p.key}>
                        {p.name} ({p.key})
                      </option>
                    ))}
                  </select>
                  {j.project && reasons.get(j.project) && (
                    <span className="cell-sub">{reasons.get(j.project)}</span>
                  )}
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={t('index.routingJira.componentFor', { team: j.team })}
                    maxLength={200}
                    value={j.component}
                    disabled={disabled || !j.project}
                    onChange={(e) => change(j.team, { component: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={t('index.routingJira.labelsFor', { team: j.team })}
                    placeholder={t('work.create.labelsHint')}
                    maxLength={400}
                    value={j.labels}
                    disabled={disabled || !j.project}
                    onChange={(e) => change(j.team, { labels: e.target.value })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!canEdit && draft.jira.length === 0 && (
        <p className="subtle">{t('index.routingJira.noneSet')}</p>
      )}
    </fieldset>
  );
}
