/** The PNG encoder, the chart's text alternative and highs/lows, and the write-up title. */
import { englishT } from '../../../support/i18n';
import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng } from '../../../../src/domain/write-up/png';
import { renderSentimentChart } from '../../../../src/domain/write-up/sentiment-chart';
import { writeUpTitle } from '../../../../src/domain/write-up/write-up-title';
import { workedExampleSession } from './fixtures';

function chunks(png: Uint8Array): { type: string; data: Uint8Array; crcOk: boolean }[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: { type: string; data: Uint8Array; crcOk: boolean }[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    const crcOk = view.getUint32(at + 8 + length) === crc32(png, at + 4, at + 8 + length);
    out.push({ type, data, crcOk });
    at += 12 + length;
  }
  return out;
}

/** Reverses filter "Up" to get the pixels back. */
function decodeRgb(png: Uint8Array): { width: number; height: number; rgb: Uint8Array } {
  const parts = chunks(png);
  const ihdr = parts[0]?.data ?? new Uint8Array();
  const hv = new DataView(ihdr.buffer, ihdr.byteOffset, ihdr.byteLength);
  const width = hv.getUint32(0);
  const height = hv.getUint32(4);
  const raw = unzlibSync(parts.find((p) => p.type === 'IDAT')?.data ?? new Uint8Array());
  const stride = width * 3;
  const rgb = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(2);
    for (let i = 0; i < stride; i++) {
      const above = y === 0 ? 0 : (rgb[(y - 1) * stride + i] ?? 0);
      rgb[y * stride + i] = ((raw[y * (stride + 1) + 1 + i] ?? 0) + above) & 0xff;
    }
  }
  return { width, height, rgb };
}

describe('encodePng', () => {
  it('writes a valid PNG (signature, IHDR, IDAT, IEND, CRCs) that decodes to the pixels', () => {
    const rgb = new Uint8Array(4 * 3 * 3).map((_, i) => (i * 37) % 256);
    const png = encodePng({ width: 4, height: 3, rgb });
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const parts = chunks(png);
    expect(parts.map((p) => p.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(parts.every((p) => p.crcOk)).toBe(true);
    expect([...(parts[0]?.data.subarray(8) ?? [])]).toEqual([8, 2, 0, 0, 0]);
    expect(decodeRgb(png)).toEqual({ width: 4, height: 3, rgb });
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('refuses a pixel buffer of the wrong size', () => {
    expect(() => encodePng({ width: 2, height: 2, rgb: new Uint8Array(5) })).toThrow();
  });
});

describe('renderSentimentChart', () => {
  it('draws the curve: red below the line for troughs, green above for peaks', () => {
    const chart = renderSentimentChart(workedExampleSession(), englishT);
    const { width, height, rgb } = decodeRgb(chart.png ?? new Uint8Array());
    expect([width, height]).toEqual([chart.width, chart.height]);
    const colours = new Set<string>();
    for (let i = 0; i < rgb.length; i += 3) colours.add(`${rgb[i]},${rgb[i + 1]},${rgb[i + 2]}`);
    expect(colours.has('201,55,44')).toBe(true); // a negative point
    expect(colours.has('34,160,107')).toBe(true); // a positive point
    expect(colours.has('12,102,228')).toBe(true); // the line
  });

  it('describes the curve in words and lists the play’s highs and lows', () => {
    const chart = renderSentimentChart(workedExampleSession(), englishT);
    expect(chart.alt).toMatch(/^Sentiment curve over 11 steps on a scale from −2 to \+2\./);
    expect(chart.alt).toContain('Lowest −2 at “Invites her team” (Set up).');
    const kinds = new Set(chart.highlights.map((h) => h.kind));
    expect(kinds).toEqual(new Set(['peak', 'trough', 'rapidDrop', 'sawtooth']));
  });

  it('draws nothing when no step is charted', () => {
    const map = workedExampleSession();
    map.steps = map.steps.map((s) => ({ ...s, sentiment: null }));
    const chart = renderSentimentChart(map, englishT);
    expect(chart.png).toBeNull();
    expect(chart.alt).toBe('The sentiment line has not been charted yet.');
    expect(chart.highlights).toEqual([]);
  });
});

describe('writeUpTitle', () => {
  it('is "<map title> — session write-up <date>", numbered when taken', () => {
    expect(writeUpTitle({ mapTitle: ' Alana  evaluates\n', date: '2026-11-20', t: englishT })).toBe(
      'Alana evaluates — session write-up 2026-11-20',
    );
    expect(writeUpTitle({ mapTitle: 'A', date: '2026-11-20', attempt: 3, t: englishT })).toBe(
      'A — session write-up 2026-11-20 (3)',
    );
    expect(writeUpTitle({ mapTitle: '\u0000', date: '2026-11-20', t: englishT })).toBe(
      'Journey map — session write-up 2026-11-20',
    );
  });

  it('stays within 255 characters without splitting a surrogate pair', () => {
    const title = writeUpTitle({
      mapTitle: '😀'.repeat(200),
      date: '2026-11-20',
      attempt: 2,
      t: englishT,
    });
    expect(title.length).toBeLessThanOrEqual(255);
    expect(title).toMatch(/^(😀)+ — session write-up 2026-11-20 \(2\)$/u);
  });
});
