/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- these tests damage raw stored JSON on purpose */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../src/domain/model/factories';
import { migrate, migrateV1ToV2 } from '../../../../src/domain/model/migrations';
import { restore } from '../../../../src/domain/model/restore';
import type { JourneyMap } from '../../../../src/domain/model/schema';
import { fixtureMap } from './fixture';

type Doc = Record<string, any>;

/**
 * The fixture written as schema v1 (the prototype): lanes without `zone`, sentiment as a
 * map-level `{ [stepId]: number }` record, and a session without `agenda` / `analysis`.
 */
function asV1(map: JourneyMap): Doc {
  const doc = JSON.parse(JSON.stringify(map)) as Doc;
  doc.schemaVersion = 1;
  doc.lanes = (doc.lanes as Doc[]).map(({ zone: _zone, ...lane }) => lane);
  doc.sentiment = {};
  doc.steps = (doc.steps as Doc[]).map(({ sentiment, ...step }) => {
    if (sentiment !== null) doc.sentiment[step.id] = sentiment;
    return step;
  });
  delete doc.session.agenda;
  delete doc.session.analysis;
  return doc;
}

describe('migration v1 → v2', () => {
  it('restores a v1 document to exactly the v2 map, without repairs', () => {
    const map = fixtureMap();
    expect(restore(asV1(map))).toEqual({ ok: true, map, repairs: [] });
  });

  const cases: { name: string; v1: (doc: Doc) => void; check: (map: JourneyMap) => void }[] = [
    {
      name: 'lane zone derived from type (backstage lane → backstage)',
      v1: () => {},
      check: (m) => {
        expect(m.lanes.find((l) => l.type === 'backstage')?.zone).toBe('backstage');
        expect(m.lanes.find((l) => l.type === 'metrics')?.zone).toBe('backstage');
        expect(m.lanes.find((l) => l.type === 'actions')?.zone).toBe('onstage');
      },
    },
    {
      name: 'a zone already present in v1 is kept',
      v1: (d) => (d.lanes[0].zone = 'backstage'),
      check: (m) => expect(m.lanes[0]?.zone).toBe('backstage'),
    },
    {
      name: 'map-level sentiment moved onto steps; steps without one get null',
      v1: (d) => (d.sentiment = { s1: 2, s3: -2 }),
      check: (m) => expect(m.steps.map((s) => s.sentiment)).toEqual([2, null, -2]),
    },
    {
      name: 'sentiment of unknown steps is discarded',
      v1: (d) => (d.sentiment = { nope: 1 }),
      check: (m) => {
        expect(m.steps.every((s) => s.sentiment === null)).toBe(true);
        expect('sentiment' in m).toBe(false);
      },
    },
    {
      name: 'a missing sentiment record is treated as none',
      v1: (d) => delete d.sentiment,
      check: (m) => expect(m.steps.every((s) => s.sentiment === null)).toBe(true),
    },
    {
      name: 'session gains the empty agenda and analysis',
      v1: () => {},
      check: (m) => {
        expect(m.session.agenda).toEqual(createSession().agenda);
        expect(m.session.analysis).toEqual(createSession().analysis);
      },
    },
    {
      name: 'out-of-range v1 sentiment is migrated, then clamped as a repair',
      v1: (d) => (d.sentiment = { s1: 9 }),
      check: (m) => expect(m.steps[0]?.sentiment).toBe(2),
    },
  ];
  it.each(cases)('$name', ({ v1, check }) => {
    const doc = asV1(fixtureMap());
    v1(doc);
    const result = restore(doc);
    expect(result.ok).toBe(true);
    if (result.ok) check(result.map);
  });

  it('migrate() is pure: the v1 document is not modified', () => {
    const doc = asV1(fixtureMap());
    const copy = structuredClone(doc);
    migrate(doc, 1);
    expect(doc).toEqual(copy);
    expect(migrateV1ToV2(doc).schemaVersion).toBe(2);
  });

  it('a v1 document whose lists are broken is still refused by field', () => {
    const doc = asV1(fixtureMap());
    doc.steps = 'none';
    const result = restore(doc);
    expect(!result.ok && result.error.path).toBe('steps');
  });
});
