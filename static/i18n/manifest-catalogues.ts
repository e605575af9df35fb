/**
 * The catalogues manifest.yml references (decision 0055): Forge limits the files named in
 * `translations.resources` to 100 KB together, so they hold only the keys the manifest's modules
 * and the backend (`src/`) use. Written from `locales/<locale>.json`, the one source people edit,
 * by `npm run i18n:manifest` (also run by `npm run build:ui`); the UI bundles the full catalogues.
 */
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { APP_LOCALES } from '../../src/domain/i18n/locale';
import { keysMentioned, manifestI18nKeys } from './key-scan';

/** Where the generated catalogues live, relative to the repository root. */
export const MANIFEST_CATALOGUE_DIR = 'locales/manifest';

/** Forge's combined limit for the files `translations.resources` names (bytes, the stricter KB). */
export const MANIFEST_TRANSLATIONS_LIMIT = 100_000;

/** The backend's code: every `.ts` file below `src/` (domain code the UI shares included). */
function backendSources(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const abs = path.join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(readFileSync(abs, 'utf8'));
    }
  };
  walk(path.join(root, 'src'));
  return out;
}

/** The source catalogue `locales/<locale>.json` under `root`. */
export function sourceCatalogue(root: string, locale: string): Record<string, string> {
  const text = readFileSync(path.join(root, 'locales', `${locale}.json`), 'utf8');
  return JSON.parse(text) as Record<string, string>;
}

/** The keys the manifest's modules and the backend use, in en-US catalogue order. */
export function serverKeys(root: string): string[] {
  const keys = Object.keys(sourceCatalogue(root, 'en-US'));
  const manifest = parse(readFileSync(path.join(root, 'manifest.yml'), 'utf8')) as {
    modules?: unknown;
  };
  const used = keysMentioned(backendSources(root), keys);
  for (const k of manifestI18nKeys(manifest.modules)) used.add(k);
  return keys.filter((k) => used.has(k));
}

/** Repository-relative path → text of each generated catalogue (deterministic). */
export function manifestCatalogues(root: string): Map<string, string> {
  const keys = serverKeys(root);
  const files = new Map<string, string>();
  for (const locale of APP_LOCALES) {
    const source = sourceCatalogue(root, locale);
    const subset: Record<string, string> = {};
    for (const k of keys) if (typeof source[k] === 'string') subset[k] = source[k];
    files.set(`${MANIFEST_CATALOGUE_DIR}/${locale}.json`, `${JSON.stringify(subset, null, 2)}\n`);
  }
  return files;
}

/** Writes the generated catalogues under `root`; returns path → byte size. */
export function writeManifestCatalogues(root: string): Map<string, number> {
  mkdirSync(path.join(root, MANIFEST_CATALOGUE_DIR), { recursive: true });
  const sizes = new Map<string, number>();
  for (const [file, text] of manifestCatalogues(root)) {
    writeFileSync(path.join(root, file), text);
    sizes.set(file, Buffer.byteLength(text));
  }
  return sizes;
}
