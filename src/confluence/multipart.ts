/**
 * A multipart/form-data body built by hand, as bytes: `@forge/api` types request bodies as
 * string | ArrayBuffer | URLSearchParams, so a FormData object is not a portable option.
 */

const encoder = new TextEncoder();

/** Quotes a header parameter value (file names may hold anything; quotes and CR/LF are escaped). */
function quoted(value: string): string {
  return `"${value.replace(/["\\\r\n]/g, (c) => encodeURIComponent(c))}"`;
}

function includes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Text fields plus one file, with a boundary that does not occur in the content. */
export function multipartBody(args: {
  fields: Readonly<Record<string, string>>;
  file: { field: string; fileName: string; mediaType: string; bytes: Uint8Array };
}): { contentType: string; body: ArrayBuffer } {
  let n = 0;
  let boundary = 'JourneyMapsBoundary0';
  while (includes(args.file.bytes, encoder.encode(boundary)))
    boundary = `JourneyMapsBoundary${++n}`;
  const parts: Uint8Array[] = [];
  for (const [name, value] of Object.entries(args.fields)) {
    parts.push(
      encoder.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`,
      ),
    );
  }
  parts.push(
    encoder.encode(
      `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(args.file.field)}; filename=${quoted(args.file.fileName)}\r\nContent-Type: ${args.file.mediaType}\r\n\r\n`,
    ),
    args.file.bytes,
    encoder.encode(`\r\n--${boundary}--\r\n`),
  );
  const total = parts.reduce((s, p) => s + p.length, 0);
  const body = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    body.set(p, at);
    at += p.length;
  }
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: body.buffer };
}
