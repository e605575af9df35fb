/**
 * Compares a current-state map with its future-state map: pain points removed, added, improved
 * or worsened; sentiment per stage before and after; opportunities whose pain points the future
 * state resolves. Items match by id first (the future map is a copy that keeps ids), then, for
 * what is left, by normalised text (an item deleted and typed again, or a map linked by hand).
 */
import type { Card, Impact, JourneyMap } from '../model/schema';
import { compareOrder, placeCards } from '../ranking/journey-order';
import { sentimentByStage } from '../sentiment/sentiment-by-stage';
import { normaliseText } from './normalise-text';

/** A pain point as the comparison shows it. */
export type PainPointRef = {
  id: string;
  text: string;
  impact: Impact;
  stepName: string;
  stageName: string;
};

/** A pain point found in both maps whose impact changed. */
export type PainPointChange = { before: PainPointRef; after: PainPointRef };

/** Sentiment of one stage before and after. */
export type StageSentimentChange = {
  /** The stage's id in the current map, else in the future map. */
  stageId: string;
  stageName: string;
  before: number | null;
  after: number | null;
  /** after − before, rounded to 2 decimals; null unless both are charted. */
  change: number | null;
  /** Where the stage exists. */
  presence: 'both' | 'currentOnly' | 'futureOnly';
};

/** What the future state does for one opportunity of the current map. */
export type OpportunityOutcome = {
  id: string;
  text: string;
  /** addressed: every linked pain point removed or improved; partly: some; open: none. */
  status: 'addressed' | 'partly' | 'open';
  painPoints: { id: string; text: string; outcome: 'removed' | 'improved' | 'unchanged' }[];
};

/** The whole comparison. */
export type MapComparison = {
  painPoints: {
    removed: PainPointRef[];
    added: PainPointRef[];
    improved: PainPointChange[];
    worsened: PainPointChange[];
    unchanged: number;
  };
  stages: StageSentimentChange[];
  /** Opportunities of the current map that are linked to at least one pain point. */
  opportunities: OpportunityOutcome[];
};

const SEVERITY: Record<Impact, number> = { trivial: 1, workaround: 2, abandon: 3 };

function painPointsOf(map: JourneyMap): PainPointRef[] {
  const places = [...placeCards(map).values()]
    .filter((p) => p.card.kind === 'painPoint' && p.card.painPoint !== null)
    .sort((a, b) => compareOrder(a.order, b.order));
  return places.map((p) => ({
    id: p.card.id,
    text: p.card.text,
    impact: p.card.painPoint?.impact ?? 'trivial',
    stepName: p.step.name,
    stageName: p.stage.name,
  }));
}

/**
 * One-to-one matching of two lists: by id, then by normalised key among the unmatched (first
 * come, first served, so duplicates pair up in order). Answers pairs and the unmatched of each.
 */
