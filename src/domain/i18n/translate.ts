/**
 * The app's translation function on top of Forge's (`@forge/bridge` / `@forge/api`
 * `i18n.createTranslationFunction`): Forge looks a key up in the person's locale and then in
 * `fallback.default` (en-US); this adds `{name}` placeholders and plural keys. Pure, so the
 * write-up (backend) and the screens (browser) translate the same way.
 */
import type { AppLocale } from './locale';

/** Values for `{name}` placeholders. */
export type MessageVars = Readonly<Record<string, string | number>>;

/** Translates a catalogue key (see `locales/en-US.json`), filling `{name}` placeholders. */
export type Translate = (key: string, vars?: MessageVars) => string;

/** Forge's translation function: `(key, default?) => string` (answers the key when unknown). */
export type ForgeTranslate = (key: string, defaultValue?: string) => string;

/** Answered by Forge for a key found in no catalogue (never a real message). */
const MISSING = '\u0000missing';

/** Replaces `{name}` with `vars.name`; unknown placeholders stay as written. */
export function interpolate(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * The app's `Translate` over Forge's function. When `vars.count` is a number and the catalogue
 * has `<key>.one` / `<key>.other`, the plural form of the locale is used. A key missing in every
 * catalogue shows as the key itself (the guardrail test makes that impossible in the product).
 */
export function translatorFrom(forgeT: ForgeTranslate, locale: AppLocale): Translate {
  const rules = new Intl.PluralRules(locale);
  const lookup = (key: string): string | null => {
    const value = forgeT(key, MISSING);
    return value === MISSING ? null : value;
  };
  return (key, vars) => {
    const count = vars?.count;
    if (typeof count === 'number') {
      const plural = lookup(`${key}.${rules.select(count)}`) ?? lookup(`${key}.other`);
      if (plural !== null) return interpolate(plural, vars);
    }
    return interpolate(lookup(key) ?? key, vars);
  };
}

/** A `Translate` over a plain catalogue object (tests, and the UI before Forge has answered). */
export function translatorOf(
  catalogue: Readonly<Record<string, string>>,
  locale: AppLocale,
): Translate {
  return translatorFrom((key, d) => catalogue[key] ?? d ?? key, locale);
}
