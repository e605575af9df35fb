/**
 * Payload over context (security finding 2): the platform's invocation context says which
 * content and macro a frame is on; a payload naming another map is refused and nothing is read
 * or written. Also: maps on blog posts (finding 11) and drafts in the editor (finding 12).
 */
import { describe, expect, it } from 'vitest';
import type { World } from './harness';
import { loadMap, macroContext, spacePageContext, unwrap } from './harness';
import { buildMacroStorage } from '../../../dev/host/storage/macro';
import { PUBLISH_FIRST } from '../../../src/resolvers/context';
import { worldPerTest } from './world-per-test';

let world: World;
worldPerTest((w) => {
  world = w;
});

const RENAME = [{ type: 'map/setTitle', title: 'Hijacked' }];

function writes(): string[] {
  return world
    .restCalls()
    .filter((c) => c.method !== 'GET')
    .map((c) => `${c.method} ${c.path}`);
}

/** Page B in CX with a map `mB`, made by the editor through its own frame. */
async function pageWithMap(title: string, localId: string, spaceKey = 'CX'): Promise<string> {
  const page = world.emulator.store.createPage({ spaceKey, title, authorId: 'acc-editor' });
  unwrap(
    await world.call(
      'map/create',
      { pageId: page.id, localId, template: 'blank' },
      spaceKey === 'CX' ? 'acc-editor' : 'acc-admin',
    ),
  );
  return page.id;
}

