/**
 * Atlassian design tokens in this frame. `view.theme.enable()` asks the host to theme us; the
 * token CSS itself comes from @atlaskit/tokens' own theme artifacts, bundled as lazy chunks of
 * this build (served next to it: no network beyond our own resource). We load them the way
 * `setGlobalTheme` does (a <style> per theme, `data-theme` / `data-color-mode` on <html>) but
 * without `setGlobalTheme` itself, which pulls a feature-flag client (~35 KB gzip) into the
 * initial bundle. The colour mode follows the host: the context's theme first, then
 * `data-color-mode` on <html> whenever the host changes it, then the OS preference.
 */

type ColorMode = 'light' | 'dark';
type ThemeCss = { default: string };

const LOADERS: Readonly<Record<string, () => Promise<ThemeCss>>> = {
  light: () => import('@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-light.js'),
  dark: () => import('@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-dark.js'),
  spacing: () => import('@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-spacing.js'),
  typography: () => import('@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-typography.js'),
  shape: () => import('@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-shape.js'),
};

/** The `data-theme` value the artifacts' selectors expect. */
export const THEME_ATTRIBUTE =
  'dark:dark light:light shape:shape spacing:spacing typography:typography';

let written: string | undefined;
const loaded = new Map<string, Promise<void>>();

function loadTheme(id: string): Promise<void> {
  let task = loaded.get(id);
  const loader = LOADERS[id];
  if (!task && loader) {
    task = loader().then((mod) => {
      const style = document.createElement('style');
      style.dataset.theme = id;
      style.textContent = mod.default;
      document.head.appendChild(style);
    });
    loaded.set(id, task);
  }
  return task ?? Promise.resolve();
}

function asMode(value: unknown): ColorMode | 'auto' | null {
  return value === 'light' || value === 'dark' || value === 'auto' ? value : null;
}

function resolve(mode: ColorMode | 'auto'): ColorMode {
  if (mode !== 'auto') return mode;
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

/** Loads the token themes for `mode` and marks <html> with it. */
export async function applyColorMode(mode: ColorMode | 'auto'): Promise<void> {
  const resolved = resolve(mode);
  await Promise.all([
    loadTheme(resolved),
    loadTheme('spacing'),
    loadTheme('typography'),
    loadTheme('shape'),
  ]);
  const html = document.documentElement;
  html.setAttribute('data-theme', THEME_ATTRIBUTE);
  written = resolved;
  html.setAttribute('data-color-mode', resolved);
}

/** Applies the host's theme and keeps following it. */
export async function setUpTheme(
  hostTheme: { colorMode?: unknown } | null | undefined,
): Promise<void> {
  const html = document.documentElement;
  const requested = asMode(hostTheme?.colorMode) ?? asMode(html.dataset.colorMode) ?? 'auto';
  await applyColorMode(requested);
  new MutationObserver(() => {
    const next = asMode(html.dataset.colorMode);
    // Only a change we did not write ourselves counts (the host switching theme).
    if (next && next !== written) void applyColorMode(next);
  }).observe(html, { attributes: true, attributeFilter: ['data-color-mode'] });
  if (requested === 'auto' && typeof matchMedia === 'function') {
    matchMedia('(prefers-color-scheme: dark)').addEventListener(
      'change',
      () => void applyColorMode('auto'),
    );
  }
}
