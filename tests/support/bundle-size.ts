import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { inlineScripts } from '../../dev/host/inline-script-hashes';

/** index.html's inline scripts (the boot script, decision 0057), as the host reads them. */
export { inlineScripts };

/** The built app's entry HTML and its directory. */
const BUILD_DIR = join(process.cwd(), 'static/app/build');

/** JS files the browser loads before first render: the entry script and its modulepreloads. */
export function initialScripts(buildDir = BUILD_DIR): string[] {
  const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => (m[1] ?? '').replace(/^\.\//, ''));
  return [...new Set(srcs)].filter((s) => s.endsWith('.js'));
}

/** Gzip size (level 9) in bytes of the macro's initial JS: its files and index.html's inline scripts. */
export function initialJsGzipBytes(buildDir = BUILD_DIR): {
  files: string[];
  bytes: number;
  inlineBytes: number;
} {
  const files = initialScripts(buildDir);
  const inline = inlineScripts(readFileSync(join(buildDir, 'index.html'), 'utf8'));
  const inlineBytes = inline.reduce((sum, s) => sum + gzipSync(s, { level: 9 }).length, 0);
  const bytes = files.reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(buildDir, f)), { level: 9 }).length,
    inlineBytes,
  );
  return { files, bytes, inlineBytes };
}

/** The macro's initial JS budget (docs/PERFORMANCE.md). */
export const INITIAL_JS_BUDGET_BYTES = 120 * 1024;
