import type { Plugin } from 'vite';

/**
 * Builds `src/early.ts` as the frame's first entry and puts its script in front of the main
 * entry's in index.html (decision 0044): a module script runs once its own small graph is in,
 * so `getContext` and `map/load` start without waiting for the main entry's larger graph.
 */
export function earlyEntry(input: string): Plugin {
  return {
    name: 'jm-early-entry',
    apply: 'build',
    config: () => ({ build: { rollupOptions: { input: { early: input } } } }),
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.name === 'early',
        );
        if (!chunk) throw new Error('jm-early-entry: the early chunk was not built');
        return [
          {
            tag: 'script',
            attrs: { type: 'module', crossorigin: true, src: `./${chunk.fileName}` },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}
