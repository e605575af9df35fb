/**
 * The byline item's `dynamicProperties` function: the title, tooltip and icon Confluence draws
 * in the page byline, from the page summary read as the viewer, in the viewer's language. Forge
 * calls it as `(payload {extension: {type, content, space}}, context {principal})` with no
 * locale, so the person's locale is read from Confluence (`user/current`, as the Forge i18n docs
 * advise), in parallel with the summary: two REST calls, one round trip. The content is the
 * platform's; anything unreadable falls back to the static title instead of failing the byline.
 */
import { userClient } from '../confluence/client';
import { isContentType } from '../confluence/content-ref';
import { readPageSummary } from '../confluence/summary-store';
import type { AppLocale } from '../domain/i18n';
import { DEFAULT_LOCALE, appLocale } from '../domain/i18n';
import type { BylineLabel } from '../domain/summary';
import { bylineLabel } from '../domain/summary';
import type { ResolverDeps } from './deps';
import { defaultDeps } from './deps';
import { translatorFor } from './i18n';

/** What `dynamicProperties` answers (Forge reads `title`, `tooltip` and `icon`). */
export type BylineProperties = { title: string; tooltip: string; icon: string };

/**
 * The byline icon per state (`resource:<key>;<path>`, a form the docs allow without an
 * external permission): files in `static/app/public/byline/`, copied into the build.
 */
export const BYLINE_ICONS: Readonly<Record<BylineLabel['status'], string>> = {
  none: 'resource:main;byline/map.svg',
  ok: 'resource:main;byline/map.svg',
  dueSoon: 'resource:main;byline/map-due.svg',
  stale: 'resource:main;byline/map-stale.svg',
};

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function warn(what: string, error: unknown): void {
  console.warn(`journey-maps: ${what}`, error instanceof Error ? error.message : error);
}

/** The label for a page's byline; the no-map label when the page or its summary is unreadable. */
export async function bylineFor(args: {
  deps: ResolverDeps;
  payload: unknown;
  accountId: string | null;
}): Promise<BylineLabel & { locale: AppLocale }> {
  const today = args.deps.now().toISOString().slice(0, 10);
  const extension = record(record(args.payload).extension);
  const content = record(extension.content);
  const id =
    typeof content.id === 'string' || typeof content.id === 'number' ? String(content.id) : '';
  const type = typeof content.type === 'string' ? content.type : 'page';
  const label = async (
    summary: Parameters<typeof bylineLabel>[0]['summary'],
    locale: AppLocale,
  ) => ({ ...bylineLabel({ summary, today, t: await translatorFor(locale), locale }), locale });
  if (!args.accountId || !/^\d{1,20}$/.test(id) || !isContentType(type)) {
    return label(null, DEFAULT_LOCALE);
  }
  const client = userClient({ sleep: args.deps.sleep, random: args.deps.random });
  const [summary, locale] = await Promise.all([
    readPageSummary(client, { type, id }).then(
      (read) => read.summary,
      (error: unknown) => {
        warn('byline falls back to its static title', error);
        return null;
      },
    ),
    client.getCurrentUserLocale().then(appLocale, (error: unknown) => {
      warn('byline reads English (no locale)', error);
      return DEFAULT_LOCALE;
    }),
  ]);
  return label(summary, locale);
}

/** Builds the `dynamicProperties` handler with the given deps (tests pass a fixed clock). */
export function createBylineProperties(deps: ResolverDeps = defaultDeps) {
  return async (payload: unknown, context: unknown): Promise<BylineProperties> => {
    const principal = record(record(context).principal);
    const accountId = typeof principal.accountId === 'string' ? principal.accountId : null;
    const label = await bylineFor({ deps, payload, accountId });
    return { title: label.title, tooltip: label.tooltip, icon: BYLINE_ICONS[label.status] };
  };
}

/** The function the manifest names for the byline's `dynamicProperties`. */
export const bylineProperties = createBylineProperties();
