/**
 * fast-check arbitraries of hostile resolver payloads: any JSON, prototype-pollution keys, huge
 * and odd strings, deep nesting, and mutations of a valid payload (a field dropped, retyped or
 * made hostile; for op lists, ops of every type with hostile fields).
 */
import fc from 'fast-check';
import { OP_TYPES } from '../../../src/domain/operations/registry';

/** Strings that break naive validation: paths, huge, control chars, numbers-as-text, markup. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e309',
    'NaN',
    '../../wiki/api/v2/pages',
    '1/../2',
    '1?limit=999',
    '1#x',
    '%2e%2e%2f',
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
    ']]><x/>',
    '\u0000\u0001\u202e',
    '\ud800',
    'CX) OR (space = ONB',
    'space = CX or type = page',
    "'; DROP TABLE pages; --",
    '9'.repeat(25),
    'x'.repeat(300),
  ),
  fc.integer({ min: 1, max: 4 }).map((n) => 'A'.repeat(10 ** n + 7)),
);

/** Any JSON-ish value, hostile strings included. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1.5, 2 ** 53, -1),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'prototype')),
      tie('v'),
      {
        maxKeys: 4,
      },
    ),
  ),
})).v;

/** Deeply nested arrays / objects (parsers and validators that recurse). */
export const deepValue: fc.Arbitrary<unknown> = fc
  .tuple(fc.integer({ min: 50, max: 3000 }), fc.boolean())
  .map(([depth, arrays]) => {
    let v: unknown = 'bottom';
    for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
    return v;
  });

/** An op of any type with hostile fields. */
export const hostileOp: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.constantFrom(...OP_TYPES),
    fc.dictionary(
      fc.constantFrom(
        'id',
        'text',
        'title',
        'name',
        'patch',
        'laneId',
        'stepId',
        'index',
        'toIndex',
        'list',
        'kind',
        'card',
        'stage',
        'steps',
        'cards',
        'refs',
        'photo',
        'delta',
        'channel',
        'link',
        'state',
        'label',
        'pathId',
        'participants',
        'agenda',
        'impact',
        'zone',
        'laneType',
      ),
      hostileValue,
      { maxKeys: 6 },
    ),
  )
  .map(([type, fields]) => ({ ...fields, type }));

/** Mutations of one valid payload. */
export function mutatedPayload(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const field = fc.constantFrom(...keys);
  return fc.oneof(
    field.map((k) => {
      const copy = { ...valid };
      delete copy[k];
      return copy;
    }),
    fc.tuple(field, hostileValue).map(([k, v]) => ({ ...valid, [k]: v })),
    fc.tuple(field, hostileString).map(([k, v]) => ({ ...valid, [k]: v })),
    fc.tuple(field, deepValue).map(([k, v]) => ({ ...valid, [k]: v })),
    fc
      .dictionary(hostileString, hostileValue, { maxKeys: 3 })
      .map((extra) => ({ ...extra, ...valid, ...extra })),
    'ops' in valid
      ? fc.array(hostileOp, { minLength: 1, maxLength: 5 }).map((ops) => ({ ...valid, ops }))
      : fc.constant({ ...valid, [keys[0] ?? 'x']: [] }),
    // Index cursors: garbage, and well-formed tokens Confluence never handed out.
    'spaceKey' in valid
      ? fc
          .oneof(hostileString, fc.base64String({ maxLength: 60 }))
          .map((cursor) => ({ ...valid, cursor }))
      : fc.constant(valid),
  );
}

/** Every hostile payload for a key: anything at all, or a mutated valid payload. */
export function hostilePayload(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: hostileValue, weight: 1 },
    { arbitrary: deepValue, weight: 1 },
    { arbitrary: mutatedPayload(valid), weight: 4 },
  );
}
