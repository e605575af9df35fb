/**
 * `writeup/generate` against the emulator with the real @forge/api: one page however often or
 * however concurrently it is generated, the chart attached, the reference recorded on the map,
 * clear permission errors, and the REST calls it costs (counted from the emulator's log), warm
 * and cold, first and again, and in the races.
 */
import { describe, expect, it } from 'vitest';
import { decodeMap, encodeMap, mapPropertyKey } from '../../../src/domain/codec';
import type { JourneyMap } from '../../../src/domain/model/schema';
import type { World } from '../resolvers/harness';
import { eachWorldWithMap, unwrap } from '../resolvers/harness';

const LOCAL_ID = 'macro-1';
const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

let world: World;
eachWorldWithMap({ localId: LOCAL_ID }, (w) => (world = w));

const at = () => ({ pageId: world.pageId, localId: LOCAL_ID });

/** The REST calls since the last reset as `METHOD path status`, ids replaced by `{id}`. */
function calls(): string[] {
  return world
    .restCalls()
    .map((c) => `${c.method} ${c.path.split('?')[0]?.replace(/\/\d+/g, '/{id}')} ${c.status}`);
}

/** Moves the test clock (the write-up's `generatedAt`, and the age of what is cached). */
function at_(iso: string): void {
  world.deps.now = () => new Date(iso);
}

function childrenOfMapPage(): { id: string; title: string; version: number; body: string }[] {
  return world.emulator.store
    .childrenOf(world.pageId)
    .filter((p) => p.status !== 'trashed')
    .map((p) => ({ id: p.id, title: p.title, version: p.version.number, body: p.body }));
}

async function addPhoto(fileName: string, caption: string): Promise<void> {
  const att = world.emulator.store.addAttachment({
    pageId: world.pageId,
    fileName,
    mediaType: 'image/png',
    bytes: new Uint8Array(PNG_SIGNATURE),
  });
  const loaded = unwrap(await world.call('map/load', at()));
  // Photos join a map through photos/register, which checks the uploaded bytes first.
  unwrap(
    await world.call('photos/register', {
      ...at(),
      baseVersion: loaded.version,
      attachmentId: att.id,
      caption,
      stepId: loaded.map?.steps[0]?.id ?? null,
    }),
  );
}

