/** The routing panel's editable draft of the rules, and its conversion to and from the rules. */
import { LANE_TYPE_INFO } from '@domain/model/factories';
import type { LaneType } from '@domain/model/schema';
import type { JiraTarget, RoutingRules } from '@domain/routing/routing-rules';
import { stageRuleKey } from '@domain/routing/routing-rules';

/** One team's Jira target as the form edits it (labels as typed, space-separated). */
export type JiraDraft = {
  team: string;
  project: string;
  issueType: string;
  component: string;
  labels: string;
};

/** Lane types whose cards can be routed (the emotions and metrics lanes hold no cards). */
export const ROUTABLE_LANES = (Object.keys(LANE_TYPE_INFO) as LaneType[]).filter(
  (t) => LANE_TYPE_INFO[t].cardKind !== null,
);

/** Rules as the form edits them (stages as rows, so a name can be typed). */
export type Draft = {
  channels: Record<string, string>;
  stages: { name: string; team: string }[];
  lanes: Partial<Record<LaneType, string>>;
  /** Team → Jira project, component and labels (decision 0041). */
  jira: JiraDraft[];
};

/** The draft of stored rules. */
export function toDraft(rules: RoutingRules): Draft {
  return {
    channels: { ...rules.channels },
    stages: Object.entries(rules.stages).map(([name, team]) => ({ name, team })),
    lanes: { ...rules.lanes },
    jira: Object.entries(rules.jira ?? {}).map(([team, j]) => ({
      team,
      project: j.project,
      issueType: j.issueType,
      component: j.component,
      labels: j.labels.join(' '),
    })),
  };
}

/** The rules of a draft: blank teams and nameless stages dropped, values trimmed. */
export function toRules(draft: Draft): RoutingRules {
  const keep = (o: Record<string, string | undefined>): Record<string, string> =>
    Object.fromEntries(
      Object.entries(o)
        .map(([k, v]) => [k, (v ?? '').trim()] as const)
        .filter(([, v]) => v !== ''),
    );
  // Built from entries, not by assignment: a stage named "__proto__" stays a rule.
  const stages = Object.fromEntries(
    draft.stages
      .map((s) => [stageRuleKey(s.name), s.team.trim()] as const)
      .filter(([key, team]) => key !== '' && team !== ''),
  );
  const jira = Object.fromEntries(
    draft.jira
      .filter((j) => j.team.trim() !== '' && j.project !== '')
      .map((j): [string, JiraTarget] => [
        j.team.trim(),
        {
          project: j.project,
          issueType: j.issueType.trim(),
          component: j.component.trim(),
          labels: j.labels.split(/[\s,]+/).filter(Boolean),
        },
      ]),
  );
  return {
    channels: keep(draft.channels),
    stages,
    lanes: keep(draft.lanes),
    ...(Object.keys(jira).length > 0 ? { jira } : {}),
  };
}
