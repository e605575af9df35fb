/**
 * The UI's translations through Forge's own i18n machinery (decisions 0035, 0055): `@forge/i18n`'s
 * `TranslationsGetter` and `Translator` — what the bridge's `createTranslationFunction` runs —
 * over the full catalogues this resource's build emits (`./catalogues/<locale>.json`), so lookup
 * order (the locale, then en-US, key by key) and the `(key, default?)` answer are the bridge's.
 * The CLI's `__LOCALES__` holds only the manifest's keys (100 KB limit), so the UI does not read
 * it. Loaded as its own chunk (started at boot, beside `getContext`) to keep the initial JS small.
 */
import type * as Getter from '@forge/i18n/out/translationsGetter';
import type * as Lookup from '@forge/i18n/out/translator';
import type { AppLocale, Translate } from '@domain/i18n';
import { APP_LOCALES, DEFAULT_LOCALE, translatorFrom } from '@domain/i18n';
import { catalogueFile } from '../i18n/catalogue-files';

const forgeI18n = (): Promise<[typeof Getter, typeof Lookup]> =>
  Promise.all([import('@forge/i18n/out/translationsGetter'), import('@forge/i18n/out/translator')]);

/** The manifest's `translations` config (the guardrail holds manifest.yml to the same). */
export const UI_I18N_CONFIG = {
  locales: [...APP_LOCALES],
  fallback: { default: DEFAULT_LOCALE },
};

/** Reads one bundled catalogue as the bridge reads `__LOCALES__` (a failed fetch throws). */
async function fetchCatalogue(locale: string): Promise<Record<string, string>> {
  const resp = await fetch(`./${catalogueFile(locale)}`);
  if (!resp.ok) throw new Error(`Failed to get translation resource for locale: ${locale}`);
  return (await resp.json()) as Record<string, string>;
}

/** Starts fetching the i18n code early (main.tsx calls it before `getContext`). */
export function preloadTranslations(): void {
  void forgeI18n();
}

/** The `Translate` of `locale` from the resource's bundled catalogues. */
export async function loadTranslate(locale: AppLocale): Promise<Translate> {
  const [{ TranslationsGetter }, { Translator }] = await forgeI18n();
  const getter = new TranslationsGetter({
    getI18nInfoConfig: () => Promise.resolve(UI_I18N_CONFIG),
    getTranslationResource: fetchCatalogue,
  });
  const translator = new Translator(locale, getter);
  await translator.init();
  // As `@forge/bridge`'s createTranslationFunction: the catalogue's text, else the default, else the key.
  return translatorFrom((key, d) => translator.translate(key) ?? d ?? key, locale);
}
