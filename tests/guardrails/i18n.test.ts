/**
 * Two languages (decision 0035): both catalogues hold the same keys with the same placeholders,
 * every key the code uses exists and every key is used, the manifest's i18n keys exist, and no
 * user-visible literal is left in the UI outside the catalogues.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_LOCALES } from '../../src/domain/i18n';
import { catalogue } from '../support/i18n';
import { listFiles, readRepoFile } from '../support/repo-files';
import { findCodeLiterals, findUiLiterals } from '../support/ui-literals';
import type { KeyUses } from '../../static/i18n/key-scan';
import { PLURAL_SUFFIX, keysInCalls, manifestI18nKeys } from '../../static/i18n/key-scan';

/**
 * UI files not converted yet: each still shows English literals. The lead's sweep removes a
 * file from here once its strings are keys; the test fails when a listed file is already clean,
 * so the list only shrinks. A file that is not listed may hold no literal at all.
 */
const NOT_YET_TRANSLATED: readonly string[] = [];

/**
 * Literals in UI `.ts`/`.tsx` code (outside JSX) that read as words but are never shown to a
 * person, or are the same in every language, with why. Anything else is a catalogue key.
 */
const NOT_SHOWN: Readonly<Record<string, readonly string[]>> = {
  // The theme artifacts' `data-theme` value and a media query.
  'static/app/src/theme.ts': [
    'dark:dark light:light shape:shape spacing:spacing typography:typography',
    '(prefers-color-scheme: dark)',
  ],
  // Developer errors: a hook used outside its provider (a bug, never a state a person meets).
  'static/app/src/features/editor/ui-state.ts': ['useUi outside <UiContext>'],
  'static/app/src/features/editor/grid/scribe-state.ts': ['useScribe outside <ScribeContext>'],
  // A CSS selector.
  'static/app/src/features/editor/grid/use-zoom-pan.ts': [
    '[data-card-id], button, input, textarea, select, a, [contenteditable="true"]',
  ],
  // Confluence's colour name in storage format; the tests' text form of a preview image
  // (`previewText`, never drawn: the preview shows the image's alt text or file name).
  'static/app/src/features/session/storage-preview.ts': ['Grey', '[image:'],
  // Byte units, written the same in Chinese (Confluence's own zh-CN UI shows "1.4 MB").
  'static/app/src/features/session/photo-files.ts': ['MB', 'KB'],
  // A failed catalogue fetch (the bridge's own words): loadI18n catches it and loads English.
  'static/app/src/bridge/i18n.ts': ['Failed to get translation resource for locale:'],
  // A CQL query.
  'static/app/src/bridge/confluence.ts': ['type=user AND user.fullname~"'],
  'static/app/src/features/editor/editor-context.tsx': ['useServices outside <EditorContext>'],
  // CSS classes.
  'static/app/src/features/editor/grid/decision-track-view.tsx': ['track-line t'],
  // Shown, but the same in every language (key names and file formats, as Confluence writes
  // them in its own Chinese UI): decision 0047.
  'static/app/src/features/editor/focus-mode.tsx': ['Alt+Shift+F'],
  'static/app/src/features/editor/history-buttons.tsx': [
    'Ctrl',
    // aria-keyshortcuts values: key names the WAI-ARIA spec defines, never translated.
    'Control+Z Meta+Z',
    'Shift+Control+Z Shift+Meta+Z',
  ],
  // KeyboardEvent.key names the header's Alt+arrow moves answer (compared, not shown).
  'static/app/src/features/editor/grid/headers.tsx': [
    'ArrowLeft',
    'ArrowRight',
    'ArrowUp',
    'ArrowDown',
  ],
  'static/app/src/features/exchange/export-options.tsx': ['JSON', 'CSV', 'SVG', 'PNG'],
};

const EN = catalogue('en-US');
const CODE_DIRS = ['src', 'static/app/src'];
const codeFiles = CODE_DIRS.flatMap((d) => listFiles(d, /\.tsx?$/)).filter(
  (f) => !f.endsWith('.d.ts'),
);
const namespaces = [...new Set(Object.keys(EN).map((k) => k.split('.')[0] ?? ''))];

/** Keys in code: `t('ns.a.b')` and `` t(`ns.${x}.b`) `` (the latter as a pattern). */
const keysInCode = (): KeyUses => keysInCalls(codeFiles.map(readRepoFile), namespaces);

const manifestKeys = (): string[] =>
  manifestI18nKeys((parse(readRepoFile('manifest.yml')) as { modules?: unknown }).modules);

type SchemaNode = {
  properties?: Record<string, unknown>;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
};

