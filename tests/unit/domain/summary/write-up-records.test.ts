import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JourneyMap, WriteUpRef } from '../../../../src/domain/model/schema';
import type { WriteUpRecord } from '../../../../src/domain/summary';
import { pageSummarySchema, summarizePage, summaryChanged } from '../../../../src/domain/summary';
// The module under test, by its own path.
import {
  readWriteUpRecords,
  withWriteUpRecord,
  writeUpOf,
} from '../../../../src/domain/summary/write-up-records';
import { workedExampleMap } from '../../../support/template-maps';

const example = (): JourneyMap => workedExampleMap();

const ref = (over: Partial<WriteUpRef> = {}): WriteUpRef => ({
  pageId: '501',
  title: 'Trial — session write-up 2026-11-23',
  generatedAt: '2026-11-23T10:00:00.000Z',
  version: 1,
  ...over,
});

describe('write-up records in the page summary', () => {
  it.each([
    ['nothing stored', undefined, []],
    ['not an object', 'x', []],
    ['no list', { format: 1 }, []],
    ['a list of junk', { writeUps: [1, null, { localId: 'a' }] }, []],
    [
      'one good entry among bad ones',
      {
        writeUps: [
          { localId: 'a', ...ref() },
          { localId: 'b', pageId: 'not digits' },
        ],
      },
      [{ localId: 'a', ...ref() }],
    ],
    [
      'a duplicate localId (the first wins)',
      {
        writeUps: [
          { localId: 'a', ...ref() },
          { localId: 'a', ...ref({ pageId: '9' }) },
        ],
      },
      [{ localId: 'a', ...ref() }],
    ],
  ])('reads %s leniently', (_label, value, expected) => {
    expect(readWriteUpRecords(value)).toEqual(expected);
  });

  it('replaces the record of the same map and keeps the higher version of the same page', () => {
    const records: WriteUpRecord[] = [
      { localId: 'a', ...ref({ version: 5 }) },
      { localId: 'b', ...ref({ pageId: '600' }) },
    ];
    // A generation that raced and recorded late must not roll the version back.
    expect(withWriteUpRecord(records, { localId: 'a', ...ref({ version: 4 }) })).toEqual([
      { localId: 'b', ...ref({ pageId: '600' }) },
      { localId: 'a', ...ref({ version: 5 }) },
    ]);
    // Another page (the old one was deleted): its own version.
    expect(
      withWriteUpRecord(records, { localId: 'a', ...ref({ pageId: '700', version: 1 }) }),
    ).toContainEqual({ localId: 'a', ...ref({ pageId: '700', version: 1 }) });
  });

  it('prefers the record over the reference older maps kept themselves', () => {
    const legacy = ref({ pageId: '1' });
    expect(writeUpOf({ records: [], localId: 'a', legacy })).toBe(legacy);
    expect(writeUpOf({ records: [{ localId: 'a', ...ref() }], localId: 'a', legacy })).toEqual(
      ref(),
    );
    expect(writeUpOf({ records: [{ localId: 'b', ...ref() }], localId: 'a', legacy: null })).toBe(
      null,
    );
  });

  it('keeps records of maps on the page only, and shows them in the map entries', () => {
    const a = example();
    const b = { ...example(), title: 'Second map' };
    const summary = summarizePage({
      maps: [
        { localId: 'a', map: a },
        { localId: 'b', map: b },
      ],
      today: '2026-11-23',
      writeUps: [
        { localId: 'a', ...ref() },
        { localId: 'gone', ...ref({ pageId: '9' }) },
      ],
    });
    expect(pageSummarySchema.parse(summary).writeUps).toEqual([{ localId: 'a', ...ref() }]);
    expect(summary.maps[0]?.writeUp).toEqual({
      pageId: '501',
      title: ref().title,
      generatedAt: ref().generatedAt,
    });
    expect(summary.maps[1]?.writeUp).toBeNull();
  });

  it('counts a regeneration on the same day as a change (it is where the page is recorded)', () => {
    const maps = [{ localId: 'a', map: example() }];
    const before = summarizePage({
      maps,
      today: '2026-11-23',
      writeUps: [{ localId: 'a', ...ref() }],
    });
    const after = summarizePage({
      maps,
      today: '2026-11-23',
      writeUps: [{ localId: 'a', ...ref({ version: 2, generatedAt: '2026-11-23T10:05:00.000Z' }) }],
    });
    expect(summaryChanged(before, after)).toBe(true);
    expect(summaryChanged(before, before)).toBe(false);
  });

  it('a record survives any summary rebuild that keeps its map (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.integer({ min: 1, max: 10_000 }),
        (title, version) => {
          const record = { localId: 'a', ...ref({ title, version }) };
          const once = summarizePage({
            maps: [{ localId: 'a', map: example() }],
            today: '2026-11-23',
            writeUps: [record],
          });
          const again = summarizePage({
            maps: [{ localId: 'a', map: example() }],
            today: '2026-11-23',
            writeUps: readWriteUpRecords(JSON.parse(JSON.stringify(once))),
          });
          const kept = again.writeUps?.[0];
          expect(kept?.pageId).toBe('501');
          expect(kept?.version).toBe(version);
          expect(summaryChanged(once, again)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});
