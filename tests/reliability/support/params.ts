/**
 * Short (in `npm test`) or long (`npm run soak`, SOAK=1) parameters of the reliability suite.
 */

/** True when the long soak parameters are selected. */
export const SOAK = process.env.SOAK === '1';

/** Every size the suite scales with, short vs soak. */
export const PARAMS = SOAK
  ? {
      clients: 8,
      opsPerClient: 250,
      tornWriters: 3,
      tornReaders: 4,
      tornWrites: 60,
      badInputRunsPerKey: 1_000,
      kills: 20,
    }
  : {
      clients: 4,
      opsPerClient: 40,
      tornWriters: 2,
      tornReaders: 3,
      tornWrites: 8,
      badInputRunsPerKey: 50,
      kills: 3,
    };

/** Seed of every fast-check / PRNG run (SEED=n reproduces a failure). */
export const SEED = Number(process.env.SEED ?? 20261123);

/** A small deterministic PRNG (mulberry32), so failures replay with the same SEED. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
