/**
 * The resolver contract at runtime: the keys the handler registers (read from the module, so
 * keys added later are covered without editing this suite) and the error codes of contract.ts
 * (parsed from its source, which is type-only).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REGISTERED_KEYS } from '../../../src/resolvers';

/** Every key the resolver handler defines. */
export const LIVE_KEYS: readonly string[] = [...REGISTERED_KEYS];

/** The `ErrorCode` union of src/resolvers/contract.ts. */
export function contractErrorCodes(): Set<string> {
  const file = path.resolve(__dirname, '../../../src/resolvers/contract.ts');
  const source = readFileSync(file, 'utf8');
  const union = /export type ErrorCode =([^;]+);/.exec(source)?.[1];
  if (!union) throw new Error('ErrorCode union not found in contract.ts');
  const codes = [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1] ?? '');
  if (codes.length < 3) throw new Error('ErrorCode union unexpectedly small');
  return new Set(codes);
}

/** Checks the envelope: `{ok:true,data}` or `{ok:false,error:{code,message,field?}}`. */
export function envelopeProblem(result: unknown, codes: Set<string>): string | null {
  if (!result || typeof result !== 'object') return `not an object: ${String(result)}`;
  const r = result as Record<string, unknown>;
  if (r.ok === true) return 'data' in r ? null : 'ok without data';
  if (r.ok !== false) return `no ok flag: ${JSON.stringify(result).slice(0, 200)}`;
  const e = r.error as Record<string, unknown> | undefined;
  if (!e || typeof e !== 'object') return 'failure without error';
  if (typeof e.code !== 'string' || !codes.has(e.code)) return `unknown code ${String(e.code)}`;
  if (typeof e.message !== 'string' || e.message.length === 0) return 'empty message';
  // A message for people: no stack frames or internals.
  if (/\n\s+at |TypeError|ReferenceError|undefined is not|Cannot read prop/.test(e.message)) {
    return `internal message: ${e.message}`;
  }
  if (e.field !== undefined && typeof e.field !== 'string') return 'field not a string';
  return null;
}
