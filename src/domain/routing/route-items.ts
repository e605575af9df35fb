/**
 * Which teams should know about which pain points and opportunities (seed 000's "which teams
 * should know about them?"), with the reason for every routing so the write-up can show it.
 */
import type { Card, JourneyMap, Lane, Stage, Step } from '../model/schema';
import { compareOrder, placeCards } from '../ranking/journey-order';
import { rankOpportunities } from '../ranking/opportunities';
import { rankPainPoints } from '../ranking/rank-pain-points';
import type { RoutingRules } from './routing-rules';
import { stageRuleKey } from './routing-rules';

/** Name of the group that collects items no rule routes. */
export const UNASSIGNED_TEAM = 'Unassigned';

/** Why an item went to a team, in order of precedence. */
export type RouteReason = 'explicit' | 'channel' | 'stage' | 'lane' | 'unassigned';

/** The teams one card is routed to and why. */
export type CardRoute = {
  teams: string[];
  reason: RouteReason;
  /** What matched, per team: the channel name, stage name or lane name ('' when explicit). */
  via: ReadonlyMap<string, string>;
};

/** One item inside a team's recommendation. */
export type RoutedItem = {
  kind: 'painPoint' | 'opportunity';
  cardId: string;
  text: string;
  /** Pain point: its impact score. Opportunity: impact × feasibility + linked pain-point scores. */
  score: number;
  reason: RouteReason;
  via: string;
  /** A short sentence for the write-up: "set on the card", "owns the Web channel", … */
  because: string;
  stageName: string;
  stepName: string;
};

/** A team with everything routed to it, heaviest first. */
export type TeamRecommendation = {
  team: string;
  unassigned: boolean;
  /** Sum of the items' scores. */
  totalScore: number;
  items: RoutedItem[];
};

/**
 * The rules as Maps: names and ids are user text, and a plain-object lookup of "constructor" or
 * "__proto__" would find Object.prototype's members instead of a rule (issue 13, item 7).
 */
type RuleMaps = {
  channels: ReadonlyMap<string, string>;
  stages: ReadonlyMap<string, string>;
  lanes: ReadonlyMap<string, string>;
};

function normaliseRules(rules: RoutingRules): RuleMaps {
  const stages = new Map<string, string>();
  for (const [name, team] of Object.entries(rules.stages)) stages.set(stageRuleKey(name), team);
  const teams = (o: Record<string, string | undefined>) =>
    new Map(Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return { channels: teams(rules.channels), stages, lanes: teams(rules.lanes) };
}

function cleanTeams(teams: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of teams) {
    const team = raw.trim();
    if (team && !seen.has(team.toLowerCase())) {
      seen.add(team.toLowerCase());
      out.push(team);
    }
  }
  return out;
}

/**
 * Routes one card: its own teams if set; else the teams owning its channels (the card's own,
 * then its step's); else the team owning its stage; else its lane; else unassigned.
 */
export function routeCard(args: {
  card: Card;
  step: Step;
  stage: Stage;
  lane: Lane | null;
  rules: RoutingRules;
  channelNames?: ReadonlyMap<string, string>;
}): CardRoute {
  const { card, step, stage, lane } = args;
  const rules = normaliseRules(args.rules);
  const explicit = cleanTeams(card.teams);
  if (explicit.length > 0) {
    return {
      teams: explicit,
      reason: 'explicit',
      via: new Map(explicit.map((t) => [t, ''])),
    };
  }
  const via = new Map<string, string>();
  const teams: string[] = [];
  for (const channelId of new Set([...card.channels, ...step.channels])) {
    const [team] = cleanTeams([rules.channels.get(channelId) ?? '']);
    if (!team) continue;
    const existing = teams.find((t) => t.toLowerCase() === team.toLowerCase());
    const name = args.channelNames?.get(channelId) ?? channelId;
    if (existing) via.set(existing, `${via.get(existing) ?? ''}, ${name}`);
    else {
      teams.push(team);
      via.set(team, name);
    }
  }
  if (teams.length > 0) return { teams, reason: 'channel', via };
  const [stageTeam] = cleanTeams([rules.stages.get(stageRuleKey(stage.name)) ?? '']);
  if (stageTeam)
    return { teams: [stageTeam], reason: 'stage', via: new Map([[stageTeam, stage.name]]) };
  const [laneTeam] = cleanTeams([lane ? (rules.lanes.get(lane.type) ?? '') : '']);
  if (laneTeam && lane)
    return { teams: [laneTeam], reason: 'lane', via: new Map([[laneTeam, lane.name]]) };
  return { teams: [UNASSIGNED_TEAM], reason: 'unassigned', via: new Map([[UNASSIGNED_TEAM, '']]) };
}

