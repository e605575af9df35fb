/**
 * A multipart/form-data body as bytes. The platform's own encoder writes it (`FormData` through
 * `new Response(form)`: boundary, quoting and escaping as browsers do), and the bytes are sent,
 * because `@forge/api` types request bodies as string | ArrayBuffer | URLSearchParams, not
 * FormData (docs/decisions/0024).
 */

/** Text fields plus one file, encoded as the fetch standard encodes a FormData. */
export async function multipartBody(args: {
  fields: Readonly<Record<string, string>>;
  file: { field: string; fileName: string; mediaType: string; bytes: Uint8Array };
}): Promise<{ contentType: string; body: ArrayBuffer }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(args.fields)) form.append(name, value);
  // A copy typed as backed by an ArrayBuffer (a Blob part may not be a SharedArrayBuffer view).
  const file = new Blob([Uint8Array.from(args.file.bytes)], { type: args.file.mediaType });
  form.append(args.file.field, file, args.file.fileName);
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type');
  if (!contentType) throw new Error('FormData was encoded without its multipart content type.');
  return { contentType, body: await encoded.arrayBuffer() };
}
