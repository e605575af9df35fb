/**
 * Vitest setup file of the unit tier: every fast-check property of the file runs with the seed
 * the global setup chose (tests/support/fast-check-seed-global.ts).
 */
import fc from 'fast-check';
import { inject } from 'vitest';

fc.configureGlobal({ seed: inject('fcSeed') });
