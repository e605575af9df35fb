/**
 * Links between pain-point / opportunity cards and Jira work items (decision 0030). The map keeps
 * only the key and the team; statuses come from Jira per load. Linking the same key to the same
 * card twice changes nothing; unlinking puts the link back on undo at its old position.
 */
import { z } from 'zod';

import { cleanText } from '../../model/restore-values';
import { MAX_WORK_ITEMS, SHORT_TEXT_MAX, WORK_ITEM_KEY } from '../../model/schema';
import { defineOp } from '../define-op';
import type { ApplyResult } from '../helpers';
import { done, drop, indexOfId, insertClamped, removeAt } from '../helpers';
import { opId } from '../op-fields';

const key = z.string().regex(WORK_ITEM_KEY, 'is not a Jira work item key');

/** `workItem/link`: links work item `key` to a pain point or opportunity (for `team`). */
export const workItemLink = defineOp({
  type: 'workItem/link',
  fields: { cardId: opId, key, team: z.string(), index: z.number().optional() },
  apply(map, op): ApplyResult {
    const card = map.cards[indexOfId(map.cards, op.cardId)];
    if (card?.kind !== 'painPoint' && card?.kind !== 'opportunity') {
      return drop(map, 'pain point or opportunity not found');
    }
    if (map.workItems.some((w) => w.cardId === op.cardId && w.key === op.key)) return done(map, []);
    if (map.workItems.length >= MAX_WORK_ITEMS) return drop(map, 'too many linked work items');
    const link = { cardId: card.id, key: op.key, team: cleanText(op.team, SHORT_TEXT_MAX) };
    return done({ ...map, workItems: insertClamped(map.workItems, op.index, link) }, [
      { type: 'workItem/unlink', cardId: card.id, key: op.key },
    ]);
  },
});

/** `workItem/unlink`: removes the link of `key` from the card (the item stays in Jira). */
export const workItemUnlink = defineOp({
  type: 'workItem/unlink',
  fields: { cardId: opId, key },
  apply(map, op): ApplyResult {
    const at = map.workItems.findIndex((w) => w.cardId === op.cardId && w.key === op.key);
    const link = map.workItems[at];
    if (!link) return done(map, []);
    return done({ ...map, workItems: removeAt(map.workItems, at) }, [
      { type: 'workItem/link', cardId: link.cardId, key: link.key, team: link.team, index: at },
    ]);
  },
});

/** The work item ops. */
export const workItemOps = [workItemLink, workItemUnlink] as const;
