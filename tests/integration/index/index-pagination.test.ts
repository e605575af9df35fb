/**
 * `index/list` against an emulator that answers v2 lists a few pages at a time (findings 14, 11)
 * and whose CQL index lags behind writes (finding 20): every page's body is read however many
 * replies it takes, maps on blog posts are listed, and a map becomes listable once indexed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../dev/emulator';
import type { Emulator } from '../../../dev/emulator';
import type { ForgeRuntimeHandle } from '../../../dev/forge-runtime';
import { installForgeRuntime, invokeResolver } from '../../../dev/forge-runtime';
import { buildMacroStorage } from '../../../dev/host/storage/macro';
import { createResolverHandler } from '../../../src/resolvers';
import type { IndexEntry, ResultOf } from '../../../src/resolvers/contract';
import { NOW, macroContext, spacePageContext, testDeps, unwrap } from '../resolvers/harness';

let emulator: Emulator;
let runtime: ForgeRuntimeHandle;
const handler = createResolverHandler(testDeps());

afterEach(async () => {
  runtime.uninstall();
  await emulator.close();
});

async function start(options: { maxListLimit?: number; cqlLagMs?: number }): Promise<void> {
  emulator = await createEmulator({ now: () => NOW, ...options });
  runtime = installForgeRuntime({ emulator });
}

/** Content with a journey map macro in its body and the map created through its own frame. */
async function contentWithMap(title: string, type: 'page' | 'blogpost' = 'page'): Promise<string> {
  const localId = `m-${title.replace(/\W/g, '')}`;
  const page = emulator.store.createPage({
    spaceKey: 'CX',
    title,
    authorId: 'acc-editor',
    body: buildMacroStorage({ localId }),
    type,
  });
  const created = (await invokeResolver({
    handler,
    functionKey: 'map/create',
    payload: { pageId: page.id, localId, template: 'blank', title },
    accountId: 'acc-editor',
    context: macroContext({ emulator, contentId: page.id, localId }),
  })) as ResultOf<'map/create'>;
  unwrap(created);
  return page.id;
}

async function listCx(): Promise<IndexEntry[]> {
  const out = (await invokeResolver({
    handler,
    functionKey: 'index/list',
    payload: { spaceKey: 'CX' },
    accountId: 'acc-viewer',
    context: spacePageContext(emulator, 'CX'),
  })) as ResultOf<'index/list'>;
  return unwrap(out).entries;
}

describe('index/list with short list replies', () => {
  it('follows _links.next when reading page bodies: no map is dropped as trashed', async () => {
    await start({ maxListLimit: 2 });
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push(await contentWithMap(`Journey ${i}`));
    emulator.log.clear();
    const entries = await listCx();
    expect(entries.map((e) => e.pageId).sort()).toEqual([...ids].sort());
    const bodyReads = emulator.log.entries().filter((e) => e.route === 'pages.list');
    expect(bodyReads.length).toBe(3);
  });

  it('lists maps on blog posts with those on pages (CQL type in (page, blogpost))', async () => {
    await start({});
    const page = await contentWithMap('Page journey');
    const post = await contentWithMap('Blog journey', 'blogpost');
    const entries = await listCx();
    expect(entries.map((e) => e.pageId).sort()).toEqual([page, post].sort());
    const blog = entries.find((e) => e.pageId === post);
    expect(blog?.pageUrl).toMatch(/^\/wiki\/spaces\/CX\/blog\/\d{4}\/\d{2}\/\d{2}\//);
  });
});

describe('index/list with CQL indexing lag', () => {
  it('a new map is listed only once its summary is indexed', async () => {
    await start({ cqlLagMs: 300 });
    const id = await contentWithMap('Fresh journey');
    expect(await listCx()).toEqual([]);
    await new Promise((r) => setTimeout(r, 350));
    expect((await listCx()).map((e) => e.pageId)).toEqual([id]);
  });
});
