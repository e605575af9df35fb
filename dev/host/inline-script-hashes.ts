/**
 * The `script-src` hashes Forge's CSP gives a Custom UI resource's index.html: one `sha256-…` per
 * inline `<script>` (no `src`, not empty), over its text exactly as written (`@forge/csp`'s
 * CSPProcessingService; the conformance test compares the two on the built index.html).
 */
import { createHash } from 'node:crypto';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** The text of each inline script (no `src`, not empty) of an HTML document, in order. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(SCRIPT)]
    .filter(([, attrs = '', text = '']) => !/\bsrc\s*=/i.test(attrs) && text !== '')
    .map(([, , text = '']) => text);
}

/** The CSP source values (without quotes) allowing the inline scripts of `html`. */
export function inlineScriptHashes(html: string): string[] {
  return inlineScripts(html).map(
    (text) => `sha256-${createHash('sha256').update(text).digest('base64')}`,
  );
}
