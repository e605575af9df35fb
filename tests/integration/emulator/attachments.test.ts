import { describe, expect, it } from 'vitest';
import type { Emulator, Principal } from '../../../dev/emulator/index';
import { EDITOR, OUTSIDER, VIEWER, call, eachEmulatorWithPage } from './helpers';

type V1Upload = {
  results: {
    id: string;
    type: string;
    title: string;
    extensions: { mediaType: string; fileSize: number; comment: string };
    version: { number: number };
    _links: { download: string };
  }[];
  size: number;
};

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);

describe('attachments', () => {
  let emu: Emulator;
  let pageId: string;
  eachEmulatorWithPage('Session', (e, id) => {
    emu = e;
    pageId = id;
  });

  const upload = async (opts: {
    method?: string;
    name?: string;
    bytes?: Uint8Array;
    type?: string;
    token?: string | null;
    as?: Principal;
    comment?: string;
  }) => {
    const form = new FormData();
    form.append(
      'file',
      new File([new Uint8Array(opts.bytes ?? PNG)], opts.name ?? 'wall.png', {
        type: opts.type ?? 'image/png',
      }),
    );
    if (opts.comment) form.append('comment', opts.comment);
    form.append('minorEdit', 'true');
    const headers: Record<string, string> = {};
    if (opts.token !== null) headers['X-Atlassian-Token'] = opts.token ?? 'no-check';
    const res = await emu.handle(
      new Request(`http://e/wiki/rest/api/content/${pageId}/child/attachment`, {
        method: opts.method ?? 'POST',
        headers,
        body: form,
      }),
      opts.as ?? EDITOR,
    );
    const text = await res.text();
    return {
      status: res.status,
      body: (res.headers.get('content-type')?.includes('json')
        ? JSON.parse(text)
        : text) as V1Upload,
    };
  };

  it('accepts real multipart uploads and answers in the v1 shape', async () => {
    const res = await upload({ comment: 'The wall' });
    expect(res.status).toBe(200);
    const att = res.body.results[0];
    expect(att).toMatchObject({
      type: 'attachment',
      title: 'wall.png',
      extensions: { mediaType: 'image/png', fileSize: PNG.length, comment: 'The wall' },
    });
    expect(att?.id).toMatch(/^att\d+$/);
    expect(att?._links.download).toMatch(
      new RegExp(`^/download/attachments/${pageId}/wall\\.png\\?`),
    );
  });

  it('requires X-Atlassian-Token (no-check or nocheck), else 403 XSRF', async () => {
    expect((await upload({ token: null })).status).toBe(403);
    expect((await upload({ token: 'nocheck', name: 'a.png' })).status).toBe(200);
    expect((await upload({ token: 'no-check', name: 'b.png' })).status).toBe(200);
  });

  it('refuses a duplicate file name on POST (400) and versions it on PUT', async () => {
    await upload({});
    expect((await upload({})).status).toBe(400);
    const put = await upload({ method: 'PUT', bytes: new Uint8Array([9, 9]) });
    expect(put.status).toBe(200);
    expect(put.body.results[0]?.version.number).toBe(2);
    const putNew = await upload({ method: 'PUT', name: 'new.png' });
    expect(putNew.body.results[0]?.version.number).toBe(1);
  });

  it('accepts the bridge JSON form with a data URL', async () => {
    const res = await call<V1Upload>(
      emu,
      'POST',
      `/wiki/rest/api/content/${pageId}/child/attachment`,
      {
        as: EDITOR,
        headers: { 'X-Atlassian-Token': 'no-check' },
        body: {
          file: `data:image/jpeg;base64,${Buffer.from('jpegbytes').toString('base64')}`,
          __fileName: 'photo.jpg',
          __fileType: 'image/jpeg',
          minorEdit: 'true',
        },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({
      title: 'photo.jpg',
      extensions: { mediaType: 'image/jpeg', fileSize: 9 },
    });
  });

  it('lists via v2 with mediaType filter and cursor, fetches one, downloads bytes with Content-Type', async () => {
    for (let i = 0; i < 3; i += 1) await upload({ name: `p${i}.png` });
    await upload({
      name: 'notes.txt',
      type: 'text/plain',
      bytes: new TextEncoder().encode('notes'),
    });
    const list = await call<{
      results: { id: string; title: string; downloadLink: string }[];
      _links: { next?: string };
    }>(emu, 'GET', `/wiki/api/v2/pages/${pageId}/attachments?mediaType=image/png&limit=2`);
    expect(list.body.results.map((a) => a.title)).toEqual(['p0.png', 'p1.png']);
    const rest = await call<{ results: { title: string }[] }>(
      emu,
      'GET',
      list.body._links.next ?? '',
    );
    expect(rest.body.results.map((a) => a.title)).toEqual(['p2.png']);
    const first = list.body.results[0];
    const one = await call<{ title: string; pageId: string }>(
      emu,
      'GET',
      `/wiki/api/v2/attachments/${first?.id}`,
    );
    expect(one.body).toMatchObject({ title: 'p0.png', pageId });
    const dl = await emu.handle(new Request(`http://e/wiki${first?.downloadLink}`), VIEWER);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await dl.arrayBuffer())).toEqual(PNG);
    const txt = await emu.handle(
      new Request(`http://e/wiki/download/attachments/${pageId}/notes.txt`),
      VIEWER,
    );
    expect(txt.headers.get('content-type')).toBe('text/plain');
    expect(await txt.text()).toBe('notes');
  });

  it('forbids uploads to viewers (403) and hides restricted pages (404)', async () => {
    expect((await upload({ as: VIEWER })).status).toBe(403);
    emu.store.restrictPage({ pageId, view: ['acc-admin', 'acc-editor'] });
    expect((await upload({ as: OUTSIDER })).status).toBe(404);
    await upload({});
    const dl = await emu.handle(
      new Request(`http://e/wiki/download/attachments/${pageId}/wall.png`),
      OUTSIDER,
    );
    expect(dl.status).toBe(404);
  });
});
