/** The UI's languages: provider and hooks, loading through Forge, date-fns locales. */
export { ENGLISH, I18nProvider, useLocale, useT } from './i18n-context';
export type { I18n } from './i18n-context';
export { loadI18n } from './load';
export { dateLocale } from './dates';
