/**
 * The element builder: the only way write-up code produces markup. Strings passed as children
 * are text and are escaped; attribute values are escaped; element and attribute names must be
 * valid XML names (they come from code). So no user string can close an element, open a macro
 * or inject an attribute, whatever it contains.
 */
import { escapeAttr, escapeText, isXmlName } from './escape';

const TOKEN = Symbol('markup');

/** Markup built by this module (opaque: only `el`, `text`, `fragment` and `raw*` make it). */
export type Markup = { readonly [TOKEN]: string };

/** What may appear as a child: markup, text (escaped), numbers, nothing, or lists of these. */
export type Child = Markup | string | number | null | undefined | false | readonly Child[];

/** Attribute values; `undefined`/`null`/`false` leave the attribute out. */
export type Attrs = Readonly<Record<string, string | number | boolean | null | undefined>>;

function wrap(xml: string): Markup {
  return { [TOKEN]: xml };
}

function isMarkup(child: unknown): child is Markup {
  return typeof child === 'object' && child !== null && TOKEN in child;
}

function appendChild(out: string[], child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (typeof child === 'string') out.push(escapeText(child));
  else if (typeof child === 'number') out.push(escapeText(String(child)));
  else if (isMarkup(child)) out.push(child[TOKEN]);
  else for (const c of child) appendChild(out, c);
}

/** An element: `el('td', {colspan: 2}, 'text', el('strong', {}, 'bold'))`. */
export function el(name: string, attrs: Attrs = {}, ...children: Child[]): Markup {
  if (!isXmlName(name)) throw new Error(`invalid element name: ${name}`);
  const out: string[] = [`<${name}`];
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (!isXmlName(key)) throw new Error(`invalid attribute name: ${key}`);
    out.push(` ${key}="${escapeAttr(value === true ? 'true' : String(value))}"`);
  }
  const inner: string[] = [];
  for (const c of children) appendChild(inner, c);
  if (inner.length === 0) {
    out.push('/>');
  } else {
    out.push('>', ...inner, `</${name}>`);
  }
  return wrap(out.join(''));
}

/** Escaped text as markup. */
export function text(value: string): Markup {
  return wrap(escapeText(value));
}

/** Several children as one piece of markup. */
export function fragment(...children: Child[]): Markup {
  const out: string[] = [];
  for (const c of children) appendChild(out, c);
  return wrap(out.join(''));
}

/** The serialised markup. */
export function serialize(markup: Markup): string {
  return markup[TOKEN];
}
