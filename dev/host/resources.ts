/**
 * Serves Custom UI resources at `/__forge/resources/<key>/...` the way Forge's CDN does, with
 * our bridge injected as the FIRST element of `<head>` of index.html (every @forge/bridge module
 * reads `globalThis.__bridge` when it is imported) and a CSP shaped like Forge's.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { LOCALES_FOLDER, localeBundle } from '../forge-runtime/locale-bundle';
import type { LocalConfig } from './client/protocol';
import { clientScript } from './client-script';
import { buildContext } from './context';
import type { FrameRef, FrameTokens } from './frame-token';
import { CONTENT_TYPES, send, sendHtml } from './http';
import { inlineScriptHashes } from './inline-script-hashes';
import type { HostManifest } from './manifest';
import { THEME_ATTR, tokenSheetUrls } from './tokens';
import type { Viewer } from './viewer';

/** How content-hashed resource files may be cached (HostOptions.assetCache). */
export type AssetCache = 'revalidate' | 'immutable';

/** A build's content-hashed file (Vite names them `assets/<name>-<8 hash chars>.<ext>`). */
const HASHED = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|css)$/;

/** Whether a resource's own inline scripts may run (HostOptions.inlineScripts). */
export type InlineScripts = 'hash' | 'refuse';

/** URL prefix of resources. */
export const RESOURCE_PREFIX = '/__forge/resources/';

/** The iframe URL of a resource's entry page for a frame, at the host's resource origin. */
export function resourceEntryUrl(args: {
  ref: FrameRef;
  tokens: FrameTokens;
  /** Where resources are served (`HostUrls.resourceOrigin`): not the page's origin, as on Forge. */
  origin: string;
  frameId?: string;
  historyPath?: string;
}): string {
  const q = new URLSearchParams({ __t: args.tokens.sign(args.ref) });
  if (args.frameId) q.set('__f', args.frameId);
  if (args.historyPath) q.set('__h', args.historyPath);
  return `${args.origin}${RESOURCE_PREFIX}${encodeURIComponent(args.ref.resourceKey)}/index.html?${q.toString()}`;
}

/** Serialises a value for an inline script (no `</script>` or line separators can break out). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function csp(args: {
  nonce: string;
  manifest: HostManifest;
  scriptHashes: string[];
  siteUrl: string;
}): string {
  const styles = args.manifest.unsafeInlineStyles ? "'self' 'unsafe-inline'" : "'self'";
  // The nonce is the local bridge's (Forge loads its bridge from its CDN); the app's own inline
  // scripts run by their hashes, as Forge's CSP service allows them (decision 0057).
  const hashes = args.scriptHashes.map((h) => ` '${h}'`).join('');
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${args.nonce}'${hashes}`,
    `style-src ${styles}`,
    // As Forge: the site's own images are allowed; the frame may be embedded by the site only.
    `img-src 'self' data: blob: ${args.siteUrl}`,
    "media-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    `frame-ancestors ${args.siteUrl}`,
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // As Forge: no top navigation from the app (it must use router.navigate).
    'sandbox allow-popups allow-popups-to-escape-sandbox allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts',
  ].join('; ');
}

/** Injects the bridge as the first element of `<head>`. */
export function injectBridge(html: string, bootstrap: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) {
    const at = head.index + head[0].length;
    return html.slice(0, at) + bootstrap + html.slice(at);
  }
  const root = /<html(\s[^>]*)?>/i.exec(html);
  const at = root ? root.index + root[0].length : 0;
  return `${html.slice(0, at)}<head>${bootstrap}</head>${html.slice(at)}`;
}

