/**
 * Puts generated maps on pages exactly as the app stores them: the map through the app's own
 * save path (`saveMap`: codec, chunks, head with history) and the page summary through
 * `updatePageSummary`, as the invoking user over the real @forge/api. Needs an installed
 * forge runtime (the bench world or the local host installs one).
 */
import type { Emulator } from '../../dev/emulator';
import { runAs } from '../../dev/forge-runtime';
import { buildMacroStorage } from '../../dev/host/storage/macro';
import { userClient } from '../../src/confluence/client';
import { readMap, saveMap } from '../../src/confluence/map-store';
import { updatePageSummary } from '../../src/confluence/summary-store';
import { encodeMap, mapPropertyKey, sanitizeLocalId } from '../../src/domain/codec';
import type { JourneyMap } from '../../src/domain/model/schema';
import { SUMMARY_PROPERTY_KEY, summarizePage } from '../../src/domain/summary';
import { generateMap } from '../../tests/support/generate-map';

/** The fixed instant of every bench world (summaries and review dates depend on the day). */
export const BENCH_NOW = new Date('2026-11-23T10:00:00.000Z');

/** Arguments of {@link createMapPage}. */
export type MapPageArgs = {
  emulator: Emulator;
  title: string;
  localId: string;
  /** The map, or a function of the new page's id (for maps that reference its attachments). */
  map: JourneyMap | ((pageId: string) => JourneyMap);
  spaceKey?: string;
  accountId?: string;
};

/** Creates a page holding the macro, then saves the map and the summary through the app's code. */
export async function createMapPage(args: MapPageArgs): Promise<string> {
  const accountId = args.accountId ?? 'acc-editor';
  const page = args.emulator.store.createPage({
    spaceKey: args.spaceKey ?? 'CX',
    title: args.title,
    authorId: accountId,
    body: `<p>Mapping session notes.</p>${buildMacroStorage({ localId: args.localId })}`,
  });
  await runAs(accountId, async () => {
    const client = userClient({ sleep: () => Promise.resolve(), random: () => 0.5 });
    const at = { pageId: page.id, contentType: 'page' as const, localId: args.localId };
    const previous = await readMap(client, at);
    const saved = await saveMap({
      client,
      at,
      previous,
      map: typeof args.map === 'function' ? args.map(page.id) : args.map,
      changed: ['*'],
      generation: `g${page.id}`,
    });
    await updatePageSummary({
      client,
      content: { type: 'page', id: page.id },
      properties: saved.properties,
      deps: { now: () => BENCH_NOW },
    });
  });
  return page.id;
}

/**
 * A page with a small, unchunked map written straight into the store (the codec's head and
 * `summarizePage` output: the same values the app writes, without REST). For seeding 1,000 maps.
 */
export function putMapPageDirect(args: Omit<MapPageArgs, 'accountId'>): string {
  const page = args.emulator.store.createPage({
    spaceKey: args.spaceKey ?? 'CX',
    title: args.title,
    authorId: 'acc-editor',
    body: `<p>Mapping session notes.</p>${buildMacroStorage({ localId: args.localId })}`,
  });
  const map = typeof args.map === 'function' ? args.map(page.id) : args.map;
  const encoded = encodeMap(map, { generation: `g${page.id}` });
  if (encoded.chunks.length > 0) throw new Error('putMapPageDirect is for unchunked maps');
  args.emulator.store.putProperty({
    pageId: page.id,
    key: mapPropertyKey(args.localId),
    value: encoded.head,
    authorId: 'acc-editor',
  });
  const summary = summarizePage({
    maps: [{ localId: sanitizeLocalId(args.localId), map }],
    today: BENCH_NOW.toISOString().slice(0, 10),
    now: BENCH_NOW.toISOString(),
  });
  args.emulator.store.putProperty({
    pageId: page.id,
    key: SUMMARY_PROPERTY_KEY,
    value: summary,
    authorId: 'acc-editor',
  });
  return page.id;
}

/** A page holding the bench's generated map of `cards` (seed 20261123), saved as Avery Admin. */
export function createGeneratedMapPage(args: {
  emulator: Emulator;
  title: string;
  localId: string;
  cards: number;
}): Promise<string> {
  const { cards, ...page } = args;
  return createMapPage({
    ...page,
    map: generateMap({ cards, seed: 20261123 }),
    accountId: 'acc-admin',
  });
}
