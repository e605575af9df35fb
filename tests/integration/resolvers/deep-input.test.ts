/**
 * Input built to exhaust the stack or confuse Confluence: JSON nested thousands deep in any
 * payload, and index cursors that are not ones the index handed out. Each is a typed
 * INVALID_INPUT that writes nothing, never SERVER_ERROR (issue 13, item 8).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCAL_INSTALL_CONTEXT } from '../../../dev/forge-runtime/constants';
import { runAs } from '../../../dev/forge-runtime';
import type { ResolverKey, ResultOf } from '../../../src/resolvers/contract';
import { createResolverHandler } from '../../../src/resolvers';
import type { World } from './harness';
import { unwrap } from './harness';
import { worldPerTest } from './world-per-test';

const LOCAL_ID = 'd33p-1n9u7';

let world: World;
worldPerTest((w) => {
  world = w;
});

const at = () => ({ pageId: world.pageId, localId: LOCAL_ID });
const writes = () => world.restCalls().filter((c) => c.method !== 'GET');

/**
 * Calls the real handler with an already parsed payload, as the Forge runtime hands it over.
 * `invokeResolver` round-trips the event through `JSON.stringify` to mimic the wire, and that
 * recursion cannot carry 5,000 levels; Forge parses the request body without it.
 */
async function callParsed<K extends ResolverKey>(
  key: K,
  payload: unknown,
  accountId = 'acc-editor',
): Promise<ResultOf<K>> {
  const handler = createResolverHandler(world.deps);
  return (await runAs(accountId, () =>
    handler(
      {
        call: { functionKey: key, payload },
        context: {
          cloudId: 'local',
          extension: { type: 'macro', content: { id: world.pageId, type: 'page' } },
        },
      },
      { installContext: LOCAL_INSTALL_CONTEXT, principal: { accountId } },
    ),
  )) as ResultOf<K>;
}

/** `{"a":{"a":…}}` or `[[[…]]]`, `depth` levels deep. */
function nested(depth: number, kind: 'object' | 'array'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === 'object' ? { a: value } : [value];
  return value;
}

describe('deeply nested JSON', () => {
  it.each([
    ['object', 5_000],
    ['array', 5_000],
  ] as const)(
    'map/import of a map with a %s nested %i deep is INVALID_INPUT',
    async (kind, depth) => {
      const version = unwrap(
        await world.call('map/create', { ...at(), template: 'blank' }),
      ).version;
      world.resetLog();
      const deep = nested(depth, kind);
      for (const map of [deep, { schemaVersion: 2, title: 'x', persona: deep }]) {
        const result = await callParsed('map/import', { ...at(), baseVersion: version, map });
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('INVALID_INPUT');
          expect(result.error.message).toMatch(/nested|deep/i);
        }
      }
      expect(writes()).toEqual([]);
    },
  );

  it('every payload nested 5,000 deep is INVALID_INPUT (map/apply, routing/set, map/create)', async () => {
    const version = unwrap(await world.call('map/create', { ...at(), template: 'blank' })).version;
    world.resetLog();
    const deep = nested(5_000, 'object');
    const calls = [
      callParsed('map/apply', {
        ...at(),
        baseVersion: version,
        ops: [{ type: 'map/setScope', patch: deep }],
      }),
      callParsed('routing/set', { spaceId: '1', rules: deep, baseVersion: 0 }),
      callParsed('map/create', { ...at(), template: 'blank', title: deep }),
      callParsed('index/list', { spaceKey: 'CX', cursor: deep }),
      // Deep enough to refuse, shallow enough for the harness's wire round trip.
      world.call('map/import', { ...at(), baseVersion: version, map: nested(500, 'array') }),
    ];
    for (const result of await Promise.all(calls)) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
    }
    expect(writes()).toEqual([]);
  });
});

describe('index/list cursors', () => {
  it('a malformed cursor is INVALID_INPUT, not a failed search', async () => {
    for (const cursor of [
      'not a cursor',
      'eyJvZmZzZXQiOiJ4In0',
      '%%%',
      '../../x',
      'a'.repeat(3_000),
    ]) {
      const result = await world.call('index/list', { spaceKey: 'CX', cursor });
      expect(result.ok, cursor).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.field).toBe('cursor');
      }
    }
  });

  it('random garbage cursors: INVALID_INPUT or a valid list, never SERVER_ERROR', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.base64String({ maxLength: 80 }),
          fc.stringMatching(/^[A-Za-z0-9_-]{1,60}$/),
          fc.json().map((j) => Buffer.from(j).toString('base64url')),
        ),
        async (cursor) => {
          const result = await world.call('index/list', { spaceKey: 'CX', cursor });
          if (result.ok) expect(Array.isArray(result.data.entries)).toBe(true);
          else expect(result.error.code).toBe('INVALID_INPUT');
        },
      ),
      { numRuns: 60 },
    );
  });
});
