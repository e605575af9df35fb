/**
 * `photos/register`: an uploaded file joins the map only after the server downloaded it as the
 * user (the documented download endpoint) and checked size, magic bytes and declared type; a
 * refused file is removed from the page, never listed and never in the write-up. Clients cannot
 * add photos with `map/apply`.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES } from '../../../src/domain/session/photo-check';
import type { World } from './harness';
import { eachWorldWithMap, loadMap, unwrap } from './harness';

const LOCAL_ID = 'macro-photos';
let world: World;
eachWorldWithMap({ localId: LOCAL_ID, template: 'blank' }, (w) => (world = w));

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Puts a file on a page (the map's unless named) as Confluence would, registering nothing. */
function attach(fileName: string, mediaType: string, bytes: Uint8Array, pageId = world.pageId) {
  return world.emulator.store.addAttachment({ pageId, fileName, mediaType, bytes });
}

/** Sends one op as a client would: `map/apply` at the version `map/load` answers. */
async function applyAsClient(op: Record<string, unknown>) {
  const loaded = unwrap(await world.call('map/load', { pageId: world.pageId, localId: LOCAL_ID }));
  const out = await world.call('map/apply', {
    pageId: world.pageId,
    localId: LOCAL_ID,
    baseVersion: loaded.version,
    ops: [op],
  });
  return { loaded, out };
}

async function register(fileName: string, mediaType: string, bytes: Uint8Array) {
  const att = attach(fileName, mediaType, bytes);
  const loaded = unwrap(await world.call('map/load', { pageId: world.pageId, localId: LOCAL_ID }));
  const result = await world.call('photos/register', {
    pageId: world.pageId,
    localId: LOCAL_ID,
    baseVersion: loaded.version,
    attachmentId: att.id,
    caption: 'Wall',
  });
  return { att, result };
}

const liveAttachments = () => world.emulator.store.attachmentsOf(world.pageId).map((a) => a.title);

