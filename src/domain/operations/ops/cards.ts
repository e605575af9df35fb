/**
 * Card ops: add, edit (a kind change adds or removes the kind-specific fields), move (position
 * within the target cell, after removal), delete, votes and impact. `index` is a position
 * within the target cell; `card/place` (the inverse of a move) is a position in `map.cards`.
 */
import { z } from 'zod';

import { createCard } from '../../model/factories';
import { clampNumber } from '../../model/restore-values';
import type { Card, JourneyMap, OpportunityFields, PainPointFields } from '../../model/schema';
import {
  CARD_TEXT_MAX,
  cardKinds,
  cardSchema,
  evidenceSources,
  evidenceStatuses,
  impacts,
  SHORT_TEXT_MAX,
} from '../../model/schema';
import { defineOp } from '../define-op';
import type { ApplyResult, EntityChange } from '../helpers';
import {
  addEntity,
  cellInsertIndex,
  clampIndex,
  done,
  drop,
  indexOfId,
  insertAt,
  removeAt,
  replaceAt,
  sameJson,
  textOf,
  withEntity,
} from '../helpers';
import { clearedRefsSchema, opId, position } from '../op-fields';
import type { Op } from '../op-types';
import { admitCard, clearRefs, insertPlaced, restoreRefs } from '../refs';

const cardKind = z.enum(cardKinds, 'unknown card kind');
const impact = z.enum(impacts, 'unknown impact');

/** Editable fields of a card (kind-specific parts are patched as whole objects). */
export const cardPatchSchema = z.object({
  text: z.string().optional(),
  kind: cardKind.optional(),
  channels: z.array(z.string()).optional(),
  teams: z.array(z.string()).optional(),
  painPoint: z.object({ impact, votes: z.number() }).nullable().optional(),
  opportunity: z
    .object({ impact: z.number(), feasibility: z.number(), painPointIds: z.array(z.string()) })
    .nullable()
    .optional(),
  evidence: z
    .object({
      status: z.enum(evidenceStatuses, 'unknown evidence status').optional(),
      source: z.enum(evidenceSources, 'unknown evidence source').nullable().optional(),
      quote: z.string().optional(),
    })
    .optional(),
});

/** See `cardPatchSchema`. */
export type CardPatch = z.output<typeof cardPatchSchema>;

/** Pain-point fields from a patch, votes clamped. */
function admitPainPoint(value: PainPointFields): PainPointFields {
  return {
    impact: value.impact,
    votes: clampNumber(value.votes, { min: 0, max: 999, int: true }) ?? 0,
  };
}

/** Opportunity fields from a patch, clamped, links limited to existing pain points. */
function admitOpportunity(
  map: JourneyMap,
  value: OpportunityFields,
  self: string,
): OpportunityFields {
  const painPoints = new Set(
    map.cards.filter((c) => c.kind === 'painPoint' && c.id !== self).map((c) => c.id),
  );
  return {
    impact: clampNumber(value.impact, { min: 1, max: 5, int: true }) ?? 3,
    feasibility: clampNumber(value.feasibility, { min: 1, max: 5, int: true }) ?? 3,
    painPointIds: value.painPointIds.filter(
      (id, i, all) => painPoints.has(id) && all.indexOf(id) === i,
    ),
  };
}

