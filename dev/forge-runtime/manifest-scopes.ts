/** The scopes manifest.yml declares (`permissions.scopes`), read once per process. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let cached: readonly string[] | null = null;

/** `permissions.scopes` of `<root>/manifest.yml` (the repository's by default). */
export function manifestScopes(root: string = ROOT): readonly string[] {
  if (root === ROOT && cached) return cached;
  const raw = parse(readFileSync(path.join(root, 'manifest.yml'), 'utf8')) as {
    permissions?: { scopes?: unknown };
  };
  const scopes = Array.isArray(raw.permissions?.scopes)
    ? raw.permissions.scopes.filter((s): s is string => typeof s === 'string')
    : [];
  if (root === ROOT) cached = scopes;
  return scopes;
}
