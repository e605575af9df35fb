/**
 * Where the UI's own build puts the full catalogues (decision 0055): `catalogues/<locale>.json`
 * next to index.html, not the CLI's `__LOCALES__` folder, which holds only the manifest's keys.
 */
/** The folder of the resource's build the catalogues are emitted to. */
export const CATALOGUE_FOLDER = 'catalogues';

/** The file (relative to index.html) holding `locale`'s full catalogue. */
export function catalogueFile(locale: string): string {
  return `${CATALOGUE_FOLDER}/${locale}.json`;
}
