import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../dev/emulator/index';
import type { Emulator, PropertyIndexField } from '../../../dev/emulator/index';
import { APP, EDITOR, OUTSIDER, call } from './helpers';

type SearchReply = {
  results: {
    content: {
      id: string;
      type: string;
      title: string;
      metadata?: { properties: Record<string, { value: unknown }> };
      space?: { key: string };
      version?: { number: number };
    };
    title: string;
    url: string;
    lastModified: string;
  }[];
  totalSize: number;
  size: number;
  limit: number;
  _links: { next?: string; base: string; context: string };
};

const INDEXES: PropertyIndexField[] = [
  { propertyKey: 'cjm_summary', path: 'titles', type: 'text', searchAlias: 'cjm_titles' },
  { propertyKey: 'cjm_summary', path: 'state', type: 'string', searchAlias: 'cjm_state' },
  { propertyKey: 'cjm_summary', path: 'mapCount', type: 'number', searchAlias: 'cjm_mapcount' },
  { propertyKey: 'cjm_summary', path: 'nextReview', type: 'date', searchAlias: 'cjm_nextreview' },
  { propertyKey: 'cjm_summary', path: 'owner.team', type: 'string', searchAlias: 'cjm_owner' },
];

describe('CQL search', () => {
  let emu: Emulator;
  const ids: Record<string, string> = {};
  let clock = Date.parse('2026-11-01T00:00:00Z');
  beforeAll(async () => {
    emu = await createEmulator({
      propertyIndexes: INDEXES,
      now: () => new Date((clock += 60_000)),
    });
    const s = emu.store;
    s.createSpace({
      key: 'OPS',
      name: 'Operations',
      viewers: ['acc-admin', 'acc-editor', 'acc-viewer', 'acc-outsider'],
      editors: ['acc-admin'],
    });
    const mk = (key: string, title: string, spaceKey = 'CX', parentId?: string, body = '') => {
      ids[key] = s.createPage({ spaceKey, title, authorId: 'acc-admin', parentId, body }).id;
    };
    mk(
      'checkout',
      'Checkout journey',
      'CX',
      undefined,
      '<p>Customers abandon the <b>basket</b></p>',
    );
    mk('onboarding', 'Onboarding journey');
    mk('child', 'Onboarding write-up', 'CX', ids.onboarding);
    mk('grandchild', 'Photos', 'CX', ids.child);
    mk('ops', 'Incident journey', 'OPS');
    mk('secret', 'Secret journey');
    s.restrictPage({ pageId: ids.secret ?? '', view: ['acc-admin', 'acc-editor'] });
    mk('trashed', 'Old journey');
    s.put('pages', { ...s.get('pages', ids.trashed ?? '')!, status: 'trashed' });
    const summary = (id: string, value: unknown) =>
      s.putProperty({ ownerId: id, key: 'cjm_summary', value });
    summary(ids.checkout ?? '', {
      titles: 'Checkout for returning buyers',
      state: 'current',
      mapCount: 3,
      nextReview: '2026-12-01',
      owner: { team: 'Payments' },
      teams: ['a', 'b'],
    });
    summary(ids.onboarding ?? '', {
      titles: 'First week onboarding',
      state: 'future',
      mapCount: 1,
      nextReview: '2027-03-01',
      owner: { team: 'Growth' },
    });
    summary(ids.secret ?? '', { titles: 'Secret', state: 'current', mapCount: 9 });
    summary(ids.trashed ?? '', { titles: 'Old', state: 'current', mapCount: 5 });
    summary(ids.ops ?? '', { titles: 'Incident', state: 'current', mapCount: 2 });
  });
  afterAll(() => emu.close());

  const search = (cql: string, as = EDITOR, extra = '') =>
    call<SearchReply>(emu, 'GET', `/wiki/rest/api/search?cql=${encodeURIComponent(cql)}${extra}`, {
      as,
    });
  const titles = async (cql: string, as = EDITOR) =>
    (await search(cql, as)).body.results.map((r) => r.title);

  it('supports space, type, title ~, text ~, id, parent, ancestor', async () => {
    expect(
      await titles('space = CX and type = page and title ~ "journey" order by title asc'),
    ).toEqual(['Checkout journey', 'Onboarding journey', 'Secret journey']);
    expect(await titles('space in (OPS) and type = page')).toEqual(['Incident journey']);
    expect(await titles('text ~ "basket"')).toEqual(['Checkout journey']);
    expect(await titles(`id = ${ids.child}`)).toEqual(['Onboarding write-up']);
    expect(await titles(`parent = ${ids.onboarding}`)).toEqual(['Onboarding write-up']);
    expect(await titles(`ancestor = ${ids.onboarding} order by title`)).toEqual([
      'Onboarding write-up',
      'Photos',
    ]);
    expect(await titles('title = "checkout journey"')).toEqual(['Checkout journey']);
  });

  it('supports and / or / not with parentheses', async () => {
    expect(
      await titles('space = CX and (title ~ checkout or title ~ photos) order by title'),
    ).toEqual(['Checkout journey', 'Photos']);
    expect(
      await titles('space = CX and type = page and not title ~ journey order by title'),
    ).toEqual(['Customer Experience Home', 'Onboarding write-up', 'Photos']);
  });

  it('supports content-property aliases with typed comparisons', async () => {
    expect(await titles('cjm_state = "current" order by title')).toEqual([
      'Checkout journey',
      'Incident journey',
      'Secret journey',
    ]);
    expect(await titles('cjm_state != "current" and cjm_mapcount >= 1')).toEqual([
      'Onboarding journey',
    ]);
    expect(
      await titles('cjm_mapcount > 1 and cjm_mapcount <= 3 order by cjm_mapcount desc'),
    ).toEqual(['Checkout journey', 'Incident journey']);
    expect(await titles('cjm_titles ~ "returning"')).toEqual(['Checkout journey']);
    expect(await titles('cjm_nextreview < "2027-01-01"')).toEqual(['Checkout journey']);
    expect(await titles('cjm_owner = "Growth"')).toEqual(['Onboarding journey']);
    expect(await titles('content.property[cjm_summary].state = "future"')).toEqual([
      'Onboarding journey',
    ]);
    expect(await titles('cjm_mapcount < 100 order by cjm_nextreview asc')).toEqual([
      'Checkout journey',
      'Onboarding journey',
      'Incident journey',
      'Secret journey',
    ]);
  });

  it('answers 400 for unparsable CQL, unknown fields and wrong operators', async () => {
    expect((await search('space = ')).status).toBe(400);
    expect((await search('nosuchfield = 1')).status).toBe(400);
    expect((await search('cjm_state > "a"')).status).toBe(400);
    expect((await search('(space = CX')).status).toBe(400);
    expect((await call(emu, 'GET', '/wiki/rest/api/search')).status).toBe(400);
  });

  it('returns only what the caller may see, never trashed pages', async () => {
    expect(await titles('cjm_mapcount > 0', OUTSIDER)).not.toContain('Secret journey');
    // Page restrictions bind the app user too (it is not listed on the secret page).
    expect(await titles('cjm_mapcount > 0', APP)).not.toContain('Secret journey');
    expect(await titles('title ~ "old"', APP)).toEqual([]);
  });

  it('pages with limit and cursor in _links.next (relative to /wiki) and reports totalSize', async () => {
    const first = await search('space = CX order by created asc', EDITOR, '&limit=2');
    expect(first.body.size).toBe(2);
    expect(first.body.totalSize).toBe(6);
    expect(first.body._links.next).toMatch(/^\/rest\/api\/search\?/);
    const all = [...first.body.results.map((r) => r.title)];
    let next = first.body._links.next;
    while (next) {
      const res = await call<SearchReply>(emu, 'GET', `/wiki${next}`, { as: EDITOR });
      all.push(...res.body.results.map((r) => r.title));
      next = res.body._links.next;
    }
    expect(all).toHaveLength(6);
    expect(new Set(all).size).toBe(6);
  });

  it('caps limit by expansion like Confluence (1000 / 200 / 50)', async () => {
    expect((await search('type = page', EDITOR, '&limit=5000')).body.limit).toBe(1000);
    expect(
      (await search('type = page', EDITOR, '&limit=5000&expand=content.space')).body.limit,
    ).toBe(200);
    expect(
      (await search('type = page', EDITOR, '&limit=5000&expand=content.body.storage')).body.limit,
    ).toBe(50);
  });

  it('expands content.metadata.properties.<key>, content.space and content.version', async () => {
    const res = await search(
      'cjm_state = "future"',
      EDITOR,
      '&expand=content.metadata.properties.cjm_summary,content.space,content.version',
    );
    const c = res.body.results[0]?.content;
    expect(c?.metadata?.properties.cjm_summary?.value).toMatchObject({
      state: 'future',
      mapCount: 1,
    });
    expect(c?.space?.key).toBe('CX');
    expect(c?.version?.number).toBe(1);
  });

  it('serves /content/search with the same CQL', async () => {
    const res = await call<{ results: { id: string; title: string }[]; size: number }>(
      emu,
      'GET',
      `/wiki/rest/api/content/search?cql=${encodeURIComponent('cjm_mapcount = 3')}`,
      { as: EDITOR },
    );
    expect(res.body.results.map((r) => r.title)).toEqual(['Checkout journey']);
  });
});

describe('manifest aliases', () => {
  it('reads confluence:contentProperty aliases from the repo manifest when present', async () => {
    const emu = await createEmulator();
    const aliases = emu.propertyIndexes.map((f) => f.searchAlias);
    // The manifest declares the summary under its key and its pre-0020 key (decision 0020);
    // with no manifest the list is empty and search falls back.
    if (aliases.length > 0) {
      expect(new Set(emu.propertyIndexes.map((f) => f.propertyKey))).toEqual(
        new Set(['com_journeymaps_summary', 'cjm_summary']),
      );
      expect(aliases).toContain('com_journeymaps_state');
      expect(aliases).toContain('cjm_state');
    }
    const none = await createEmulator({ manifestPath: '/nonexistent/manifest.yml' });
    expect(none.propertyIndexes).toEqual([]);
    await emu.close();
    await none.close();
  });
});
