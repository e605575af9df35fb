/**
 * Handlers for cards: add, edit (kind changes add or remove the kind-specific fields), move
 * (position within the target cell, after removal), delete, votes, impact and
 * pain-point ↔ opportunity links (only ever to existing pain-point cards).
 */
import { createCard } from '../model/factories';
import { clampNumber, isRecord } from '../model/restore-values';
import type { Card, JourneyMap, OpportunityFields, PainPointFields } from '../model/schema';
import {
  CARD_TEXT_MAX,
  cardKinds,
  evidenceSources,
  evidenceStatuses,
  impacts,
  SHORT_TEXT_MAX,
} from '../model/schema';
import type { ApplyResult } from './helpers';
import {
  cellIndexOf,
  cellInsertIndex,
  clampIndex,
  done,
  drop,
  indexOfId,
  insertAt,
  isNewId,
  removeAt,
  replaceAt,
  sameJson,
  textOf,
} from './helpers';
import type { CardPatch, Op } from './op-types';
import { admitCard, clearRefs, insertPlaced, restoreRefs } from './refs';

type OpOf<T extends Op['type']> = Extract<Op, { type: T }>;

/** Pain-point fields from an op, clamped; null when malformed. */
function admitPainPoint(value: unknown): PainPointFields | null {
  if (!isRecord(value) || !impacts.includes(value.impact as PainPointFields['impact'])) return null;
  const votes = clampNumber(value.votes ?? 0, { min: 0, max: 999, int: true });
  return votes === null ? null : { impact: value.impact as PainPointFields['impact'], votes };
}

/** Opportunity fields from an op, clamped, links limited to existing pain points; null if malformed. */
function admitOpportunity(map: JourneyMap, value: unknown, self: string): OpportunityFields | null {
  if (!isRecord(value)) return null;
  const impact = clampNumber(value.impact ?? 3, { min: 1, max: 5, int: true });
  const feasibility = clampNumber(value.feasibility ?? 3, { min: 1, max: 5, int: true });
  const ids = value.painPointIds ?? [];
  if (impact === null || feasibility === null || !Array.isArray(ids)) return null;
  const painPoints = new Set(
    map.cards.filter((c) => c.kind === 'painPoint' && c.id !== self).map((c) => c.id),
  );
  const painPointIds = (ids as unknown[]).filter(
    (id, i, all): id is string =>
      typeof id === 'string' && painPoints.has(id) && all.indexOf(id) === i,
  );
  return { impact, feasibility, painPointIds };
}

/** Applies a card patch; null (with a reason) when the patch is malformed. */
function patchCard(map: JourneyMap, card: Card, patch: CardPatch): Card | string {
  const next: Card = { ...card };
  if (patch.kind !== undefined && patch.kind !== card.kind) {
    if (!cardKinds.includes(patch.kind)) return 'unknown card kind';
    next.kind = patch.kind;
    next.painPoint = patch.kind === 'painPoint' ? { impact: 'trivial', votes: 0 } : null;
    next.opportunity =
      patch.kind === 'opportunity' ? { impact: 3, feasibility: 3, painPointIds: [] } : null;
  }
  if (patch.text !== undefined) {
    const text = textOf(patch.text, CARD_TEXT_MAX);
    if (text === null) return 'text must be text';
    next.text = text;
  }
  if (patch.channels !== undefined) {
    if (!Array.isArray(patch.channels)) return 'channels must be a list';
    const known = new Set(map.channels.map((c) => c.id));
    next.channels = patch.channels.filter((c, i, all) => known.has(c) && all.indexOf(c) === i);
  }
  if (patch.teams !== undefined) {
    if (!Array.isArray(patch.teams) || patch.teams.some((t) => typeof t !== 'string')) {
      return 'teams must be a list of names';
    }
    next.teams = patch.teams.map((t) => textOf(t, SHORT_TEXT_MAX) ?? '');
  }
  if (patch.evidence !== undefined) {
    if (!isRecord(patch.evidence)) return 'invalid evidence';
    const { status, source, quote } = patch.evidence;
    const evidence = { ...next.evidence };
    if (status !== undefined) {
      if (!evidenceStatuses.includes(status)) return 'unknown evidence status';
      evidence.status = status;
    }
    if (source !== undefined) {
      if (source !== null && !evidenceSources.includes(source)) return 'unknown evidence source';
      evidence.source = source;
    }
    if (quote !== undefined) {
      const text = textOf(quote, CARD_TEXT_MAX);
      if (text === null) return 'quote must be text';
      evidence.quote = text;
    }
    next.evidence = evidence;
  }
  // Kind-specific fields only apply to cards of that kind (after any kind change above).
  if (patch.painPoint !== undefined && patch.painPoint !== null && next.kind === 'painPoint') {
    const fields = admitPainPoint(patch.painPoint);
    if (fields === null) return 'invalid pain-point fields';
    next.painPoint = fields;
  }
  if (
    patch.opportunity !== undefined &&
    patch.opportunity !== null &&
    next.kind === 'opportunity'
  ) {
    const fields = admitOpportunity(map, patch.opportunity, card.id);
    if (fields === null) return 'invalid opportunity fields';
    next.opportunity = fields;
  }
  return next;
}

