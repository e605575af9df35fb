/**
 * Team impact: the summed scores of the pain points and opportunities routed to each team. ONE
 * measure for the write-up ("which teams should know", `routeItems`) and the space index
 * ("teams with the most pain"): the map is reduced to its route weights (items with the same
 * routing inputs summed), the page summary keeps those, and `teamImpact` routes them under the
 * space's rules, in the write-up and in the index alike.
 */
import type { JourneyMap, LaneType } from '../model/schema';
import { placeCards } from '../ranking/journey-order';
import { rankOpportunities } from '../ranking/opportunities';
import { rankPainPoints } from '../ranking/rank-pain-points';
import type { RoutingRules } from './routing-rules';
import { stageRuleKey } from './routing-rules';

/** What decides an item's teams: its own teams, channels (card's then step's), stage, lane. */
export type RouteInputs = {
  teams: string[];
  channels: string[];
  /** The stage's rule key (`stageRuleKey`). */
  stage: string;
  lane: LaneType | null;
};

/** Items with the same routing inputs, their scores summed. */
export type RouteWeight = RouteInputs & { score: number };

/** Why an item went to a team, in order of precedence. */
export type RouteReason = 'explicit' | 'channel' | 'stage' | 'lane' | 'unassigned';

/** The teams of one set of inputs (empty = unassigned), why, and the channels that matched. */
export type RoutedTeams = {
  teams: string[];
  reason: RouteReason;
  /** Per team (explicit / channel routing), the channel ids that routed it. */
  channelsOf: ReadonlyMap<string, string[]>;
};

/** One team's impact. */
export type TeamImpact = { team: string; score: number; unassigned: boolean };

/** Key of the group of items no rule routes. */
export const UNASSIGNED_KEY = '\u0000unassigned';

/** Rounds to 4 decimals (scores have at most 4; this removes floating-point noise). */
export function cleanScore(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Trimmed, non-empty, first spelling kept (case-insensitive). */
export function cleanTeams(teams: readonly string[]): string[] {
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
 * The rules as Maps: names and ids are user text, and a plain-object lookup of "constructor" or
 * "__proto__" would find Object.prototype's members instead of a rule (issue 13, item 7).
 */
type RuleMaps = {
  channels: ReadonlyMap<string, string>;
  stages: ReadonlyMap<string, string>;
  lanes: ReadonlyMap<string, string>;
};

function ruleMaps(rules: RoutingRules): RuleMaps {
  const stages = new Map<string, string>();
  for (const [name, team] of Object.entries(rules.stages)) stages.set(stageRuleKey(name), team);
  const teams = (o: Record<string, string | undefined>) =>
    new Map(Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return { channels: teams(rules.channels), stages, lanes: teams(rules.lanes) };
}

/**
 * Routes one set of inputs: its own teams if set; else the teams owning its channels; else the
 * team owning its stage; else its lane; else unassigned (no teams).
 */
export function routeInputs(inputs: RouteInputs, rules: RoutingRules): RoutedTeams {
  const maps = ruleMaps(rules);
  const explicit = cleanTeams(inputs.teams);
  if (explicit.length > 0) return { teams: explicit, reason: 'explicit', channelsOf: new Map() };
  const channelsOf = new Map<string, string[]>();
  const teams: string[] = [];
  for (const channelId of new Set(inputs.channels)) {
    const [team] = cleanTeams([maps.channels.get(channelId) ?? '']);
    if (!team) continue;
    const existing = teams.find((t) => t.toLowerCase() === team.toLowerCase());
    if (existing) channelsOf.get(existing)?.push(channelId);
    else {
      teams.push(team);
      channelsOf.set(team, [channelId]);
    }
  }
  if (teams.length > 0) return { teams, reason: 'channel', channelsOf };
  const [stageTeam] = cleanTeams([maps.stages.get(stageRuleKey(inputs.stage)) ?? '']);
  if (stageTeam) return { teams: [stageTeam], reason: 'stage', channelsOf };
  const [laneTeam] = cleanTeams([inputs.lane ? (maps.lanes.get(inputs.lane) ?? '') : '']);
  if (laneTeam) return { teams: [laneTeam], reason: 'lane', channelsOf };
  return { teams: [], reason: 'unassigned', channelsOf };
}

/** A scored pain point or opportunity (opportunity: impact × feasibility + linked scores). */
export type ScoredItem = { kind: 'painPoint' | 'opportunity'; cardId: string; score: number };

/** Every ranked pain point and opportunity with the score teams are weighed by. */
export function scoredItems(map: JourneyMap): ScoredItem[] {
  return [
    ...rankPainPoints(map).map((p) => ({
      kind: 'painPoint' as const,
      cardId: p.cardId,
      score: p.score,
    })),
    ...rankOpportunities(map).map((o) => ({
      kind: 'opportunity' as const,
      cardId: o.cardId,
      score: cleanScore(o.priority + o.linkedScore),
    })),
  ];
}

/** The map's route weights: its scored items grouped by their routing inputs. */
export function routeWeights(map: JourneyMap): RouteWeight[] {
  const places = placeCards(map);
  const groups = new Map<string, RouteWeight>();
  for (const item of scoredItems(map)) {
    const place = places.get(item.cardId);
    if (!place) continue;
    const inputs: RouteInputs = {
      teams: cleanTeams(place.card.teams),
      channels: [...new Set([...place.card.channels, ...place.step.channels])],
      stage: stageRuleKey(place.stage.name),
      lane: place.lane?.type ?? null,
    };
    const key = JSON.stringify(inputs);
    const group = groups.get(key) ?? { ...inputs, score: 0 };
    group.score = cleanScore(group.score + item.score);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Case-insensitive code-point order (the same in every locale and runtime). */
function byName(a: string, b: string): number {
  const an = a.toLowerCase();
  const bn = b.toLowerCase();
  return an < bn ? -1 : an > bn ? 1 : 0;
}

/**
 * Team impact under the rules: each weight counts fully for every team it routes to; team names
 * group case-insensitively (first spelling kept); heaviest first, ties by name; unassigned last.
 */
export function teamImpact(weights: readonly RouteWeight[], rules: RoutingRules): TeamImpact[] {
  const totals = new Map<string, TeamImpact>();
  for (const w of weights) {
    const routed = routeInputs(w, rules);
    const teams = routed.teams.length > 0 ? routed.teams : [null];
    for (const team of teams) {
      const key = team === null ? UNASSIGNED_KEY : team.toLowerCase();
      const t = totals.get(key) ?? { team: team ?? '', score: 0, unassigned: team === null };
      t.score = cleanScore(t.score + w.score);
      totals.set(key, t);
    }
  }
  return [...totals.values()].sort(
    (a, b) =>
      Number(a.unassigned) - Number(b.unassigned) || b.score - a.score || byName(a.team, b.team),
  );
}

/** The lookup key of a team (as `teamImpact` groups them). */
export function teamKey(team: string, unassigned: boolean): string {
  return unassigned ? UNASSIGNED_KEY : team.trim().toLowerCase();
}
