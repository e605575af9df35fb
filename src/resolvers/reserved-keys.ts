/**
 * Contract keys reserved for later issues and deliberately not registered yet, so the guardrail
 * that compares contract keys with registered keys can leave them out.
 */
import type { ResolverKey } from './contract';

/** Keys in the contract that no resolver defines yet. */
export const RESERVED_KEYS = [] as const satisfies readonly ResolverKey[];
