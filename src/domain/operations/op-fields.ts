/**
 * Field schemas shared by several op definitions: the references a delete cleared (carried by
 * its inverse) and cards with their positions. Free text is only typed here; `apply` cleans and
 * limits it, so a long text is shortened the same way in the browser and on the server.
 */
import { z } from 'zod';

import { cardSchema } from '../model/schema';

/** A position (an index); `apply` clamps it into range. */
export const position = z.number();

/** An entity id named by an op; `apply` looks it up (or checks a new one is well formed). */
export const opId = z.string();

const idList = z.array(z.string());

/**
 * References a delete (or a kind change) cleared elsewhere in the map, so that its inverse can
 * put every one of them back. Each entry holds the full previous value of the field.
 */
export const clearedRefsSchema = z.object({
  /** Steps whose `pathId` pointed into a removed path. */
  stepPaths: z.array(z.object({ id: z.string(), pathId: z.string().nullable() })).optional(),
  /** Session photos whose `stepId` pointed at a removed step. */
  photoSteps: z
    .array(z.object({ attachmentId: z.string(), stepId: z.string().nullable() }))
    .optional(),
  /** Opportunities whose `painPointIds` named a removed pain point. */
  opportunityLinks: z.array(z.object({ id: z.string(), painPointIds: idList })).optional(),
  /** Steps whose `channels` named a removed channel. */
  stepChannels: z.array(z.object({ id: z.string(), channels: idList })).optional(),
  /** Cards whose `channels` named a removed channel. */
  cardChannels: z.array(z.object({ id: z.string(), channels: idList })).optional(),
});

/** A patch of the text fields `limits` names: each optional, any other key refused. */
export function textPatchSchema<K extends string>(limits: Readonly<Record<K, number>>) {
  const shape = {} as Record<K, z.ZodOptional<z.ZodString>>;
  for (const key of Object.keys(limits) as K[]) shape[key] = z.string().optional();
  return z.strictObject(shape);
}

/** A card with its position in `map.cards` (the global array), as a delete found it. */
export const placedCardSchema = z.object({ card: cardSchema, index: z.number() });

/**
 * What the restore of a deleted grid item (stage, step, lane) carries besides the item: where it
 * stood, the cards that went with it and the references its delete cleared.
 */
export const restoreFields = {
  index: position,
  cards: z.array(placedCardSchema),
  refs: clearedRefsSchema,
};

/** See `clearedRefsSchema`. */
export type ClearedRefs = z.output<typeof clearedRefsSchema>;

/** See `placedCardSchema`. */
export type PlacedCard = z.output<typeof placedCardSchema>;
