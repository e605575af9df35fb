/**
 * Permissions matrix: editor, viewer, outsider (restricted page) and anonymous × every registered
 * resolver key (read at runtime) and the bridge calls the UI makes (`requestConfluence`: photo
 * upload, attachment download, people search) → only the allowed effects: typed FORBIDDEN /
 * NOT_FOUND refusals, no writes, no data of a page the caller cannot see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../dev/emulator';
import { LIVE_KEYS, contractErrorCodes, envelopeProblem } from './support/contract-runtime';
import { recordFigure } from './support/figures';
import type { Fixture } from './support/world-fixture';
import { createFixture, storeFingerprint, validPayload, writesIn } from './support/world-fixture';

type Who = 'editor' | 'viewer' | 'outsider' | 'anonymous';
const ACCOUNT: Record<Who, string | null> = {
  editor: 'acc-editor',
  viewer: 'acc-viewer',
  outsider: 'acc-outsider',
  anonymous: null,
};
/** Keys whose valid payload this suite knows, and whether a success writes. */
const KNOWN: Record<string, 'read' | 'write'> = {
  'map/load': 'read',
  'map/version': 'read',
  'map/opsSince': 'read',
  'photos/list': 'read',
  'page/maps': 'read',
  'index/list': 'read',
  'routing/get': 'read',
  'map/create': 'write',
  'map/apply': 'write',
  'routing/set': 'write',
  'writeup/generate': 'write',
  'map/import': 'write',
  'map/createFutureState': 'write',
};
/** Keys addressed to a page (the outsider is sent to the restricted one); the rest to the space. */
const SPACE_LEVEL = new Set(['index/list', 'routing/get', 'routing/set']);

let fx: Fixture;
const codes = contractErrorCodes();
const matrix: Record<string, Record<Who, string>> = {};

beforeAll(async () => {
  fx = await createFixture();
  fx.world.emulator.store.addAttachment({
    pageId: fx.restricted.pageId,
    fileName: 'secret.png',
    mediaType: 'image/png',
    bytes: new Uint8Array([1, 2, 3]),
  });
  fx.world.emulator.store.addAttachment({
    pageId: fx.open.pageId,
    fileName: 'wall.png',
    mediaType: 'image/png',
    bytes: new Uint8Array([4, 5, 6]),
  });
});

afterAll(async () => {
  recordFigure('permissions', { keys: LIVE_KEYS.length, matrix });
  await fx?.world.close();
});

/** The expected outcome of a known key: 'ok' or the code of the refusal. */
function expected(key: string, who: Who): string {
  const kind = KNOWN[key];
  if (who === 'anonymous') return 'FORBIDDEN';
  // Routing rules are a space property: only space admins write them (Eddie edits, not admins).
  if (who === 'editor') return key === 'routing/set' ? 'FORBIDDEN' : 'ok';
  if (who === 'outsider' && !SPACE_LEVEL.has(key)) return 'NOT_FOUND';
  return kind === 'read' ? 'ok' : 'FORBIDDEN';
}

