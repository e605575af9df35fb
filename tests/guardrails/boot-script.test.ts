/**
 * The macro frame's boot script (decision 0057): index.html carries it inline, right after the
 * charset and before any stylesheet or module script, as a small classic script that starts
 * `getContext` and a page view's `map/load` the moment the document arrives; the first card's
 * files are all named by index.html itself, so they load in one round trip. Needs
 * `npm run build:ui`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script, createContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inlineScripts, initialScripts } from '../support/bundle-size';

const BUILD = join(process.cwd(), 'static/app/build');
const read = (file: string): string => readFileSync(join(BUILD, file), 'utf8');
const html = read('index.html');
const [boot = ''] = inlineScripts(html);

/** Files a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`). */
function staticImports(file: string): string[] {
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  return [...read(file).matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map(
    (m) => dir + (m[1] ?? ''),
  );
}

type Call = { cmd: string; payload: unknown };

/** Runs the built boot script in a fresh realm whose bridge answers `context`. */
async function runBoot(context: Record<string, unknown>): Promise<{
  calls: Call[];
  slot: { context: Promise<unknown> | null; load: { pageId: string; localId: string } | null };
}> {
  const calls: Call[] = [];
  const realm: Record<string, unknown> = {
    __bridge: {
      callBridge: (cmd: string, payload: unknown) => {
        calls.push({ cmd, payload });
        return Promise.resolve(cmd === 'getContext' ? structuredClone(context) : { ok: true });
      },
    },
  };
  realm.globalThis = realm;
  new Script(boot).runInContext(createContext(realm));
  const slot = realm.__jmEarly as Awaited<ReturnType<typeof runBoot>>['slot'];
  await slot.context;
  await new Promise((r) => setTimeout(r, 0));
  return { calls, slot };
}

describe('the inline boot script', () => {
  it('is the one inline script, after the charset and before every stylesheet and module', () => {
    expect(inlineScripts(html)).toHaveLength(1);
    const at = html.indexOf(`<script>${boot}</script>`);
    expect(at).toBeGreaterThan(html.search(/<meta charset="utf-8"/i));
    // The charset must be declared within the first 1,024 bytes of the document.
    expect(html.search(/<meta charset="utf-8"/i)).toBeLessThan(1024);
    expect(at).toBeLessThan(html.search(/<link rel="stylesheet"/));
    expect(at).toBeLessThan(html.search(/<script type="module"/));
  });

  it('is a small classic script (no module syntax)', () => {
    expect(() => new Script(boot)).not.toThrow();
    expect(gzipSync(boot, { level: 9 }).length).toBeLessThanOrEqual(2.5 * 1024);
  });

  it("starts a page view's map/load with the context's page, macro and locale", async () => {
    const { calls, slot } = await runBoot({
      moduleKey: 'journey-map',
      localId: 'm1',
      locale: 'zh_CN',
      extension: { type: 'page', content: { id: '42', type: 'page' } },
    });
    expect(calls.map((c) => c.cmd)).toEqual(['getContext', 'invoke']);
    expect(calls[1]?.payload).toEqual({
      functionKey: 'map/load',
      payload: { pageId: '42', localId: 'm1', locale: 'zh-CN' },
    });
    expect(slot.load).toMatchObject({ pageId: '42', localId: 'm1' });
  });

  it('starts nothing but the context for a focus modal or the space index', async () => {
    for (const context of [
      {
        moduleKey: 'journey-map',
        localId: 'm1',
        extension: { content: { id: '42' }, modal: { journeyMapFocus: {} } },
      },
      { moduleKey: 'journey-maps-index', localId: 'i', extension: { type: 'space' } },
    ]) {
      const { calls, slot } = await runBoot(context);
      expect(calls.map((c) => c.cmd)).toEqual(['getContext']);
      expect(slot.load).toBeNull();
    }
  });
});

describe("the first card's files", () => {
  it('are all named by index.html (one round trip), and few', () => {
    const named = initialScripts(BUILD);
    for (const file of named) {
      for (const dep of staticImports(file)) expect(named).toContain(dep);
    }
    expect(named.length).toBeLessThanOrEqual(4);
    expect(named.some((f) => /^assets\/theme-[\w-]+\.js$/.test(f))).toBe(true);
  });
});