/** Per module type, the fields @forge/manifest's schema lets be `{i18n: key}` (`<field>__i18n`). */
function translatableFields(): Map<string, Set<string>> {
  // The package exports no schema path: find its folder through its main entry.
  const main = createRequire(import.meta.url).resolve('@forge/manifest');
  const file = join(main.slice(0, main.lastIndexOf('/out/')), 'out/schema/manifest-schema.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as {
    definitions: { ModuleSchema: { properties: Record<string, { items?: SchemaNode }> } };
  };
  const out = new Map<string, Set<string>>();
  for (const [type, def] of Object.entries(schema.definitions.ModuleSchema.properties)) {
    const fields = new Set<string>();
    const walk = (n: SchemaNode | undefined): void => {
      if (!n) return;
      for (const k of Object.keys(n.properties ?? {}))
        if (k.endsWith('__i18n')) fields.add(k.slice(0, -'__i18n'.length));
      [...(n.oneOf ?? []), ...(n.anyOf ?? [])].forEach(walk);
    };
    walk(def.items);
    out.set(type, fields);
  }
  return out;
}

/**
 * Module types whose shown texts the schema does not let be translated (@forge/manifest
 * 13.7.0): Rovo's agent and actions (names, descriptions, starters, input titles) stay English.
 */
const UNTRANSLATABLE_MODULES = ['rovo:agent', 'action'];

