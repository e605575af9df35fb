/**
 * Imported first by both entries (src/index.ts, static/app/src/main.tsx), before any module
 * builds a schema: zod 4 otherwise probes `new Function` when it builds an object schema, and
 * Forge's Custom UI CSP (no 'unsafe-eval') reports that as a violation on every load.
 * Object schemas read the setting when they are built, so it must run before all of them.
 */
import { z } from 'zod';

z.config({ jitless: true });

/** True once the jitless configuration is in force (for the guardrail). */
export const ZOD_JITLESS = z.config().jitless === true;
