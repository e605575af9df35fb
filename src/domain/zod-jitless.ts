/**
 * Imported first by both entries (src/index.ts, static/app/src/main.tsx), before any module
 * builds a schema: zod 4 otherwise probes `new Function` when it builds an object schema, and
 * Forge's Custom UI CSP (no 'unsafe-eval') reports that as a violation on every load.
 * Object schemas read the setting when they are built, so it must run before all of them.
 * Only zod's `config` is imported (the setting lives on `globalThis`, shared by every copy), so
 * the UI entry stays free of zod's schema code, which loads with the first lazy chunk needing it.
 */
import { config } from 'zod/v4/core';

config({ jitless: true });

/** True once the jitless configuration is in force (for the guardrail). */
export const ZOD_JITLESS = config().jitless === true;