describe('writeup/generate', () => {
  it('creates one child page, then updates it (version 2), never a duplicate', async () => {
    const first = unwrap(await world.call('writeup/generate', at()));
    expect(first.created).toBe(true);
    expect(first.version).toBe(1);
    expect(first.title).toBe('Alana evaluates Confluence — session write-up 2026-11-23');
    expect(first.url.startsWith('/wiki/')).toBe(true);

    const second = unwrap(await world.call('writeup/generate', at()));
    expect(second.created).toBe(false);
    expect(second.pageId).toBe(first.pageId);
    expect(second.version).toBe(2);

    const children = childrenOfMapPage();
    expect(children).toHaveLength(1);
    expect(children[0]?.version).toBe(2);
    expect(children[0]?.body).toContain('Pain points ranked by impact');

    // The chart is the map page's attachment (uploaded before any body shows it), one per map.
    expect(world.emulator.store.attachmentsOf(first.pageId)).toEqual([]);
    const chart = world.emulator.store
      .attachmentsOf(world.pageId)
      .filter((a) => a.title.startsWith('journey-sentiment-curve'));
    expect(chart.map((a) => a.title)).toEqual(['journey-sentiment-curve-macro_1.png']);
    const bytes = world.emulator.store.readBlob(chart[0]?.blob ?? '');
    expect([...(bytes ?? new Uint8Array()).subarray(0, 8)]).toEqual(PNG_SIGNATURE);

    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.map?.writeUp).toEqual({
      pageId: first.pageId,
      title: first.title,
      generatedAt: '2026-11-23T10:00:00.000Z',
      version: 2,
    });
  });

  it('concurrent generates leave one page (the loser updates the winner’s page)', async () => {
    world.resetLog();
    const results = await Promise.all([
      world.call('writeup/generate', at()),
      world.call('writeup/generate', at(), 'acc-admin'),
    ]);
    const data = results.map(unwrap);
    expect(data[0]?.pageId).toBe(data[1]?.pageId);
    expect(data.map((d) => d.created).sort()).toEqual([false, true]);
    const children = childrenOfMapPage();
    expect(children).toHaveLength(1);
    expect(children[0]?.version).toBe(2);
    const calls = world.restCalls();
    console.info(
      `writeup/generate, two at once: ${calls.length} REST calls in all [${calls
        .map((c) => `${c.method} ${c.path.split('?')[0]} ${c.status}`)
        .join(', ')}]`,
    );
    // The loser's create is refused for its title (400), never a second page.
    expect(calls.filter((c) => c.method === 'POST' && c.status === 400)).toHaveLength(1);
    // Winner 7 (cold, with the marker); loser 10: its reads, the chart, the refused create, the
    // title lookup, the found page's marker, the update, its summary save refused (409), the
    // re-read and the save of the page's version 2.
    expect(calls.length).toBeLessThanOrEqual(17);
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.map?.writeUp?.pageId).toBe(data[0]?.pageId);
    expect(loaded.map?.writeUp?.version).toBe(children[0]?.version);
  });

  it('references every photo from the map page without a single call per photo', async () => {
    for (let i = 1; i <= 6; i++) await addPhoto(`wall-${i}.png`, `Wall <${i}> & “notes”`);
    world.resetLog();
    const first = unwrap(await world.call('writeup/generate', at()));
    const body = childrenOfMapPage()[0]?.body ?? '';
    for (let i = 1; i <= 6; i++) {
      expect(body).toContain(
        `<ri:attachment ri:filename="wall-${i}.png"><ri:page ri:content-title="Trial to purchase journey"/></ri:attachment>`,
      );
      expect(body).toContain(`Wall &lt;${i}&gt; &amp; “notes”`);
    }
    expect(first.created).toBe(true);
    // Cold (nothing about the page cached for this user): 5 calls, none per photo.
    expect(calls()).toEqual([
      'GET /wiki/api/v2/pages/{id} 200',
      'GET /wiki/api/v2/spaces/{id}/properties 200',
      'PUT /wiki/rest/api/content/{id}/child/attachment 200',
      'POST /wiki/api/v2/pages 200',
      'POST /wiki/api/v2/pages/{id}/properties 200',
      'PUT /wiki/api/v2/pages/{id}/properties/{id} 200',
    ]);
  });

  it('costs 6 calls to generate, first time and again, each read as the user (decisions 0008, 0014)', async () => {
    for (let i = 1; i <= 6; i++) await addPhoto(`wall-${i}.png`, `Wall ${i}`);
    const report: string[] = [];
    const measure = async (label: string, work: () => Promise<unknown>): Promise<string[]> => {
      world.resetLog();
      await work();
      const seen = calls();
      report.push(`${label}: ${seen.length} [${seen.join(', ')}]`);
      return seen;
    };

    const headVersion = () =>
      world.emulator.store.propertyByKey('page', world.pageId, mapPropertyKey(LOCAL_ID))?.version
        .number;
    const headBefore = headVersion();
    expect(headBefore).toBeGreaterThan(0);
    const preview = await measure('preview', async () =>
      unwrap(await world.call('writeup/generate', { ...at(), preview: true })),
    );
    expect(preview).toEqual([
      'GET /wiki/api/v2/pages/{id} 200',
      'GET /wiki/api/v2/spaces/{id}/properties 200',
    ]);
    at_('2026-11-23T10:00:20.000Z');
    const first = await measure('first generate', async () =>
      unwrap(await world.call('writeup/generate', at())),
    );
    // The map page and the rules (read as the user, every time), the chart (first: the body
    // shows it), the page, the marker that proves the page is this map's write-up, and the page
    // summary recording the write-up (the map is not saved).
    expect(first).toEqual([
      ...preview,
      'PUT /wiki/rest/api/content/{id}/child/attachment 200',
      'POST /wiki/api/v2/pages 200',
      'POST /wiki/api/v2/pages/{id}/properties 200',
      'PUT /wiki/api/v2/pages/{id}/properties/{id} 200',
    ]);

    // Regenerate: the write-up page is read with its properties (the marker) before it is updated.
    at_('2026-11-23T10:00:40.000Z');
    const again = await measure('again', async () =>
      unwrap(await world.call('writeup/generate', at())),
    );
    expect(again).toEqual([
      ...preview,
      'PUT /wiki/rest/api/content/{id}/child/attachment 200',
      'GET /wiki/api/v2/pages/{id} 200',
      'PUT /wiki/api/v2/pages/{id} 200',
      'PUT /wiki/api/v2/pages/{id}/properties/{id} 200',
    ]);
    // The map itself was never saved by a generation: its head is where the editor left it.
    expect(headVersion()).toBe(headBefore);

    const children = childrenOfMapPage();
    expect(children).toHaveLength(1);
    expect(children[0]?.version).toBe(2);
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.map?.writeUp).toEqual({
      pageId: children[0]?.id,
      title: children[0]?.title,
      generatedAt: '2026-11-23T10:00:40.000Z',
      version: 2,
    });
    console.info(`writeup/generate REST calls with 6 photos:\n  ${report.join('\n  ')}`);
  });

  it('a hand edit of the write-up is read (as the user) and then replaced', async () => {
    const first = unwrap(await world.call('writeup/generate', at()));
    const page = world.emulator.store.get('pages', first.pageId)!;
    world.emulator.store.put('pages', {
      ...page,
      body: '<p>edited by hand</p>',
      version: { ...page.version, number: page.version.number + 2 },
    });
    world.resetLog();
    const again = unwrap(await world.call('writeup/generate', at()));
    expect(calls()).toEqual([
      'GET /wiki/api/v2/pages/{id} 200',
      'GET /wiki/api/v2/spaces/{id}/properties 200',
      'PUT /wiki/rest/api/content/{id}/child/attachment 200',
      'GET /wiki/api/v2/pages/{id} 200',
      'PUT /wiki/api/v2/pages/{id} 200',
      'PUT /wiki/api/v2/pages/{id}/properties/{id} 200',
    ]);
    expect(again.version).toBe(4);
    expect(childrenOfMapPage()[0]?.body).toContain('Pain points ranked by impact');
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.map?.writeUp?.version).toBe(4);
  });

  it('does not overwrite a page the stored reference names when it is not under the map page', async () => {
    const other = world.emulator.store.createPage({
      spaceKey: 'CX',
      title: 'Somebody else’s page',
      authorId: 'acc-editor',
    });
    // map/apply refuses client-sent write-up links, but anyone who may edit the page can write
    // the property over REST: forge the stored reference the way such a user could.
    const key = mapPropertyKey(LOCAL_ID);
    const head = world.emulator.store.propertyByKey('page', world.pageId, key);
    const decoded = decodeMap(head?.value, {});
    if (!decoded.ok) throw new Error('expected an inline map');
    const forged = {
      ...(decoded.value as JourneyMap),
      writeUp: {
        pageId: other.id,
        title: 'Somebody else’s page',
        generatedAt: '2026-11-22T10:00:00.000Z',
        version: 1,
      },
    };
    world.emulator.store.putProperty({
      pageId: world.pageId,
      key,
      value: encodeMap(forged, { generation: 'forged' }).head,
      authorId: 'acc-editor',
    });
    const result = unwrap(await world.call('writeup/generate', at()));
    expect(result.created).toBe(true);
    expect(result.pageId).not.toBe(other.id);
    expect(world.emulator.store.get('pages', other.id)?.version.number).toBe(1);
  });

  it('preview renders the storage without writing anything', async () => {
    world.resetLog();
    const preview = unwrap(await world.call('writeup/generate', { ...at(), preview: true }));
    expect(preview.storage).toContain('<h2>Summary</h2>');
    expect(world.restCalls().every((c) => c.method === 'GET')).toBe(true);
    expect(childrenOfMapPage()).toHaveLength(0);
  });

  it('answers FORBIDDEN with a clear message for a user who may not edit or add pages', async () => {
    const result = await world.call('writeup/generate', at(), 'acc-viewer');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('FORBIDDEN');
      expect(result.error.message).toMatch(/cannot generate its write-up/);
    }
    expect(childrenOfMapPage()).toHaveLength(0);
  });

  it('answers FORBIDDEN naming the page permission when the write-up page is locked', async () => {
    const first = unwrap(await world.call('writeup/generate', at()));
    world.emulator.store.restrictPage({ pageId: first.pageId, edit: ['acc-admin'] });
    const result = await world.call('writeup/generate', at());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('FORBIDDEN');
      expect(result.error.message).toMatch(/permission to add pages/);
    }
  });

  it('takes the next title when another page of the space already has it', async () => {
    world.emulator.store.createPage({
      spaceKey: 'CX',
      title: 'Alana evaluates Confluence — session write-up 2026-11-23',
      authorId: 'acc-admin',
    });
    const first = unwrap(await world.call('writeup/generate', at()));
    expect(first.title).toBe('Alana evaluates Confluence — session write-up 2026-11-23 (2)');
    expect(childrenOfMapPage()).toHaveLength(1);
  });

  it('creates a new page when the previous write-up was deleted', async () => {
    const first = unwrap(await world.call('writeup/generate', at()));
    world.emulator.store.put('pages', {
      ...world.emulator.store.get('pages', first.pageId)!,
      status: 'trashed',
    });
    const again = unwrap(await world.call('writeup/generate', at()));
    expect(again.created).toBe(true);
    expect(again.pageId).not.toBe(first.pageId);
  });
});
