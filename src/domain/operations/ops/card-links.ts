/**
 * Links from opportunity cards to the pain points they address: only ever to existing
 * pain-point cards. `card/restoreLinks` (the inverse of a link change, a kind change or a
 * delete) sets each listed opportunity's links exactly.
 */
import { z } from 'zod';

import { defineOp } from '../define-op';
import type { ApplyResult } from '../helpers';
import { done, drop, indexOfId, replaceAt, sameJson } from '../helpers';
import { clearedRefsSchema, opId } from '../op-fields';

/** `card/link`: links (or unlinks) a pain point and an opportunity. */
export const cardLink = defineOp({
  type: 'card/link',
  fields: { painPointId: opId, opportunityId: opId, linked: z.boolean() },
  apply(map, op): ApplyResult {
    const pain = map.cards[indexOfId(map.cards, op.painPointId)];
    const at = indexOfId(map.cards, op.opportunityId);
    const opp = map.cards[at];
    if (pain?.kind !== 'painPoint') return drop(map, 'pain point not found');
    if (opp?.kind !== 'opportunity' || opp.opportunity === null)
      return drop(map, 'opportunity not found');
    const ids = opp.opportunity.painPointIds;
    if (ids.includes(pain.id) === op.linked) return done(map, []);
    const painPointIds = op.linked ? [...ids, pain.id] : ids.filter((id) => id !== pain.id);
    const next = { ...opp, opportunity: { ...opp.opportunity, painPointIds } };
    return done({ ...map, cards: replaceAt(map.cards, at, next) }, [
      {
        type: 'card/restoreLinks',
        refs: { opportunityLinks: [{ id: opp.id, painPointIds: ids }] },
      },
    ]);
  },
});

/** `card/restoreLinks`: puts back links a kind change, delete or link change removed. */
export const cardRestoreLinks = defineOp({
  type: 'card/restoreLinks',
  fields: { refs: clearedRefsSchema.describe('invalid links') },
  apply(map, op): ApplyResult {
    const wanted = new Map(
      (op.refs.opportunityLinks ?? []).map((entry) => [entry.id, entry.painPointIds]),
    );
    const painPoints = new Set(map.cards.filter((c) => c.kind === 'painPoint').map((c) => c.id));
    const before: { id: string; painPointIds: string[] }[] = [];
    let changed = false;
    const cards = map.cards.map((card) => {
      const ids = wanted.get(card.id);
      if (card.opportunity === null || ids === undefined) return card;
      const painPointIds = ids.filter((id, i, all) => painPoints.has(id) && all.indexOf(id) === i);
      if (sameJson(painPointIds, card.opportunity.painPointIds)) return card;
      changed = true;
      before.push({ id: card.id, painPointIds: card.opportunity.painPointIds });
      return { ...card, opportunity: { ...card.opportunity, painPointIds } };
    });
    if (!changed) return done(map, []);
    return done({ ...map, cards }, [
      { type: 'card/restoreLinks', refs: { opportunityLinks: before } },
    ]);
  },
});

/** The link ops. */
export const cardLinkOps = [cardLink, cardRestoreLinks] as const;