/** The patch that turns `after` back into `before` (only the fields that differ). */
function inversePatch(before: Card, after: Card): CardPatch {
  const patch: CardPatch = {};
  if (before.kind !== after.kind) patch.kind = before.kind;
  if (before.text !== after.text) patch.text = before.text;
  if (!sameJson(before.channels, after.channels)) patch.channels = before.channels;
  if (!sameJson(before.teams, after.teams)) patch.teams = before.teams;
  if (!sameJson(before.evidence, after.evidence)) patch.evidence = before.evidence;
  if (!sameJson(before.painPoint, after.painPoint)) patch.painPoint = before.painPoint;
  if (!sameJson(before.opportunity, after.opportunity)) patch.opportunity = before.opportunity;
  return patch;
}

/** card/*. */
export function applyCardOp(
  map: JourneyMap,
  op: OpOf<
    | 'card/add'
    | 'card/edit'
    | 'card/move'
    | 'card/place'
    | 'card/delete'
    | 'card/restore'
    | 'card/vote'
    | 'card/setImpact'
    | 'card/link'
    | 'card/restoreLinks'
  >,
): ApplyResult {
  switch (op.type) {
    case 'card/add': {
      if (!isNewId(op.id, (id) => indexOfId(map.cards, id) >= 0))
        return drop(map, 'id missing, invalid or taken');
      if (indexOfId(map.lanes, op.laneId) < 0) return drop(map, 'lane not found');
      if (indexOfId(map.steps, op.stepId) < 0) return drop(map, 'step not found');
      if (!cardKinds.includes(op.kind)) return drop(map, 'unknown card kind');
      const text = textOf(op.text, CARD_TEXT_MAX);
      if (text === null) return drop(map, 'text must be text');
      const card = createCard({
        id: op.id,
        laneId: op.laneId,
        stepId: op.stepId,
        kind: op.kind,
        text,
      });
      const at = cellInsertIndex({
        cards: map.cards,
        laneId: op.laneId,
        stepId: op.stepId,
        index: op.index,
      });
      return done({ ...map, cards: insertAt(map.cards, at, card) }, [
        { type: 'card/delete', id: op.id },
      ]);
    }
    case 'card/restore': {
      const card = admitCard(map, op.card, new Set(map.cards.map((c) => c.id)));
      if (card === null) return drop(map, 'invalid card, id taken, or its lane or step is gone');
      const next = insertPlaced(map, [{ card, index: op.index }]);
      return done(restoreRefs(next, op.refs), [{ type: 'card/delete', id: card.id }]);
    }
    case 'card/restoreLinks': {
      // Sets each listed opportunity's links exactly (limited to existing pain points).
      if (!isRecord(op.refs)) return drop(map, 'invalid links');
      const entries = Array.isArray(op.refs.opportunityLinks) ? op.refs.opportunityLinks : [];
      const wanted = new Map<string, unknown>();
      for (const entry of entries)
        if (isRecord(entry)) wanted.set(String(entry.id), entry.painPointIds);
      const painPoints = new Set(map.cards.filter((c) => c.kind === 'painPoint').map((c) => c.id));
      const before: { id: string; painPointIds: string[] }[] = [];
      let changed = false;
      const cards = map.cards.map((card) => {
        const ids = wanted.get(card.id);
        if (card.opportunity === null || !Array.isArray(ids)) return card;
        const painPointIds = (ids as unknown[]).filter(
          (id, i, all): id is string =>
            typeof id === 'string' && painPoints.has(id) && all.indexOf(id) === i,
        );
        if (sameJson(painPointIds, card.opportunity.painPointIds)) return card;
        changed = true;
        before.push({ id: card.id, painPointIds: card.opportunity.painPointIds });
        return { ...card, opportunity: { ...card.opportunity, painPointIds } };
      });
      if (!changed) return done(map, []);
      return done({ ...map, cards }, [
        { type: 'card/restoreLinks', refs: { opportunityLinks: before } },
      ]);
    }
    case 'card/link': {
      const pain = map.cards[indexOfId(map.cards, op.painPointId)];
      const at = indexOfId(map.cards, op.opportunityId);
      const opp = map.cards[at];
      if (pain?.kind !== 'painPoint') return drop(map, 'pain point not found');
      if (opp?.kind !== 'opportunity' || opp.opportunity === null)
        return drop(map, 'opportunity not found');
      const ids = opp.opportunity.painPointIds;
      const has = ids.includes(pain.id);
      if (typeof op.linked !== 'boolean') return drop(map, 'linked must be true or false');
      if (has === op.linked) return done(map, []);
      const painPointIds = op.linked ? [...ids, pain.id] : ids.filter((id) => id !== pain.id);
      const next = { ...opp, opportunity: { ...opp.opportunity, painPointIds } };
      return done({ ...map, cards: replaceAt(map.cards, at, next) }, [
        {
          type: 'card/restoreLinks',
          refs: { opportunityLinks: [{ id: opp.id, painPointIds: ids }] },
        },
      ]);
    }
  }
  const at = indexOfId(map.cards, op.id);
  const card = map.cards[at];
  if (card === undefined) return drop(map, 'card not found');
  switch (op.type) {
    case 'card/edit': {
      if (!isRecord(op.patch)) return drop(map, 'invalid card patch');
      const next = patchCard(map, card, op.patch);
      if (typeof next === 'string') return drop(map, next);
      if (sameJson(next, card)) return done(map, []);
      const inverse: Op[] = [{ type: 'card/edit', id: card.id, patch: inversePatch(card, next) }];
      let result: JourneyMap = { ...map, cards: replaceAt(map.cards, at, next) };
      if (card.kind === 'painPoint' && next.kind !== 'painPoint') {
        // No longer a pain point: opportunities must not keep linking to it.
        const cleared = clearRefs(result, { cardIds: new Set([card.id]) });
        result = cleared.map;
        if (cleared.refs.opportunityLinks)
          inverse.push({ type: 'card/restoreLinks', refs: cleared.refs });
      }
      return done(result, inverse);
    }
    case 'card/move':
    case 'card/place': {
      if (indexOfId(map.lanes, op.laneId) < 0) return drop(map, 'lane not found');
      if (indexOfId(map.steps, op.stepId) < 0) return drop(map, 'step not found');
      const rest = removeAt(map.cards, at);
      const moved =
        card.laneId === op.laneId && card.stepId === op.stepId
          ? card
          : { ...card, laneId: op.laneId, stepId: op.stepId };
      const to =
        op.type === 'card/place'
          ? clampIndex(op.index, rest.length)
          : cellInsertIndex({
              cards: rest,
              laneId: op.laneId,
              stepId: op.stepId,
              index: op.toIndex,
            });
      if (to === at && moved === card) return done(map, []);
      return done({ ...map, cards: insertAt(rest, to, moved) }, [
        { type: 'card/place', id: card.id, laneId: card.laneId, stepId: card.stepId, index: at },
      ]);
    }
    case 'card/delete': {
      const cleared = clearRefs(map, { cardIds: new Set([card.id]) });
      return done({ ...cleared.map, cards: removeAt(cleared.map.cards, at) }, [
        { type: 'card/restore', card, index: at, refs: cleared.refs },
      ]);
    }
    case 'card/vote': {
      if (card.painPoint === null) return drop(map, 'only pain points take votes');
      const delta = clampNumber(op.delta, { min: -999, max: 999, int: true });
      if (delta === null) return drop(map, 'delta must be a number');
      const votes = Math.min(999, Math.max(0, card.painPoint.votes + delta));
      if (votes === card.painPoint.votes) return done(map, []);
      const next = { ...card, painPoint: { ...card.painPoint, votes } };
      return done({ ...map, cards: replaceAt(map.cards, at, next) }, [
        { type: 'card/vote', id: card.id, delta: card.painPoint.votes - votes },
      ]);
    }
    case 'card/setImpact': {
      if (card.painPoint === null) return drop(map, 'only pain points have an impact');
      if (!impacts.includes(op.impact)) return drop(map, 'unknown impact');
      if (op.impact === card.painPoint.impact) return done(map, []);
      const next = { ...card, painPoint: { ...card.painPoint, impact: op.impact } };
      return done({ ...map, cards: replaceAt(map.cards, at, next) }, [
        { type: 'card/setImpact', id: card.id, impact: card.painPoint.impact },
      ]);
    }
  }
}

/** Position of a card within its cell (for the UI's keyboard moves). */
export function cardCellIndex(map: JourneyMap, id: string): number {
  const card = map.cards[indexOfId(map.cards, id)];
  return card === undefined ? -1 : cellIndexOf(map.cards, card);
}
