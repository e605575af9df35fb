/**
 * The attachment upload body: FormData encoded by the platform (`new Response(form)`), sent as
 * bytes. Read back with the same standard's parser, fields and file arrive intact (a hostile file
 * name comes back exactly, adding no header or part); bytes that look like a boundary end nothing.
 */
import { describe, expect, it } from 'vitest';
import { multipartBody } from '../../../src/confluence/multipart';

async function parse(args: { contentType: string; body: ArrayBuffer }): Promise<FormData> {
  return new Response(args.body, { headers: { 'content-type': args.contentType } }).formData();
}

const encoder = new TextEncoder();

describe('multipartBody', () => {
  it.each([
    { name: 'plain', fileName: 'chart.png', bytes: encoder.encode('PNG…') },
    {
      name: 'hostile name',
      fileName: 'a"b\r\nContent-Disposition: form-data; name="minorEdit"\r\n\r\nfalse.png',
      bytes: new Uint8Array([0, 1, 2, 255]),
    },
    {
      name: 'bytes with a boundary-like line',
      fileName: 'x.png',
      bytes: encoder.encode('\r\n------formdata-undici-0\r\n--JourneyMapsBoundary0--\r\n'),
    },
  ])('$name: fields and file round-trip', async ({ fileName, bytes }) => {
    const encoded = await multipartBody({
      fields: { comment: 'Sentiment curve', minorEdit: 'true' },
      file: { field: 'file', fileName, mediaType: 'image/png', bytes },
    });
    expect(encoded.contentType).toMatch(/^multipart\/form-data; boundary=/);
    const form = await parse(encoded);
    expect([...form.keys()]).toEqual(['comment', 'minorEdit', 'file']);
    expect(form.get('comment')).toBe('Sentiment curve');
    expect(form.get('minorEdit')).toBe('true');
    const file = form.get('file');
    expect(file).toBeInstanceOf(File);
    if (!(file instanceof File)) return;
    expect(file.type).toBe('image/png');
    expect(file.name).toBe(fileName);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
  });
});
