/**
 * The payload schema of a locale, apart from `./locale` so the UI's first load (which reads
 * `appLocale`) does not pull zod in; only resolvers import it.
 */
import { z } from 'zod';
import { APP_LOCALES } from './locale';

/** A locale field of a payload: one of the app's locales exactly (the UI normalises first). */
export const localeSchema = z.enum(APP_LOCALES);