describe('photos/register', () => {
  it.each([
    [
      'an SVG with a script',
      'wall.svg',
      'image/svg+xml',
      text('<svg><script>alert(1)</script></svg>'),
      'INVALID_INPUT',
    ],
    [
      'a text file renamed .png',
      'wall.png',
      'image/png',
      text('not a picture at all'),
      'INVALID_INPUT',
    ],
    ['a PNG declared as JPEG', 'wall.jpg', 'image/jpeg', PNG, 'INVALID_INPUT'],
    [
      'an oversize JPEG',
      'huge.jpg',
      'image/jpeg',
      (() => {
        const big = new Uint8Array(MAX_PHOTO_BYTES + 10);
        big.set(JPEG);
        return big;
      })(),
      'TOO_LARGE',
    ],
  ])(
    'refuses %s: not added, removed, not listed, not in the write-up',
    async (_l, name, type, bytes, code) => {
      const { result } = await register(name, type, bytes);
      expect(result.ok ? null : result.error.code).toBe(code);
      expect(result.ok ? '' : result.error.message).toMatch(/removed from the page/);
      expect(liveAttachments()).not.toContain(name);
      const listed = unwrap(await world.call('photos/list', { pageId: world.pageId }));
      expect(listed.photos).toEqual([]);
      const map = unwrap(
        await world.call('map/load', { pageId: world.pageId, localId: LOCAL_ID }),
      ).map;
      expect(map?.session.photos).toEqual([]);
      const preview = unwrap(
        await world.call('writeup/generate', {
          pageId: world.pageId,
          localId: LOCAL_ID,
          preview: true,
        }),
      );
      expect(preview.storage).not.toContain(name);
    },
  );

  it.each([
    ['a JPEG', 'wall.jpg', 'image/jpeg', JPEG],
    ['a PNG', 'wall.png', 'image/png', PNG],
  ])(
    'accepts %s: added, listed with the documented download path',
    async (_l, name, type, bytes) => {
      const { att, result } = await register(name, type, bytes);
      const data = unwrap(result);
      expect(data.map.session.photos.map((p) => p.attachmentId)).toEqual([att.id]);
      const listed = unwrap(await world.call('photos/list', { pageId: world.pageId }));
      expect(listed.photos.map((p) => p.attachmentId)).toEqual([att.id]);
      expect(listed.photos[0]?.downloadPath).toBe(
        `/wiki/rest/api/content/${world.pageId}/child/attachment/${att.id}/download`,
      );
      // The bytes were read as the user through the documented endpoint.
      expect(
        world.restCalls().some((c) => c.path.endsWith(`/child/attachment/${att.id}/download`)),
      ).toBe(true);
    },
  );

  it('an image attachment that was never registered is not listed', async () => {
    attach('x.png', 'image/png', PNG);
    const listed = unwrap(await world.call('photos/list', { pageId: world.pageId }));
    expect(listed.photos).toEqual([]);
  });

  it('map/apply refuses a client-sent session/addPhoto', async () => {
    const att = attach('evil.svg', 'image/svg+xml', text('<svg><script>alert(1)</script></svg>'));
    const { out } = await applyAsClient({
      type: 'session/addPhoto',
      photo: { attachmentId: att.id, fileName: 'evil.svg', caption: '', stepId: null },
    });
    expect(out.ok ? null : out.error.code).toBe('INVALID_INPUT');
  });
  it.each([
    ['an SVG with a script', 'evil.svg', 'image/svg+xml', text('<svg><script>1</script></svg>')],
    ['a text file named .png', 'notes.png', 'image/png', text('not a picture')],
  ])(
    'map/apply refuses a client-sent session/restorePhoto of %s and writes nothing',
    async (_l, name, type, bytes) => {
      const att = attach(name, type, bytes);
      const { loaded, out } = await applyAsClient({
        type: 'session/restorePhoto',
        photo: { attachmentId: att.id, fileName: 'wall.png', caption: '', stepId: null },
        index: 0,
      });
      expect(out.ok ? null : out.error.code).toBe('INVALID_INPUT');
      expect(out.ok ? null : out.error.field).toBe('ops.0');
      const after = unwrap(
        await world.call('map/load', { pageId: world.pageId, localId: LOCAL_ID }),
      );
      expect(after.version).toBe(loaded.version);
      expect(after.map?.session.photos).toEqual([]);
      const listed = unwrap(await world.call('photos/list', { pageId: world.pageId }));
      expect(listed.photos).toEqual([]);
    },
  );

  it('map/apply refuses a restore of an attachment of another page', async () => {
    const other = world.emulator.store.createPage({
      spaceKey: 'CX',
      title: 'Elsewhere',
      authorId: 'acc-editor',
    });
    const att = attach('wall.jpg', 'image/jpeg', JPEG, other.id);
    const { out } = await applyAsClient({
      type: 'session/restorePhoto',
      photo: { attachmentId: att.id, fileName: 'wall.jpg', caption: '', stepId: null },
      index: 0,
    });
    expect(out.ok ? null : out.error.code).toBe('INVALID_INPUT');
  });

  it('undoing the removal of a verified photo brings it back (re-checked, listed again)', async () => {
    const { att, result } = await register('wall.jpg', 'image/jpeg', JPEG);
    const added = unwrap(result);
    const removed = unwrap(
      await world.call('map/apply', {
        pageId: world.pageId,
        localId: LOCAL_ID,
        baseVersion: added.version,
        ops: [{ type: 'session/removePhoto', attachmentId: att.id }],
      }),
    );
    const address = { pageId: world.pageId, localId: LOCAL_ID };
    expect((await loadMap(world, address)).session.photos).toEqual([]);
    const restored = unwrap(
      await world.call('map/apply', {
        pageId: world.pageId,
        localId: LOCAL_ID,
        baseVersion: removed.version,
        ops: [{ type: 'session/restorePhoto', photo: added.map.session.photos[0], index: 0 }],
      }),
    );
    expect(restored.version).toBe(removed.version + 1);
    expect((await loadMap(world, address)).session.photos).toEqual(added.map.session.photos);
    const listed = unwrap(await world.call('photos/list', { pageId: world.pageId }));
    expect(listed.photos.map((p) => p.attachmentId)).toEqual([att.id]);
  });
});
