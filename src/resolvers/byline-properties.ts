/**
 * The byline item's `dynamicProperties` function: the title and tooltip Confluence draws in the
 * page byline, from the page summary read as the viewer (one REST call). Forge calls it as
 * `(payload {extension: {type, content, space}}, context {principal})`; the content is the
 * platform's, and anything unreadable falls back to the static title instead of failing the byline.
 */
import { userClient } from '../confluence/client';
import { isContentType } from '../confluence/content-ref';
import { readPageSummary } from '../confluence/summary-store';
import type { BylineLabel } from '../domain/summary';
import { bylineLabel } from '../domain/summary';
import type { ResolverDeps } from './deps';
import { defaultDeps } from './deps';

/** What `dynamicProperties` answers (Forge reads `title`, `tooltip` and `icon`). */
export type BylineProperties = { title: string; tooltip: string };

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** The label for a page's byline; the no-map label when the page or its summary is unreadable. */
export async function bylineFor(args: {
  deps: ResolverDeps;
  payload: unknown;
  accountId: string | null;
}): Promise<BylineLabel> {
  const today = args.deps.now().toISOString().slice(0, 10);
  const extension = record(record(args.payload).extension);
  const content = record(extension.content);
  const id =
    typeof content.id === 'string' || typeof content.id === 'number' ? String(content.id) : '';
  const type = typeof content.type === 'string' ? content.type : 'page';
  if (!args.accountId || !/^\d{1,20}$/.test(id) || !isContentType(type)) {
    return bylineLabel(null, today);
  }
  try {
    const client = userClient({ sleep: args.deps.sleep, random: args.deps.random });
    const read = await readPageSummary(client, { type, id });
    return bylineLabel(read.summary, today);
  } catch (error) {
    console.warn(
      'journey-maps: byline falls back to its static title',
      error instanceof Error ? error.message : error,
    );
    return bylineLabel(null, today);
  }
}

/** Builds the `dynamicProperties` handler with the given deps (tests pass a fixed clock). */
export function createBylineProperties(deps: ResolverDeps = defaultDeps) {
  return async (payload: unknown, context: unknown): Promise<BylineProperties> => {
    const principal = record(record(context).principal);
    const accountId = typeof principal.accountId === 'string' ? principal.accountId : null;
    const label = await bylineFor({ deps, payload, accountId });
    return { title: label.title, tooltip: label.tooltip };
  };
}

/** The function the manifest names for the byline's `dynamicProperties`. */
export const bylineProperties = createBylineProperties();