export function matchItems<T extends { id: string }>(args: {
  before: readonly T[];
  after: readonly T[];
  key: (item: T) => string;
}): { pairs: [T, T][]; beforeOnly: T[]; afterOnly: T[] } {
  const afterById = new Map(args.after.map((a) => [a.id, a]));
  const used = new Set<T>();
  const pairs: [T, T][] = [];
  const rest: T[] = [];
  for (const b of args.before) {
    const a = afterById.get(b.id);
    if (a && !used.has(a)) {
      used.add(a);
      pairs.push([b, a]);
    } else rest.push(b);
  }
  const byKey = new Map<string, T[]>();
  for (const a of args.after) {
    if (used.has(a)) continue;
    const k = args.key(a);
    if (!k) continue;
    byKey.set(k, [...(byKey.get(k) ?? []), a]);
  }
  const beforeOnly: T[] = [];
  for (const b of rest) {
    const candidates = byKey.get(args.key(b));
    const a = candidates?.shift();
    if (a) {
      used.add(a);
      pairs.push([b, a]);
    } else beforeOnly.push(b);
  }
  return { pairs, beforeOnly, afterOnly: args.after.filter((a) => !used.has(a)) };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function changeOf(before: number | null, after: number | null): number | null {
  // Normalise −0 to 0 so "no change" reads the same however it was reached.
  return before === null || after === null ? null : round2(after - before) + 0;
}

/** The unrounded mean of a stage's charted steps (the change is taken from these, not from the rounded averages). */
function exactAverage(map: JourneyMap, stageId: string): number | null {
  const values = map.steps
    .filter((s) => s.stageId === stageId && s.sentiment !== null)
    .map((s) => s.sentiment ?? 0);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function compareStages(current: JourneyMap, future: JourneyMap): StageSentimentChange[] {
  const before = sentimentByStage(current).map((s) => ({ ...s, id: s.stageId }));
  const after = sentimentByStage(future).map((s) => ({ ...s, id: s.stageId }));
  const { pairs, beforeOnly, afterOnly } = matchItems({
    before,
    after,
    key: (s) => normaliseText(s.stageName),
  });
  const pairOf = new Map(pairs.map(([b, a]) => [b, a]));
  const gone = new Set(beforeOnly);
  const rows: StageSentimentChange[] = before.map((b) => {
    const a = gone.has(b) ? undefined : pairOf.get(b);
    const afterAvg = a ? a.average : null;
    return {
      stageId: b.stageId,
      stageName: a && a.stageName.trim() ? a.stageName : b.stageName,
      before: b.average,
      after: afterAvg,
      change: changeOf(
        exactAverage(current, b.stageId),
        a ? exactAverage(future, a.stageId) : null,
      ),
      presence: a ? 'both' : 'currentOnly',
    };
  });
  for (const a of afterOnly) {
    rows.push({
      stageId: a.stageId,
      stageName: a.stageName,
      before: null,
      after: a.average,
      change: null,
      presence: 'futureOnly',
    });
  }
  return rows;
}

function opportunitiesOf(current: JourneyMap): Card[] {
  const places = [...placeCards(current).values()].sort((a, b) => compareOrder(a.order, b.order));
  return places
    .map((p) => p.card)
    .filter((c) => c.kind === 'opportunity' && (c.opportunity?.painPointIds.length ?? 0) > 0);
}

/** Compares a current-state map (`current`) with a future-state map (`future`). Pure. */
export function compareMaps(current: JourneyMap, future: JourneyMap): MapComparison {
  const { pairs, beforeOnly, afterOnly } = matchItems({
    before: painPointsOf(current),
    after: painPointsOf(future),
    key: (p) => normaliseText(p.text),
  });
  const improved: PainPointChange[] = [];
  const worsened: PainPointChange[] = [];
  let unchanged = 0;
  const outcome = new Map<string, 'removed' | 'improved' | 'unchanged'>();
  for (const p of beforeOnly) outcome.set(p.id, 'removed');
  for (const [before, after] of pairs) {
    const delta = SEVERITY[after.impact] - SEVERITY[before.impact];
    if (delta < 0) improved.push({ before, after });
    else if (delta > 0) worsened.push({ before, after });
    else unchanged++;
    outcome.set(before.id, delta < 0 ? 'improved' : 'unchanged');
  }
  const textOf = new Map(current.cards.map((c) => [c.id, c.text]));
  const opportunities: OpportunityOutcome[] = opportunitiesOf(current).map((o) => {
    const linked = (o.opportunity?.painPointIds ?? [])
      .filter((id) => outcome.has(id))
      .map((id) => ({ id, text: textOf.get(id) ?? '', outcome: outcome.get(id) ?? 'unchanged' }));
    const resolved = linked.filter((l) => l.outcome !== 'unchanged').length;
    const status: OpportunityOutcome['status'] =
      linked.length > 0 && resolved === linked.length
        ? 'addressed'
        : resolved > 0
          ? 'partly'
          : 'open';
    return { id: o.id, text: o.text, status, painPoints: linked };
  });
  return {
    painPoints: { removed: beforeOnly, added: afterOnly, improved, worsened, unchanged },
    stages: compareStages(current, future),
    opportunities,
  };
}

/** Which map of a linked pair is the current state (the comparison's "before"). */
export function orderPair(
  a: JourneyMap,
  b: JourneyMap,
): { current: JourneyMap; future: JourneyMap } {
  return a.state === 'future' && b.state !== 'future'
    ? { current: b, future: a }
    : { current: a, future: b };
}
