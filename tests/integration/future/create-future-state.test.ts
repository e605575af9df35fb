/**
 * `map/createFutureState` through the real resolvers, the real @forge/api and the emulator: the
 * copy on the same page and on a child page, both maps linked both ways, the macro placed in the
 * page body, a viewer refused with nothing created, a second call that finds the existing copy,
 * a copy that fails leaving nothing linked, and a failed link that a second call repairs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_EXTENSION_ID, buildMacroStorage, findMacros } from '../../../dev/host/storage/macro';
import { macroLocalIds } from '../../../src/confluence/macro-presence';
import { readMapFromProperties } from '../../../src/confluence/map-store';
import type { StorageElement } from '../../../src/domain/storage-format';
import {
  findForgeMacros,
  parseStorage,
  readForgeMacro,
  serializeStorage,
} from '../../../src/domain/storage-format';
import type { JourneyMap } from '../../../src/domain/model/schema';
import type { World } from '../resolvers/harness';
import { createWorld, unwrap } from '../resolvers/harness';

const LOCAL_ID = 'macro-cur-1';
let world: World;
let pageId: string;

beforeEach(async () => {
  world = await createWorld();
  const page = world.emulator.store.createPage({
    spaceKey: 'CX',
    title: 'Checkout <journey> & "more"',
    authorId: 'acc-editor',
    body: `<p>Intro.</p>${buildMacroStorage({ localId: LOCAL_ID })}<p>Outro.</p>`,
  });
  pageId = page.id;
  unwrap(await world.call('map/create', { pageId, localId: LOCAL_ID, template: 'worked-example' }));
});
afterEach(async () => {
  await world.close();
});

function mapAt(at: { pageId: string; localId: string }): JourneyMap | null {
  const props = [...world.emulator.store.all('properties')]
    .filter((p) => p.owner === 'page' && p.ownerId === at.pageId)
    .map((p) => ({ id: p.id, key: p.key, value: p.value, version: p.version.number }));
  return readMapFromProperties(props, at.localId).map;
}

function bodyOf(id: string): string {
  return world.emulator.store.get('pages', id)?.body ?? '';
}

/** Asks for a future-state copy of the map under test, as the editor unless `accountId` says. */
function createFuture(placement: 'samePage' | 'childPage', accountId?: string) {
  return world.call('map/createFutureState', { pageId, localId: LOCAL_ID, placement }, accountId);
}

/** Makes the next `count` page calls of `method` (page and property writes, trashing) fail. */
function failPageCalls(method: 'POST' | 'DELETE', count: number): void {
  world.emulator.faults.inject({
    status: 500,
    count,
    match: { method, pathPrefix: '/wiki/api/v2/pages/' },
  });
}

function livePages(): { id: string; title: string; parentId: string | null }[] {
  return [...world.emulator.store.all('pages')]
    .filter((p) => p.status === 'current')
    .map((p) => ({ id: p.id, title: p.title, parentId: p.parentId }));
}