describe('resolver keys × principals', () => {
  for (const who of ['editor', 'viewer', 'outsider', 'anonymous'] as const) {
    it.each(LIVE_KEYS.map((k) => [k]))(`%s as ${who}`, async (key) => {
      const { world } = fx;
      const at = who === 'outsider' ? fx.restricted : fx.open;
      const version = await world.call('map/version', at, 'acc-admin');
      const payload = validPayload(fx, key, at, version.ok ? version.data.version : 1);
      if (key === 'map/create') payload.localId = `perm-${who}`;
      // A change nobody made before, so a success cannot be a no-op.
      if (key === 'map/apply') payload.ops = [{ type: 'map/setTitle', title: `Renamed by ${who}` }];
      world.resetLog();
      const before = storeFingerprint(world);
      const result = await world.call(key as 'map/load', payload, ACCOUNT[who]);
      expect(envelopeProblem(result, codes)).toBeNull();
      const outcome = result.ok ? 'ok' : result.error.code;
      (matrix[key] ??= {} as Record<Who, string>)[who] = outcome;

      if (KNOWN[key]) expect(outcome, `${key} as ${who}`).toBe(expected(key, who));
      else if (who !== 'editor') {
        // A key this suite does not know yet: a refusal must still be typed (or input-related).
        if (!result.ok) expect(['FORBIDDEN', 'NOT_FOUND', 'INVALID_INPUT']).toContain(outcome);
      }
      if (who !== 'editor') {
        // Only editors change anything (a write Confluence refuses is no effect).
        expect(
          writesIn(world).filter((w) => w.status < 400),
          `${key} as ${who} wrote`,
        ).toEqual([]);
        expect(storeFingerprint(world)).toBe(before);
      }
      if (who === 'outsider' && result.ok) {
        // Nothing of the restricted page leaks out (e.g. through the space index).
        const json = JSON.stringify(result);
        expect(json).not.toContain(
          fx.restricted.pageId === '' ? '\u0000' : `"${fx.restricted.pageId}"`,
        );
        expect(json).not.toContain('Restricted pricing journey');
      }
    });
  }

  it('writeup preview by a viewer writes nothing', async () => {
    const { world } = fx;
    world.resetLog();
    const before = storeFingerprint(world);
    const res = await world.call(
      'writeup/generate',
      { ...fx.open, spaceId: fx.spaceId, preview: true },
      'acc-viewer',
    );
    expect(envelopeProblem(res, codes)).toBeNull();
    if (!res.ok) expect(['FORBIDDEN']).toContain(res.error.code);
    expect(writesIn(world)).toEqual([]);
    expect(storeFingerprint(world)).toBe(before);
  });
});

describe('bridge calls (requestConfluence) × principals', () => {
  const principal = (who: Who): Principal =>
    who === 'anonymous' ? { kind: 'anonymous' } : { kind: 'user', accountId: ACCOUNT[who] ?? '' };
  const upload = (pageId: string) => {
    const form = new FormData();
    form.append('file', new File([new Uint8Array([9, 9, 9])], 'upload.png', { type: 'image/png' }));
    form.append('minorEdit', 'true');
    return new Request(`http://e/wiki/rest/api/content/${pageId}/child/attachment`, {
      method: 'PUT',
      headers: { 'X-Atlassian-Token': 'no-check' },
      body: form,
    });
  };
  const cases: { who: Who; call: string; status: number }[] = [
    { who: 'editor', call: 'upload', status: 200 },
    { who: 'viewer', call: 'upload', status: 403 },
    { who: 'outsider', call: 'upload', status: 404 },
    { who: 'anonymous', call: 'upload', status: 401 },
    { who: 'editor', call: 'download', status: 200 },
    { who: 'viewer', call: 'download', status: 200 },
    { who: 'outsider', call: 'download', status: 404 },
    { who: 'anonymous', call: 'download', status: 401 },
    { who: 'viewer', call: 'people', status: 200 },
    { who: 'outsider', call: 'people', status: 200 },
    { who: 'anonymous', call: 'people', status: 401 },
  ];
  it.each(cases)('$call as $who → $status', async ({ who, call, status }) => {
    const { world } = fx;
    const pageId = who === 'outsider' ? fx.restricted.pageId : fx.open.pageId;
    const file = who === 'outsider' ? 'secret.png' : 'wall.png';
    const req =
      call === 'upload'
        ? upload(pageId)
        : call === 'download'
          ? new Request(`http://e/wiki/download/attachments/${pageId}/${file}`)
          : new Request(
              `http://e/wiki/rest/api/search/user?cql=${encodeURIComponent('type=user AND user.fullname~"Avery"')}&limit=8`,
            );
    const before = storeFingerprint(world);
    const res = await world.emulator.handle(req, principal(who));
    expect(res.status).toBe(status);
    const body = new Uint8Array(await res.arrayBuffer());
    if (call !== 'upload' || status !== 200) expect(storeFingerprint(world)).toBe(before);
    if (who === 'outsider' && call === 'download')
      expect([...body.slice(0, 3)]).not.toEqual([1, 2, 3]);
  });
});
