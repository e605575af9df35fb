import type { Plugin } from 'vite';

/**
 * Builds `src/early.ts` as the frame's first entry and puts its script in front of the main
 * entry's in index.html, its imports preloaded first (decision 0044): a module script runs once
 * its own small graph is in, so `getContext` and `map/load` start without waiting for the main
 * entry's larger graph. It is `async` (decision 0051): a deferred module script also waits for
 * the document's parsing and every stylesheet in it (a 304 of index.css queued behind the
 * preloads on a warm view); `earlyStart()` is idempotent, so either entry may run first.
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
        // Its whole static graph is preloaded right after it, ahead of the main entry's files.
        const imports: string[] = [];
        const visit = (file: string): void => {
          const c = ctx.bundle?.[file];
          if (c?.type !== 'chunk') return;
          for (const dep of c.imports) {
            if (imports.includes(dep)) continue;
            imports.push(dep);
            visit(dep);
          }
        };
        visit(chunk.fileName);
        return [
          {
            tag: 'script',
            attrs: { type: 'module', async: true, crossorigin: true, src: `./${chunk.fileName}` },
            injectTo: 'head-prepend',
          },
          ...imports.map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head-prepend' as const,
          })),
        ];
      },
    },
  };
}
