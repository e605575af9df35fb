/**
 * The UI's translations through Forge's own helper (decision 0035): the bridge fetches
 * `./__LOCALES__/i18n-info.json` and `./__LOCALES__/<locale>.json` next to index.html (the CLI
 * bundles them from manifest.yml `translations`) and falls back to en-US key by key.
 */
import { createTranslationFunction } from '@forge/bridge/out/i18n';
import type { AppLocale, Translate } from '@domain/i18n';
import { translatorFrom } from '@domain/i18n';

/** The `Translate` of `locale` from the resource's bundled catalogues. */
export async function loadTranslate(locale: AppLocale): Promise<Translate> {
  return translatorFrom(await createTranslationFunction(locale), locale);
}
