/**
 * Reference bookkeeping for deletes: `clearRefs` removes every reference to entities about to go
 * (and records the previous values), `restoreRefs` puts them back for the inverse op, merging
 * with whatever changed in between instead of overwriting it.
 */
import type { Card, JourneyMap, Step } from '../model/schema';
import type { ClearedRefs, PlacedCard } from './op-fields';
import { cardSchema } from '../model/schema';
import { isId } from '../model/restore-values';
import { CARD_TEXT_MAX } from '../model/schema';
import { textOf } from './helpers';

/** Entities whose references are cleared; steps/cards in these sets are skipped (they go too). */
export type ClearTargets = {
  stepIds?: ReadonlySet<string>;
  cardIds?: ReadonlySet<string>;
  pathIds?: ReadonlySet<string>;
  channelIds?: ReadonlySet<string>;
};

const none: ReadonlySet<string> = new Set();

/** `ids` without those in `gone`, or null when none of them is there. */
function without(ids: readonly string[], gone: ReadonlySet<string>): string[] | null {
  return ids.some((id) => gone.has(id)) ? ids.filter((id) => !gone.has(id)) : null;
}

/** `items` passed through `clean`; the same array when no item changed (the save sees no diff). */
function mapIfChanged<T>(items: T[], clean: (item: T) => T): T[] {
  let changed = false;
  const next = items.map((item) => {
    const cleaned = clean(item);
    if (cleaned !== item) changed = true;
    return cleaned;
  });
  return changed ? next : items;
}

/** The map with every reference to the targets removed, and what was removed. */
export function clearRefs(
  map: JourneyMap,
  t: ClearTargets,
): { map: JourneyMap; refs: ClearedRefs } {
  const refs: ClearedRefs = {};
  const stepIds = t.stepIds ?? none;
  const cardIds = t.cardIds ?? none;
  const pathIds = t.pathIds ?? none;
  const channelIds = t.channelIds ?? none;
  let { steps, cards, session } = map;

  if (pathIds.size > 0 || channelIds.size > 0) {
    steps = mapIfChanged(steps, (step): Step => {
      if (stepIds.has(step.id)) return step;
      let s = step;
      if (step.pathId !== null && pathIds.has(step.pathId)) {
        (refs.stepPaths ??= []).push({ id: step.id, pathId: step.pathId });
        s = { ...s, pathId: null };
      }
      const channels = without(step.channels, channelIds);
      if (channels) {
        (refs.stepChannels ??= []).push({ id: step.id, channels: step.channels });
        s = { ...s, channels };
      }
      return s;
    });
  }

  if (cardIds.size > 0 || channelIds.size > 0) {
    cards = mapIfChanged(cards, (card): Card => {
      if (cardIds.has(card.id)) return card;
      let c = card;
      const opp = card.opportunity;
      const painPointIds = opp && without(opp.painPointIds, cardIds);
      if (opp && painPointIds) {
        (refs.opportunityLinks ??= []).push({ id: card.id, painPointIds: opp.painPointIds });
        c = { ...c, opportunity: { ...opp, painPointIds } };
      }
      const channels = without(card.channels, channelIds);
      if (channels) {
        (refs.cardChannels ??= []).push({ id: card.id, channels: card.channels });
        c = { ...c, channels };
      }
      return c;
    });
  }

  if (stepIds.size > 0 && session.photos.some((p) => p.stepId !== null && stepIds.has(p.stepId))) {
    session = {
      ...session,
      photos: session.photos.map((photo) => {
        if (photo.stepId === null || !stepIds.has(photo.stepId)) return photo;
        (refs.photoSteps ??= []).push({ attachmentId: photo.attachmentId, stepId: photo.stepId });
        return { ...photo, stepId: null };
      }),
    };
  }
  if (steps === map.steps && cards === map.cards && session === map.session) return { map, refs };
  return { map: { ...map, steps, cards, session }, refs };
}

/**
 * The ids a delete cleared (`saved`, in their old order) merged back into `current`, keeping
 * anything added since and only what `keep` accepts; null when that changes nothing.
 */
function mergedBack(
  saved: unknown,
  current: readonly string[],
  keep: (id: string) => boolean,
): string[] | null {
  if (!Array.isArray(saved)) return null;
  const out: string[] = [];
  for (const id of [...(saved as unknown[]), ...current]) {
    if (isId(id) && keep(id) && !out.includes(id)) out.push(id);
  }
  return out.length === current.length && out.every((id, i) => id === current[i]) ? null : out;
}

/** A map from id to saved value, from one list of `ClearedRefs` (absent or malformed → empty). */
function savedBy<E, V>(
  list: readonly E[] | undefined,
  entry: (e: E) => [string, V],
): Map<string, V> {
  return new Map((Array.isArray(list) ? list : []).map(entry));
}

