import path from 'node:path';
import type { Plugin } from 'vite';
import { APP_LOCALES } from '../../src/domain/i18n/locale';
import { catalogueFile } from '../app/src/i18n/catalogue-files';
import { sourceCatalogue, writeManifestCatalogues } from './manifest-catalogues';

/** File name (relative to index.html) → minified JSON of every full catalogue the UI fetches. */
export function uiCatalogueAssets(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const locale of APP_LOCALES)
    files.set(catalogueFile(locale), JSON.stringify(sourceCatalogue(root, locale)));
  return files;
}

/**
 * Decision 0055: regenerates the manifest's catalogues (`locales/manifest/`) and emits the full
 * catalogues into the build as JSON assets (fetched at boot, not JS modules: the macro's initial
 * JS is unchanged), so the UI's strings are not bound by the manifest's 100 KB.
 */
export function catalogueAssets(root: string): Plugin {
  return {
    name: 'jm-catalogue-assets',
    apply: 'build',
    buildStart() {
      writeManifestCatalogues(root);
      for (const locale of APP_LOCALES)
        this.addWatchFile(path.join(root, 'locales', `${locale}.json`));
    },
    generateBundle() {
      for (const [fileName, source] of uiCatalogueAssets(root))
        this.emitFile({ type: 'asset', fileName, source });
    },
  };
}
