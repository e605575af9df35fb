/**
 * Hostile text in the write-up: the OWASP XSS vectors and storage-format break-outs in every
 * user text field of a map (and in the space's routing team names) go through the real
 * `writeup/generate` resolver (preview and the page it writes). The storage must be well-formed
 * XML whose vocabulary (elements, attributes, macros) is the renderer's own, as in the same map
 * with plain placeholders, and every hostile text must come back as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANE_TYPE_INFO } from '../../src/domain/model/factories';
import type { JourneyMap } from '../../src/domain/model/schema';
import type { World } from '../integration/resolvers/harness';
import { createWorld, unwrap } from '../integration/resolvers/harness';
import { HOSTILE_TEXTS } from './fixtures/xss-vectors';
import { stripControls } from './support/control-chars';
import { recordFigure } from './support/figures';
import type { HostileMap } from './support/hostile-map';
import { hostileMap } from './support/hostile-map';
import { seedMap } from './support/seed-map';
import type { ParsedStorage } from './support/strict-storage';
import { macroNames, parseStorage, vocabulary } from './support/strict-storage';

let world: World;
let hostile: HostileMap;
let plain: HostileMap;
let spaceId = '';
/** One unique placeholder per field (no cycling), so the plain rendering shows which fields render. */
const PLACEHOLDERS = Array.from({ length: 2000 }, (_, i) => `Zq${i}qZ`);
const DANGEROUS_URL = /^\s*(javascript|vbscript|data):/i;

/** How a text is expected to come back: XML cannot carry C0 controls, so they may be dropped. */
const comparable = (s: string): string => stripControls(s).replace(/\s+/g, ' ').trim();

async function preview(localId: string): Promise<string> {
  const res = unwrap(
    await world.call('writeup/generate', { pageId: world.pageId, localId, spaceId, preview: true }),
  );
  if (!res.storage) throw new Error('preview without storage');
  return res.storage;
}

function allText(doc: ParsedStorage): string {
  const attrs = doc.elements.flatMap((e) => Object.values(e.attrs));
  return comparable([...doc.texts, ...doc.cdata, ...attrs].join(' '));
}

function checkAgainstBaseline(doc: ParsedStorage, base: ParsedStorage): void {
  const extra = [...vocabulary(doc)].filter((v) => !vocabulary(base).has(v));
  expect(extra, 'elements/attributes only hostile text introduced').toEqual([]);
  expect(macroNames(doc)).toEqual(macroNames(base));
  expect(doc.elements.filter((e) => e.name.startsWith('ri:')).length).toBe(
    base.elements.filter((e) => e.name.startsWith('ri:')).length,
  );
  expect(doc.comments).toBe(base.comments);
  expect(doc.processingInstructions).toBe(0);
  const urls = doc.elements.flatMap((e) =>
    Object.entries(e.attrs).filter(
      ([k, v]) => /href|src|ri:value/.test(k) && DANGEROUS_URL.test(v),
    ),
  );
  expect(urls).toEqual([]);
}

beforeAll(async () => {
  world = await createWorld();
  const space = world.emulator.store.spaceByKey('CX');
  spaceId = space?.id ?? '';
  const photo = world.emulator.store.addAttachment({
    pageId: world.pageId,
    fileName: 'wall.png',
    mediaType: 'image/png',
    bytes: new Uint8Array([137, 80, 78, 71]),
  });
  unwrap(
    await world.call('map/create', {
      pageId: world.pageId,
      localId: 'template',
      template: 'worked-example',
    }),
  );
  const base = unwrap(
    await world.call('map/load', { pageId: world.pageId, localId: 'template' }),
  ).map;
  if (!base) throw new Error('no template map');
  const ref = { attachmentId: photo.id, fileName: photo.title };
  hostile = hostileMap(base, HOSTILE_TEXTS, ref);
  plain = hostileMap(base, PLACEHOLDERS, ref);
  seedMap({ emulator: world.emulator, pageId: world.pageId, localId: 'hostile', map: hostile.map });
  seedMap({ emulator: world.emulator, pageId: world.pageId, localId: 'plain', map: plain.map });
  // Team names of the routing rules are user text too.
  const lanes = Object.fromEntries(
    Object.keys(LANE_TYPE_INFO).map((t, i) => [t, HOSTILE_TEXTS[i % HOSTILE_TEXTS.length] ?? '']),
  );
  unwrap(
    await world.call(
      'routing/set',
      {
        spaceId,
        rules: { channels: {}, stages: {}, lanes },
        baseVersion: 0,
      },
      'acc-admin',
    ),
  );
});

afterAll(async () => {
  await world?.close();
});

describe('hostile text in the write-up storage', () => {
  it('keeps every hostile text as data through restore (every field seeded)', async () => {
    const loaded = unwrap(
      await world.call('map/load', { pageId: world.pageId, localId: 'hostile' }),
    );
    const map = loaded.map as JourneyMap;
    // Restore drops C0 control characters (and says so); nothing else is touched.
    expect(loaded.repairs.filter((r) => r.message !== 'control characters removed')).toEqual([]);
    const json = JSON.stringify(map);
    for (const { text } of hostile.placed)
      expect(json).toContain(JSON.stringify(stripControls(text)).slice(1, -1));
    // Every hostile text was placed at least once.
    expect(new Set(hostile.placed.map((p) => p.text)).size).toBe(HOSTILE_TEXTS.length);
  });

  it("renders only the renderer's own markup in the preview, and each text round-trips", async () => {
    const base = parseStorage(await preview('plain'));
    const storage = await preview('hostile');
    const doc = parseStorage(storage);
    checkAgainstBaseline(doc, base);
    const text = allText(doc);
    const plainText = allText(base);
    // Fields the write-up shows (their placeholder is in the plain rendering) show the hostile text.
    const shown = hostile.placed.filter((_, i) => plainText.includes(`Zq${i}qZ`));
    const missing = shown.filter((p) => !text.includes(comparable(p.text)));
    expect(missing).toEqual([]);
    expect(shown.length).toBeGreaterThan(hostile.placed.length / 2);
    // Nearly every vector lands in at least one shown field (a few only in fields it leaves out).
    expect(new Set(shown.map((p) => p.text)).size).toBeGreaterThanOrEqual(
      Math.floor(HOSTILE_TEXTS.length * 0.9),
    );
    recordFigure('hostile-storage', {
      vectors: HOSTILE_TEXTS.length,
      fieldsSeeded: hostile.placed.length,
      fieldsInWriteUp: shown.length,
      storageBytes: storage.length,
      elements: doc.elements.length,
    });
  });

  it('writes the same safe storage to the write-up page', async () => {
    const res = unwrap(
      await world.call('writeup/generate', { pageId: world.pageId, localId: 'hostile', spaceId }),
    );
    const page = world.emulator.store.get('pages', res.pageId);
    const base = parseStorage(await preview('plain'));
    const doc = parseStorage(page?.body ?? '');
    checkAgainstBaseline(doc, base);
    // A page title is plain text in Confluence: the map title is carried over as it is.
    expect(page?.title).toBe(res.title);
    expect(res.title).toContain(hostile.map.title);
  });

  it('the checker refuses injected markup (so it can fail)', () => {
    const base = parseStorage('<p>Zq0qZ</p>');
    expect(() => parseStorage('<p>a & b</p>')).toThrow(/bare &/);
    expect(() => parseStorage('<p>]]></p>')).toThrow(/]]>/);
    const injected = parseStorage('<p><script>x</script></p>');
    expect([...vocabulary(injected)].filter((v) => !vocabulary(base).has(v))).toEqual(['script']);
  });
});
