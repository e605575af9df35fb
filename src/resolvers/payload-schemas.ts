/**
 * zod schemas of every resolver payload: the only door from the UI into the backend. A payload
 * that fails here is answered INVALID_INPUT naming the field, and nothing is written.
 */
import { z } from 'zod';

import { BATCH_ID_PATTERN } from '../domain/codec/batch-log';
import { opSchema } from '../domain/operations/registry';
import { msg } from '../domain/i18n/message';
import { TEMPLATE_IDS } from '../domain/templates/template-ids';

/** Confluence content ids are numeric strings. */
export const pageIdSchema = z.string().regex(/^\d{1,20}$/, 'must be a numeric Confluence page id');

/** A macro instance id (Forge sends a UUID; anything key-safe after sanitising is accepted). */
export const localIdSchema = z.string().min(1, 'is required').max(128, 'is too long');

/** Identifies one macro instance. */
export const mapAddressSchema = z.object({ pageId: pageIdSchema, localId: localIdSchema });

/** `map/create`. */
export const createPayloadSchema = mapAddressSchema.extend({
  template: z.enum(TEMPLATE_IDS),
  title: z.string().max(200, 'is longer than 200 characters').optional(),
});

/** Largest number of ops one `map/apply` accepts (the UI batches edits). */
export const MAX_OPS_PER_APPLY = 500;

/**
 * One op, checked against its own definition (src/domain/operations/registry.ts). A dot-voting
 * op's `voter` is compared with the calling user afterwards, so it must be exactly what it
 * claims to be; a zero delta is refused here although `apply` treats it as a no-op.
 */
export const opPayloadSchema = opSchema.superRefine((op, ctx) => {
  if (op.type === 'session/castDot' && op.delta === 0) {
    const rule = msg('errors.rule.notZero');
    ctx.addIssue({ code: 'custom', path: ['delta'], message: 'must not be 0', params: rule });
  }
});

/** A `map/apply` batch id: made by the client, kept when it resends the same batch. */
export const batchIdSchema = z
  .string()
  .regex(BATCH_ID_PATTERN, 'must be 8-64 letters, digits, "-" or "_" (e.g. a UUID)');

/** `map/apply`. */
export const applyPayloadSchema = mapAddressSchema.extend({
  baseVersion: z.number().int().min(0),
  batchId: batchIdSchema,
  ops: z.array(opPayloadSchema).min(1, 'must contain at least one change').max(MAX_OPS_PER_APPLY),
});

/** `map/opsSince`. */
export const opsSincePayloadSchema = mapAddressSchema.extend({
  sinceVersion: z.number().int().min(0),
});

/** `photos/list`. */
export const photosPayloadSchema = z.object({ pageId: pageIdSchema });
