/**
 * Compile-time tie between the resolver contract (what the UI may send) and the zod schemas
 * that check each payload at the door: if either changes without the other, `tsc` fails here.
 * Type-only: nothing in this file runs.
 */
import type { z } from 'zod';
import type { PayloadOf, ResolverKey } from './contract';
import type { futureStatePayloadSchema } from './future';
import type { indexListPayloadSchema } from './index-list';
import type { importPayloadSchema } from './map-import';
import type {
  applyPayloadSchema,
  createPayloadSchema,
  mapAddressSchema,
  opsSincePayloadSchema,
  photosPayloadSchema,
} from './payload-schemas';
import type { pageMapsPayloadSchema } from './page-maps';
import type { photoRegisterPayloadSchema } from './photo-register';
import type { routingGetPayloadSchema, routingSetPayloadSchema } from './routing';
import type { writeUpPayloadSchema } from './writeup';
import type {
  jiraCreatePayloadSchema,
  jiraLookupPayloadSchema,
  jiraProjectsPayloadSchema,
  jiraSendPayloadSchema,
  jiraSpaceStatusesPayloadSchema,
  jiraStatusesPayloadSchema,
} from './jira';

/** True when each type is assignable to the other and both name the same keys. */
type Same<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? true
        : false
      : false
    : false
  : false;

/** Fails to compile unless `T` is `true`. */
type Assert<T extends true> = T;

/** The schema that parses each key's payload (the first assertion checks that it names every key). */
type SchemaOf = {
  'map/load': typeof mapAddressSchema;
  'map/create': typeof createPayloadSchema;
  'map/apply': typeof applyPayloadSchema;
  'map/version': typeof mapAddressSchema;
  'map/liveToken': typeof mapAddressSchema;
  'map/opsSince': typeof opsSincePayloadSchema;
  'map/import': typeof importPayloadSchema;
  'photos/list': typeof photosPayloadSchema;
  'photos/register': typeof photoRegisterPayloadSchema;
  'writeup/generate': typeof writeUpPayloadSchema;
  'index/list': typeof indexListPayloadSchema;
  'routing/get': typeof routingGetPayloadSchema;
  'routing/set': typeof routingSetPayloadSchema;
  'map/createFutureState': typeof futureStatePayloadSchema;
  'jira/statuses': typeof jiraStatusesPayloadSchema;
  'jira/lookup': typeof jiraLookupPayloadSchema;
  'jira/projects': typeof jiraProjectsPayloadSchema;
  'jira/create': typeof jiraCreatePayloadSchema;
  'jira/send': typeof jiraSendPayloadSchema;
  'jira/spaceStatuses': typeof jiraSpaceStatusesPayloadSchema;
  'page/maps': typeof pageMapsPayloadSchema;
};

/**
 * Whether a key's contract payload is what its schema parses: every payload the contract allows
 * passes the schema's types (`z.input`), and is exactly the schema's parsed value (`z.output`).
 * Not `Same` with `z.input`: some schemas accept more than the UI sends (routing rules fill in
 * missing sections of older stored values).
 */
type PayloadMatches<K extends ResolverKey> = [PayloadOf<K>] extends [z.input<SchemaOf[K]>]
  ? Same<PayloadOf<K>, z.output<SchemaOf[K]>>
  : false;

/** One assertion per key (a tuple, not `&`: `true & false` is `never`, which would pass). */
export type ContractMatchesSchemas = [
  Assert<Same<keyof SchemaOf, ResolverKey>>,
  Assert<PayloadMatches<'map/load'>>,
  Assert<PayloadMatches<'map/create'>>,
  Assert<PayloadMatches<'map/apply'>>,
  Assert<PayloadMatches<'map/version'>>,
  Assert<PayloadMatches<'map/liveToken'>>,
  Assert<PayloadMatches<'map/opsSince'>>,
  Assert<PayloadMatches<'map/import'>>,
  Assert<PayloadMatches<'photos/list'>>,
  Assert<PayloadMatches<'photos/register'>>,
  Assert<PayloadMatches<'writeup/generate'>>,
  Assert<PayloadMatches<'index/list'>>,
  Assert<PayloadMatches<'routing/get'>>,
  Assert<PayloadMatches<'routing/set'>>,
  Assert<PayloadMatches<'map/createFutureState'>>,
  Assert<PayloadMatches<'jira/statuses'>>,
  Assert<PayloadMatches<'jira/lookup'>>,
  Assert<PayloadMatches<'jira/projects'>>,
  Assert<PayloadMatches<'jira/create'>>,
  Assert<PayloadMatches<'jira/send'>>,
  Assert<PayloadMatches<'jira/spaceStatuses'>>,
  Assert<PayloadMatches<'page/maps'>>,
];
