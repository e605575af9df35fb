/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment -- these tests damage raw stored JSON on purpose */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSaidInBoth } from '../../../support/import-words';
import { RestoreError } from '../../../../src/domain/errors';
import { createEmptyMap } from '../../../../src/domain/model/factories';
import { restore } from '../../../../src/domain/model/restore';
import { journeyMapSchema } from '../../../../src/domain/model/schema';
import { arbMap } from '../arbitraries';
import { fixtureMap } from './fixture';

/** A mutable deep copy of the fixture as plain JSON. */
function raw(): Record<string, any> {
  return JSON.parse(JSON.stringify(fixtureMap())) as Record<string, any>;
}

function expectValidOrTypedError(result: ReturnType<typeof restore>): void {
  if (result.ok) {
    expect(journeyMapSchema.safeParse(result.map).success).toBe(true);
  } else {
    expect(result.error).toBeInstanceOf(RestoreError);
    expect(['CORRUPT', 'UNSUPPORTED_VERSION']).toContain(result.error.code);
    expect(typeof result.error.path).toBe('string');
    expect(result.error.reason.length).toBeGreaterThan(0);
  }
}

describe('restore: valid maps', () => {
  it('returns the empty map and the fixture unchanged, with no repairs', () => {
    for (const map of [createEmptyMap({ title: 'x' }), fixtureMap()]) {
      const result = restore(JSON.parse(JSON.stringify(map)));
      expect(result).toEqual({ ok: true, map, repairs: [] });
    }
  });

  it('returns any valid map unchanged (property)', () => {
    fc.assert(
      fc.property(arbMap, (map) => {
        expect(restore(structuredClone(map))).toEqual({ ok: true, map, repairs: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('drops unknown keys silently (they are not data of this schema)', () => {
    const input = { ...raw(), extra: 1 };
    const result = restore(input);
    expect(result.ok && result.repairs).toEqual([]);
    expect(result.ok && 'extra' in result.map).toBe(false);
  });
});

describe('restore: never throws', () => {
  it('on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expectValidOrTypedError(restore(value))),
      { numRuns: 500 },
    );
  });

  it('on arbitrary values', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withBigInt: true }),
        (v) => expectValidOrTypedError(restore(v)),
      ),
      { numRuns: 500 },
    );
  });

  it('on a valid map with arbitrary JSON put at any top-level or entity field', () => {
    const fields = [
      'title',
      'state',
      'scope',
      'persona',
      'backStory',
      'review',
      'channels',
      'stages',
      'steps',
      'lanes',
      'cards',
      'session',
      'linkedMap',
      'writeUp',
      'updatedAt',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.jsonValue(),
        fc.nat(),
        fc.jsonValue(),
        (field, value, i, inner) => {
          const doc = raw();
          doc[field] = value;
          expectValidOrTypedError(restore(doc));
          const entity = raw();
          const list = entity[['steps', 'cards', 'lanes', 'stages'][i % 4] ?? 'cards'] as Record<
            string,
            unknown
          >[];
          const target = list[i % list.length];
          if (target) target[Object.keys(target)[i % Object.keys(target).length] ?? 'id'] = inner;
          const result = restore(entity);
          expect(result.ok).toBe(true);
          expectValidOrTypedError(result);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('restore: refusals', () => {
  const cases: { name: string; input: unknown; path: string; code?: string }[] = [
    { name: 'not an object', input: 'map', path: '' },
    { name: 'null', input: null, path: '' },
    { name: 'an array', input: [], path: '' },
    {
      name: 'no schema version',
      input: { ...raw(), schemaVersion: undefined },
      path: 'schemaVersion',
    },
    { name: 'schema version 0', input: { ...raw(), schemaVersion: 0 }, path: 'schemaVersion' },
    { name: 'schema version "2"', input: { ...raw(), schemaVersion: '2' }, path: 'schemaVersion' },
    {
      name: 'future schema version',
      input: { ...raw(), schemaVersion: 3 },
      path: 'schemaVersion',
      code: 'UNSUPPORTED_VERSION',
    },
    { name: 'title not text', input: { ...raw(), title: 42 }, path: 'title' },
    { name: 'title missing', input: { ...raw(), title: undefined }, path: 'title' },
    { name: 'cards not a list', input: { ...raw(), cards: {} }, path: 'cards' },
    { name: 'steps missing', input: { ...raw(), steps: undefined }, path: 'steps' },
    { name: 'stages a string', input: { ...raw(), stages: 'a,b' }, path: 'stages' },
    { name: 'lanes null', input: { ...raw(), lanes: null }, path: 'lanes' },
    { name: 'channels not a list', input: { ...raw(), channels: 'web' }, path: 'channels' },
    { name: 'session not an object', input: { ...raw(), session: [] }, path: 'session' },
    { name: 'persona a string', input: { ...raw(), persona: 'Alana' }, path: 'persona' },
    {
      name: 'backStory list not a list',
      input: { ...raw(), backStory: { ...raw().backStory, outcomes: 'x' } },
      path: 'backStory.outcomes',
    },
    {
      name: 'session photos not a list',
      input: { ...raw(), session: { ...raw().session, photos: 1 } },
      path: 'session.photos',
    },
  ];
  it.each(cases)('refuses $name', ({ input, path, code }) => {
    const result = restore(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.path).toBe(path);
    expect(result.error.code).toBe(code ?? 'CORRUPT');
    expect(result.error.message).toContain('cannot be read');
  });

  it('serialises without a stack trace', () => {
    const result = restore({ schemaVersion: 9 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const json = JSON.parse(JSON.stringify(result.error)) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['code', 'message', 'path', 'reason']);
    expect(JSON.stringify(json)).not.toMatch(/at .*\.ts/);
  });
});

/** Every [parent, key] slot of a JSON tree. */
function slots(node: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []) {
  if (Array.isArray(node)) {
    node.forEach((child, i) => {
      out.push([node, i]);
      slots(child, out);
    });
  } else if (node !== null && typeof node === 'object') {
    for (const [key, child] of Object.entries(node)) {
      out.push([node as Record<string, unknown>, key]);
      slots(child, out);
    }
  }
  return out;
}

describe('restore: damage anywhere', () => {
  it('replacing or deleting any nested value gives a valid map or a typed error; repairs are stable', () => {
    fc.assert(
      fc.property(arbMap, fc.nat(), fc.option(fc.jsonValue({ maxDepth: 2 })), (map, n, junk) => {
        const doc = JSON.parse(JSON.stringify(map)) as unknown;
        const all = slots(doc);
        const [parent, key] = all[n % all.length] ?? [{}, 'x'];
        if (junk === null && !Array.isArray(parent))
          delete (parent as Record<string, unknown>)[key];
        else (parent as Record<string | number, unknown>)[key] = junk;
        const result = restore(doc);
        expectValidOrTypedError(result);
        if (!result.ok) return;
        expect(restore(result.map)).toEqual({ ok: true, map: result.map, repairs: [] });
        expectSaidInBoth(result.repairs);
      }),
      { numRuns: 1_000 },
    );
    // 1,000 restores of whole maps: ~5 s on a loaded 2-core CI machine.
  }, 30_000);
});

describe('restore: write-up reference', () => {
  const ref = {
    pageId: '4242',
    title: 'Alana — session write-up 2026-11-23',
    generatedAt: '2026-11-23T10:00:00.000Z',
  };

  it('keeps a reference with its page version, without repairs', () => {
    const doc = raw();
    doc.writeUp = { ...ref, version: 3 };
    const result = restore(doc);
    expect(result.ok && result.map.writeUp).toEqual({ ...ref, version: 3 });
    expect(result.ok && result.repairs).toEqual([]);
  });

  it('repairs a reference stored before versions were recorded: version 1 means "unknown"', () => {
    const doc = raw();
    doc.writeUp = { ...ref };
    const result = restore(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.map.writeUp).toEqual({ ...ref, version: 1 });
    expect(result.repairs.map((r) => r.path)).toEqual(['writeUp.version']);
    expect(restore(result.map)).toEqual({ ok: true, map: result.map, repairs: [] });
  });

  it('clears a reference whose version is not a positive integer', () => {
    for (const version of [0, -1, 1.5, '2', null]) {
      const doc = raw();
      doc.writeUp = { ...ref, version };
      const result = restore(doc);
      expect(result.ok && result.map.writeUp).toBeNull();
      expect(result.ok && result.repairs.map((r) => r.path)).toEqual(['writeUp']);
    }
  });
});
