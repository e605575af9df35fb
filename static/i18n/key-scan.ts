/**
 * Finds the catalogue keys code names (decisions 0035, 0055): the i18n guardrail checks with it
 * that every key exists and is used, and the manifest-catalogue generator picks the backend's.
 */

/** Keys named in code: exact keys, and patterns for keys built from a template literal. */
export type KeyUses = { literal: Set<string>; patterns: RegExp[] };

/** Plural forms `translatorFrom` appends (`<key>.one` / `<key>.other`). */
export const PLURAL_SUFFIX = /\.(zero|one|two|few|many|other)$/;

const escape = (s: string): string => s.replace(/[.*+?^()|[\]\\]/g, '\\$&');

/** A template literal's body (`ns.${x}.b`) as a pattern over keys, plural forms included. */
function templatePattern(body: string): RegExp {
  const parts = body.split(/\$\{[^}]*\}/);
  return new RegExp(
    `^${parts.map(escape).join('[A-Za-z0-9_-]+')}(?:\\.(?:zero|one|two|few|many|other))?$`,
  );
}

/**
 * Keys that are the first argument of a translate call: `t('ns.key')` or `` t(`ns.${x}.key`) ``
 * (`translateNow` is the same function for UI code outside React; `msg` names a message the
 * resolver door or a screen translates later, decision 0047).
 */
export function keysInCalls(texts: readonly string[], namespaces: readonly string[]): KeyUses {
  const literal = new Set<string>();
  const patterns: RegExp[] = [];
  const ns = namespaces.join('|');
  const call = String.raw`\b(?:t|translateNow|msg)\(\s*`;
  const quoted = new RegExp(String.raw`${call}['"]((?:${ns})\.[A-Za-z0-9_.-]+)['"]`, 'g');
  const template = new RegExp(String.raw`${call}\`((?:${ns})\.[^\`]*\$\{[^\`]*)\``, 'g');
  for (const text of texts) {
    for (const m of text.matchAll(quoted)) if (m[1]) literal.add(m[1]);
    for (const m of text.matchAll(template)) patterns.push(templatePattern(m[1] ?? ''));
  }
  return { literal, patterns };
}

/**
 * Every key code could name, wherever it is written: the calls above, any quoted string that is
 * a catalogue key (key tables such as `{ label: 'ns.key' }`), and any template literal starting
 * `ns.sub.` (built keys; a one-segment start such as `session.${field}` is a path, not a key).
 * Wider than `keysInCalls` on purpose: a key the backend might need must not be left out.
 */
export function keysMentioned(texts: readonly string[], keys: readonly string[]): Set<string> {
  const all = new Set(keys);
  const namespaces = [...new Set(keys.map((k) => k.split('.')[0] ?? ''))];
  const { literal, patterns } = keysInCalls(texts, namespaces);
  const ns = namespaces.map(escape).join('|');
  const template = new RegExp(String.raw`\`((?:${ns})\.[A-Za-z0-9_-]+\.[^\`]*\$\{[^\`]*)\``, 'g');
  for (const text of texts) {
    for (const m of text.matchAll(/['"]([A-Za-z][A-Za-z0-9_.-]*\.[A-Za-z0-9_.-]+)['"]/g))
      if (m[1]) literal.add(m[1]);
    for (const m of text.matchAll(template)) patterns.push(templatePattern(m[1] ?? ''));
  }
  const out = new Set<string>();
  for (const key of all) {
    const named = literal.has(key) || literal.has(key.replace(PLURAL_SUFFIX, ''));
    if (named || patterns.some((p) => p.test(key))) out.add(key);
  }
  return out;
}

/** The `{i18n: key}` keys of manifest.yml's modules (the titles Forge translates). */
export function manifestI18nKeys(modules: unknown): string[] {
  const keys: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.i18n === 'string') keys.push(o.i18n);
      Object.values(o).forEach(walk);
    }
  };
  walk(modules);
  return keys;
}
