/**
 * A world for the bad-input and permission suites: the harness's emulator + real handler, a map
 * on an open CX page and one on a page restricted to admin + editor, valid payloads per key.
 */
import { buildMacroStorage } from '../../../dev/host/storage/macro';
import type { JourneyMap } from '../../../src/domain/model/schema';
import { createFromTemplate } from '../../../src/domain/templates';
import { createWorld, unwrap } from '../../integration/resolvers/harness';
import type { World } from '../../integration/resolvers/harness';

/** The world plus what the payload builders need. */
export type Fixture = {
  world: World;
  spaceId: string;
  open: { pageId: string; localId: string };
  restricted: { pageId: string; localId: string };
  /** A JPEG attached to each fixture page, for `photos/register`. */
  photos: Record<string, string>;
  /** A pain-point card of each fixture page's map, for `jira/create`. */
  painCards: Record<string, string>;
};

/** The first bytes of a JPEG (all `photos/register` sniffs). */
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

/** Builds the fixture: two pages with a worked-example map each. */
export async function createFixture(): Promise<Fixture> {
  const world = await createWorld();
  const space = world.emulator.store.spaceByKey('CX');
  if (!space) throw new Error('no space CX');
  // Pages that really hold the macros (as Confluence pages do), so keys that check the body work.
  const openPage = world.emulator.store.createPage({
    spaceKey: 'CX',
    title: 'Open checkout journey',
    authorId: 'acc-editor',
    body: `<p>Map:</p>${buildMacroStorage({ localId: 'open-map' })}`,
  });
  const open = { pageId: openPage.id, localId: 'open-map' };
  const page = world.emulator.store.createPage({
    spaceKey: 'CX',
    title: 'Restricted pricing journey',
    authorId: 'acc-admin',
    body: `<p>Map:</p>${buildMacroStorage({ localId: 'restricted-map' })}`,
  });
  world.emulator.store.restrictPage({
    pageId: page.id,
    view: ['acc-admin', 'acc-editor'],
    edit: ['acc-admin', 'acc-editor'],
  });
  const restricted = { pageId: page.id, localId: 'restricted-map' };
  const photos: Record<string, string> = {};
  const painCards: Record<string, string> = {};
  for (const at of [open, restricted]) {
    const created = unwrap(
      await world.call('map/create', { ...at, template: 'worked-example' }, 'acc-admin'),
    );
    painCards[at.pageId] = created.map.cards.find((c) => c.kind === 'painPoint')?.id ?? 'none';
    const att = world.emulator.store.addAttachment({
      pageId: at.pageId,
      fileName: 'wall.jpg',
      mediaType: 'image/jpeg',
      bytes: JPEG,
    });
    photos[at.pageId] = att.id;
  }
  return { world, spaceId: space.id, open, restricted, photos, painCards };
}

/** A complete, valid map (the blank template) for `map/import`. */
function importableMap(): JourneyMap {
  let n = 0;
  return createFromTemplate({
    template: 'blank',
    title: 'Imported map',
    newId: () => `imp${(n++).toString(36)}`,
    today: '2026-11-23',
  });
}

/** A valid payload of `key` addressing `at` (a generic guess for keys this suite does not know). */
export function validPayload(
  fx: Fixture,
  key: string,
  at: { pageId: string; localId: string },
  baseVersion = 1,
): Record<string, unknown> {
  switch (key) {
    case 'map/load':
    case 'map/version':
      return { ...at };
    case 'map/opsSince':
      return { ...at, sinceVersion: Math.max(0, baseVersion - 1) };
    case 'map/create':
      return { ...at, localId: `${at.localId}-new`, template: 'blank', title: 'New map' };
    case 'map/apply':
      return {
        ...at,
        baseVersion,
        batchId: crypto.randomUUID(),
        ops: [{ type: 'map/setTitle', title: 'Renamed' }],
      };
    case 'map/import':
      return { ...at, baseVersion, map: importableMap() };
    case 'map/createFutureState':
      return { ...at, placement: 'samePage' };
    case 'photos/list':
    case 'page/maps':
      return { pageId: at.pageId };
    case 'photos/register':
      return { ...at, baseVersion, attachmentId: fx.photos[at.pageId] ?? '1' };
    case 'writeup/generate':
      return { ...at, spaceId: fx.spaceId };
    case 'index/list':
      return { spaceKey: 'CX' };
    case 'routing/get':
      return { spaceId: fx.spaceId };
    case 'routing/set':
      return {
        spaceId: fx.spaceId,
        rules: { channels: {}, stages: {}, lanes: {} },
        baseVersion: 0,
      };
    case 'jira/statuses':
      return { ...at };
    case 'jira/lookup':
      return { ...at, ref: 'IDN-1' };
    case 'jira/projects':
      return { ...at, project: 'IDN' };
    case 'jira/create':
      return {
        ...at,
        baseVersion,
        cardId: fx.painCards[at.pageId] ?? 'none',
        team: 'Identity',
        project: 'IDN',
        issueType: 'Task',
        component: '',
        labels: [],
        summary: 'Pain point: from the fixture',
        blocks: [{ kind: 'field', label: 'Where', text: 'Aware › Searches' }],
      };
    case 'jira/send':
      return { ...at, baseVersion, topN: 3, preview: true, pageUrl: 'https://example.net/wiki/x' };
    default:
      // A key added after this suite was written: every address field a payload might use.
      return { ...at, spaceId: fx.spaceId, spaceKey: 'CX' };
  }
}

/** REST calls that change something (the emulator's request log). */
export function writesIn(world: World): { method: string; path: string; status: number }[] {
  // Jira's JQL search is a POST that reads (its query is in the body); a create Jira refused
  // (4xx) created nothing: Jira validates the fields the door passed on.
  return world
    .restCalls()
    .filter((c) => c.method !== 'GET' && c.method !== 'HEAD')
    .filter(
      (c) =>
        !c.path.startsWith('/rest/api/3/') ||
        (c.path !== '/rest/api/3/search/jql' && c.status < 400),
    );
}

/** A fingerprint of everything stored (pages, properties, attachments). */
export function storeFingerprint(world: World): string {
  const s = world.emulator.store;
  return JSON.stringify([
    [...s.all('pages')].map((p) => [p.id, p.version, p.title, p.status]),
    [...s.all('properties')].map((p) => [p.id, p.key, p.version]),
    [...s.all('attachments')].map((a) => [a.id, a.version]),
  ]);
}