describe('map/createFutureState', () => {
  it('same page: a second macro after the first, the copy linked both ways', async () => {
    const before = mapAt({ pageId, localId: LOCAL_ID });
    const out = unwrap(await createFuture('samePage'));
    expect(out).toMatchObject({ created: true, linked: true, future: { pageId } });
    expect(out.future.localId).not.toBe(LOCAL_ID);

    const macros = findMacros(bodyOf(pageId)).map((m) => m.localId);
    expect(macros).toEqual([LOCAL_ID, out.future.localId]);
    expect(bodyOf(pageId)).toContain('<p>Intro.</p>');
    expect(bodyOf(pageId)).toContain('<p>Outro.</p>');

    const current = mapAt({ pageId, localId: LOCAL_ID });
    const future = mapAt(out.future);
    expect(current?.linkedMap).toEqual(out.future);
    expect(current?.state).toBe('current');
    expect(future?.state).toBe('future');
    expect(future?.linkedMap).toEqual({ pageId, localId: LOCAL_ID });
    expect(future?.title).toBe(`${before?.title} (future state)`);
    // Ids kept, session data left behind.
    expect(future?.cards.map((c) => c.id)).toEqual(before?.cards.map((c) => c.id));
    expect(future?.steps.map((s) => [s.id, s.sentiment])).toEqual(
      before?.steps.map((s) => [s.id, s.sentiment]),
    );
    expect(future?.writeUp).toBeNull();
    expect(future?.session.photos).toEqual([]);
    expect(future?.cards.every((c) => (c.painPoint?.votes ?? 0) === 0)).toBe(true);

    // The map the UI loads next shows the link.
    const loaded = unwrap(await world.call('map/load', { pageId, localId: LOCAL_ID }));
    expect(loaded.map?.linkedMap).toEqual(out.future);
    expect(loaded.version).toBe(out.currentVersion);
  });

  it('child page: a new page under the map page holding the macro and the linked copy', async () => {
    const out = unwrap(await createFuture('childPage'));
    expect(out.created).toBe(true);
    expect(out.linked).toBe(true);
    expect(out.future.pageId).not.toBe(pageId);
    expect(out.pageTitle).toBe('Checkout <journey> & "more" (future state)');
    expect(out.pageUrl).toContain(out.future.pageId);
    const child = world.emulator.store.get('pages', out.future.pageId);
    expect(child?.parentId).toBe(pageId);
    expect(findMacros(child?.body ?? '').map((m) => m.localId)).toEqual([out.future.localId]);
    // The page title is escaped in the link back, never markup.
    expect(child?.body).toContain(
      'ri:content-title="Checkout &lt;journey&gt; &amp; &quot;more&quot;"',
    );
    expect(mapAt(out.future)?.linkedMap).toEqual({ pageId, localId: LOCAL_ID });
    expect(mapAt({ pageId, localId: LOCAL_ID })?.linkedMap).toEqual(out.future);
    // The original page body is untouched.
    expect(findMacros(bodyOf(pageId)).map((m) => m.localId)).toEqual([LOCAL_ID]);
    // Each map loads as the user from its own page.
    const loaded = unwrap(await world.call('map/load', out.future));
    expect(loaded.map?.state).toBe('future');
  });

  it('a second click opens the existing copy instead of duplicating', async () => {
    for (const placement of ['childPage', 'samePage'] as const) {
      const first = unwrap(await createFuture(placement));
      const pagesAfterFirst = livePages().length;
      const again = unwrap(await createFuture(placement));
      expect(again).toMatchObject({ created: false, linked: true, future: first.future });
      expect(livePages().length).toBe(pagesAfterFirst);
      // Start over for the other placement.
      world.emulator.store.put('pages', {
        ...world.emulator.store.get('pages', first.future.pageId)!,
        ...(first.future.pageId === pageId ? {} : { status: 'trashed' as const }),
      });
      unwrap(
        await world.call('map/apply', {
          pageId,
          localId: LOCAL_ID,
          baseVersion: first.currentVersion,
          ops: [{ type: 'map/setLinkedMap', link: null }],
        }),
      );
    }
  });

  it('a viewer gets FORBIDDEN and nothing is created', async () => {
    const pagesBefore = livePages();
    const propsBefore = [...world.emulator.store.all('properties')].length;
    const bodyBefore = bodyOf(pageId);
    for (const placement of ['samePage', 'childPage'] as const) {
      const out = await createFuture(placement, 'acc-viewer');
      expect(out.ok).toBe(false);
      if (!out.ok) {
        expect(out.error.code).toBe('FORBIDDEN');
        expect(out.error.message).toMatch(/not edit/);
      }
    }
    expect(livePages()).toEqual(pagesBefore);
    expect([...world.emulator.store.all('properties')].length).toBe(propsBefore);
    expect(bodyOf(pageId)).toBe(bodyBefore);
    expect(mapAt({ pageId, localId: LOCAL_ID })?.linkedMap).toBeNull();
  });

  it('an outsider who cannot see the page gets NOT_FOUND', async () => {
    world.emulator.store.restrictPage({ pageId, view: ['acc-editor'] });
    const out = await createFuture('childPage', 'acc-outsider');
    expect(out.ok ? null : out.error.code).toBe('NOT_FOUND');
  });

  it('a failed copy links nothing and leaves no page behind', async () => {
    const pagesBefore = livePages();
    failPageCalls('POST', 10);
    const out = await createFuture('childPage');
    expect(out.ok).toBe(false);
    world.emulator.faults.clear();
    expect(livePages()).toEqual(pagesBefore);
    expect(mapAt({ pageId, localId: LOCAL_ID })?.linkedMap).toBeNull();
  });

  /** Creates the child page, then fails writing its map AND trashing it: an empty page stays. */
  async function failAfterPageCreated(
    accountId = 'acc-editor',
    title = 'Checkout <journey> & "more" (future state)',
  ): Promise<string> {
    failPageCalls('POST', 20);
    failPageCalls('DELETE', 20);
    const out = await createFuture('childPage', accountId);
    world.emulator.faults.clear();
    expect(out.ok).toBe(false);
    const left = livePages().filter((p) => p.parentId === pageId);
    expect(left.map((p) => p.title)).toEqual([title]);
    return left[0]!.id;
  }

  function futurePages(): { id: string; title: string; parentId: string | null }[] {
    return livePages().filter((p) => p.title.includes('(future state'));
  }

  it('a retry reuses the empty page a failed copy left behind (no "(future state 2)")', async () => {
    const leftId = await failAfterPageCreated();
    const retry = unwrap(await createFuture('childPage'));
    expect(retry).toMatchObject({ created: true, linked: true });
    expect(retry.future.pageId).toBe(leftId);
    expect(futurePages()).toEqual([
      { id: leftId, title: 'Checkout <journey> & "more" (future state)', parentId: pageId },
    ]);
    // The map sits under the localId of the macro already in that page's body.
    expect(findMacros(bodyOf(leftId)).map((m) => m.localId)).toEqual([retry.future.localId]);
    expect(mapAt(retry.future)?.state).toBe('future');
    expect(mapAt(retry.future)?.linkedMap).toEqual({ pageId, localId: LOCAL_ID });
    expect(mapAt({ pageId, localId: LOCAL_ID })?.linkedMap).toEqual(retry.future);
  });

  it('a retry reuses a left-behind "(future state 2)" when the plain title is taken elsewhere', async () => {
    world.emulator.store.createPage({
      spaceKey: 'CX',
      title: 'Checkout <journey> & "more" (future state)',
      authorId: 'acc-admin',
    });
    const leftId = await failAfterPageCreated(
      'acc-editor',
      'Checkout <journey> & "more" (future state 2)',
    );

    const retry = unwrap(await createFuture('childPage'));
    expect(retry.future.pageId).toBe(leftId);
    expect(futurePages()).toHaveLength(2);
    expect(futurePages().some((p) => p.title.endsWith('(future state 3)'))).toBe(false);
    expect(mapAt({ pageId, localId: LOCAL_ID })?.linkedMap).toEqual(retry.future);
    expect(mapAt(retry.future)?.linkedMap).toEqual({ pageId, localId: LOCAL_ID });
  });

  it.each([
    ['someone else edited it', 'edited'],
    ['it holds another map', 'other-map'],
    ['another person created it', 'other-author'],
  ] as const)('never reuses a left-behind page when %s', async (_name, how) => {
    const leftId = await failAfterPageCreated(how === 'other-author' ? 'acc-admin' : 'acc-editor');
    const left = world.emulator.store.get('pages', leftId)!;
    if (how === 'edited') {
      world.emulator.store.put('pages', {
        ...left,
        body: `${left.body}<p>Notes from Avery.</p>`,
        version: world.emulator.store.stamp(2, 'acc-admin'),
      });
    }
    if (how === 'other-map') {
      const source = [...world.emulator.store.all('properties')].find(
        (p) =>
          p.owner === 'page' && p.ownerId === pageId && p.key.endsWith(LOCAL_ID.replace(/-/g, '_')),
      )!;
      world.emulator.store.putProperty({
        pageId: leftId,
        key: source.key.replace(LOCAL_ID.replace(/-/g, '_'), 'someone_elses_map'),
        value: source.value,
        authorId: 'acc-admin',
      });
    }
    const before = JSON.stringify(world.emulator.store.get('pages', leftId));
    const retry = unwrap(await createFuture('childPage'));
    expect(retry.future.pageId).not.toBe(leftId);
    expect(retry.pageTitle).toBe('Checkout <journey> & "more" (future state 2)');
    expect(JSON.stringify(world.emulator.store.get('pages', leftId))).toBe(before);
    expect(mapAt({ pageId, localId: LOCAL_ID })?.linkedMap).toEqual(retry.future);
  });

  it('a failed body update drops the copied map property (same page)', async () => {
    const propsBefore = [...world.emulator.store.all('properties')].length;
    world.emulator.faults.inject({
      status: 500,
      count: 1,
      match: { method: 'PUT', pathPrefix: `/wiki/api/v2/pages/${pageId}` },
    });
    const out = await createFuture('samePage');
    world.emulator.faults.clear();
    expect(out.ok).toBe(false);
    expect([...world.emulator.store.all('properties')].length).toBe(propsBefore);
    expect(mapAt({ pageId, localId: LOCAL_ID })?.linkedMap).toBeNull();
  });

  it('a future map without a macro in the body is refused clearly', async () => {
    world.emulator.store.put('pages', {
      ...world.emulator.store.get('pages', pageId)!,
      body: '<p>no macro</p>',
    });
    const out = await createFuture('samePage');
    expect(out.ok ? null : out.error.code).toBe('NOT_FOUND');
    expect(out.ok ? '' : out.error.message).toMatch(/not in the page body/);
  });

  it('linking the current map fails: the answer says so, and calling again links the copy', async () => {
    // Every PUT of a property fails: the copy is written (POSTs), the link (a PUT) is not.
    world.emulator.faults.inject({
      status: 500,
      count: 5,
      match: { method: 'PUT', pathPrefix: `/wiki/api/v2/pages/${pageId}/properties/` },
    });
    const first = unwrap(await createFuture('childPage'));
    world.emulator.faults.clear();
    expect(first.created).toBe(true);
    expect(first.linked).toBe(false);
    expect(first.linkError).toMatch(/could not be linked/);
    expect(mapAt({ pageId, localId: LOCAL_ID })?.linkedMap).toBeNull();
    const pages = livePages().length;

    const retry = unwrap(await createFuture('childPage'));
    expect(retry).toMatchObject({ created: false, linked: true, future: first.future });
    expect(livePages().length).toBe(pages);
    expect(mapAt({ pageId, localId: LOCAL_ID })?.linkedMap).toEqual(first.future);
  });

  it('refuses to copy a future-state map, and a link that cannot be followed', async () => {
    const out = unwrap(await createFuture('childPage'));
    const fromFuture = await world.call('map/createFutureState', {
      ...out.future,
      placement: 'childPage',
    });
    expect(fromFuture.ok ? null : fromFuture.error.code).toBe('INVALID_INPUT');

    world.emulator.store.put('pages', {
      ...world.emulator.store.get('pages', out.future.pageId)!,
      status: 'trashed',
    });
    const dangling = await createFuture('childPage');
    expect(dangling.ok ? null : dangling.error.code).toBe('NOT_FOUND');
    expect(dangling.ok ? '' : dangling.error.message).toMatch(/unlink/);
    // The comparison view loads the other map as the user: a deleted page is NOT_FOUND too.
    const load = await world.call('map/load', out.future);
    expect(load.ok ? null : load.error.code).toBe('NOT_FOUND');
  });

  it('same page, real Forge storage form: the copy gets a fresh parameter AND node local-id', async () => {
    // The page as a real site stores it: parameter local-id ≠ node local-id, context parameters,
    // a fallback copy of the node.
    const real = world.emulator.store.createPage({
      spaceKey: 'CX',
      title: 'Real form page',
      authorId: 'acc-editor',
      body: `<p>Intro.</p>${buildMacroStorage({ localId: 'param-real', nodeLocalId: 'node-real' })}`,
    });
    unwrap(
      await world.call('map/create', {
        pageId: real.id,
        localId: 'param-real',
        template: 'worked-example',
      }),
    );
    const out = unwrap(
      await world.call('map/createFutureState', {
        pageId: real.id,
        localId: 'param-real',
        placement: 'samePage',
      }),
    );
    const found = findForgeMacros(parseStorage(bodyOf(real.id)));
    expect(found).toHaveLength(2);
    const [source, copy] = found.map((f) => f.macro);
    expect(source).toMatchObject({ localId: 'param-real', nodeLocalId: 'node-real' });
    expect(copy?.localId).toBe(out.future.localId);
    expect(copy?.nodeLocalId).toBeTruthy();
    expect(new Set([copy?.localId, copy?.nodeLocalId, 'param-real', 'node-real']).size).toBe(4);
    expect(copy?.extensionKey).toBe(source?.extensionKey);
    const block = serializeStorage([found[1]!.element]);
    expect(block).toContain(`<ac:adf-parameter key="extension-id">${LOCAL_EXTENSION_ID}<`);
    expect(block).toContain('<ac:adf-parameter key="forge-environment">');
    const fallback = found[1]!.element.children.find(
      (c): c is StorageElement => c.kind === 'element' && c.name === 'ac:adf-fallback',
    );
    expect(
      fallback && readForgeMacro({ ...found[1]!.element, children: fallback.children }),
    ).toMatchObject({ localId: copy?.localId, nodeLocalId: copy?.nodeLocalId });
    // The map the new macro's context names (its parameter local-id) is the future state.
    expect(mapAt(out.future)?.state).toBe('future');
    // The space index lists both maps once each, under their parameter local-ids.
    expect([...macroLocalIds(bodyOf(real.id)).values()]).toEqual([
      'param-real',
      out.future.localId,
    ]);
  });

  it('rejects a malformed payload', async () => {
    const out = await world.call('map/createFutureState', {
      pageId,
      localId: LOCAL_ID,
      placement: 'elsewhere',
    });
    expect(out.ok ? null : out.error.field).toBe('placement');
  });
});

describe('map/createFutureState REST calls', () => {
  /** The calls since the last reset as `METHOD path status`, ids replaced by `{id}`. */
  function calls(): string[] {
    return world
      .restCalls()
      .map((c) => `${c.method} ${c.path.split('?')[0]?.replace(/\/\d+/g, '/{id}')} ${c.status}`);
  }

  it.each(['samePage', 'childPage'] as const)(
    '%s: counted, and 2 on a second click',
    async (placement) => {
      unwrap(await world.call('map/load', { pageId, localId: LOCAL_ID }));
      world.resetLog();
      unwrap(await createFuture(placement));
      const first = calls();
      // 9: the link is a map/apply, which reads the current map as the user first (0014).
      expect(first).toHaveLength(9);
      world.resetLog();
      unwrap(await createFuture(placement));
      expect(calls()).toHaveLength(2);
      console.info(`${placement}: ${first.length} calls\n  ${first.join('\n  ')}`);
    },
  );
});
