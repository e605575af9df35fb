/**
 * The set of every operation. Everything that lists ops is derived from it: the `Op` type, the
 * schema the resolver validates `map/apply` payloads with, the dispatch of `apply`, and the list
 * of op types the tests draw from. A new op is one `defineOp` in one of the files under `ops/`,
 * added to that file's list (docs/decisions/0023-one-definition-per-op.md).
 */
import { z } from 'zod';

import { ballotOps } from './ops/ballots';
import { backStoryOps } from './ops/back-story';
import { cardLinkOps } from './ops/card-links';
import { cardOps } from './ops/cards';
import { channelOps } from './ops/channels';
import { laneOps } from './ops/lanes';
import { mapFieldOps } from './ops/map-fields';
import { sessionPhotoOps } from './ops/session-photos';
import { sessionOps } from './ops/session';
import { stageOps } from './ops/stages';
import { stepPathOps } from './ops/step-paths';
import { stepOps } from './ops/steps';
import { workItemOps } from './ops/work-items';

/** Every op definition. */
export const OP_DEFINITIONS = [
  ...mapFieldOps,
  ...backStoryOps,
  ...channelOps,
  ...stageOps,
  ...stepOps,
  ...stepPathOps,
  ...laneOps,
  ...cardOps,
  ...cardLinkOps,
  ...sessionOps,
  ...sessionPhotoOps,
  ...ballotOps,
  ...workItemOps,
] as const;

/** Any one op definition. */
export type AnyOpDefinition = (typeof OP_DEFINITIONS)[number];

/** Every operation, discriminated by `type`. */
export type Op = z.output<AnyOpDefinition['schema']>;

/** The op type names. */
export type OpType = Op['type'];

/** Every op type at runtime (for exhaustive tests and hostile-input generators). */
export const OP_TYPES: readonly OpType[] = OP_DEFINITIONS.map((d) => d.type);

const byType: ReadonlyMap<string, AnyOpDefinition> = new Map(
  OP_DEFINITIONS.map((d) => [d.type, d]),
);

/** The definition of op type `type`, or undefined for an unknown type. */
export function definitionOf(type: unknown): AnyOpDefinition | undefined {
  return typeof type === 'string' ? byType.get(type) : undefined;
}

/** Whether `type` names an op (e.g. a stored record's op type, read back from storage). */
export function isOpType(type: unknown): type is OpType {
  return definitionOf(type) !== undefined;
}

type OpSchemaOf = AnyOpDefinition['schema'];

/** One op of any type, checked against its own definition's schema. */
export const opSchema = z.discriminatedUnion(
  'type',
  OP_DEFINITIONS.map((d) => d.schema) as [OpSchemaOf, ...OpSchemaOf[]],
);