const placeholders = (s: string): string[] =>
  [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('two languages: the catalogues', () => {
  it('every locale has exactly the keys of en-US, each a non-empty string with the same placeholders', () => {
    for (const locale of APP_LOCALES) {
      const cat = catalogue(locale);
      expect(Object.keys(cat).sort(), locale).toEqual(Object.keys(EN).sort());
      for (const [key, value] of Object.entries(cat)) {
        // Forge treats '' as missing and would show English.
        expect(typeof value === 'string' && value.length > 0, `${locale} ${key}`).toBe(true);
        expect(placeholders(value), `${locale} ${key}`).toEqual(placeholders(EN[key] ?? ''));
      }
    }
  });

  it('every i18n key of manifest.yml exists in every catalogue', () => {
    const keys = manifestKeys();
    expect(keys.length).toBeGreaterThan(0);
    for (const locale of APP_LOCALES) {
      for (const key of keys)
        expect(catalogue(locale)[key], `${locale} ${key}`).toBeTypeOf('string');
    }
  });

  it('every manifest text Forge can translate is an {i18n} key (module titles, tooltips, …)', () => {
    const fields = translatableFields();
    const modules = (parse(readRepoFile('manifest.yml')) as { modules: Record<string, unknown[]> })
      .modules;
    const plain: string[] = [];
    for (const [type, items] of Object.entries(modules)) {
      for (const item of items as Record<string, unknown>[]) {
        for (const field of fields.get(type) ?? []) {
          const v = item[field];
          if (v !== undefined && !(v && typeof v === 'object' && 'i18n' in v))
            plain.push(`${type} ${String(item.key)} ${field}`);
        }
      }
    }
    expect(plain, 'manifest texts written as plain strings').toEqual([]);
    // The check can fail: the byline's title is translatable.
    expect(fields.get('confluence:contentBylineItem')).toContain('title');
    // Rovo modules accept no i18n: if a new @forge/manifest allows it, translate them.
    for (const type of UNTRANSLATABLE_MODULES) expect(fields.get(type), type).toEqual(new Set());
  });

  it('every key the code uses exists, and every catalogue key is used', () => {
    const { literal, patterns } = keysInCode();
    const keys = Object.keys(EN);
    const exists = (k: string): boolean => k in EN || `${k}.other` in EN;
    const missing = [...literal].filter((k) => !exists(k));
    expect(missing, 'keys used in code but missing from locales/en-US.json').toEqual([]);
    for (const p of patterns) {
      expect(
        keys.some((k) => p.test(k)),
        `no catalogue key matches ${p.source}`,
      ).toBe(true);
    }
    const manifest = new Set(manifestKeys());
    const unused = keys.filter(
      (k) =>
        !literal.has(k) &&
        !literal.has(k.replace(PLURAL_SUFFIX, '')) &&
        !manifest.has(k) &&
        !patterns.some((p) => p.test(k)),
    );
    expect(unused, 'catalogue keys no code uses').toEqual([]);
  });
});

describe('two languages: no user-visible literal in the UI', () => {
  it('finds words built in UI .ts files and leaves keys, comparisons and selectors alone', () => {
    const found = findCodeLiterals(
      'x.ts',
      `if (e.key === 'Escape') say('Move cancelled.');
       switch (k) { case 'Arrow Up': break; }
       const m = \`Card moved to \${lane}.\`;
       announce(t('a.b')); el.querySelector('div span'); console.warn('Not shown here');
       const o = { 'Some key': 1, label: 'Move card' };`,
    );
    expect(found.map((f) => f.text)).toEqual(['Move cancelled.', 'Card moved to', 'Move card']);
  });

  it('the code scan catches table labels and announcements in .tsx, not JSX attributes', () => {
    const src = [
      "const F = [{ id: 'csv', label: 'csv', hint: 'One row per card.' }];",
      'const A = () => <b className="track-line big">{announce(`Photo ${x} removed now.`)}</b>;',
    ].join('\n');
    const found = findCodeLiterals('x.tsx', src).map((l) => l.text);
    expect(found).toEqual(['csv', 'One row per card.', 'Photo', 'removed now.']);
  });

  it('the code scan catches one lower-case word beside a value or announced, not names', () => {
    const src = [
      'announce(`${n} selected`);',
      "setMessage(done ? 'saved' : 'offline');",
      'const line = `by ${who}`;',
      // Not shown: class names, keys, ids, CSS values, events, states, a presence protocol.
      'const cls = `card ${kind}`; el.className = `lozenge ${tone}`;',
      'const o = { className: `inline-text ${c}`, key: `card ${id}` };',
      "el.style.transform = `translate(${x}px) scale(${s})`; el.classList.add('is-open');",
      "this.say('here'); dispatch({ type: 'live', state: 'reconnecting' });",
      "window.addEventListener('keydown', f); const k = `cards.${id}.text`;",
    ].join('\n');
    const found = findCodeLiterals('x.ts', src).map((l) => l.text);
    expect(found).toEqual(['selected', 'saved', 'offline', 'by']);
  });

  it('UI .ts and .tsx files build no shown words outside JSX and the catalogues', () => {
    const ui = listFiles('static/app/src', /\.tsx?$/).filter((f) => !f.endsWith('.d.ts'));
    const offenders: Record<string, string[]> = {};
    for (const f of ui) {
      const allowed = NOT_SHOWN[f] ?? [];
      const found = findCodeLiterals(f, readRepoFile(f)).filter((l) => !allowed.includes(l.text));
      if (found.length > 0) offenders[f] = found.map((l) => `${l.line}: ${l.text}`);
    }
    expect(offenders, 'words outside the catalogue (or list them in NOT_SHOWN with why)').toEqual(
      {},
    );
    // The list only holds what is still there.
    const stale = Object.entries(NOT_SHOWN).flatMap(([f, texts]) => {
      const found = new Set(findCodeLiterals(f, readRepoFile(f)).map((l) => l.text));
      return texts.filter((x) => !found.has(x)).map((x) => `${f}: ${x}`);
    });
    expect(stale, 'NOT_SHOWN entries no longer in the code').toEqual([]);
  });

  it('CSS draws no words: generated text with letters comes from a key through attr()', () => {
    const wordsIn = (css: string): string[] =>
      [...css.matchAll(/content:\s*(['"])((?:(?!\1).)*)\1/g)]
        .map((m) => m[2] ?? '')
        .filter((text) => /\p{L}/u.test(text));
    // The check can fail: a quoted word is found; symbols, empty strings and attr() are not.
    expect(
      wordsIn(`a::before { content: 'Line of visibility'; } b::after { content: '▸'; }
        c::before { content: ''; } d::before { content: attr(data-label); }`),
    ).toEqual(['Line of visibility']);
    const found = listFiles('static/app/src', /\.css$/).flatMap((f) =>
      wordsIn(readRepoFile(f)).map((text) => `${f}: ${text}`),
    );
    expect(found, 'words drawn by CSS content').toEqual([]);
  });

  it('finds a literal it is shown (the check can fail)', () => {
    const found = findUiLiterals(
      'x.tsx',
      `export const X = () => (<div title="Close" aria-label={ok ? 'Save' : t('a')}><p>Hello</p>{'Bye'}<b>× 3 +</b></div>);`,
    );
    expect(found.map((f) => f.text)).toEqual(['Close', 'Save', 'Hello', 'Bye']);
  });

  it('the UI shows only catalogue text (files not converted yet are listed)', () => {
    const ui = listFiles('static/app/src', /\.tsx$/);
    const offenders = new Map<string, string[]>();
    for (const f of ui) {
      const found = findUiLiterals(f, readRepoFile(f));
      if (found.length > 0)
        offenders.set(
          f,
          found.map((l) => `${l.line}: ${l.text}`),
        );
    }
    const unexpected = [...offenders].filter(([f]) => !NOT_YET_TRANSLATED.includes(f));
    expect(Object.fromEntries(unexpected), 'literals outside the catalogue').toEqual({});
    const cleaned = NOT_YET_TRANSLATED.filter((f) => !offenders.has(f));
    expect(cleaned, 'converted: remove from NOT_YET_TRANSLATED').toEqual([]);
  });
});
