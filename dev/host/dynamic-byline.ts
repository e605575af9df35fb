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
import { manifestFor } from './manifest';

/** What the shell draws in the byline (`icon`: a URL the shell can load, or null). */
export type BylineText = { title: string; tooltip: string; icon: string | null };

/**
 * The URL of a byline icon, or undefined when Confluence would refuse it: bundled resources
 * (`resource:<key>;<path>` of a declared resource) and `data:image` URIs need no permission; any
 * other source needs an external image permission this app does not declare, and then the docs
 * say the dynamic properties are not loaded at all.
 */
export function bylineIconUrl(icon: unknown, manifest: HostManifest): string | null | undefined {
  if (icon === undefined || icon === null) return null;
  if (typeof icon !== 'string') return undefined;
  if (/^data:image\//.test(icon)) return icon;
  const m = /^resource:([A-Za-z0-9_-]+);([A-Za-z0-9_./-]+)$/.exec(icon);
  if (!m?.[1] || !m[2] || !manifest.resources.has(m[1]) || m[2].includes('..')) return undefined;
  return `/__forge/resources/${encodeURIComponent(m[1])}/${m[2]}`;
}

/** Where the byline is: the content and its space. */
export type BylinePlace = {
  content: { id: string; type: string };
  space: { id: string; key: string };
};

/** Builds the function the shell asks for a page's byline text. */
export function dynamicByline(args: {
  root: string;
  manifest: HostManifest;
}): (place: BylinePlace, accountId: string | null, locale?: string) => Promise<BylineText | null> {
  return async (place, accountId, locale = 'en-US') => {
    // The static title and tooltip are the manifest's, in the person's language.
    const byline = manifestFor(args.manifest, locale).byline;
    if (!byline) return null;
    const fallback = {
      title: byline.title,
      tooltip: byline.tooltip,
      icon: bylineIconUrl(byline.icon, args.manifest) ?? null,
    };
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
      })) as { title?: unknown; tooltip?: unknown; icon?: unknown } | null;
      const icon = bylineIconUrl(answer?.icon, args.manifest);
      // An icon Confluence may not load: the dynamic properties are dropped, the defaults stay.
      if (icon === undefined) return fallback;
      return {
        title: typeof answer?.title === 'string' ? answer.title : fallback.title,
        tooltip: typeof answer?.tooltip === 'string' ? answer.tooltip : fallback.tooltip,
        icon: icon ?? fallback.icon,
      };
    } catch {
      // Confluence keeps the static title when the function fails.
      return fallback;
    }
  };
}
