import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import type { Plugin } from 'vite';
import { BUILD_ALIASES, UI_ALIASES } from './aliases';

/** The inline boot script's budget in bytes, before gzip (it rides in every frame document). */
export const INLINE_BOOT_MAX_BYTES = 6 * 1024;

const modulePath = (p: string): string =>
  fileURLToPath(new URL(`../node_modules/${p}`, import.meta.url));

/**
 * The boot script enters the bridge's invoke at the one file it uses: the folder's CommonJS index
 * re-exports it through tslib, which would come into every frame document.
 */
const DIRECT: Readonly<Record<string, string>> = {
  '@forge/bridge/out/invoke': modulePath('@forge/bridge/out/invoke/invoke.js'),
};

/** Builds `entry` as one minified classic script (no imports left), with the UI's aliases. */
async function classicScript(entry: string): Promise<string> {
  const bundle = await build({
    input: entry,
    write: false,
    platform: 'browser',
    plugins: [
      {
        name: 'jm-inline-boot-aliases',
        resolveId(source, importer) {
          const direct = DIRECT[source];
          if (direct) return direct;
          for (const { find, replacement } of [...BUILD_ALIASES, ...UI_ALIASES]) {
            if (find.test(source)) return this.resolve(source.replace(find, replacement), importer);
          }
          return null;
        },
      },
    ],
    output: { format: 'iife', minify: true, codeSplitting: false },
  });
  const [chunk, ...rest] = bundle.output;
  if (!chunk || rest.some((o) => o.type === 'chunk')) {
    throw new Error('jm-inline-boot: the boot script must build to one chunk');
  }
  return chunk.code.trim();
}

/**
 * Writes `entry` (boot.ts) into index.html as an inline script at the top of `<head>` (decision
 * 0057): `getContext` and `map/load` start when the frame's document arrives, one round trip
 * before any of the app's files could run. Forge's CSP allows an inline script of the app's
 * index.html by its hash; if a host refused it anyway, the main entry starts the same calls.
 * Also preloads the token theme chunk, which the first paint waits for.
 */
export function inlineBoot(entry: string): Plugin {
  return {
    name: 'jm-inline-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: async (html, ctx) => {
        const code = await classicScript(entry);
        if (/<\/script|<!--/i.test(code)) throw new Error('jm-inline-boot: unsafe text in script');
        if (Buffer.byteLength(code) > INLINE_BOOT_MAX_BYTES) {
          throw new Error(
            `jm-inline-boot: ${Buffer.byteLength(code)} B > ${INLINE_BOOT_MAX_BYTES}`,
          );
        }
        const theme = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.name === 'theme',
        );
        if (!theme) throw new Error('jm-inline-boot: the theme chunk was not built');
        // Right after the charset (which must stay in the first 1,024 bytes) and before any
        // stylesheet: an inline script waits for the stylesheets above it before it runs.
        const charset = /<meta charset="utf-8"\s*\/?>/i.exec(html);
        if (!charset) throw new Error('jm-inline-boot: index.html has no <meta charset>');
        const at = charset.index + charset[0].length;
        return {
          html: `${html.slice(0, at)}\n    <script>${code}</script>${html.slice(at)}`,
          tags: [
            {
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `./${theme.fileName}` },
              injectTo: 'head',
            },
          ],
        };
      },
    },
  };
}
