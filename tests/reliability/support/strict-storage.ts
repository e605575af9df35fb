/**
 * A strict parser of Confluence storage format (XHTML + ac:/ri: elements): well-formed or it
 * throws; returns every element with its attributes and every piece of text (text nodes and
 * CDATA, entities decoded) so tests can compare a rendering's vocabulary with a baseline's.
 */
import { hasXmlForbiddenChar } from './control-chars';

/** One element: name and attributes (values decoded). */
export type StorageElement = { name: string; attrs: Record<string, string> };

/** What a storage document is made of. */
export type ParsedStorage = {
  elements: StorageElement[];
  texts: string[];
  cdata: string[];
  comments: number;
  processingInstructions: number;
};

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  middot: '·',
  times: '×',
  rarr: '→',
  larr: '←',
  bull: '•',
};

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;

function decode(raw: string, where: string): string {
  if (hasXmlForbiddenChar(raw)) throw new Error(`character not allowed in XML at ${where}`);
  return raw.replace(/&([^;&\s]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) throw new Error(`bare & at ${where}: ${raw.slice(0, 80)}`);
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const named = NAMED[body];
    if (named === undefined) throw new Error(`unknown entity &${body}; at ${where}`);
    return named;
  });
}

/** Parses `storage`; throws with a reason when it is not well-formed. */
export function parseStorage(storage: string): ParsedStorage {
  const out: ParsedStorage = {
    elements: [],
    texts: [],
    cdata: [],
    comments: 0,
    processingInstructions: 0,
  };
  const stack: string[] = [];
  let at = 0;
  while (at < storage.length) {
    const lt = storage.indexOf('<', at);
    const textEnd = lt < 0 ? storage.length : lt;
    if (textEnd > at) {
      const raw = storage.slice(at, textEnd);
      if (raw.includes(']]>')) throw new Error(`]]> in text at ${at}`);
      out.texts.push(decode(raw, `text@${at}`));
    }
    if (lt < 0) break;
    if (storage.startsWith('<![CDATA[', lt)) {
      const end = storage.indexOf(']]>', lt);
      if (end < 0) throw new Error(`unterminated CDATA at ${lt}`);
      out.cdata.push(storage.slice(lt + 9, end));
      at = end + 3;
      continue;
    }
    if (storage.startsWith('<!--', lt)) {
      const end = storage.indexOf('-->', lt);
      if (end < 0) throw new Error(`unterminated comment at ${lt}`);
      out.comments += 1;
      at = end + 3;
      continue;
    }
    if (storage.startsWith('<?', lt)) {
      out.processingInstructions += 1;
      const end = storage.indexOf('?>', lt);
      if (end < 0) throw new Error(`unterminated processing instruction at ${lt}`);
      at = end + 2;
      continue;
    }
    const gt = findTagEnd(storage, lt);
    const inner = storage.slice(lt + 1, gt);
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim();
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${String(open)}> at ${lt}`);
    } else {
      const selfClosing = inner.endsWith('/');
      const body = selfClosing ? inner.slice(0, -1) : inner;
      const m = /^([^\s/>]+)([\s\S]*)$/.exec(body);
      const name = m?.[1] ?? '';
      if (!NAME.test(name)) throw new Error(`bad element name "${name}" at ${lt}`);
      const attrs = parseAttrs(m?.[2] ?? '', lt);
      out.elements.push({ name, attrs });
      if (!selfClosing) stack.push(name);
    }
    at = gt + 1;
  }
  if (stack.length) throw new Error(`unclosed elements: ${stack.join(' > ')}`);
  return out;
}

function findTagEnd(s: string, from: number): number {
  let quote: string | null = null;
  for (let i = from + 1; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '<') throw new Error(`< inside a tag at ${i}`);
    else if (c === '>') return i;
  }
  throw new Error(`unterminated tag at ${from}`);
}

function parseAttrs(src: string, where: number): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /\s+([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/gy;
  let consumed = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const name = m[1] ?? '';
    if (!NAME.test(name)) throw new Error(`bad attribute name "${name}" at ${where}`);
    if (name in attrs) throw new Error(`duplicate attribute ${name} at ${where}`);
    const raw = m[3] ?? m[4] ?? '';
    if (raw.includes('<')) throw new Error(`< in attribute ${name} at ${where}`);
    attrs[name] = decode(raw, `attr ${name}@${where}`);
    consumed = re.lastIndex;
  }
  if (src.slice(consumed).trim() !== '')
    throw new Error(`junk in tag at ${where}: ${src.slice(consumed, consumed + 60)}`);
  return attrs;
}

/** The vocabulary of a parsed document: element names and `element@attribute` pairs. */
export function vocabulary(doc: ParsedStorage): Set<string> {
  const v = new Set<string>();
  for (const e of doc.elements) {
    v.add(e.name);
    for (const a of Object.keys(e.attrs)) v.add(`${e.name}@${a}`);
  }
  return v;
}

/** Names of the macros (`ac:structured-macro ac:name`), sorted. */
export function macroNames(doc: ParsedStorage): string[] {
  return doc.elements
    .filter((e) => e.name === 'ac:structured-macro')
    .map((e) => e.attrs['ac:name'] ?? '?')
    .sort();
}
