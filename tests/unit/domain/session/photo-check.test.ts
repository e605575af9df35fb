/** Magic-byte sniffing and the photo verdict, table-driven: what is accepted and why not. */
import { describe, expect, it } from 'vitest';
import { inEnglish } from '../../../../src/domain/i18n/english';
import {
  MAX_PHOTO_BYTES,
  checkPhoto,
  sniffImageType,
} from '../../../../src/domain/session/photo-check';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );

const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR');
const GIF = bytes('GIF89a', [1, 0, 1, 0]);
const WEBP = bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ');
const SVG = bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe('sniffImageType', () => {
  it.each([
    ['JPEG', JPEG, 'image/jpeg'],
    ['PNG', PNG, 'image/png'],
    ['GIF89a', GIF, 'image/gif'],
    ['GIF87a', bytes('GIF87a', [1, 0]), 'image/gif'],
    ['WebP', WEBP, 'image/webp'],
    ['SVG with script', SVG, null],
    ['text renamed .png', bytes('hello, not a picture'), null],
    ['empty', new Uint8Array(), null],
    ['truncated PNG signature', PNG.subarray(0, 5), null],
    ['RIFF but WAVE', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), null],
    ['HTML', bytes('<!doctype html><img src=x onerror=alert(1)>'), null],
  ])('%s → %s', (_label, input, expected) => {
    expect(sniffImageType(input)).toBe(expected);
  });
});

describe('checkPhoto', () => {
  it.each([
    ['a JPEG declared as JPEG', JPEG, 'image/jpeg', JPEG.length, true, null],
    ['a JPEG declared as image/jpg', JPEG, 'image/jpg', JPEG.length, true, null],
    ['a PNG declared as PNG', PNG, 'image/png', PNG.length, true, null],
    ['an SVG declared as SVG', SVG, 'image/svg+xml', SVG.length, false, /not a JPEG, PNG/],
    ['an SVG declared as PNG', SVG, 'image/png', SVG.length, false, /not a JPEG, PNG/],
    ['text declared as PNG', bytes('plain text'), 'image/png', 10, false, /its content/],
    ['a PNG declared as JPEG', PNG, 'image/jpeg', PNG.length, false, /content is image\/png/],
    ['an oversize JPEG', JPEG, 'image/jpeg', MAX_PHOTO_BYTES + 1, false, /at most 10 MB/],
  ])('%s', (_label, input, declaredType, size, ok, reason) => {
    const verdict = checkPhoto({ fileName: 'wall.png', bytes: input, declaredType, size });
    expect(verdict.ok).toBe(ok);
    if (!verdict.ok && reason) expect(inEnglish(verdict.reason)).toMatch(reason);
    if (!verdict.ok && size > MAX_PHOTO_BYTES) expect(verdict.code).toBe('TOO_LARGE');
  });
});
