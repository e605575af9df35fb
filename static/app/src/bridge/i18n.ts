/**
 * The UI's translations through Forge's own helper (decision 0035): the bridge fetches
 * `./__LOCALES__/i18n-info.json` and `./__LOCALES__/<locale>.json` next to index.html (the CLI
 * bundles them from manifest.yml `translations`) and falls back to en-US key by key. Loaded as
 * its own chunk (started at boot, beside `getContext`) to keep the macro's initial JS in budget.
 */
import type * as BridgeI18n from '@forge/bridge/out/i18n';
import type { AppLocale, Translate } from '@domain/i18n';
import { translatorFrom } from '@domain/i18n';

const bridgeI18n = (): Promise<typeof BridgeI18n> => import('@forge/bridge/out/i18n');

/** Starts fetching the bridge's i18n code early (main.tsx calls it before `getContext`). */
export function preloadTranslations(): void {
  void bridgeI18n();
}

/** The `Translate` of `locale` from the resource's bundled catalogues. */
export async function loadTranslate(locale: AppLocale): Promise<Translate> {
  const { createTranslationFunction } = await bridgeI18n();
  return translatorFrom(await createTranslationFunction(locale), locale);
}
