import { describe, expect, it } from 'vitest';
import {
  MAX_INPUT_BYTES,
  checkPhotoFile,
  fitWithin,
  formatBytes,
  photoFileName,
} from '../../../../static/app/src/features/session/photo-files';

function messageOf(r: ReturnType<typeof checkPhotoFile>): string {
  return r.ok ? '' : r.message;
}

describe('checkPhotoFile', () => {
  it('accepts the image types the browser can resize', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp', 'image/gif']) {
      expect(checkPhotoFile({ name: 'a', type, size: 1000 })).toEqual({ ok: true });
    }
  });

  it('refuses non-images with a message naming the file', () => {
    const r = checkPhotoFile({ name: 'notes.txt', type: 'text/plain', size: 10 });
    expect(messageOf(r)).toContain('notes.txt is not an image');
    expect(checkPhotoFile({ name: 'x', type: '', size: 10 }).ok).toBe(false);
  });

  it('refuses images it cannot resize (HEIC, SVG) and says what to do', () => {
    const heic = checkPhotoFile({ name: 'IMG_1.heic', type: 'image/heic', size: 10 });
    expect(messageOf(heic)).toContain('Save it as JPEG or PNG');
    expect(checkPhotoFile({ name: 'a.svg', type: 'image/svg+xml', size: 10 }).ok).toBe(false);
  });

  it('refuses oversized and empty files', () => {
    const big = checkPhotoFile({ name: 'big.jpg', type: 'image/jpeg', size: MAX_INPUT_BYTES + 1 });
    expect(messageOf(big)).toMatch(/big\.jpg is 30 MB; .*at most 30 MB/);
    expect(checkPhotoFile({ name: 'e.png', type: 'image/png', size: 0 }).ok).toBe(false);
    expect(checkPhotoFile({ name: 'ok.jpg', type: 'image/jpeg', size: MAX_INPUT_BYTES }).ok).toBe(
      true,
    );
  });
});

describe('fitWithin', () => {
  it('scales the long side down to the limit, keeping the aspect ratio', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 2000, height: 1500 });
    expect(fitWithin(1300, 2600)).toEqual({ width: 1000, height: 2000 });
    expect(fitWithin(2001, 1)).toEqual({ width: 2000, height: 1 });
  });

  it('never enlarges', () => {
    expect(fitWithin(2000, 1000)).toEqual({ width: 2000, height: 1000 });
    expect(fitWithin(640, 480)).toEqual({ width: 640, height: 480 });
  });
});

describe('photoFileName', () => {
  const name = (original: string, taken: string[] = []) =>
    photoFileName({ original, date: '2026-11-23', id: 'AB-12', taken });

  it('builds session-<date>-<slug>-<id>.jpg', () => {
    expect(name('Wall – left side.PNG')).toBe('session-20261123-wall-left-side-ab12.jpg');
  });

  it('keeps only safe characters whatever the original name', () => {
    for (const hostile of [
      '../../etc/passwd',
      '<script>alert(1)</script>.png',
      'a"b\'c;d&e.jpg',
      'ملصقات الحائط.jpg',
      '🧩🧩.png',
      'Ça été.jpeg',
      '',
      '.png',
      `${'x'.repeat(300)}.png`,
    ]) {
      const n = name(hostile);
      expect(n).toMatch(/^session-20261123-[a-z0-9]+(-[a-z0-9]+)*-ab12\.jpg$/);
      expect(n.length).toBeLessThanOrEqual(80);
    }
    expect(name('Ça été.jpeg')).toBe('session-20261123-ca-ete-ab12.jpg');
    expect(name('🧩.png')).toBe('session-20261123-photo-ab12.jpg');
  });

  it('never reuses a taken name (case-insensitively)', () => {
    const first = name('wall.png');
    expect(name('wall.png', [first.toUpperCase()])).toBe('session-20261123-wall-ab12-2.jpg');
    expect(name('wall.png', [first, 'session-20261123-wall-ab12-2.jpg'])).toBe(
      'session-20261123-wall-ab12-3.jpg',
    );
  });

  it('says undated when the date is not a calendar date', () => {
    expect(photoFileName({ original: 'a.png', date: 'soon', id: '1', taken: [] })).toBe(
      'session-undated-a-1.jpg',
    );
  });
});

describe('formatBytes', () => {
  it('reads naturally', () => {
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatBytes(820 * 1024)).toBe('820 KB');
    expect(formatBytes(10)).toBe('1 KB');
  });
});
