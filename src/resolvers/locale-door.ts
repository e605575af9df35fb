/**
 * The person's locale at the resolver door (decision 0047): the UI client adds `locale` to every
 * payload (Forge gives resolvers none); the door takes it off before the key's schema sees the
 * payload, and answers every error envelope in it (the English text stays in the logs).
 */
import type { AppLocale } from '../domain/i18n';
import { APP_LOCALES, DEFAULT_LOCALE } from '../domain/i18n';
import { msg } from '../domain/i18n/message';
import type { ResolverError } from './contract';
import { translatorFor } from './i18n';
import { inLanguage, refusal } from './result';

/** A payload without its locale, or the refusal of a locale that is not one of the app's. */
export type SplitPayload =
  { ok: true; payload: unknown; locale: AppLocale } | { ok: false; error: ResolverError };

/**
 * Takes `locale` off a payload object: absent → English; anything but one of the app's locales
 * exactly (the UI normalises with `appLocale` first) → refused, as any malformed field.
 */
export function splitLocale(payload: unknown): SplitPayload {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return { ok: true, payload, locale: DEFAULT_LOCALE };
  }
  if (!Object.hasOwn(payload, 'locale')) return { ok: true, payload, locale: DEFAULT_LOCALE };
  const { locale, ...rest } = payload as Record<string, unknown>;
  const known = APP_LOCALES.find((l) => l === locale);
  if (known === undefined) {
    const said = msg('errors.server.badLocale');
    return { ok: false, error: refusal({ code: 'INVALID_INPUT', said, field: 'locale' }) };
  }
  return { ok: true, payload: rest, locale: known };
}

/** The envelope with its error (if any) in `locale`; answers pass through unchanged. */
export async function inLocale<T>(answer: T, locale: AppLocale = DEFAULT_LOCALE): Promise<T> {
  if (!isFailure(answer)) return answer;
  try {
    return { ...answer, error: inLanguage(answer.error, await translatorFor(locale)) };
  } catch {
    // No catalogues to read (an app bundle without its locales): the error stays in English.
    return answer;
  }
}

function isFailure(value: unknown): value is { ok: false; error: ResolverError } {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { ok?: unknown; error?: unknown };
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}
