/** Reads the `confluence:contentProperty` modules of manifest.yml: the CQL search aliases. */
import fs from 'node:fs';
import { parse } from 'yaml';
import type { PropertyIndexField } from './types';

const TYPES = new Set(['number', 'string', 'text', 'user', 'date']);

/** Index fields declared in the manifest at `manifestPath`; none when it is absent. */
export function readPropertyIndexes(manifestPath: string): PropertyIndexField[] {
  if (!fs.existsSync(manifestPath)) return [];
  const doc = parse(fs.readFileSync(manifestPath, 'utf8')) as unknown;
  return indexesFromManifest(doc);
}

/** Index fields of an already parsed manifest. */
export function indexesFromManifest(doc: unknown): PropertyIndexField[] {
  const modules = (doc as { modules?: Record<string, unknown> } | null)?.modules;
  const list = modules?.['confluence:contentProperty'];
  if (!Array.isArray(list)) return [];
  const out: PropertyIndexField[] = [];
  for (const mod of list as { propertyKey?: unknown; values?: unknown }[]) {
    if (typeof mod.propertyKey !== 'string' || !Array.isArray(mod.values)) continue;
    for (const v of mod.values as Record<string, unknown>[]) {
      if (typeof v.path !== 'string' || typeof v.searchAlias !== 'string') continue;
      const type = typeof v.type === 'string' && TYPES.has(v.type) ? v.type : 'string';
      out.push({
        propertyKey: mod.propertyKey,
        path: v.path,
        type: type as PropertyIndexField['type'],
        searchAlias: v.searchAlias,
      });
    }
  }
  return out;
}
