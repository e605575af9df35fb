/**
 * The local Confluence page links one token sheet holding every theme (decision 0057): one
 * request instead of five for the page and for each frame that enables theming.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../dev/host/index';
import { startHost } from '../../../dev/host/index';
import { TOKEN_THEME_IDS } from '../../../dev/host/tokens';

let host: Host;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'jm-token-sheets-'));
  host = await startHost({ port: 0, dataDir: dir });
}, 60_000);
afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('token sheets', () => {
  it('the page links one sheet, which holds every theme in order', async () => {
    const page = await (await fetch(`${host.url}/`)).text();
    const sheets = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets).toEqual(['/__forge/tokens/all.css', '/__shell/assets/shell.css']);
    const all = await (await fetch(`${host.url}/__forge/tokens/all.css`)).text();
    const each = await Promise.all(
      TOKEN_THEME_IDS.map(async (id) =>
        (await fetch(`${host.url}/__forge/tokens/${id}.css`)).text(),
      ),
    );
    expect(each.every((css) => css.length > 0)).toBe(true);
    expect(all).toBe(each.join('\n'));
  });
});
