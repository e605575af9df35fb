/**
 * Scopes, held three ways (decision 0005): every row of the scope table agrees with the REST
 * specs; every call the app makes (a run of every resolver key through the real @forge/api, the
 * failure-path calls other suites exercise, and the Custom UI's bridge calls) has a row whose
 * scopes manifest.yml declares; and manifest.yml declares no scope that no call needs. The local
 * Forge runtime refuses undeclared scopes on every integration call as well (install.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForgeCall, ScopeRow } from '../../dev/forge-runtime';
import { REST_SCOPES, manifestScopes, scopeRowFor } from '../../dev/forge-runtime';
import type { Fixture } from '../reliability/support/world-fixture';
import { createFixture, validPayload } from '../reliability/support/world-fixture';
import { REGISTERED_KEYS } from '../../src/resolvers';
import { unwrap } from '../integration/resolvers/harness';
import { ROOT, listFiles, readRepoFile } from '../support/repo-files';

type Spec = { paths: Record<string, Record<string, SpecOp | undefined>> };
type SpecOp = {
  security?: { oAuthDefinitions?: string[] }[];
  'x-atlassian-oauth2-scopes'?: { state: string; scopes: string[] }[];
};

/** The full specs beside the repository when present, else the trimmed copies in fixtures. */
function loadSpec(name: 'v1' | 'v2'): Spec {
  const full = [join(ROOT, '../shared/reference'), join(ROOT, '../../shared/reference')]
    .map((dir) => join(dir, `confluence-openapi-${name}.json`))
    .find((file) => existsSync(file));
  const file = full ?? join(ROOT, `tests/fixtures/openapi/confluence-${name}-scopes.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Spec;
}

function specScopes(row: ScopeRow, spec: Spec): string[] | null {
  const path = row.source === 'v2' ? row.path.replace(/^\/wiki\/api\/v2/, '') : row.path;
  const op = spec.paths[path]?.[row.method.toLowerCase()];
  if (!op) return null;
  const current = op['x-atlassian-oauth2-scopes']?.find((s) => s.state === 'Current')?.scopes;
  if (current) return [...current].sort();
  const oauth = op.security?.find((s) => s.oAuthDefinitions)?.oAuthDefinitions;
  return oauth ? [...oauth].sort() : null;
}

/**
 * The Custom UI's product calls (static/app/src/bridge/confluence.ts, through `requestConfluence`):
 * photo download, photo upload, people-picker search.
 */
const UI_CALLS = [
  {
    method: 'GET',
    path: '/wiki/rest/api/content/1/child/attachment/2/download',
    what: 'photo download',
  },
  { method: 'PUT', path: '/wiki/rest/api/content/1/child/attachment', what: 'photo upload' },
  { method: 'GET', path: '/wiki/rest/api/search/user?cql=type%3Duser', what: 'people picker' },
] as const;

/** Calls only a failure path makes, with the suite that drives that path against the emulator. */
const FAILURE_PATH_CALLS = [
  {
    method: 'DELETE',
    path: '/wiki/api/v2/pages/1',
    what: 'trash the future-state child page when writing its map failed (tests/integration/future)',
  },
  {
    method: 'DELETE',
    path: '/wiki/api/v2/attachments/1',
    what: 'remove a file photos/register refused (tests/integration/resolvers/photos-verified)',
  },
] as const;

const declared = manifestScopes();
let fx: Fixture;
const seen: ForgeCall[] = [];

beforeAll(async () => {
  fx = await createFixture();
  const { world } = fx;
  const at = fx.open;
  // Every live key once, as the people it is meant for (routing rules: a space admin).
  for (const key of REGISTERED_KEYS) {
    const version = unwrap(await world.call('map/version', at, 'acc-admin')).version;
    const payload = validPayload(fx, key, at, version);
    if (key === 'map/create') payload.localId = 'scopes-new-map';
    world.runtime.calls.length = 0;
    const result = (await world.call(key, payload, 'acc-admin')) as {
      ok: boolean;
      error?: { message: string };
    };
    expect(result.ok, `${key}: ${result.error?.message ?? ''}`).toBe(true);
    seen.push(...world.runtime.calls);
  }
}, 60_000);

afterAll(async () => {
  await fx?.world.close();
});

describe('the REST scope table (dev/forge-runtime/rest-scopes.ts)', () => {
  it('agrees with the specs, row by row', () => {
    const specs = { v1: loadSpec('v1'), v2: loadSpec('v2') };
    for (const row of REST_SCOPES) {
      if (row.source === 'documented-elsewhere' || row.source === 'jira-v3') {
        expect(row.reason ?? '', `${row.method} ${row.path} needs a reason`).toMatch(/.{40}/);
        continue;
      }
      expect(specScopes(row, specs[row.source]), `${row.method} ${row.path}`).toEqual(
        [...row.scopes].sort(),
      );
    }
  });

  it('Jira rows name Jira paths and only Jira scopes (and Confluence rows the reverse)', () => {
    for (const row of REST_SCOPES) {
      const jira = row.source === 'jira-v3';
      expect(row.path.startsWith('/rest/api/3/'), `${row.method} ${row.path}`).toBe(jira);
      for (const s of row.scopes) expect(s.endsWith(':jira-work'), s).toBe(jira);
    }
  });

  it('has one row per method and path', () => {
    const keys = REST_SCOPES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('calls × manifest.yml', () => {
  it('every resolver key made product calls, each with a row whose scopes are declared', () => {
    expect(seen.length).toBeGreaterThan(REGISTERED_KEYS.length);
    const problems = seen
      .map((c) => ({ c, row: scopeRowFor(c.method, c.path) }))
      .filter(({ row }) => !row || row.scopes.some((s) => !declared.includes(s)))
      .map(({ c, row }) => `${c.method} ${c.path}: ${row ? row.scopes.join(',') : 'no row'}`);
    expect(problems).toEqual([]);
    // None was refused (a refusal would have failed the key above, but say it plainly).
    expect(seen.filter((c) => c.status === 401)).toEqual([]);
  });

  it('lists every product call of the Custom UI (bridge/confluence.ts) and declares its scopes', () => {
    const confluence = readRepoFile('static/app/src/bridge/confluence.ts');
    expect(confluence.match(/requestConfluence\(/g)?.length).toBe(UI_CALLS.length);
    expect(confluence).toContain('/child/attachment');
    expect(confluence).toContain('/wiki/rest/api/search/user');
    // confluence.ts is the one UI module that calls Confluence directly.
    const callers = listFiles('static/app/src', /\.(ts|tsx)$/).filter((f) =>
      /requestConfluence\(/.test(readRepoFile(f)),
    );
    expect(callers).toEqual(['static/app/src/bridge/confluence.ts']);
    for (const call of [...UI_CALLS, ...FAILURE_PATH_CALLS]) {
      const row = scopeRowFor(call.method, call.path);
      expect(row, call.what).not.toBeNull();
      expect(
        row?.scopes.filter((s) => !declared.includes(s)),
        call.what,
      ).toEqual([]);
    }
  });

  it('declares no scope that no call needs', () => {
    const needed = new Set<string>();
    for (const c of [...seen, ...UI_CALLS, ...FAILURE_PATH_CALLS]) {
      for (const s of scopeRowFor(c.method, c.path)?.scopes ?? []) needed.add(s);
    }
    expect([...declared].filter((s) => !needed.has(s))).toEqual([]);
  });
});
