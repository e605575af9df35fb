/**
 * `defineOp`: the one place an operation is described. A definition holds the op's schema (the
 * resolver validates payloads with it, and `apply` checks every op with it again, since ops also
 * come from stored logs and other tabs) and its `apply`, which returns the new map together with
 * the ops that undo it. The registry (registry.ts) derives the `Op` type, the payload schema, the
 * dispatch and the list of op types from the set. See docs/decisions/0023-one-definition-per-op.md.
 */
import { z } from 'zod';

import type { JourneyMap } from '../model/schema';
import type { ApplyResult } from './helpers';
import { drop } from './helpers';

/** The fields of an op besides `type`, as zod schemas. */
export type OpFields = Record<string, z.ZodType>;

/** The schema of one op: its literal `type` plus its fields (unknown keys are stripped). */
export type OpSchema<T extends string, F extends OpFields> = z.ZodObject<
  { type: z.ZodLiteral<T> } & F
>;

/** One operation: its type, schema and handler; `run` checks a raw op and applies it. */
export type OpDefinition<T extends string, F extends OpFields> = {
  readonly type: T;
  readonly schema: OpSchema<T, F>;
  readonly apply: (map: JourneyMap, op: z.output<OpSchema<T, F>>) => ApplyResult;
  /** Validates `value` with the schema, then applies it; a malformed op is dropped with why. */
  readonly run: (map: JourneyMap, value: unknown) => ApplyResult;
};

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'must be text',
  number: 'must be a number',
  boolean: 'must be true or false',
  array: 'must be a list',
  object: 'must be an object',
};

/** A drop reason for one schema issue, naming the field (`patch.text must be text`). */
function describeIssue(issue: z.core.$ZodRawIssue): string {
  const field = (issue.path ?? []).map(String).join('.') || 'op';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${field} is required`;
      return `${field} ${EXPECTED[issue.expected] ?? 'has the wrong type'}`;
    case 'invalid_value':
      return `${field} is not one of ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `${field} has unknown fields ${issue.keys.join(', ')}`;
    case 'too_big':
    case 'too_small':
      return `${field} is out of range`;
    default:
      return `${field} is invalid`;
  }
}

/**
 * The reason an op is dropped: a top-level field's description when it has one (composite
 * values such as a write-up reference are reported as a whole), else the issue itself.
 */
function reasonOf(fields: Readonly<OpFields>, issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return 'invalid op';
  const top = issue.path[0];
  const field = typeof top === 'string' ? fields[top] : undefined;
  return field?.description ?? issue.message;
}

/** Defines one op; its schema is `{ type: literal(type), ...fields }`. */
export function defineOp<const T extends string, F extends OpFields>(def: {
  type: T;
  fields: F;
  apply: (map: JourneyMap, op: z.output<OpSchema<T, F>>) => ApplyResult;
}): OpDefinition<T, F> {
  const schema: OpSchema<T, F> = z.object({ type: z.literal(def.type), ...def.fields });
  return {
    type: def.type,
    schema,
    apply: def.apply,
    run(map, value) {
      const parsed = schema.safeParse(value, { error: describeIssue });
      if (!parsed.success) return drop(map, reasonOf(def.fields, parsed.error.issues[0]));
      return def.apply(map, parsed.data);
    },
  };
}
