/**
 * zod schemas of every resolver payload: the only door from the UI into the backend. A payload
 * that fails here is answered INVALID_INPUT naming the field, and nothing is written.
 */
import { z } from 'zod';

import { BATCH_ID_PATTERN } from '../domain/codec/batch-log';
import { MAX_VOTES_PER_PERSON } from '../domain/model/schema';

/** Confluence content ids are numeric strings. */
export const pageIdSchema = z.string().regex(/^\d{1,20}$/, 'must be a numeric Confluence page id');

/** A macro instance id (Forge sends a UUID; anything key-safe after sanitising is accepted). */
export const localIdSchema = z.string().min(1, 'is required').max(128, 'is too long');

/** Identifies one macro instance. */
export const mapAddressSchema = z.object({ pageId: pageIdSchema, localId: localIdSchema });

/** `map/create`. */
export const createPayloadSchema = mapAddressSchema.extend({
  template: z.enum(['blank', 'awareness-to-advocacy', 'worked-example']),
  title: z.string().max(200, 'is longer than 200 characters').optional(),
});

/** Largest number of ops one `map/apply` accepts (the UI batches edits). */
export const MAX_OPS_PER_APPLY = 500;

/**
 * A dot-voting op, checked strictly here (not only by `apply()`): the resolver compares its
 * `voter` with the calling user, so the field must be exactly what it claims to be.
 */
export const castDotOpSchema = z.object({
  type: z.literal('session/castDot'),
  voter: z.string().min(1, 'is required').max(128, 'is too long'),
  cardId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a card id'),
  delta: z
    .number()
    .int('must be a whole number')
    .min(-MAX_VOTES_PER_PERSON)
    .max(MAX_VOTES_PER_PERSON)
    .refine((d) => d !== 0, 'must not be 0'),
});

/** One op: its shape is checked by the domain's `apply()`; here only that it is an op at all. */
export const opEnvelopeSchema = z
  .looseObject({ type: z.string().min(1).max(64) })
  .superRefine((op, ctx) => {
    if (op.type !== 'session/castDot') return;
    const parsed = castDotOpSchema.safeParse(op);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
  });

/** A `map/apply` batch id: made by the client, kept when it resends the same batch. */
export const batchIdSchema = z
  .string()
  .regex(BATCH_ID_PATTERN, 'must be 8-64 letters, digits, "-" or "_" (e.g. a UUID)');

/** `map/apply`. */
export const applyPayloadSchema = mapAddressSchema.extend({
  baseVersion: z.number().int().min(0),
  batchId: batchIdSchema,
  ops: z.array(opEnvelopeSchema).min(1, 'must contain at least one change').max(MAX_OPS_PER_APPLY),
});

/** `photos/list`. */
export const photosPayloadSchema = z.object({ pageId: pageIdSchema });
