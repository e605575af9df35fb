/**
 * `writeup/generate` against the emulator with the real @forge/api: one page however often or
 * however concurrently it is generated, the chart attached, the reference recorded on the map,
 * clear permission errors, and the REST calls it costs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { World } from '../resolvers/harness';
import { createWorld, unwrap } from '../resolvers/harness';

const LOCAL_ID = 'macro-1';
const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

let world: World;
beforeEach(async () => {
  world = await createWorld();
  unwrap(
    await world.call('map/create', {
      pageId: world.pageId,
      localId: LOCAL_ID,
      template: 'worked-example',
    }),
  );
});
afterEach(async () => {
  await world.close();
});

const at = (): { pageId: string; localId: string } => ({
  pageId: world.pageId,
  localId: LOCAL_ID,
});

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
  unwrap(
    await world.call('map/apply', {
      ...at(),
      baseVersion: loaded.version,
      ops: [
        {
          type: 'session/addPhoto',
          photo: {
            attachmentId: att.id,
            fileName,
            caption,
            stepId: loaded.map?.steps[0]?.id ?? null,
          },
        },
      ],
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

    const chart = world.emulator.store.attachmentsOf(first.pageId);
    expect(chart.map((a) => a.title)).toEqual(['journey-sentiment-curve.png']);
    const bytes = world.emulator.store.readBlob(chart[0]?.blob ?? '');
    expect([...(bytes ?? new Uint8Array()).subarray(0, 8)]).toEqual(PNG_SIGNATURE);

    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.map?.writeUp).toEqual({
      pageId: first.pageId,
      title: first.title,
      generatedAt: '2026-11-23T10:00:00.000Z',
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
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.map?.writeUp?.pageId).toBe(data[0]?.pageId);
  });

  it('references every photo from the map page without a single call per photo', async () => {
    for (let i = 1; i <= 6; i++) await addPhoto(`wall-${i}.png`, `Wall <${i}> & “notes”`);
    world.resetLog();
    const first = unwrap(await world.call('writeup/generate', at()));
    const firstCalls = world.restCalls();
    world.resetLog();
    // An hour later, so the recorded `generatedAt` (and with it the summary) changes.
    world.deps.now = () => new Date('2026-11-23T11:00:00.000Z');
    unwrap(await world.call('writeup/generate', at()));
    const secondCalls = world.restCalls();

    const body = childrenOfMapPage()[0]?.body ?? '';
    for (let i = 1; i <= 6; i++) {
      expect(body).toContain(
        `<ri:attachment ri:filename="wall-${i}.png"><ri:page ri:content-title="Trial to purchase journey"/></ri:attachment>`,
      );
      expect(body).toContain(`Wall &lt;${i}&gt; &amp; “notes”`);
    }
    expect(first.created).toBe(true);
    // Reads: map page (+properties), routing rules. Writes: page, chart, map ref, summary.
    expect(firstCalls.map((c) => `${c.method} ${c.status}`)).toHaveLength(6);
    // Regenerating also reads the write-up page's version before the update.
    expect(secondCalls).toHaveLength(7);
    expect(firstCalls.every((c) => c.status < 300)).toBe(true);
    console.info(
      `writeup/generate REST calls with 6 photos: first ${firstCalls.length} [${firstCalls
        .map((c) => `${c.method} ${c.path.split('?')[0]}`)
        .join(', ')}]; again ${secondCalls.length} [${secondCalls
        .map((c) => `${c.method} ${c.path.split('?')[0]}`)
        .join(', ')}]`,
    );
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
