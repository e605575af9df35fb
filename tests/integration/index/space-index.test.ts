/**
 * `index/list` against the emulator: the real resolver handler and the real @forge/api. A space
 * with 1,000 generated maps, one of them on a restricted page, one page whose macro was deleted
 * and one trashed page; the REST calls of one listing are counted from the emulator's log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../dev/emulator';
import type { Emulator } from '../../../dev/emulator';
import type { ForgeRuntimeHandle } from '../../../dev/forge-runtime';
import { installForgeRuntime, invokeResolver } from '../../../dev/forge-runtime';
import { buildMacroStorage } from '../../../dev/host/storage/macro';
import { sanitizeLocalId } from '../../../src/domain/codec';
import type { JourneyMap } from '../../../src/domain/model/schema';
import { SUMMARY_PROPERTY_KEY, summarizePage } from '../../../src/domain/summary';
import { createResolverHandler } from '../../../src/resolvers';
import type { IndexEntry, ResultOf } from '../../../src/resolvers/contract';
import { generateMap } from '../../support/generate-map';
import { NOW, testDeps, unwrap } from '../resolvers/harness';

const TODAY = NOW.toISOString().slice(0, 10);
const TEAMS = ['Growth', 'Support', 'Billing', 'Onboarding'];

let emulator: Emulator;
let runtime: ForgeRuntimeHandle;
const handler = createResolverHandler(testDeps());
const ids = { restricted: '', removed: '', twoMaps: '', trashed: '', otherSpace: '' };

/** A small generated map with a varied owning team, state and persona. */
function mapFor(n: number): JourneyMap {
  const map = generateMap({ cards: 8, seed: n });
  map.title = `Journey ${String(n).padStart(4, '0')}`;
  map.owningTeam = TEAMS[n % TEAMS.length] ?? '';
  map.state = n % 5 === 0 ? 'future' : 'current';
  return map;
}

/** A page holding `maps` (their macros in the body unless `withoutMacro`) and its summary. */
function seedPage(args: {
  spaceKey?: string;
  title: string;
  maps: { raw: string; map: JourneyMap; inBody?: boolean }[];
}): string {
  const page = emulator.store.createPage({
    spaceKey: args.spaceKey ?? 'CX',
    title: args.title,
    authorId: 'acc-editor',
    body:
      '<p>Notes of the mapping session.</p>' +
      args.maps
        .filter((m) => m.inBody !== false)
        .map((m) => buildMacroStorage({ localId: m.raw }))
        .join(''),
  });
  const summary = summarizePage({
    maps: args.maps.map((m) => ({ localId: sanitizeLocalId(m.raw), map: m.map })),
    today: TODAY,
  });
  emulator.store.putProperty({ pageId: page.id, key: SUMMARY_PROPERTY_KEY, value: summary });
  return page.id;
}

async function list(
  accountId: string | null,
  payload: Record<string, unknown> = { spaceKey: 'CX' },
): Promise<ResultOf<'index/list'>> {
  return (await invokeResolver({
    handler,
    functionKey: 'index/list',
    payload,
    accountId,
    // The space page of the space the payload names (a frame of another space: see below).
    context: {
      extension: {
        type: 'confluence:spacePage',
        space: { key: typeof payload.spaceKey === 'string' ? payload.spaceKey : 'CX' },
      },
    },
  })) as ResultOf<'index/list'>;
}

/** Lists every page of results, following the cursor. */
async function listAll(accountId: string): Promise<IndexEntry[]> {
  const out: IndexEntry[] = [];
  let cursor: string | undefined;
  do {
    const data = unwrap(await list(accountId, { spaceKey: 'CX', ...(cursor ? { cursor } : {}) }));
    out.push(...data.entries);
    cursor = data.cursor;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  emulator = await createEmulator({ now: () => NOW });
  runtime = installForgeRuntime({ emulator });
  // 1,000 maps: 997 one-map pages, one restricted one-map page, one page with two maps.
  for (let n = 0; n < 997; n++) {
    seedPage({ title: `Map page ${n}`, maps: [{ raw: `map-${n}-uuid`, map: mapFor(n) }] });
  }
  ids.restricted = seedPage({
    title: 'Restricted: pricing journey',
    maps: [{ raw: 'restricted-map', map: mapFor(997) }],
  });
  emulator.store.restrictPage({ pageId: ids.restricted, view: ['acc-admin', 'acc-editor'] });
  ids.twoMaps = seedPage({
    title: 'Two maps on one page',
    maps: [
      { raw: 'first-of-two', map: mapFor(998) },
      { raw: 'second-of-two', map: mapFor(999) },
    ],
  });
  // Still summarised, but its macro was deleted from the page in the editor.
  ids.removed = seedPage({
    title: 'Macro deleted from this page',
    maps: [{ raw: 'deleted-macro', map: mapFor(1000), inBody: false }],
  });
  ids.trashed = seedPage({
    title: 'Trashed map page',
    maps: [{ raw: 'trashed', map: mapFor(1001) }],
  });
  const trashed = emulator.store.get('pages', ids.trashed);
  if (!trashed) throw new Error('no trashed page');
  emulator.store.put('pages', { ...trashed, status: 'trashed' });
  emulator.store.createSpace({
    key: 'ONB',
    name: 'Onboarding',
    authorId: 'acc-admin',
    viewers: ['acc-admin'],
    editors: ['acc-admin'],
  });
  ids.otherSpace = seedPage({
    spaceKey: 'ONB',
    title: 'Other space map',
    maps: [{ raw: 'other-space', map: mapFor(1002) }],
  });
  await emulator.flush();
}, 120_000);

