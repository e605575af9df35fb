/**
 * The byline item's title and tooltip as Confluence gets them: the manifest's static ones, or
 * what the module's `dynamicProperties` function answers, called as Forge calls it
 * (`(payload {cloudId, localId, extension}, context {principal})`, as the viewer).
 */
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { LOCAL_CLOUD_ID } from '../forge-runtime/constants';
import { invokeFunction } from '../forge-runtime/invoke';
import type { HostManifest } from './manifest';

/** What the shell draws in the byline. */
export type BylineText = { title: string; tooltip: string };

/** Where the byline is: the content and its space. */
export type BylinePlace = {
  content: { id: string; type: string };
  space: { id: string; key: string };
};

/** Builds the function the shell asks for a page's byline text. */
export function dynamicByline(args: {
  root: string;
  manifest: HostManifest;
}): (place: BylinePlace, accountId: string | null) => Promise<BylineText | null> {
  const { manifest } = args;
  return async (place, accountId) => {
    const byline = manifest.byline;
    if (!byline) return null;
    const fallback = { title: byline.title, tooltip: byline.tooltip };
    if (!byline.dynamicExport) return fallback;
    const mod = (await import(pathToFileURL(path.join(args.root, 'src/index.ts')).href)) as Record<
      string,
      unknown
    >;
    const fn = mod[byline.dynamicExport];
    if (typeof fn !== 'function') return fallback;
    try {
      const answer = (await invokeFunction({
        handler: fn as (event: unknown, runtime: unknown) => Promise<unknown>,
        event: {
          cloudId: LOCAL_CLOUD_ID,
          localId: `${byline.key}-${place.content.id}`,
          extension: { type: 'confluence:contentBylineItem', ...place },
        },
        accountId,
      })) as { title?: unknown; tooltip?: unknown } | null;
      return {
        title: typeof answer?.title === 'string' ? answer.title : fallback.title,
        tooltip: typeof answer?.tooltip === 'string' ? answer.tooltip : fallback.tooltip,
      };
    } catch {
      // Confluence keeps the static title when the function fails.
      return fallback;
    }
  };
}
