/** Loads the person's language before the first paint, so no screen flashes English first. */
import type { AppLocale } from '@domain/i18n';
import { appLocale } from '@domain/i18n';
import { loadTranslate } from '../bridge/i18n';
import type { I18n } from './i18n-context';
import { ENGLISH } from './i18n-context';

/** The locale and translation function for a raw context locale; English if loading fails. */
export async function loadI18n(rawLocale: unknown): Promise<I18n> {
  const locale: AppLocale = appLocale(rawLocale);
  try {
    return { locale, t: await loadTranslate(locale) };
  } catch {
    // The bundled English catalogue still shows words, not keys.
    return ENGLISH;
  }
}
