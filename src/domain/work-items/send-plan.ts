/**
 * "Send the top N to their teams": one work item per item per routed team, for the N highest
 * pain points and the N highest opportunities, skipping what is already linked for that team and
 * teams without a Jira project. Pure, so the preview and the server compute the same plan.
 */
import type { JourneyMap } from '../model/schema';
import { rankOpportunities } from '../ranking/opportunities';
import { rankPainPoints } from '../ranking/rank-pain-points';
import type { JiraTarget, RoutingRules } from '../routing';
import { UNASSIGNED_TEAM, jiraTargetFor, routeItems } from '../routing';

/** Most items of each kind one send takes. */
export const MAX_SEND_TOP = 10;

/** One row of the plan. */
export type SendRow = {
  cardId: string;
  kind: 'painPoint' | 'opportunity';
  text: string;
  team: string;
  /** Where it goes, or null when it is skipped. */
  target: JiraTarget | null;
  /** Why it is skipped (null = it will be created). */
  skip: null | 'already-linked' | 'no-project' | 'unassigned';
};

/** The plan for the top `topN` pain points and opportunities. */
export function planSend(args: { map: JourneyMap; rules: RoutingRules; topN: number }): SendRow[] {
  const { map, rules } = args;
  const n = Math.max(0, Math.min(MAX_SEND_TOP, Math.floor(args.topN)));
  const chosen = new Set([
    ...rankPainPoints(map)
      .slice(0, n)
      .map((p) => p.cardId),
    ...rankOpportunities(map)
      .slice(0, n)
      .map((o) => o.cardId),
  ]);
  const rows: SendRow[] = [];
  for (const rec of routeItems({ map, rules })) {
    for (const item of rec.items) {
      if (!chosen.has(item.cardId)) continue;
      const team = rec.team;
      const linked = map.workItems.some(
        (w) => w.cardId === item.cardId && w.team.trim().toLowerCase() === team.toLowerCase(),
      );
      const target = rec.unassigned ? null : jiraTargetFor(rules, team);
      const skip =
        rec.unassigned || team === UNASSIGNED_TEAM
          ? 'unassigned'
          : linked
            ? 'already-linked'
            : target === null
              ? 'no-project'
              : null;
      rows.push({
        cardId: item.cardId,
        kind: item.kind,
        text: item.text,
        team,
        target: skip ? null : target,
        skip,
      });
    }
  }
  return rows;
}
