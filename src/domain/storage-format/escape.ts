/**
 * THE escaping module for Confluence storage format (XHTML). Every piece of user text that
 * reaches a write-up goes through here, via the element builder in `markup.ts`: nothing else
 * concatenates markup. Rules: characters XML 1.0 forbids (and C1 controls, which Confluence
 * rejects) are removed; `& < >` are escaped in text (escaping every `>` also neutralises `]]>`);
 * attributes additionally escape quotes and whitespace controls so they survive normalisation.
 */

// XML 1.0 Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// Also removed: DEL and C1 controls (allowed by XML, refused by Confluence's sanitiser), and lone
// surrogates (not characters at all).
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes every character XML 1.0 forbids, C1 controls and lone surrogates. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(FORBIDDEN, '');
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

const ATTR_ESCAPES: Readonly<Record<string, string>> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  "'": '&#39;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes text content of an element. */
export function escapeText(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/** Escapes an attribute value (to be written inside double quotes). */
export function escapeAttr(value: string): string {
  return stripInvalidXmlChars(value).replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ESCAPES[c] ?? c);
}

/** A CDATA section whose content cannot end it early: `]]>` is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${stripInvalidXmlChars(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** Element and attribute names the builder accepts (letters, digits, `-`, `_`, `.`, one `:`). */
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?$/;

/** Whether `name` is a valid (optionally prefixed) XML name; names come from code, never users. */
export function isXmlName(name: string): boolean {
  return NAME.test(name);
}
