/**
 * The UI's languages: provider and hooks, loading through Forge. date-fns locales live in
 * `./dates` and are imported from there by the lazy screens that format dates (not from here,
 * which the macro's initial chunk imports).
 */
export {
  I18nProvider,
  KEYS_ONLY,
  setFallbackI18n,
  translateNow,
  useLocale,
  useT,
} from './i18n-context';
export type { I18n } from './i18n-context';
export { loadI18n } from './load';
