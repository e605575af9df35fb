/**
 * The pain points of one map, ranked as the write-up ranks them (score, the factors behind it)
 * with the teams each is routed to under the space's routing rules. Reads only: the content's
 * properties and the space's rules, as the asking person.
 */
import type { ConfluenceClient } from '../../confluence/client';
import { readRoutingRules } from '../../confluence/routing-store';
import type { Impact, EvidenceStatus } from '../../domain/model/schema';
import type { ScoreFactors } from '../../domain/ranking';
import { explainScore, rankPainPoints } from '../../domain/ranking';
import { english } from '../../domain/i18n/english';
import { routeItems } from '../../domain/routing';
import { clip } from './clip';
import { locateMap } from './locate-map';

/** One ranked pain point in an answer. */
export type PainPointAnswer = {
  rank: number;
  text: string;
  score: number;
  impact: Impact;
  votes: number;
  evidence: EvidenceStatus;
  factors: ScoreFactors;
  explanation: string;
  stage: string;
  step: string;
  teams: string[];
};

/** A map's ranked pain points. */
export type PainPointsAnswer = {
  map: { title: string; pageTitle: string; path: string; pageId: string; mapId: string };
  painPoints: PainPointAnswer[];
  total: number;
};

/** The top `limit` pain points of the map, with their scores, factors and routed teams. */
export async function mapPainPoints(args: {
  client: ConfluenceClient;
  pageId: string;
  mapId?: string;
  limit: number;
}): Promise<PainPointsAnswer> {
  const at = await locateMap(args);
  const rules = (await readRoutingRules(args.client, at.spaceId)).rules;
  const teamsOf = new Map<string, string[]>();
  for (const rec of routeItems({ map: at.map, rules })) {
    for (const item of rec.items) {
      if (item.kind !== 'painPoint') continue;
      teamsOf.set(item.cardId, [...(teamsOf.get(item.cardId) ?? []), clip(rec.team, 80)]);
    }
  }
  const ranked = rankPainPoints(at.map);
  return {
    map: {
      title: clip(at.map.title),
      pageTitle: clip(at.pageTitle),
      path: at.path,
      pageId: at.content.id,
      mapId: at.mapId,
    },
    painPoints: ranked.slice(0, args.limit).map((p) => ({
      rank: p.rank,
      text: clip(p.text),
      score: p.score,
      impact: p.impact,
      votes: p.votes,
      evidence: p.evidence,
      factors: p.factors,
      // English, as the rest of an action's output: the agent answers in the person's language.
      explanation: explainScore({ factors: p.factors, score: p.score, t: english }),
      stage: clip(p.stageName, 120),
      step: clip(p.stepName, 120),
      teams: teamsOf.get(p.cardId) ?? [],
    })),
    total: ranked.length,
  };
}
