/**
 * The batch log kept in a map's head: bounded (entries and bytes), newest last, one entry per id,
 * survives the JSON round trip of storage, matches only the account that sent the batch, and
 * reads heads written before it existed (or damaged ones) without failing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BatchAnswer, BatchEntry } from '../../../../src/domain/codec';
import {
  BATCH_ENTRY_MAX_BYTES,
  BATCH_ID_PATTERN,
  BATCH_LOG_MAX_BYTES,
  BATCH_LOG_MAX_ENTRIES,
  appendBatch,
  batchEntry,
  encodeMap,
  findBatch,
  jsonByteLength,
  readBatchLog,
} from '../../../../src/domain/codec';
import { OP_TYPES } from '../../../../src/domain/operations/registry';

const idArb = fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/);
const answerArb: fc.Arbitrary<BatchAnswer> = fc.record({
  version: fc.integer({ min: 1, max: 1_000_000 }),
  dropped: fc.array(
    fc.record({
      index: fc.nat(499),
      type: fc.constantFrom(...OP_TYPES),
      reason: fc.string({ maxLength: 200 }),
    }),
    { maxLength: 60 },
  ),
  rebased: fc.boolean(),
  overwritten: fc.array(fc.string({ maxLength: 120 }), { maxLength: 60 }),
});
const accountArb = fc.constantFrom('acc-admin', 'acc-editor', '557058:f2b3c4d5-aaaa-bbbb');

/** Stored and read back, as Confluence would hand it over. */
function roundTrip(log: BatchEntry[]): BatchEntry[] {
  return readBatchLog(JSON.parse(JSON.stringify({ codec: 'cjm/1', batches: log })));
}

describe('batch log', () => {
  it('remembers an answer for the same account and id, not for another account', () => {
    const answer: BatchAnswer = {
      version: 7,
      dropped: [{ index: 1, type: 'card/edit', reason: 'The card no longer exists.' }],
      rebased: true,
      overwritten: ['cards.c1.text'],
    };
    const log = roundTrip(
      appendBatch([], batchEntry({ id: 'batch-0001', accountId: 'acc-editor', answer })),
    );
    expect(findBatch(log, { id: 'batch-0001', accountId: 'acc-editor' })).toEqual(answer);
    expect(findBatch(log, { id: 'batch-0001', accountId: 'acc-admin' })).toBeNull();
    expect(findBatch(log, { id: 'batch-0002', accountId: 'acc-editor' })).toBeNull();
  });

  it('reads heads without a log, and skips damaged entries one by one', () => {
    const old = encodeMap({ schemaVersion: 2 }, { generation: 'g' }).head;
    expect(readBatchLog(old)).toEqual([]);
    expect(readBatchLog(null)).toEqual([]);
    expect(readBatchLog({ batches: 'nope' })).toEqual([]);
    const good = batchEntry({
      id: 'good-batch',
      accountId: 'acc-editor',
      answer: { version: 3, dropped: [], rebased: false, overwritten: [] },
    });
    const bad = [
      { id: 'x', a: '00000000', v: 1 },
      { id: 'valid-id-1', a: 'zz', v: 1 },
      { id: 'valid-id-2', a: '00000000', v: 0 },
      { id: 'valid-id-3', a: '00000000', v: 2, d: [{ index: 0, type: 'evil/op', reason: '' }] },
    ];
    expect(readBatchLog({ batches: [...bad, good] })).toEqual([good]);
  });

  it('is bounded in entries and bytes, newest last, one entry per id (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(idArb, accountArb, answerArb), { minLength: 1, maxLength: 150 }),
        (batches) => {
          let log: BatchEntry[] = [];
          for (const [id, accountId, answer] of batches) {
            const entry = batchEntry({ id, accountId, answer });
            expect(jsonByteLength(entry)).toBeLessThanOrEqual(BATCH_ENTRY_MAX_BYTES);
            log = roundTrip(appendBatch(log, entry));
            // The batch just saved is always remembered.
            expect(log.at(-1)).toEqual(entry);
            expect(findBatch(log, { id, accountId })?.version).toBe(answer.version);
          }
          expect(log.length).toBeLessThanOrEqual(BATCH_LOG_MAX_ENTRIES);
          expect(jsonByteLength(log)).toBeLessThanOrEqual(BATCH_LOG_MAX_BYTES);
          expect(new Set(log.map((e) => e.id)).size).toBe(log.length);
          // What is kept is the newest suffix of the distinct ids, in order.
          const lastIds: string[] = [];
          for (const [id] of batches) {
            const i = lastIds.indexOf(id);
            if (i >= 0) lastIds.splice(i, 1);
            lastIds.push(id);
          }
          expect(log.map((e) => e.id)).toEqual(lastIds.slice(lastIds.length - log.length));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps the last 64 small batches', () => {
    let log: BatchEntry[] = [];
    for (let i = 0; i < 100; i++) {
      const id = crypto.randomUUID();
      expect(id).toMatch(BATCH_ID_PATTERN);
      log = appendBatch(
        log,
        batchEntry({
          id,
          accountId: '557058:f2b3c4d5-1234-5678-9abc-def012345678',
          answer: { version: i + 1, dropped: [], rebased: false, overwritten: [] },
        }),
      );
    }
    expect(log).toHaveLength(BATCH_LOG_MAX_ENTRIES);
    expect(log.at(0)?.v).toBe(37);
    expect(log.at(-1)?.v).toBe(100);
  });
});
