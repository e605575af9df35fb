/**
 * Vitest global setup of the unit tier: chooses the one fast-check seed of the run and prints
 * it once. `npm test` uses a fixed seed (a property fails only when the code changed, never by
 * luck of the draw); `FC_SEED=<n>` replays a run; `FC_SEED=random` (`npm run test:random`)
 * draws a new seed, to explore cases the fixed seed never reaches.
 */
import type { TestProject } from 'vitest/node';

/** The seed `npm test` runs the properties with. */
export const DEFAULT_FC_SEED = 20_261_123;

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fast-check seed of this run (see tests/support/fast-check-seed-global.ts). */
    fcSeed: number;
  }
}

/** The seed `FC_SEED` asks for: a number, `random`, or unset (the fixed default). */
export function chooseSeed(value: string | undefined): { seed: number; random: boolean } {
  if (value === 'random') return { seed: Math.floor(Math.random() * 2 ** 31), random: true };
  if (value === undefined || value === '') return { seed: DEFAULT_FC_SEED, random: false };
  const seed = Number(value);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random"`);
  return { seed, random: false };
}

/** Provides the seed to every test file of the project and prints it. */
export default function setup(project: TestProject): void {
  const { seed, random } = chooseSeed(process.env.FC_SEED);
  project.provide('fcSeed', seed);
  process.stdout.write(
    `fast-check seed ${seed}${random ? ' (random)' : ''}: replay with FC_SEED=${seed}\n`,
  );
}
