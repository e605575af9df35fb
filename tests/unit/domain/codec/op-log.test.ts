/**
 * The op log of a chunked head: appending is bounded (compaction is the caller's cue), the log
 * survives the JSON round trip of storage, and replaying it gives exactly what the writer had.
 */
import { describe, expect, it } from 'vitest';
import type { ChunkedHead, LogBatch } from '../../../../src/domain/codec';
import {
  appendToLog,
  decodeMap,
  encodeMap,
  jsonByteLength,
  LOG_HEAD_MAX_BYTES,
  LOG_MAX_BATCHES,
  parseHead,
  replayBatch,
  replayLog,
  sameJson,
} from '../../../../src/domain/codec';
import { restore } from '../../../../src/domain/model/restore';
import type { JourneyMap } from '../../../../src/domain/model/schema';
import { applyAll } from '../../../../src/domain/operations';
import type { Op } from '../../../../src/domain/operations/op-types';
import { generateMap } from '../../../support/generate-map';

function chunkedHeadOf(map: JourneyMap): { head: ChunkedHead; chunks: Record<string, unknown> } {
  const encoded = encodeMap(map, { generation: 'base1' });
  if (encoded.head.encoding !== 'deflate-chunks') throw new Error('expected a chunked head');
  return {
    head: encoded.head,
    chunks: Object.fromEntries(encoded.chunks.map((c) => [c.suffix, c.value])),
  };
}

function edit(map: JourneyMap, i: number): Op[] {
  const card = map.cards[i % map.cards.length];
  if (!card) throw new Error('no card');
  return [{ type: 'card/edit', id: card.id, patch: { text: `edit ${i}` } }];
}

describe('op log in a chunked head', { timeout: 60_000 }, () => {
  const base = generateMap({ cards: 1_000, seed: 21 });
  const { head, chunks } = chunkedHeadOf(base);

  it('appends batches, and the decoded base plus the replayed log equals what the writer had', () => {
    let writer = base;
    let current: ChunkedHead = head;
    for (let i = 0; i < 5; i++) {
      const ops = edit(writer, i);
      const updatedAt = `2026-11-23T10:0${i}:00.000Z`;
      writer = { ...applyAll(writer, ops).map, updatedAt };
      const next = appendToLog(current, { ops, updatedAt });
      if (!next) throw new Error('the log should have room');
      current = next;
    }
    expect(current.log).toHaveLength(5);
    // Chunks are untouched: same generation, same checksum.
    expect(current.generation).toBe(head.generation);
    expect(current.checksum).toBe(head.checksum);

    const stored: unknown = JSON.parse(JSON.stringify(current));
    const decoded = decodeMap(stored, chunks);
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.log).toHaveLength(5);
    const restored = restore(decoded.value);
    if (!restored.ok) throw new Error(restored.error.message);
    const replayed = replayLog(restored.map, decoded.log ?? []);
    expect(replayed).toEqual(writer);
    expect(sameJson(replayed, writer)).toBe(true);
  });

  it('a batch whose ops drop on replay drops for the writer too: the map does not diverge', () => {
    const gone: Op[] = [
      { type: 'card/edit', id: 'no-such-card', patch: { text: 'lost' } },
      ...edit(base, 3),
    ];
    const writerApplied = applyAll(base, gone);
    expect(writerApplied.dropped).toHaveLength(1);
    const writer = { ...writerApplied.map, updatedAt: '2026-11-23T11:00:00.000Z' };
    const logged = appendToLog(head, { ops: gone, updatedAt: writer.updatedAt });
    if (!logged?.log) throw new Error('expected a log');
    const batch = JSON.parse(JSON.stringify(logged.log[0])) as LogBatch;
    expect(replayBatch(base, batch)).toEqual(writer);
  });

  it('refuses to grow past LOG_MAX_BATCHES batches', () => {
    let current: ChunkedHead | null = head;
    let appended = 0;
    for (let i = 0; i <= LOG_MAX_BATCHES && current; i++) {
      const next: ChunkedHead | null = appendToLog(current, {
        ops: [{ type: 'map/setTitle', title: `t${i % 10}` }],
        updatedAt: null,
      });
      if (next) appended++;
      current = next;
    }
    expect(appended).toBe(LOG_MAX_BATCHES);
    expect(current).toBeNull();
  });

  it('refuses to grow past LOG_HEAD_MAX_BYTES, and every accepted head stays within it', () => {
    const longText = 'x'.repeat(3_000);
    let current: ChunkedHead = head;
    let refused = false;
    for (let i = 0; i < 20; i++) {
      const next = appendToLog(current, {
        ops: [{ type: 'card/edit', id: 'c', patch: { text: longText } }],
        updatedAt: null,
      });
      if (!next) {
        refused = true;
        break;
      }
      expect(jsonByteLength(next)).toBeLessThanOrEqual(LOG_HEAD_MAX_BYTES);
      current = next;
    }
    expect(refused).toBe(true);
  });

  it('reads heads without a log (written before the log existed) and rejects a malformed log', () => {
    const decoded = decodeMap(JSON.parse(JSON.stringify(head)), chunks);
    expect(decoded.ok && decoded.log).toBeFalsy();
    expect(parseHead({ ...head, log: [{ ops: 'nope', updatedAt: null }] })).toBeNull();
    expect(decodeMap({ ...head, log: [{ updatedAt: 3 }] }, chunks)).toMatchObject({
      ok: false,
      error: { code: 'badHead' },
    });
  });

  it('sameJson ignores key order and undefined members, not values', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, u: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: null }, { a: undefined })).toBe(false);
  });
});
