import { describe, expect, it } from 'vitest';
import type { SessionPhoto } from '../../../../src/domain/model/schema';
import type { UploadResult } from '../../../../static/app/src/bridge/client';
import { MAX_UPLOAD_BYTES } from '../../../../static/app/src/features/session/photo-files';
import type {
  UploadDeps,
  UploadStatus,
} from '../../../../static/app/src/features/session/upload-photos';
import { uploadPhotos } from '../../../../static/app/src/features/session/upload-photos';

function file(name: string, type: string, size = 100): File {
  return new File([new Uint8Array(size)], name, { type });
}

function messageOf(status: UploadStatus | undefined): string {
  return status?.state === 'failed' ? status.message : '';
}

function harness(overrides: Partial<UploadDeps> = {}) {
  const log: string[] = [];
  const added: SessionPhoto[] = [];
  const statuses = new Map<string, UploadStatus[]>();
  const uploaded: File[] = [];
  let n = 0;
  const deps: UploadDeps = {
    resize: (f) => {
      log.push(`resize ${f.name}`);
      return Promise.resolve({
        blob: new Blob([new Uint8Array(50)], { type: 'image/jpeg' }),
        width: 10,
        height: 5,
      });
    },
    upload: (f): Promise<UploadResult> => {
      log.push(`upload ${f.name}`);
      uploaded.push(f);
      return Promise.resolve({
        ok: true,
        attachment: { attachmentId: `att${++n}`, fileName: f.name },
      });
    },
    newId: () => `id${n}`,
    takenNames: () => ['session-20261123-wall-id0.jpg'],
    date: () => '2026-11-23',
    added: (p) => {
      added.push(p);
      return Promise.resolve({ ok: true as const });
    },
    progress: (key, s) => statuses.set(key, [...(statuses.get(key) ?? []), s]),
    ...overrides,
  };
  return { deps, log, added, statuses, uploaded };
}

describe('uploadPhotos', () => {
  it('resizes, uploads as JPEG under a unique safe name and records each photo in order', async () => {
    const h = harness();
    const count = await uploadPhotos(
      [
        { key: 'a', file: file('wall.png', 'image/png') },
        { key: 'b', file: file('Wall.PNG', 'image/png') },
      ],
      h.deps,
    );
    expect(count).toBe(2);
    expect(h.log).toEqual([
      'resize wall.png',
      'upload session-20261123-wall-id0-2.jpg',
      'resize Wall.PNG',
      'upload session-20261123-wall-id1.jpg',
    ]);
    expect(h.uploaded.every((f) => f.type === 'image/jpeg' && f.size === 50)).toBe(true);
    expect(h.added).toEqual([
      {
        attachmentId: 'att1',
        fileName: 'session-20261123-wall-id0-2.jpg',
        caption: '',
        stepId: null,
      },
      {
        attachmentId: 'att2',
        fileName: 'session-20261123-wall-id1.jpg',
        caption: '',
        stepId: null,
      },
    ]);
    expect(h.statuses.get('a')?.map((s) => s.state)).toEqual(['resizing', 'uploading', 'done']);
  });

  it('refuses non-images before any work and carries on with the rest', async () => {
    const h = harness();
    const count = await uploadPhotos(
      [
        { key: 'txt', file: file('notes.txt', 'text/plain') },
        { key: 'ok', file: file('wall.jpg', 'image/jpeg') },
      ],
      h.deps,
    );
    expect(count).toBe(1);
    expect(h.log).toEqual(['resize wall.jpg', 'upload session-20261123-wall-id0-2.jpg']);
    const txt = h.statuses.get('txt') ?? [];
    expect(txt.map((s) => s.state)).toEqual(['failed']);
    expect(messageOf(txt[0])).toContain('notes.txt is not an image');
  });

  it('refuses a photo still too large after resizing, without uploading it', async () => {
    const h = harness({
      resize: () =>
        Promise.resolve({
          blob: new Blob([new Uint8Array(MAX_UPLOAD_BYTES + 1)]),
          width: 2000,
          height: 2000,
        }),
    });
    expect(await uploadPhotos([{ key: 'a', file: file('huge.png', 'image/png') }], h.deps)).toBe(0);
    expect(h.uploaded).toHaveLength(0);
    expect(messageOf(h.statuses.get('a')?.at(-1))).toContain(
      'huge.png is still 5 MB after resizing',
    );
  });

  it('reports a refused upload or an undecodable image and records nothing for it', async () => {
    const h = harness({
      upload: () =>
        Promise.resolve({ ok: false, status: 403, message: 'You cannot add attachments.' }),
    });
    expect(await uploadPhotos([{ key: 'a', file: file('a.png', 'image/png') }], h.deps)).toBe(0);
    expect(h.added).toEqual([]);
    expect(h.statuses.get('a')?.at(-1)).toEqual({
      state: 'failed',
      message: 'a.png: You cannot add attachments.',
    });

    const broken = harness({
      resize: () =>
        Promise.reject(new Error('could not be read as an image (the file may be damaged).')),
    });
    await uploadPhotos([{ key: 'b', file: file('b.png', 'image/png') }], broken.deps);
    expect(broken.statuses.get('b')?.at(-1)).toEqual({
      state: 'failed',
      message: 'b.png could not be read as an image (the file may be damaged).',
    });
  });
});