afterAll(async () => {
  runtime?.uninstall();
  await emulator?.close();
});

describe('index/list', () => {
  it('lists all 1,000 maps of the space in ≤ 10 REST calls', async () => {
    emulator.log.clear();
    const data = unwrap(await list('acc-admin'));
    const calls = emulator.log.entries();
    // 1,000 matching pages: 5 searches of 200, 4 body reads of ≤ 250.
    expect(calls.filter((c) => c.route === 'search.cql')).toHaveLength(5);
    expect(calls.filter((c) => c.route === 'pages.list')).toHaveLength(4);
    expect(calls.length).toBeLessThanOrEqual(10);
    expect(calls.every((c) => c.principal === 'user:acc-admin' && c.status === 200)).toBe(true);
    expect(data.cursor).toBeUndefined();
    expect(data.entries).toHaveLength(1000);
    expect(data.hiddenMaps).toBe(0);
    console.info(`index/list for 1,000 maps: ${calls.length} REST calls`);
  });

  it('answers each entry with its page, a link and the summary entry', async () => {
    const { entries } = unwrap(await list('acc-admin'));
    const two = entries.filter((e) => e.pageId === ids.twoMaps);
    expect(two.map((e) => e.map.title)).toEqual(['Journey 0998', 'Journey 0999']);
    expect(two.map((e) => e.macroId)).toEqual(['first-of-two', 'second-of-two']);
    const first = two[0];
    expect(first?.pageTitle).toBe('Two maps on one page');
    expect(first?.pageUrl).toBe(`/wiki/spaces/CX/pages/${ids.twoMaps}/Two+maps+on+one+page`);
    expect(first?.map.localId).toBe('first_of_two');
    expect(first?.map.owningTeam).toBe(TEAMS[998 % TEAMS.length]);
  });

  it('never lists a page the viewer cannot see', async () => {
    const asOutsider = unwrap(await list('acc-outsider')).entries;
    expect(asOutsider).toHaveLength(999);
    expect(asOutsider.some((e) => e.pageId === ids.restricted)).toBe(false);
    const asEditor = unwrap(await list('acc-editor')).entries;
    expect(asEditor.some((e) => e.pageId === ids.restricted)).toBe(true);
  });

  it('leaves out maps whose macro was deleted, trashed pages and other spaces', async () => {
    const { entries } = unwrap(await list('acc-admin'));
    const pages = new Set(entries.map((e) => e.pageId));
    expect(pages.has(ids.removed)).toBe(false);
    expect(pages.has(ids.trashed)).toBe(false);
    expect(pages.has(ids.otherSpace)).toBe(false);
  });

  it('drops a map as soon as its macro is deleted from the page body', async () => {
    const page = emulator.store.get('pages', ids.twoMaps);
    if (!page) throw new Error('no page');
    emulator.store.put('pages', {
      ...page,
      body: `<p>Second map removed.</p>${buildMacroStorage({ localId: 'first-of-two' })}`,
      version: emulator.store.stamp(page.version.number + 1, 'acc-editor'),
    });
    try {
      const { entries } = unwrap(await list('acc-admin'));
      expect(entries.filter((e) => e.pageId === ids.twoMaps).map((e) => e.macroId)).toEqual([
        'first-of-two',
      ]);
    } finally {
      emulator.store.put('pages', page);
    }
  });

  it('continues with a cursor past 1,000 pages', async () => {
    const extra = seedPage({ title: 'Map page 1001', maps: [{ raw: 'extra', map: mapFor(1003) }] });
    try {
      const first = unwrap(await list('acc-admin'));
      expect(first.cursor).toBeTruthy();
      const all = await listAll('acc-admin');
      expect(all).toHaveLength(1001);
      expect(new Set(all.map((e) => `${e.pageId}/${e.macroId}`)).size).toBe(1001);
      expect(all.at(-1)?.pageId).toBe(extra);
    } finally {
      const page = emulator.store.get('pages', extra);
      if (page) emulator.store.put('pages', { ...page, status: 'trashed' });
    }
  });

  it('refuses bad payloads and anonymous viewers with typed errors', async () => {
    const bad = await list('acc-admin', { spaceKey: 'CX" or space = "ONB' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'spaceKey' } });
    const anonymous = await list(null);
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const noAccess = await list('acc-viewer', { spaceKey: 'ONB' });
    expect(noAccess).toMatchObject({ ok: true, data: { entries: [] } });
    // The CX space page cannot list another space (payload over context).
    const otherSpace = await invokeResolver({
      handler,
      functionKey: 'index/list',
      payload: { spaceKey: 'ONB' },
      accountId: 'acc-admin',
      context: { extension: { type: 'confluence:spacePage', space: { key: 'CX' } } },
    });
    expect(otherSpace).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
