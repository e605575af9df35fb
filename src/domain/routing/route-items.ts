/**
 * Which teams should know about which pain points and opportunities (seed 000's "which teams
 * should know about them?"), with the reason for every routing so the write-up can show it.
 */
import type { Card, JourneyMap, Lane, Stage, Step } from '../model/schema';
import { compareOrder, placeCards } from '../ranking/journey-order';
import type { RoutingRules } from './routing-rules';
import type { RouteReason } from './team-impact';
import {
  UNASSIGNED_KEY,
  routeInputs,
  routeWeights,
  scoredItems,
  teamImpact,
  teamKey,
} from './team-impact';

/** Name of the group that collects items no rule routes. */
export const UNASSIGNED_TEAM = 'Unassigned';

/** Why an item went to a team, in order of precedence. */
export type { RouteReason };

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
  const routed = routeInputs(
    {
      teams: card.teams,
      channels: [...card.channels, ...step.channels],
      stage: stage.name,
      lane: lane?.type ?? null,
    },
    args.rules,
  );
  const via = new Map<string, string>();
  for (const team of routed.teams) {
    const channels = routed.channelsOf.get(team) ?? [];
    via.set(
      team,
      routed.reason === 'channel'
        ? channels.map((id) => args.channelNames?.get(id) ?? id).join(', ')
        : routed.reason === 'stage'
          ? stage.name
          : routed.reason === 'lane'
            ? (lane?.name ?? '')
            : '',
    );
  }
  if (routed.teams.length === 0) {
    return {
      teams: [UNASSIGNED_TEAM],
      reason: 'unassigned',
      via: new Map([[UNASSIGNED_TEAM, '']]),
    };
  }
  return { teams: routed.teams, reason: routed.reason, via };
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
  const weighted = scoredItems(map);
  const groups = new Map<
    string,
    { team: string; items: (RoutedItem & { order: readonly [number, number, number, number] })[] }
  >();
  for (const item of weighted) {
    const place = places.get(item.cardId);
    if (!place) continue;
    const route = routeCard({ ...place, rules, channelNames });
    for (const team of route.teams) {
      const key = teamKey(team, route.reason === 'unassigned');
      const group = groups.get(key) ?? { team, items: [] };
      groups.set(key, group);
      const via = route.via.get(team) ?? '';
      group.items.push({
        kind: item.kind,
        cardId: item.cardId,
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
  // The totals and their order are the team impact the index shows too (team-impact.ts).
  const impact = teamImpact(routeWeights(map), rules);
  const rank = new Map(impact.map((t, i) => [teamKey(t.team, t.unassigned), i]));
  return [...groups.entries()]
    .sort(([a], [b]) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0))
    .map(([key, group]) => {
      group.items.sort((a, b) => b.score - a.score || compareOrder(a.order, b.order));
      return {
        team: group.team,
        unassigned: key === UNASSIGNED_KEY,
        totalScore: impact[rank.get(key) ?? -1]?.score ?? 0,
        items: group.items.map(({ order: _order, ...item }) => item),
      };
    });
}