/** The map with the references in `refs` put back where their targets still exist. */
export function restoreRefs(map: JourneyMap, refs: ClearedRefs | undefined): JourneyMap {
  if (refs === undefined || refs === null || typeof refs !== 'object') return map;
  const channelIds = new Set(map.channels.map((c) => c.id));
  const isChannel = (id: string): boolean => channelIds.has(id);
  const stepIds = new Set(map.steps.map((s) => s.id));
  let { steps, cards, session } = map;

  const stepPaths = savedBy(refs.stepPaths, (e) => [e.id, e.pathId]);
  const stepChannels = savedBy(refs.stepChannels, (e) => [e.id, e.channels]);
  if (stepPaths.size > 0 || stepChannels.size > 0) {
    const pathOwner = new Map<string, string>();
    for (const s of steps) for (const p of s.paths) pathOwner.set(p.id, s.id);
    steps = steps.map((step) => {
      let s = step;
      const pathId = stepPaths.get(step.id);
      if (typeof pathId === 'string' && s.pathId === null) {
        const owner = pathOwner.get(pathId);
        if (owner !== undefined && owner !== step.id) s = { ...s, pathId };
      }
      const channels = mergedBack(stepChannels.get(step.id), s.channels, isChannel);
      return channels ? { ...s, channels } : s;
    });
  }

  const links = savedBy(refs.opportunityLinks, (e) => [e.id, e.painPointIds]);
  const cardChannels = savedBy(refs.cardChannels, (e) => [e.id, e.channels]);
  if (links.size > 0 || cardChannels.size > 0) {
    const painPoints = new Set(cards.filter((c) => c.kind === 'painPoint').map((c) => c.id));
    cards = cards.map((card) => {
      let c = card;
      if (c.opportunity !== null) {
        const ids = mergedBack(links.get(card.id), c.opportunity.painPointIds, (id) =>
          painPoints.has(id),
        );
        if (ids) c = { ...c, opportunity: { ...c.opportunity, painPointIds: ids } };
      }
      const channels = mergedBack(cardChannels.get(card.id), c.channels, isChannel);
      return channels ? { ...c, channels } : c;
    });
  }

  const photoSteps = savedBy(refs.photoSteps, (e) => [e.attachmentId, e.stepId]);
  if (photoSteps.size > 0) {
    session = {
      ...session,
      photos: session.photos.map((photo) => {
        const stepId = photoSteps.get(photo.attachmentId);
        if (photo.stepId !== null || typeof stepId !== 'string' || !stepIds.has(stepId))
          return photo;
        return { ...photo, stepId };
      }),
    };
  }
  if (steps === map.steps && cards === map.cards && session === map.session) return map;
  return { ...map, steps, cards, session };
}

/**
 * A card from an op (restore ops carry whole cards): validated, text cleaned, references
 * limited to what exists; null when it cannot be placed (bad shape, lane/step gone, id taken).
 */
export function admitCard(
  map: JourneyMap,
  value: unknown,
  taken: ReadonlySet<string>,
): Card | null {
  const parsed = cardSchema.safeParse(value);
  if (!parsed.success) return null;
  const card = parsed.data;
  if (taken.has(card.id)) return null;
  if (map.lanes.every((l) => l.id !== card.laneId)) return null;
  if (map.steps.every((s) => s.id !== card.stepId)) return null;
  const channelIds = new Set(map.channels.map((c) => c.id));
  return {
    ...card,
    text: textOf(card.text, CARD_TEXT_MAX) ?? '',
    channels: card.channels.filter((c, i, all) => channelIds.has(c) && all.indexOf(c) === i),
    painPoint:
      card.kind === 'painPoint' ? (card.painPoint ?? { impact: 'trivial', votes: 0 }) : null,
    opportunity:
      card.kind === 'opportunity'
        ? (card.opportunity ?? { impact: 3, feasibility: 3, painPointIds: [] })
        : null,
  };
}

/** Inserts placed cards at their recorded global positions (ascending, so positions hold). */
export function insertPlaced(map: JourneyMap, placed: unknown): JourneyMap {
  if (!Array.isArray(placed) || placed.length === 0) return map;
  const taken = new Set(map.cards.map((c) => c.id));
  const admitted: PlacedCard[] = [];
  for (const entry of placed as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { card, index } = entry as { card?: unknown; index?: unknown };
    const ok = admitCard(map, card, taken);
    if (ok === null) continue;
    taken.add(ok.id);
    admitted.push({
      card: ok,
      index: typeof index === 'number' && Number.isFinite(index) ? index : Infinity,
    });
  }
  if (admitted.length === 0) return map;
  admitted.sort((a, b) => a.index - b.index);
  const cards = map.cards.slice();
  for (const { card, index } of admitted)
    cards.splice(Math.min(Math.max(0, index), cards.length), 0, card);
  // Links among restored cards are only valid now that all of them are back.
  const painPoints = new Set(cards.filter((c) => c.kind === 'painPoint').map((c) => c.id));
  const fixed = cards.map((c) => {
    if (c.opportunity === null || c.opportunity.painPointIds.every((id) => painPoints.has(id)))
      return c;
    return {
      ...c,
      opportunity: {
        ...c.opportunity,
        painPointIds: c.opportunity.painPointIds.filter((id) => painPoints.has(id)),
      },
    };
  });
  return { ...map, cards: fixed };
}
