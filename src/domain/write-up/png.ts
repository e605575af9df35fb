/**
 * A minimal PNG encoder (8-bit RGB, no interlace, filter "Up" on every row) so the write-up's chart
 * is a real image Confluence shows everywhere (page view, export, mobile) without SVG support.
 * Deterministic: the same pixels always give the same bytes.
 */
import { zlibSync } from 'fflate';

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const CRC_TABLE = ((): Uint32Array => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309) as PNG chunks use it. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** Encodes `width × height` RGB pixels (row-major, 3 bytes each) as a PNG file. */
export function encodePng(args: { width: number; height: number; rgb: Uint8Array }): Uint8Array {
  const { width, height, rgb } = args;
  if (rgb.length !== width * height * 3) throw new Error('pixel buffer has the wrong size');
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  // compression, filter and interlace methods stay 0
  const stride = width * 3;
  const raw = new Uint8Array((stride + 1) * height);
  // Filter "Up" (the byte minus the one above): a chart's rows are mostly alike, so most bytes
  // become 0 and deflate runs several times faster than on the raw pixels.
  for (let y = 0; y < height; y++) {
    const out = y * (stride + 1);
    raw[out] = 2;
    const row = y * stride;
    for (let i = 0; i < stride; i++) {
      const above = y === 0 ? 0 : (rgb[row - stride + i] ?? 0);
      raw[out + 1 + i] = ((rgb[row + i] ?? 0) - above) & 0xff;
    }
  }
  const parts = [
    new Uint8Array(SIGNATURE),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: 6 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
