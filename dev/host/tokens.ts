/** The Atlassian design-token themes (CSS custom properties) the shell and the iframes load. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Theme ids we serve, as `/__forge/tokens/<id>.css`. */
export const TOKEN_THEME_IDS = ['light', 'dark', 'spacing', 'typography', 'shape'] as const;

/** The `data-theme` attribute value that activates all of them. */
export const THEME_ATTR = 'dark:dark light:light shape:shape spacing:spacing typography:typography';

const cache = new Map<string, string>();

/** The id of the one sheet holding every theme, in TOKEN_THEME_IDS order. */
const ALL = 'all';

/** The CSS of a theme id (or `all` of them), or null if unknown. */
export function tokenCss(id: string): string | null {
  if (id === ALL) return TOKEN_THEME_IDS.map((t) => tokenCss(t) ?? '').join('\n');
  if (!(TOKEN_THEME_IDS as readonly string[]).includes(id)) return null;
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  // @atlaskit/tokens ships each theme as a JS module whose default export is the CSS text.
  const mod = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/atlassian-${id}.js`) as {
    default?: unknown;
  };
  const css = typeof mod.default === 'string' ? mod.default : '';
  cache.set(id, css);
  return css;
}

/**
 * URLs of the token stylesheets: one file with every theme, one request for the page and for each
 * frame that enables theming instead of five (decision 0057; five once held five of the six
 * connections the frames shared with the page, before they moved to their own origin, 0058).
 */
export function tokenSheetUrls(): string[] {
  return [`/__forge/tokens/${ALL}.css`];
}
