/**
 * The local host's caching of a resource's files (decision 0044): content-hashed assets are
 * revalidated (`no-cache` + ETag, 304) by default and kept a year without a round trip when the
 * host runs with `assetCache: 'immutable'`; index.html and unhashed files always revalidate.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost } from '../../../dev/host/index';
import type { AssetCache } from '../../../dev/host/resources';

const IMMUTABLE = 'public, max-age=31536000, immutable';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jm-asset-cache-'));
  mkdirSync(path.join(dir, 'res/assets'), { recursive: true });
  writeFileSync(path.join(dir, 'res/index.html'), '<!doctype html><head></head><p>hi</p>');
  writeFileSync(path.join(dir, 'res/assets/app-Ab3_x-9Z.js'), 'export {};');
  writeFileSync(path.join(dir, 'res/assets/logo.svg'), '<svg/>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function headersOf(mode: AssetCache | undefined): Promise<Record<string, Response>> {
  const host = await startHost({
    port: 0,
    seed: false,
    resources: { main: path.join(dir, 'res') },
    ...(mode ? { assetCache: mode } : {}),
  });
  try {
    const get = (p: string, init?: RequestInit) =>
      fetch(`${host.url}/__forge/resources/main/${p}`, init);
    const hashed = await get('assets/app-Ab3_x-9Z.js');
    const again = await get('assets/app-Ab3_x-9Z.js', {
      headers: { 'if-none-match': hashed.headers.get('etag') ?? '' },
    });
    return { hashed, again, plain: await get('assets/logo.svg') };
  } finally {
    await host.close();
  }
}

describe('resource caching in the local host', () => {
  it.each([
    [undefined, 'no-cache'],
    ['revalidate', 'no-cache'],
    ['immutable', IMMUTABLE],
  ] as const)('assetCache %s: hashed assets say %s', async (mode, expected) => {
    const { hashed, again, plain } = await headersOf(mode);
    expect(hashed?.status).toBe(200);
    expect(hashed?.headers.get('cache-control')).toBe(expected);
    // A validator is always sent, so a revalidation is a 304 without a body.
    expect(again?.status).toBe(304);
    expect(plain?.headers.get('cache-control')).toBe('no-cache');
  });
});
