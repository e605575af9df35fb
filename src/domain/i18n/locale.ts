/**
 * The languages the app speaks (decision 0035) and how a raw Confluence locale maps onto them.
 * Pure: the UI reads the locale from `view.getContext()`, the backend from the payload the UI
 * sends (resolvers are given none), and both pass it through `appLocale` first.
 */
/** Locales with a catalogue in `locales/`; the first is Forge's `fallback.default`. */
export const APP_LOCALES = ['en-US', 'zh-CN'] as const;

/** A locale the app has a catalogue for. */
export type AppLocale = (typeof APP_LOCALES)[number];

/** The fallback language (manifest `translations.fallback.default`). */
export const DEFAULT_LOCALE: AppLocale = 'en-US';

/** Chinese spellings Confluence and browsers use for Simplified Chinese. */
const SIMPLIFIED_CHINESE = /^zh(?:[-_](?:cn|hans|hans[-_]cn|sg))?$/i;

/** The app locale for a raw locale (`zh_CN`, `zh-Hans`, `en-GB`, …); anything else is English. */
export function appLocale(raw: unknown): AppLocale {
  if (typeof raw !== 'string') return DEFAULT_LOCALE;
  const s = raw.trim();
  if (SIMPLIFIED_CHINESE.test(s)) return 'zh-CN';
  return DEFAULT_LOCALE;
}
