/**
 * English from the bundled en-US catalogue, for text that must exist before a locale is known:
 * a failure's `Error.message` (what logs show) and the envelope's default. Backend only: the UI
 * loads catalogues through Forge and must not bundle this one (the macro's JS budget).
 */
import catalogue from '../../../locales/en-US.json';
import type { Message } from './message';
import { render } from './message';
import type { Translate } from './translate';
import { translatorOf } from './translate';

/** The `Translate` of the fallback language (en-US). */
export const english: Translate = translatorOf(catalogue, 'en-US');

/** The English text of `message`. */
export function inEnglish(message: Message): string {
  return render(message, english);
}
