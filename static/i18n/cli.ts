/** `npm run i18n:manifest`: writes `locales/manifest/*.json` from `locales/*.json` (decision 0055). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_TRANSLATIONS_LIMIT, writeManifestCatalogues } from './manifest-catalogues';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sizes = writeManifestCatalogues(root);
const total = [...sizes.values()].reduce((a, b) => a + b, 0);
for (const [file, size] of sizes) console.log(`${file}: ${size} bytes`);
console.log(`manifest translations: ${total} of ${MANIFEST_TRANSLATIONS_LIMIT} bytes`);
if (total > MANIFEST_TRANSLATIONS_LIMIT) {
  console.error("Over Forge's limit: the backend uses too many keys (docs/decisions/0055).");
  process.exit(1);
}
