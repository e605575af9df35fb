/**
 * Which journey-map macros a page body (storage format) still holds. A map's properties stay on
 * the page when someone deletes its macro in the editor, so the space index checks the body.
 */
import { sanitizeLocalId } from '../domain/codec';

/** The macro's module key; Forge writes `<app>/<environment>/static/<moduleKey>` as the extension key. */
const MACRO_KEY = 'journey-map';

const ADF_EXTENSION = /<ac:adf-extension\b[\s\S]*?<\/ac:adf-extension>/g;
const EXTENSION_KEY =
  /<ac:adf-attribute\s+key="extension-key"\s*>\s*([^<]*?)\s*<\/ac:adf-attribute>/g;
const LOCAL_ID =
  /<ac:adf-(?:parameter|attribute)\s+key="local-id"\s*>\s*([^<]*?)\s*<\/ac:adf-(?:parameter|attribute)>/g;
const STRUCTURED = /<ac:structured-macro\b([^>]*)>/g;
const ATTRIBUTE = /([\w:-]+)\s*=\s*"([^"]*)"/g;

/** Text or attribute content of storage XML as it reads: entities and character references decoded. */
export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

function isOurKey(extensionKey: string): boolean {
  const key = unescapeXml(extensionKey).trim();
  return key === MACRO_KEY || key.endsWith(`/static/${MACRO_KEY}`);
}

/**
 * The journey-map macros in a storage body: sanitised localId (as in property keys and the
 * summary) → the raw localId the macro carries. Reads both the `ac:adf-extension` form Forge
 * macros are stored in and hand-written `ac:structured-macro ac:name="journey-map"`.
 */
export function macroLocalIds(storage: string): Map<string, string> {
  const found = new Map<string, string>();
  const add = (raw: string): void => {
    const id = unescapeXml(raw).trim();
    if (id) found.set(sanitizeLocalId(id), id);
  };
  for (const [block] of storage.matchAll(ADF_EXTENSION)) {
    const keys = [...block.matchAll(EXTENSION_KEY)].map((m) => m[1] ?? '');
    if (!keys.some(isOurKey)) continue;
    for (const m of block.matchAll(LOCAL_ID)) add(m[1] ?? '');
  }
  for (const m of storage.matchAll(STRUCTURED)) {
    const attrs = new Map([...(m[1] ?? '').matchAll(ATTRIBUTE)].map((a) => [a[1], a[2] ?? '']));
    if (attrs.get('ac:name') !== MACRO_KEY) continue;
    const id = attrs.get('ac:macro-id');
    if (id) add(id);
  }
  return found;
}
