import { defineConfig } from 'vitest/config';
import { UI_ALIASES } from './static/aliases';

/** Test tiers, each runnable alone with `vitest run --project <name>`. */
export default defineConfig({
  // Every project inherits these (`extends: true`): unit and component tests import the UI.
  resolve: { alias: UI_ALIASES },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // One fast-check seed per run, fixed unless FC_SEED says otherwise (printed once).
          globalSetup: ['tests/support/fast-check-seed-global.ts'],
          setupFiles: ['tests/support/fast-check-seed.ts', 'tests/support/i18n-fallback.ts'],
          // Property tests run thousands of cases; CI machines have two loaded cores.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['tests/component/setup.ts', 'tests/support/i18n-fallback.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'conformance',
          include: ['tests/conformance/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'guardrails',
          include: ['tests/guardrails/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'reliability',
          include: ['tests/reliability/**/*.test.ts'],
          environment: 'node',
          // SOAK=1 (`npm run soak`) selects the long parameters; the short ones run in `npm test`.
          testTimeout: process.env.SOAK === '1' ? 3_600_000 : 120_000,
          hookTimeout: 180_000,
          // The files share two cores with the rest of `npm test`; one at a time keeps timings sane.
          fileParallelism: false,
        },
      },
    ],
  },
});