function because(reason: RouteReason, via: string): string {
  switch (reason) {
    case 'explicit':
      return 'set on the card';
    case 'channel':
      return `owns the channel ${via}`;
    case 'stage':
      return `owns the stage ${via}`;
    case 'lane':
      return `owns the lane ${via}`;
    case 'unassigned':
      return 'no team set and no routing rule matched';
  }
}

/**
 * Every pain point and opportunity grouped by the team it is routed to. Teams are ordered by
 * their summed scores (pain point: impact score; opportunity: impact × feasibility plus the
 * scores of its linked pain points), ties by name; "Unassigned" always comes last. An item
 * routed to several teams (several explicit teams or channels) counts fully for each. Team
 * names group case-insensitively and keep the first spelling met in journey order.
 */
export function routeItems(args: { map: JourneyMap; rules: RoutingRules }): TeamRecommendation[] {
  const { map, rules } = args;
  const places = placeCards(map);
  const channelNames = new Map(map.channels.map((c) => [c.id, c.name]));
  const weighted = [
    ...rankPainPoints(map).map((p) => ({
      kind: 'painPoint' as const,
      id: p.cardId,
      score: p.score,
    })),
    ...rankOpportunities(map).map((o) => ({
      kind: 'opportunity' as const,
      id: o.cardId,
      score: Math.round((o.priority + o.linkedScore) * 10_000) / 10_000,
    })),
  ];
  const groups = new Map<
    string,
    { team: string; items: (RoutedItem & { order: readonly [number, number, number, number] })[] }
  >();
  for (const item of weighted) {
    const place = places.get(item.id);
    if (!place) continue;
    const route = routeCard({ ...place, rules, channelNames });
    for (const team of route.teams) {
      const key = route.reason === 'unassigned' ? '\u0000unassigned' : team.toLowerCase();
      const group = groups.get(key) ?? { team, items: [] };
      groups.set(key, group);
      const via = route.via.get(team) ?? '';
      group.items.push({
        kind: item.kind,
        cardId: item.id,
        text: place.card.text,
        score: item.score,
        reason: route.reason,
        via,
        because: because(route.reason, via),
        stageName: place.stage.name,
        stepName: place.step.name,
        order: place.order,
      });
    }
  }
  const teams = [...groups.entries()].map(([key, group]) => {
    group.items.sort((a, b) => b.score - a.score || compareOrder(a.order, b.order));
    const totalScore =
      Math.round(group.items.reduce((sum, i) => sum + i.score, 0) * 10_000) / 10_000;
    return {
      team: group.team,
      unassigned: key === '\u0000unassigned',
      totalScore,
      items: group.items.map(({ order: _order, ...item }) => item),
    };
  });
  teams.sort((a, b) => {
    if (a.unassigned !== b.unassigned) return a.unassigned ? 1 : -1;
    const byScore = b.totalScore - a.totalScore;
    if (byScore !== 0) return byScore;
    const an = a.team.toLowerCase();
    const bn = b.team.toLowerCase();
    return an < bn ? -1 : an > bn ? 1 : 0;
  });
  return teams;
}