describe('payload over context', () => {
  it('a macro frame on page A cannot apply ops to the map on page B (nothing written)', async () => {
    const pageB = await pageWithMap('Page B', 'mB');
    const before = world.emulator.store.propertiesOf('page', pageB).map((p) => p.version.number);
    world.resetLog();
    const frameA = macroContext({
      emulator: world.emulator,
      contentId: world.pageId,
      localId: 'mA',
    });
    const out = await world.call(
      'map/apply',
      { pageId: pageB, localId: 'mB', baseVersion: 1, ops: RENAME },
      'acc-editor',
      frameA,
    );
    expect(out).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(world.restCalls()).toEqual([]);
    expect(world.emulator.store.propertiesOf('page', pageB).map((p) => p.version.number)).toEqual(
      before,
    );
  });

  it('the same page but another macro is refused too; the matching frame is served', async () => {
    unwrap(
      await world.call('map/create', { pageId: world.pageId, localId: 'm1', template: 'blank' }),
    );
    const other = macroContext({
      emulator: world.emulator,
      contentId: world.pageId,
      localId: 'm2',
    });
    world.resetLog();
    const refused = await world.call(
      'map/apply',
      { pageId: world.pageId, localId: 'm1', baseVersion: 1, ops: RENAME },
      'acc-editor',
      other,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(writes()).toEqual([]);
    const own = macroContext({ emulator: world.emulator, contentId: world.pageId, localId: 'm1' });
    const ok = unwrap(
      await world.call(
        'map/apply',
        { pageId: world.pageId, localId: 'm1', baseVersion: 1, ops: RENAME },
        'acc-editor',
        own,
      ),
    );
    expect(ok.change?.ops).toEqual(RENAME);
    expect((await loadMap(world, { pageId: world.pageId, localId: 'm1' })).title).toBe('Hijacked');
  });

  it('every map key checks the context: load, version, import, write-up, future state, photos', async () => {
    const pageB = await pageWithMap('Page B', 'mB');
    const frameA = macroContext({
      emulator: world.emulator,
      contentId: world.pageId,
      localId: 'mA',
    });
    const at = { pageId: pageB, localId: 'mB' };
    const mapB = unwrap(await world.call('map/load', at)).map;
    world.resetLog();
    const answers = await Promise.all([
      world.call('map/load', at, 'acc-editor', frameA),
      world.call('map/version', at, 'acc-editor', frameA),
      world.call('map/import', { ...at, baseVersion: 1, map: mapB }, 'acc-editor', frameA),
      world.call('writeup/generate', at, 'acc-editor', frameA),
      world.call('map/createFutureState', { ...at, placement: 'samePage' }, 'acc-editor', frameA),
      world.call('photos/list', { pageId: pageB }, 'acc-editor', frameA),
    ]);
    for (const answer of answers) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(writes()).toEqual([]);
  });

  it('a frame may read the map its own map links to (comparison), nothing else', async () => {
    const current = world.emulator.store.createPage({
      spaceKey: 'CX',
      title: 'Current journey',
      authorId: 'acc-editor',
      body: buildMacroStorage({ localId: 'm1' }),
    });
    unwrap(
      await world.call('map/create', { pageId: current.id, localId: 'm1', template: 'blank' }),
    );
    const future = unwrap(
      await world.call('map/createFutureState', {
        pageId: current.id,
        localId: 'm1',
        placement: 'childPage',
      }),
    );
    const frame = macroContext({
      emulator: world.emulator,
      contentId: current.id,
      localId: 'm1',
    });
    const linked = unwrap(await world.call('map/load', future.future, 'acc-editor', frame));
    expect(linked.map?.state).toBe('future');
    const unrelated = await pageWithMap('Unrelated', 'mX');
    const refused = await world.call(
      'map/load',
      { pageId: unrelated, localId: 'mX' },
      'acc-editor',
      frame,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('the CX space page cannot address a map on a page in space ONB', async () => {
    world.emulator.store.createSpace({
      key: 'ONB',
      name: 'Onboarding',
      authorId: 'acc-admin',
      viewers: ['acc-admin', 'acc-editor'],
      editors: ['acc-admin', 'acc-editor'],
    });
    const onb = await pageWithMap('Onboarding journey', 'mO', 'ONB');
    world.resetLog();
    const fromCx = spacePageContext(world.emulator, 'CX');
    const out = await world.call(
      'map/apply',
      { pageId: onb, localId: 'mO', baseVersion: 1, ops: RENAME },
      'acc-editor',
      fromCx,
    );
    expect(out).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(writes()).toEqual([]);
    // A map of its own space, visible to the user, may be read from the space page.
    const own = await pageWithMap('CX journey', 'mC');
    const read = unwrap(
      await world.call('map/load', { pageId: own, localId: 'mC' }, 'acc-editor', fromCx),
    );
    expect(read.map).not.toBeNull();
  });

  it('a call without a module context is refused', async () => {
    const out = await world.call(
      'map/load',
      { pageId: world.pageId, localId: 'm1' },
      'acc-editor',
      {},
    );
    expect(out).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('blog posts', () => {
  it('creates, edits and lists a map on a blog post (properties under /blogposts)', async () => {
    const post = world.emulator.store.createPage({
      spaceKey: 'CX',
      title: 'What we learned from onboarding calls',
      authorId: 'acc-editor',
      type: 'blogpost',
    });
    const at = { pageId: post.id, localId: 'blog1' };
    unwrap(await world.call('map/create', { ...at, template: 'blank' }));
    const applied = unwrap(await world.call('map/apply', { ...at, baseVersion: 1, ops: RENAME }));
    expect(applied.change?.ops).toEqual(RENAME);
    expect((await loadMap(world, at)).title).toBe('Hijacked');
    const loaded = unwrap(await world.call('map/load', at));
    expect(loaded.capabilities.canEdit).toBe(true);
    expect(loaded.map?.title).toBe('Hijacked');
    const paths = world.restCalls().map((c) => c.path);
    expect(paths.some((p) => p.startsWith(`/wiki/api/v2/blogposts/${post.id}`))).toBe(true);
    expect(paths.some((p) => p.startsWith(`/wiki/api/v2/pages/${post.id}`))).toBe(false);
  });
});

describe('drafts', () => {
  it('a macro on an unpublished page says to publish it instead of "page not found"', async () => {
    const draft = world.emulator.store.createPage({
      spaceKey: 'CX',
      title: '',
      authorId: 'acc-editor',
      status: 'draft',
    });
    const inEditor = macroContext({
      emulator: world.emulator,
      contentId: draft.id,
      localId: 'd1',
      isEditing: true,
    });
    const at = { pageId: draft.id, localId: 'd1' };
    const load = await world.call('map/load', at, 'acc-editor', inEditor);
    expect(load).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', key: PUBLISH_FIRST.key } });
    world.resetLog();
    const create = await world.call(
      'map/create',
      { ...at, template: 'blank' },
      'acc-editor',
      inEditor,
    );
    expect(create).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', key: PUBLISH_FIRST.key },
    });
    expect(writes()).toEqual([]);
  });
});
