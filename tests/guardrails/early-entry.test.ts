/**
 * The macro frame's early entry (decision 0044) is the first script of index.html and its own
 * static graph stays small and free of the main entry: it must run, and start `getContext` and
 * `map/load`, without waiting for React, the language or the editor. Needs `npm run build:ui`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const BUILD = join(process.cwd(), 'static/app/build');
/** The early graph's budget: the bridge's view and invoke, the theme loader, the runtime. */
const EARLY_GRAPH_BUDGET = 16 * 1024;

const read = (file: string): string => readFileSync(join(BUILD, file), 'utf8');

/** Files a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`). */
function staticImports(file: string): string[] {
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  return [...read(file).matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map(
    (m) => dir + (m[1] ?? ''),
  );
}

function graphOf(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const f = todo.pop() as string;
    if (seen.has(f)) continue;
    seen.add(f);
    todo.push(...staticImports(f));
  }
  return seen;
}

describe('the early entry', () => {
  const scripts = [...read('index.html').matchAll(/<script[^>]*\bsrc="\.\/([^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );

  it('is the first script of index.html, before the main entry', () => {
    expect(scripts[0]).toMatch(/^assets\/early-[\w-]+\.js$/);
    // async: it runs when its graph is in, not after parsing and the stylesheets (decision 0051).
    expect(read('index.html')).toMatch(
      /<script type="module" async crossorigin src="\.\/assets\/early-/,
    );
    expect(scripts[1]).toMatch(/^assets\/index-[\w-]+\.js$/);
  });

  it('loads a small graph without the main entry', () => {
    const graph = graphOf(scripts[0] ?? '');
    expect([...graph].some((f) => f === scripts[1])).toBe(false);
    const gz = [...graph].reduce((n, f) => n + gzipSync(read(f), { level: 9 }).length, 0);
    expect(gz).toBeLessThanOrEqual(EARLY_GRAPH_BUDGET);
  });
});
