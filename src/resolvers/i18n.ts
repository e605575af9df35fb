/**
 * The backend's translation function (decision 0035): Forge's own `i18n` from `@forge/api`,
 * which reads the catalogues the CLI bundles as `__LOCALES__` next to the function's code.
 * Resolvers get no locale from the platform, so the UI sends the person's locale in the payload.
 */
import { i18n } from '@forge/api';
import type { AppLocale, Translate } from '../domain/i18n';
import { translatorFrom } from '../domain/i18n';

/** The `Translate` for `locale` (Forge falls back to en-US key by key). */
export async function translatorFor(locale: AppLocale): Promise<Translate> {
  return translatorFrom(await i18n.createTranslationFunction(locale), locale);
}
