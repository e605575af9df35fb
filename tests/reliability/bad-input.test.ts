/**
 * Bad input: fast-check payloads for every registered resolver key (read at runtime, so new keys
 * are covered) through the real handler → always the typed Result envelope with a contract code;
 * a refused payload writes nothing (no POST/PUT/DELETE, store unchanged) and nothing throws.
 * Accepted payloads must leave the map readable.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeResolver } from '../../dev/forge-runtime';
import { handler } from '../../src/index';
import { LIVE_KEYS, contractErrorCodes, envelopeProblem } from './support/contract-runtime';
import { recordFigure } from './support/figures';
import { hostilePayload } from './support/hostile-payloads';
import { PARAMS, SEED } from './support/params';
import type { Fixture } from './support/world-fixture';
import { createFixture, storeFingerprint, validPayload, writesIn } from './support/world-fixture';

let fx: Fixture;
const codes = contractErrorCodes();
type Tally = { refused: number; accepted: number; codes: Record<string, number> };
const tally: Record<string, Tally> = {};

beforeAll(async () => {
  fx = await createFixture();
});

afterAll(async () => {
  recordFigure('bad-input', {
    runsPerKey: PARAMS.badInputRunsPerKey,
    keys: LIVE_KEYS.length,
    tally,
  });
  await fx?.world.close();
});

describe('hostile payloads for every resolver key', () => {
  it('the envelope check refuses what a broken resolver would answer', () => {
    expect(envelopeProblem(undefined, codes)).not.toBeNull();
    expect(envelopeProblem({ ok: false, error: { code: 'OOPS', message: 'x' } }, codes)).toMatch(
      /code/,
    );
    expect(
      envelopeProblem(
        { ok: false, error: { code: 'SERVER_ERROR', message: 'TypeError: x\n    at f' } },
        codes,
      ),
    ).toMatch(/internal/);
    expect(envelopeProblem({ ok: true, data: null }, codes)).toBeNull();
  });

  it('unknown function keys (Object.prototype names included) answer INVALID_INPUT', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'),
          fc.string({ maxLength: 30 }).filter((k) => !LIVE_KEYS.includes(k)),
        ),
        async (functionKey) => {
          fx.world.resetLog();
          const result = await invokeResolver({
            handler,
            functionKey,
            payload: fx.open,
            accountId: 'acc-editor',
          });
          expect(envelopeProblem(result, codes)).toBeNull();
          expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
          expect(writesIn(fx.world)).toEqual([]);
        },
      ),
      { numRuns: 50, seed: SEED },
    );
  });

  it('covers at least the keys of the contract known today', () => {
    expect(LIVE_KEYS).toEqual(
      expect.arrayContaining(['map/load', 'map/apply', 'writeup/generate']),
    );
  });

  it.each(LIVE_KEYS.map((k) => [k]))(
    '%s answers typed errors and writes nothing when refusing',
    async (key) => {
      const { world } = fx;
      const t: Tally = { refused: 0, accepted: 0, codes: {} };
      tally[key] = t;
      const version = async (): Promise<number> => {
        const v = await world.call('map/version', fx.open, 'acc-editor');
        return v.ok ? v.data.version : 1;
      };
      await fc.assert(
        fc.asyncProperty(
          hostilePayload(validPayload(fx, key, fx.open, await version())),
          async (payload) => {
            world.resetLog();
            const before = storeFingerprint(world);
            let result: unknown;
            try {
              result = await world.call(
                key as 'map/load',
                payload as Record<string, unknown>,
                'acc-editor',
              );
            } catch (error) {
              throw new Error(`${key} threw out of the handler: ${String(error)}`);
            }
            const problem = envelopeProblem(result, codes);
            if (problem) throw new Error(`${key}: ${problem}`);
            const r = result as { ok: boolean; error?: { code: string; message: string } };
            if (r.ok) {
              t.accepted += 1;
              // Whatever was accepted keeps the map readable.
              const load = await world.call('map/load', fx.open, 'acc-viewer');
              if (!load.ok)
                throw new Error(
                  `after an accepted ${key}, map/load: ${load.error.code} ${load.error.message}`,
                );
              return;
            }
            const code = r.error?.code ?? '';
            t.refused += 1;
            t.codes[code] = (t.codes[code] ?? 0) + 1;
            // Bad input is the caller's fault: never an unexpected server error.
            if (code === 'SERVER_ERROR')
              throw new Error(`${key}: SERVER_ERROR for bad input: ${r.error?.message}`);
            // Malformed input is refused before any REST write; a refusal for the state of things
            // (NOT_FOUND, CONFLICT…) may undo a first step, but must leave the store as it was.
            const writes = writesIn(world);
            if (code === 'INVALID_INPUT' && writes.length > 0)
              throw new Error(`${key} refused (${code}) yet wrote: ${JSON.stringify(writes)}`);
            if (storeFingerprint(world) !== before)
              throw new Error(`${key} refused (${code}) yet the store changed`);
          },
        ),
        { numRuns: PARAMS.badInputRunsPerKey, seed: SEED, endOnFailure: true },
      );
      expect(t.refused + t.accepted).toBe(PARAMS.badInputRunsPerKey);
      expect(t.refused).toBeGreaterThan(0);
    },
  );
});
