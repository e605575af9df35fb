/**
 * The person's language for every screen (decision 0035): `I18nProvider` holds the locale and the
 * translation function main.tsx loaded through Forge; `useT()` / `useLocale()` read them. A tree
 * rendered without a provider (a test, or a failed load) speaks the bundled English catalogue.
 */
import type { ReactNode } from 'react';
import { createContext, useContext } from 'react';
import type { AppLocale, Translate } from '@domain/i18n';
import { DEFAULT_LOCALE, translatorOf } from '@domain/i18n';
import english from '../../../../locales/en-US.json';

/** What the provider holds. */
export type I18n = { locale: AppLocale; t: Translate };

/** English from the catalogue shipped in the bundle: the last fallback, never a key on screen. */
export const ENGLISH: I18n = { locale: DEFAULT_LOCALE, t: translatorOf(english, DEFAULT_LOCALE) };

const I18nContext = createContext<I18n>(ENGLISH);

/** Gives `value` to every screen below. */
export function I18nProvider({ value, children }: { value: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translation function of the person's language. */
export function useT(): Translate {
  return useContext(I18nContext).t;
}

/** The person's app locale (`en-US` or `zh-CN`). */
export function useLocale(): AppLocale {
  return useContext(I18nContext).locale;
}
