/**
 * The manifest's translations within Forge's 100 KB (decision 0055): manifest.yml references
 * only the generated `locales/manifest/*.json`, they are what the generator makes from
 * `locales/*.json`, they fit, and they hold every key the manifest and the backend use; the UI's
 * build carries the full catalogues; the local host bundles only the manifest's files.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { localeBundle } from '../../dev/forge-runtime/locale-bundle';
import { APP_LOCALES, DEFAULT_LOCALE } from '../../src/domain/i18n';
import { UI_I18N_CONFIG } from '../../static/app/src/bridge/i18n';
import { uiCatalogueAssets } from '../../static/i18n/catalogue-assets';
import {
  PLURAL_SUFFIX,
  keysInCalls,
  keysMentioned,
  manifestI18nKeys,
} from '../../static/i18n/key-scan';
import {
  MANIFEST_CATALOGUE_DIR,
  MANIFEST_TRANSLATIONS_LIMIT,
  manifestCatalogues,
} from '../../static/i18n/manifest-catalogues';
import { catalogue } from '../support/i18n';
import { ROOT, listFiles, readRepoFile } from '../support/repo-files';

type Translations = {
  resources: { key: string; path: string }[];
  fallback: Record<string, unknown>;
};
const MANIFEST = parse(readRepoFile('manifest.yml')) as {
  modules: unknown;
  translations: Translations;
};
const EN = catalogue('en-US');
const generatedFile = (locale: string): string => `${MANIFEST_CATALOGUE_DIR}/${locale}.json`;
const generated = (locale: string): Record<string, string> =>
  JSON.parse(readRepoFile(generatedFile(locale))) as Record<string, string>;

describe('manifest translations (decision 0055)', () => {
  it('manifest.yml references exactly the generated catalogues, English the fallback', () => {
    expect(MANIFEST.translations.resources).toEqual(
      APP_LOCALES.map((key) => ({ key, path: generatedFile(key) })),
    );
    expect(MANIFEST.translations.fallback).toEqual({ default: DEFAULT_LOCALE });
    // The UI's own lookup uses the same config as Forge's for the manifest.
    expect(UI_I18N_CONFIG).toEqual({
      locales: [...APP_LOCALES],
      fallback: MANIFEST.translations.fallback,
    });
  });

  it('the generated catalogues are what the generator makes from locales/*.json', () => {
    for (const [file, text] of manifestCatalogues(ROOT)) {
      const onDisk = existsSync(path.join(ROOT, file)) ? readRepoFile(file) : '';
      expect(onDisk === text, `${file} is stale: run npm run i18n:manifest and commit it`).toBe(
        true,
      );
    }
  });

  it(`the files manifest.yml references total at most ${MANIFEST_TRANSLATIONS_LIMIT} bytes`, () => {
    const sizes = MANIFEST.translations.resources.map(
      (r) => readFileSync(path.join(ROOT, r.path)).byteLength,
    );
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total, `manifest translations: ${sizes.join(' + ')} bytes`).toBeLessThanOrEqual(
      MANIFEST_TRANSLATIONS_LIMIT,
    );
    // The check can fail: the full catalogues alone are over the limit.
    const full = APP_LOCALES.map(
      (l) => readFileSync(path.join(ROOT, 'locales', `${l}.json`)).byteLength,
    );
    expect(full.reduce((a, b) => a + b, 0)).toBeGreaterThan(MANIFEST_TRANSLATIONS_LIMIT);
  });

  it('every key the manifest and the backend use is in them, in both languages, as in the source', () => {
    const src = listFiles('src', /\.tsx?$/).filter((f) => !f.endsWith('.d.ts'));
    const namespaces = [...new Set(Object.keys(EN).map((k) => k.split('.')[0] ?? ''))];
    const { literal, patterns } = keysInCalls(src.map(readRepoFile), namespaces);
    const needed = new Set([...literal, ...manifestI18nKeys(MANIFEST.modules)]);
    for (const key of Object.keys(EN)) {
      if (literal.has(key.replace(PLURAL_SUFFIX, '')) || patterns.some((p) => p.test(key)))
        needed.add(key);
    }
    // The backend's error keys, the write-up's words and the module titles are among them.
    expect(needed.size).toBeGreaterThan(200);
    for (const key of ['manifest.macro.title', 'errors.server.forbidden', 'writeup.col.stage'])
      expect(needed.has(key) || needed.has(`${key}.other`), key).toBe(true);
    for (const locale of APP_LOCALES) {
      const source = catalogue(locale);
      const subset = generated(locale);
      const missing = [...needed].filter((k) => !(k in subset) && !(`${k}.other` in subset));
      expect(
        missing,
        `${locale}: keys the backend uses, missing from ${generatedFile(locale)}`,
      ).toEqual([]);
      for (const [k, v] of Object.entries(subset)) expect(v, `${locale} ${k}`).toBe(source[k]);
    }
    // UI-only keys stay out (that is the point): the focus button's label is the UI's.
    expect(generated('en-US')['editor.focus.open']).toBeUndefined();
  });

  it('the key scan sees key tables and built keys, not field paths', () => {
    const keys = ['a.b', 'c.d', 'e.f.g', 'e.f.h.other', 'session.title', 'x.y'];
    const found = keysMentioned(
      ["msg('a.b')", "const T = { label: 'c.d' };", 't(`e.f.${k}`)', 'out.push(`session.${key}`)'],
      keys,
    );
    expect([...found].sort()).toEqual(['a.b', 'c.d', 'e.f.g', 'e.f.h.other']);
  });

  it("the UI's build carries the full catalogues as JSON files (npm run build:ui)", () => {
    for (const [file, text] of uiCatalogueAssets(ROOT)) {
      const built = path.join(ROOT, 'static/app/build', file);
      expect(existsSync(built), `${built}: run npm run build:ui`).toBe(true);
      expect(readFileSync(built, 'utf8'), file).toBe(text);
    }
  });

  it("the local host's __LOCALES__ (frames and functions) holds only the manifest's files", () => {
    const bundle = localeBundle();
    for (const locale of APP_LOCALES)
      expect(JSON.parse(bundle.get(`${locale}.json`) ?? '{}'), locale).toEqual(generated(locale));
  });
});
