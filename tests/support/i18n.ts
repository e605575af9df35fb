/** Translation functions over the repository's catalogues, for tests of pure code that needs one. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppLocale, Translate } from '../../src/domain/i18n';
import { DEFAULT_LOCALE, translatorFrom } from '../../src/domain/i18n';
import { ROOT } from './repo-files';

/** The catalogue `locales/<locale>.json`. */
export function catalogue(locale: AppLocale): Record<string, string> {
  return JSON.parse(readFileSync(path.join(ROOT, 'locales', `${locale}.json`), 'utf8')) as Record<
    string,
    string
  >;
}

/** A `Translate` with Forge's lookup order: the locale, then en-US. */
export function translatorForTest(locale: AppLocale): Translate {
  const own = catalogue(locale);
  const fallback = catalogue(DEFAULT_LOCALE);
  return translatorFrom((key, d) => own[key] ?? fallback[key] ?? d ?? key, locale);
}

/** English, as most tests read the app. */
export const englishT: Translate = translatorForTest('en-US');