/** Applies a card patch (values cleaned and limited to what the map holds). */
function patchCard(map: JourneyMap, card: Card, patch: CardPatch): Card {
  const next: Card = { ...card };
  if (patch.kind !== undefined && patch.kind !== card.kind) {
    next.kind = patch.kind;
    next.painPoint = patch.kind === 'painPoint' ? { impact: 'trivial', votes: 0 } : null;
    next.opportunity =
      patch.kind === 'opportunity' ? { impact: 3, feasibility: 3, painPointIds: [] } : null;
  }
  if (patch.text !== undefined) next.text = textOf(patch.text, CARD_TEXT_MAX) ?? '';
  if (patch.channels !== undefined) {
    const known = new Set(map.channels.map((c) => c.id));
    next.channels = patch.channels.filter((c, i, all) => known.has(c) && all.indexOf(c) === i);
  }
  if (patch.teams !== undefined) {
    next.teams = patch.teams.map((t) => textOf(t, SHORT_TEXT_MAX) ?? '');
  }
  if (patch.evidence !== undefined) {
    const { status, source, quote } = patch.evidence;
    const evidence = { ...next.evidence };
    if (status !== undefined) evidence.status = status;
    if (source !== undefined) evidence.source = source;
    if (quote !== undefined) evidence.quote = textOf(quote, CARD_TEXT_MAX) ?? '';
    next.evidence = evidence;
  }
  // Kind-specific fields only apply to cards of that kind (after any kind change above).
  if (patch.painPoint != null && next.kind === 'painPoint') {
    next.painPoint = admitPainPoint(patch.painPoint);
  }
  if (patch.opportunity != null && next.kind === 'opportunity') {
    next.opportunity = admitOpportunity(map, patch.opportunity, card.id);
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

/** Runs `change` on the card `id` names. */
function withCard(map: JourneyMap, id: string, change: EntityChange<'cards'>): ApplyResult {
  return withEntity(map, { key: 'cards', id, what: 'card' }, change);
}

/** Moves a card into cell (`laneId`, `stepId`) at global index `to(rest)`; inverse `card/place`. */
function moveCard(
  map: JourneyMap,
  target: { id: string; laneId: string; stepId: string },
  to: (rest: Card[]) => number,
): ApplyResult {
  return withCard(map, target.id, (card, at) => {
    if (indexOfId(map.lanes, target.laneId) < 0) return drop(map, 'lane not found');
    if (indexOfId(map.steps, target.stepId) < 0) return drop(map, 'step not found');
    const rest = removeAt(map.cards, at);
    const moved =
      card.laneId === target.laneId && card.stepId === target.stepId
        ? card
        : { ...card, laneId: target.laneId, stepId: target.stepId };
    const index = to(rest);
    if (index === at && moved === card) return done(map, []);
    return done({ ...map, cards: insertAt(rest, index, moved) }, [
      { type: 'card/place', id: card.id, laneId: card.laneId, stepId: card.stepId, index: at },
    ]);
  });
}

/** `card/add`. */
export const cardAdd = defineOp({
  type: 'card/add',
  fields: {
    id: opId,
    laneId: opId,
    stepId: opId,
    kind: cardKind,
    text: z.string(),
    index: position.optional(),
  },
  apply: (map, op): ApplyResult =>
    addEntity(map, {
      key: 'cards',
      id: op.id,
      at: cellInsertIndex({ ...op, cards: map.cards }),
      build(id) {
        if (indexOfId(map.lanes, op.laneId) < 0) return 'lane not found';
        if (indexOfId(map.steps, op.stepId) < 0) return 'step not found';
        const text = textOf(op.text, CARD_TEXT_MAX) ?? '';
        return createCard({ id, laneId: op.laneId, stepId: op.stepId, kind: op.kind, text });
      },
      undo: { type: 'card/delete', id: op.id },
    }),
});

/** `card/restore`: the inverse of `card/delete`. */
export const cardRestore = defineOp({
  type: 'card/restore',
  fields: { card: cardSchema, index: position, refs: clearedRefsSchema },
  apply(map, op): ApplyResult {
    const card = admitCard(map, op.card, new Set(map.cards.map((c) => c.id)));
    if (card === null) return drop(map, 'invalid card, id taken, or its lane or step is gone');
    const next = insertPlaced(map, [{ card, index: op.index }]);
    return done(restoreRefs(next, op.refs), [{ type: 'card/delete', id: card.id }]);
  },
});

/** `card/edit`: a card that stops being a pain point loses its opportunity links. */
export const cardEdit = defineOp({
  type: 'card/edit',
  fields: { id: opId, patch: cardPatchSchema },
  apply: (map, op): ApplyResult =>
    withCard(map, op.id, (card, at) => {
      const next = patchCard(map, card, op.patch);
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
    }),
});

/** `card/move`: to position `toIndex` of a cell (after removal); undone by `card/place`. */
export const cardMove = defineOp({
  type: 'card/move',
  fields: { id: opId, laneId: opId, stepId: opId, toIndex: position },
  apply: (map, op): ApplyResult =>
    moveCard(map, op, (rest) =>
      cellInsertIndex({ cards: rest, laneId: op.laneId, stepId: op.stepId, index: op.toIndex }),
    ),
});

/** `card/place`: puts a card back at an exact position of `map.cards` (undo of `card/move`). */
export const cardPlace = defineOp({
  type: 'card/place',
  fields: { id: opId, laneId: opId, stepId: opId, index: position },
  apply: (map, op): ApplyResult => moveCard(map, op, (rest) => clampIndex(op.index, rest.length)),
});

/** `card/delete`: undone by `card/restore`. */
export const cardDelete = defineOp({
  type: 'card/delete',
  fields: { id: opId },
  apply: (map, op): ApplyResult =>
    withCard(map, op.id, (card, at) => {
      const cleared = clearRefs(map, { cardIds: new Set([card.id]) });
      return done({ ...cleared.map, cards: removeAt(cleared.map.cards, at) }, [
        { type: 'card/restore', card, index: at, refs: cleared.refs },
      ]);
    }),
});

/** `card/vote`: the facilitator's vote count on a pain point (0–999). */
export const cardVote = defineOp({
  type: 'card/vote',
  fields: { id: opId, delta: z.number() },
  apply: (map, op): ApplyResult =>
    withCard(map, op.id, (card, at) => {
      if (card.painPoint === null) return drop(map, 'only pain points take votes');
      const delta = clampNumber(op.delta, { min: -999, max: 999, int: true }) ?? 0;
      const votes = Math.min(999, Math.max(0, card.painPoint.votes + delta));
      if (votes === card.painPoint.votes) return done(map, []);
      const next = { ...card, painPoint: { ...card.painPoint, votes } };
      return done({ ...map, cards: replaceAt(map.cards, at, next) }, [
        { type: 'card/vote', id: card.id, delta: card.painPoint.votes - votes },
      ]);
    }),
});

/** `card/setImpact`: a pain point's impact. */
export const cardSetImpact = defineOp({
  type: 'card/setImpact',
  fields: { id: opId, impact },
  apply: (map, op): ApplyResult =>
    withCard(map, op.id, (card, at) => {
      if (card.painPoint === null) return drop(map, 'only pain points have an impact');
      if (op.impact === card.painPoint.impact) return done(map, []);
      const next = { ...card, painPoint: { ...card.painPoint, impact: op.impact } };
      return done({ ...map, cards: replaceAt(map.cards, at, next) }, [
        { type: 'card/setImpact', id: card.id, impact: card.painPoint.impact },
      ]);
    }),
});

/** The card ops (pain point ↔ opportunity links are in card-links.ts). */
export const cardOps = [
  cardAdd,
  cardEdit,
  cardMove,
  cardPlace,
  cardDelete,
  cardRestore,
  cardVote,
  cardSetImpact,
] as const;
