/** date-fns locales for the app's languages: dates and relative times read in the person's language. */
import type { Locale } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { zhCN } from 'date-fns/locale/zh-CN';
import type { AppLocale } from '@domain/i18n';

const DATE_FNS_LOCALES: Readonly<Record<AppLocale, Locale>> = { 'en-US': enUS, 'zh-CN': zhCN };

/** The date-fns locale of an app locale. */
export function dateLocale(locale: AppLocale): Locale {
  return DATE_FNS_LOCALES[locale];
}