/** Handles a GET under RESOURCE_PREFIX. */
export function serveResource(args: {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  manifest: HostManifest;
  tokens: FrameTokens;
  viewer: Viewer;
  siteUrl: string;
  assetCache: AssetCache;
  inlineScripts: InlineScripts;
}): void {
  const { res, url, manifest } = args;
  const rest = url.pathname.slice(RESOURCE_PREFIX.length);
  const slash = rest.indexOf('/');
  const key = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
  const dir = manifest.resources.get(key);
  if (!dir) return sendHtml(res, 404, `<p>No resource "${escapeText(key)}" in manifest.yml.</p>`);
  let rel: string;
  try {
    rel = decodeURIComponent(slash < 0 ? '' : rest.slice(slash + 1));
  } catch {
    return sendHtml(res, 400, '<p>Bad path.</p>');
  }
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  if (rel.startsWith(`${LOCALES_FOLDER}/`)) {
    // The CLI bundles the catalogues next to index.html (decision 0035); built per request so
    // an edited catalogue shows on reload.
    const text = localeBundle().get(rel.slice(LOCALES_FOLDER.length + 1));
    if (text === undefined) return send(res, 404, 'Not found');
    return send(res, 200, text, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
  }
  const file = path.resolve(dir, rel);
  if (!file.startsWith(dir + path.sep)) return sendHtml(res, 403, '<p>Outside the resource.</p>');
  if (!existsSync(dir)) {
    return sendHtml(
      res,
      503,
      `<p style="font-family:sans-serif">Resource "${escapeText(key)}" is not built yet (${escapeText(dir)}). Run <code>npm run build:ui</code>.</p>`,
    );
  }
  if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'Not found');
  const ext = path.extname(file).toLowerCase();
  if (rel === 'index.html') return serveEntry({ ...args, file });
  // `no-cache` with a validator, as a static host does: the browser keeps the file and asks
  // whether it changed (304), instead of downloading every chunk again on every page view.
  const stat = statSync(file);
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = {
    'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'cache-control':
      args.assetCache === 'immutable' && HASHED.test(rel)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    etag,
    'x-content-type-options': 'nosniff',
  };
  if (args.req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  send(res, 200, readFileSync(file), headers);
}

function serveEntry(args: {
  res: ServerResponse;
  url: URL;
  manifest: HostManifest;
  tokens: FrameTokens;
  viewer: Viewer;
  siteUrl: string;
  file: string;
  inlineScripts: InlineScripts;
}): void {
  const { url } = args;
  const token = url.searchParams.get('__t');
  const ref = args.tokens.verify(token);
  if (!ref) {
    return sendHtml(
      args.res,
      403,
      '<p style="font-family:sans-serif">This Forge resource must be opened from a page of the local host (its frame token is missing or stale). Reload the page.</p>',
    );
  }
  const frameId = (url.searchParams.get('__f') ?? 'frame').slice(0, 80);
  const modalId = url.searchParams.get('__m');
  const cfg: LocalConfig = {
    token,
    frameId,
    modalId: modalId ? modalId.slice(0, 80) : null,
    historyPath: url.searchParams.get('__h') ?? '/',
    parentOrigin: args.siteUrl,
    rpcUrl: '/__forge/rpc',
    realtimeUrl: '/__forge/realtime',
    context: buildContext({ ref, viewer: args.viewer, siteUrl: args.siteUrl }),
    themeAttr: THEME_ATTR,
    tokenSheets: tokenSheetUrls(),
    spacePage: { moduleKey: args.manifest.spacePage.key, route: args.manifest.spacePage.route },
  };
  const nonce = randomBytes(16).toString('base64');
  const bridge = clientScript('bridge');
  const bootstrap = `<script nonce="${nonce}">window.__forgeLocal=${scriptJson(cfg)};\n${bridge}</script>`;
  const page = readFileSync(args.file, 'utf8');
  const scriptHashes = args.inlineScripts === 'hash' ? inlineScriptHashes(page) : [];
  const policy = csp({ nonce, manifest: args.manifest, scriptHashes, siteUrl: args.siteUrl });
  sendHtml(args.res, 200, injectBridge(page, bootstrap), { 'content-security-policy': policy });
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
