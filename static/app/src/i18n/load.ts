/** Loads the person's language before the first paint, so no screen flashes another language. */
import type { AppLocale } from '@domain/i18n';
import { DEFAULT_LOCALE, appLocale } from '@domain/i18n';
import { loadTranslate } from '../bridge/i18n';
import type { I18n } from './i18n-context';
import { KEYS_ONLY } from './i18n-context';

/** The locale and translation function for a raw context locale; English if that fails. */
export async function loadI18n(rawLocale: unknown): Promise<I18n> {
  const locale: AppLocale = appLocale(rawLocale);
  try {
    return { locale, t: await loadTranslate(locale) };
  } catch {
    try {
      return { locale: DEFAULT_LOCALE, t: await loadTranslate(DEFAULT_LOCALE) };
    } catch {
      return KEYS_ONLY;
    }
  }
}
