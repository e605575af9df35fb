/**
 * The `__LOCALES__` folder the Forge CLI bundles with an app (decision 0035): `i18n-info.json`
 * (`config.locales`, `config.fallback` and the manifest's i18n keys per locale) and one
 * `<locale>.json` per `translations.resources` entry of manifest.yml. `@forge/bridge` fetches
 * them relative to the resource's index.html; `@forge/api` reads them from
 * `<appCodeDir>/__LOCALES__/` (node_modules/@forge/api/out/api/i18n.js). The local host serves
 * this map and the local runtime writes it to a folder and points `appCodeDir` at it.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { I18N_BUNDLE_FOLDER_NAME, I18N_INFO_FILE_NAME } from '@forge/i18n';
import { extractI18nKeysFromModules } from '@forge/i18n';
import { parse } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The folder name Forge uses (`__LOCALES__`). */
export const LOCALES_FOLDER = I18N_BUNDLE_FOLDER_NAME;

type ManifestTranslations = {
  resources?: { key?: unknown; path?: unknown }[];
  fallback?: Record<string, unknown>;
};

/** File name → JSON text of the bundle built from `<root>/manifest.yml` and its catalogues. */
export function localeBundle(root: string = ROOT): Map<string, string> {
  const manifest = parse(readFileSync(path.join(root, 'manifest.yml'), 'utf8')) as {
    translations?: ManifestTranslations;
    modules?: Record<string, unknown[]>;
  };
  const t = manifest.translations;
  const files = new Map<string, string>();
  if (!t?.resources || !t.fallback) return files;
  const catalogues = new Map<string, Record<string, unknown>>();
  for (const r of t.resources) {
    if (typeof r.key !== 'string' || typeof r.path !== 'string') continue;
    const text = readFileSync(path.join(root, r.path), 'utf8');
    catalogues.set(r.key, JSON.parse(text) as Record<string, unknown>);
    files.set(`${r.key}.json`, text);
  }
  const translations: Record<string, Record<string, string>> = {};
  for (const key of extractI18nKeysFromModules(manifest.modules ?? {})) {
    const perLocale: Record<string, string> = {};
    for (const [locale, catalogue] of catalogues) {
      const value = catalogue[key];
      if (typeof value === 'string') perLocale[locale] = value;
    }
    translations[key] = perLocale;
  }
  const info = { translations, config: { locales: [...catalogues.keys()], fallback: t.fallback } };
  files.set(I18N_INFO_FILE_NAME, JSON.stringify(info));
  return files;
}

/** Writes the bundle under `<dir>/__LOCALES__/` (a fresh temp folder by default); returns `dir`. */
export function writeLocaleBundle(
  dir: string = mkdtempSync(path.join(tmpdir(), 'jm-app-code-')),
): string {
  const folder = path.join(dir, LOCALES_FOLDER);
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of localeBundle()) writeFileSync(path.join(folder, name), text);
  return dir;
}
