/**
 * `writeup/generate` trusts only a write-up page that proves it is this map's (a marker property
 * the app set on it when it created it, read as the user), and never lets a page body reference
 * a chart that is not uploaded yet (checked against the emulator's request log, in order).
 */
import { describe, expect, it } from 'vitest';
import { sanitizeLocalId } from '../../../src/domain/codec';
import { SUMMARY_PROPERTY_KEY } from '../../../src/domain/summary';
import { WRITE_UP_MARKER_KEY } from '../../../src/domain/write-up/write-up-marker';
import type { World } from '../resolvers/harness';
import { eachWorldWithMap, unwrap } from '../resolvers/harness';

const LOCAL_ID = 'macro-1';
let world: World;
eachWorldWithMap({ localId: LOCAL_ID }, (w) => (world = w));

const at = () => ({ pageId: world.pageId, localId: LOCAL_ID });

/** An HTTP call to the emulator as a demo user (what anyone can do with an API token). */
async function rest(args: {
  method: string;
  path: string;
  body?: unknown;
  accountId: string;
}): Promise<{ status: number; json: unknown }> {
  const res = await world.emulator.handle(
    new Request(`http://emulator${args.path}`, {
      method: args.method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      ...(args.body === undefined ? {} : { body: JSON.stringify(args.body) }),
    }),
    { kind: 'user', accountId: args.accountId },
  );
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}

/** The editor rewrites the page summary so this map's write-up record names `pageId`. */
async function forgeSummaryRecord(pageId: string, title: string): Promise<void> {
  const summary = world.emulator.store.propertyByKey('page', world.pageId, SUMMARY_PROPERTY_KEY);
  if (!summary) throw new Error('expected a page summary');
  const value = {
    ...(summary.value as Record<string, unknown>),
    writeUps: [
      // Records name the map by its localId as property keys spell it.
      {
        localId: sanitizeLocalId(LOCAL_ID),
        pageId,
        title,
        generatedAt: '2026-11-22T10:00:00.000Z',
        version: 1,
      },
    ],
  };
  const put = await rest({
    method: 'PUT',
    path: `/wiki/api/v2/pages/${world.pageId}/properties/${summary.id}`,
    body: { key: SUMMARY_PROPERTY_KEY, value, version: { number: summary.version.number + 1 } },
    accountId: 'acc-editor',
  });
  expect(put.status).toBe(200);
}

describe('writeup/generate: the write-up page must prove it is this map’s', () => {
  it('an editor points the summary at an unrelated child page: it is left untouched, a new write-up is made', async () => {
    // A page under the map page that the editor may not edit, but the admin (who clicks) may.
    const victim = world.emulator.store.createPage({
      spaceKey: 'CX',
      title: 'Board minutes',
      authorId: 'acc-admin',
      parentId: world.pageId,
      body: '<p>Confidential minutes.</p>',
    });
    world.emulator.store.restrictPage({ pageId: victim.id, edit: ['acc-admin'] });
    // The summary exists once the map is saved; the forged record is written over REST.
    await forgeSummaryRecord(victim.id, 'Board minutes');

    const result = unwrap(await world.call('writeup/generate', at(), 'acc-admin'));
    const after = world.emulator.store.get('pages', victim.id);
    expect(after?.version.number).toBe(1);
    expect(after?.body).toBe('<p>Confidential minutes.</p>');
    expect(after?.title).toBe('Board minutes');
    expect(result.pageId).not.toBe(victim.id);
    expect(result.created).toBe(true);
    expect(result.notice).toMatch(/left untouched/);
    // The new page carries the marker naming this map, and the summary now records it.
    const marker = world.emulator.store.propertyByKey('page', result.pageId, WRITE_UP_MARKER_KEY);
    expect(marker?.value).toMatchObject({ pageId: world.pageId, localId: LOCAL_ID });
    const loaded = unwrap(await world.call('map/load', at()));
    expect(loaded.map?.writeUp?.pageId).toBe(result.pageId);
  });

  it('a write-up made by the app is updated again (its marker is read as the user)', async () => {
    const first = unwrap(await world.call('writeup/generate', at()));
    const again = unwrap(await world.call('writeup/generate', at(), 'acc-admin'));
    expect(again.pageId).toBe(first.pageId);
    expect(again.created).toBe(false);
    expect(again.notice).toBeUndefined();
  });

  it('a marker naming another map does not make a page this map’s write-up', async () => {
    const first = unwrap(await world.call('writeup/generate', at()));
    const marker = world.emulator.store.propertyByKey('page', first.pageId, WRITE_UP_MARKER_KEY);
    world.emulator.store.putProperty({
      pageId: first.pageId,
      key: WRITE_UP_MARKER_KEY,
      value: { ...(marker?.value as object), localId: 'some-other-macro' },
      authorId: 'acc-admin',
    });
    const again = unwrap(await world.call('writeup/generate', at()));
    expect(again.pageId).not.toBe(first.pageId);
    expect(world.emulator.store.get('pages', first.pageId)?.version.number).toBe(1);
  });
});

describe('writeup/generate: the chart exists before any body references it', () => {
  /** Attachment file names a storage body references, with the page title they name (if any). */
  function references(body: string): { fileName: string; pageTitle: string | null }[] {
    const out: { fileName: string; pageTitle: string | null }[] = [];
    const re =
      /<ri:attachment ri:filename="([^"]+)"(?:\s*\/>|>(?:<ri:page ri:content-title="([^"]*)"[^>]*\/>)?<\/ri:attachment>)/g;
    for (const m of body.matchAll(re)) out.push({ fileName: m[1] ?? '', pageTitle: m[2] ?? null });
    return out;
  }

  it.each(['first', 'again'] as const)(
    '%s generation: every body write comes after the upload of the chart it shows',
    async (pass) => {
      if (pass === 'again') unwrap(await world.call('writeup/generate', at()));
      world.resetLog();
      const result = unwrap(await world.call('writeup/generate', at()));
      const log = world.emulator.log.entries();
      const upload = log.findIndex((e) => e.route === 'attachments.upsert' && e.status === 200);
      const bodyWrites = log
        .map((e, i) => ({ e, i }))
        .filter(({ e }) => e.route === 'pages.create' || e.route === 'pages.update');
      expect(upload).toBeGreaterThanOrEqual(0);
      expect(bodyWrites.length).toBeGreaterThan(0);
      for (const { i } of bodyWrites) expect(i).toBeGreaterThan(upload);

      // And what the final body references exists, on the page it names.
      const page = world.emulator.store.get('pages', result.pageId);
      const mapPage = world.emulator.store.get('pages', world.pageId);
      const refs = references(page?.body ?? '');
      expect(refs.some((r) => r.fileName.startsWith('journey-sentiment-curve'))).toBe(true);
      for (const ref of refs) {
        const holder = ref.pageTitle === null ? result.pageId : world.pageId;
        if (ref.pageTitle !== null) expect(ref.pageTitle).toBe(mapPage?.title);
        const names = world.emulator.store.attachmentsOf(holder).map((a) => a.title);
        expect(names).toContain(ref.fileName);
      }
    },
  );
});
