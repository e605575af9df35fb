/** Reads what the host needs from manifest.yml: resources, module keys, routes and CSP hints. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** The host's view of the app manifest (titles in one locale: see `manifestFor`). */
export type HostManifest = {
  /** The locale the titles are in. */
  locale: string;
  /** Root the manifest was read from (catalogues are read relative to it). */
  root: string;
  /** Resource key → absolute directory. */
  resources: Map<string, string>;
  macro: { key: string; resource: string; title: string };
  spacePage: { key: string; resource: string; route: string; title: string };
  /** `permissions.content.styles` contains `unsafe-inline`. */
  unsafeInlineStyles: boolean;
  /** Export name of the resolver function's handler in src/index.ts. */
  resolverExport: string;
  /** The `confluence:contentBylineItem` module, if any (drawn in the page byline). */
  byline:
    | (PageModule & {
        tooltip: string;
        /** The manifest's icon (`resource:<key>;<path>`), if any. */
        icon: string | null;
        viewportContainer: 'popup' | 'modal';
        /** Export in src/index.ts of its `dynamicProperties` function, if any. */
        dynamicExport: string | null;
      })
    | null;
  /** The `confluence:contentAction` modules (the page's ••• menu), in manifest order. */
  contentActions: PageModule[];
};

/** A page-level module as the shell draws it. */
export type PageModule = { key: string; resource: string; title: string; viewportSize: string };

type RawModule = {
  key?: unknown;
  tooltip?: unknown;
  icon?: unknown;
  viewportSize?: unknown;
  viewportContainer?: unknown;
  dynamicProperties?: { function?: unknown };
  resource?: unknown;
  title?: unknown;
  route?: unknown;
  resolver?: { function?: unknown };
};

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' && v !== '' ? v : fallback;
}

/**
 * The catalogue lookup Confluence does for a manifest text: a plain string as written, an
 * `{i18n: key}` in the person's locale, then in `translations.fallback.default`, key by key.
 */
function textReader(
  root: string,
  raw: Record<string, unknown>,
  locale: string,
): (v: unknown, fallback: string) => string {
  const t = (raw.translations ?? {}) as {
    resources?: { key?: unknown; path?: unknown }[];
    fallback?: { default?: unknown };
  };
  const catalogue = (key: unknown): Record<string, unknown> => {
    const r = (t.resources ?? []).find((x) => x.key === key);
    if (!r || typeof r.path !== 'string') return {};
    const file = path.join(root, r.path);
    return existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
      : {};
  };
  const chain = [catalogue(locale), catalogue(t.fallback?.default)];
  return (v, fallback) => {
    if (v && typeof v === 'object' && typeof (v as { i18n?: unknown }).i18n === 'string') {
      const key = (v as { i18n: string }).i18n;
      for (const c of chain) if (typeof c[key] === 'string' && c[key] !== '') return c[key];
      return key;
    }
    return str(v, fallback);
  };
}

/** The manifest with its titles in `locale` (Confluence translates `{i18n}` texts per person). */
export function manifestFor(manifest: HostManifest, locale: string): HostManifest {
  if (manifest.locale === locale) return manifest;
  return { ...loadManifest(manifest.root, locale), resources: manifest.resources };
}

/** Loads the manifest at `<root>/manifest.yml` (fixed defaults when absent), titles in `locale`. */
export function loadManifest(root: string, locale = 'en-US'): HostManifest {
  const file = path.join(root, 'manifest.yml');
  const raw = existsSync(file)
    ? (parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  const modules = (raw.modules ?? {}) as Record<string, RawModule[] | undefined>;
  const text = textReader(root, raw, locale);
  const macro = modules.macro?.[0] ?? {};
  const spacePage = modules['confluence:spacePage']?.[0] ?? {};
  const resources = new Map<string, string>();
  for (const r of (raw.resources ?? []) as { key?: unknown; path?: unknown }[]) {
    if (typeof r.key === 'string' && typeof r.path === 'string') {
      resources.set(r.key, path.resolve(root, r.path));
    }
  }
  if (resources.size === 0) resources.set('main', path.resolve(root, 'static/app/build'));
  const functionKey = str(macro.resolver?.function, 'resolver');
  const fn = ((modules.function ?? []) as { key?: unknown; handler?: unknown }[]).find(
    (f) => f.key === functionKey,
  );
  const handler = str(fn?.handler, 'index.handler');
  const exportOf = (functionKey: unknown): string | null => {
    const f = ((modules.function ?? []) as { key?: unknown; handler?: unknown }[]).find(
      (x) => x.key === functionKey,
    );
    const h = typeof f?.handler === 'string' ? f.handler : '';
    return h.includes('.') ? h.slice(h.indexOf('.') + 1) : null;
  };
  const pageModule = (m: RawModule): PageModule => ({
    key: str(m.key, 'page-module'),
    resource: str(m.resource, 'main'),
    title: text(m.title, 'App'),
    viewportSize: str(m.viewportSize, 'medium'),
  });
  const rawByline = modules['confluence:contentBylineItem']?.[0];
  const byline = rawByline
    ? {
        ...pageModule(rawByline),
        tooltip: text(rawByline.tooltip, ''),
        icon: typeof rawByline.icon === 'string' ? rawByline.icon : null,
        viewportContainer:
          rawByline.viewportContainer === 'modal' ? ('modal' as const) : ('popup' as const),
        dynamicExport: exportOf(rawByline.dynamicProperties?.function),
      }
    : null;
  const permissions = (raw.permissions ?? {}) as { content?: { styles?: unknown } };
  const styles = permissions.content?.styles;
  return {
    locale,
    root,
    resources,
    macro: {
      key: str(macro.key, 'journey-map'),
      resource: str(macro.resource, 'main'),
      title: text(macro.title, 'Journey map'),
    },
    spacePage: {
      key: str(spacePage.key, 'journey-maps-index'),
      resource: str(spacePage.resource, 'main'),
      route: str(spacePage.route, 'journey-maps'),
      title: text(spacePage.title, 'Journey maps'),
    },
    unsafeInlineStyles: Array.isArray(styles) && styles.includes('unsafe-inline'),
    resolverExport: handler.slice(handler.indexOf('.') + 1) || 'handler',
    byline,
    contentActions: (modules['confluence:contentAction'] ?? []).map(pageModule),
  };
}
