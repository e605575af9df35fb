/**
 * The person's language for every screen (decision 0035): `I18nProvider` holds the locale and the
 * translation function main.tsx loaded through Forge; `useT()` / `useLocale()` read them. No
 * catalogue is bundled (the macro's initial JS budget): a tree rendered without a provider reads
 * the fallback, which tests set to the English catalogue and which is the key itself otherwise.
 */
import type { ReactNode } from 'react';
import { createContext, useContext } from 'react';
import type { AppLocale, Translate } from '@domain/i18n';
import { DEFAULT_LOCALE } from '@domain/i18n';

/** What the provider holds. */
export type I18n = { locale: AppLocale; t: Translate };

/** Shows the key: only when Forge's catalogues could not be read at all. */
export const KEYS_ONLY: I18n = { locale: DEFAULT_LOCALE, t: (key) => key };

let fallback: I18n = KEYS_ONLY;

/**
 * Sets what a tree without a provider speaks (test setup: the English catalogue), and what code
 * outside React reads through `translateNow` (main.tsx: the person's language once loaded).
 */
export function setFallbackI18n(value: I18n): void {
  fallback = value;
}

/**
 * Translates outside React (bridge and file helpers build messages a screen shows later): the
 * language main.tsx loaded, or the key itself before it has loaded.
 */
export const translateNow: Translate = (key, vars) => fallback.t(key, vars);

/** The loaded language's locale outside React (the bridge client sends it with every call). */
export function localeNow(): AppLocale {
  return fallback.locale;
}

const I18nContext = createContext<I18n | null>(null);

/** Gives `value` to every screen below. */
export function I18nProvider({ value, children }: { value: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translation function of the person's language. */
export function useT(): Translate {
  return (useContext(I18nContext) ?? fallback).t;
}

/** The person's app locale (`en-US` or `zh-CN`). */
export function useLocale(): AppLocale {
  return (useContext(I18nContext) ?? fallback).locale;
}
