/**
 * The local Forge host end to end: real chromium, the real @forge/bridge (bundled from the test
 * resource), the real resolver handler and the emulator. Two browser contexts are two people.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyFrame, pageIdOf as pageIdIn } from '../editor/support';
import type { Host } from '../../../dev/host/index';
import { startHost } from '../../../dev/host/index';
import { DEMO_TITLES } from '../../../dev/seed/demo';
import { launchBrowser } from '../../support/browser';
import { buildTestResource } from './build-test-resource';

let host: Host;
let browser: Browser;
let dataDir: string;
let resourceDir: string;

const pageIdOf = (title: string): string => pageIdIn({ host }, title);

async function contextAs(accountId: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx.addCookies([{ name: 'jm_user', value: accountId, url: host.url }]);
  return ctx;
}

async function openPage(page: Page, title: string): Promise<void> {
  const res = await page.goto(`${host.url}/wiki/pages/viewpage.action?pageId=${pageIdOf(title)}`);
  expect(res?.status()).toBe(200);
}

/** The Forge frame of the n-th macro on the page, once its bridge said hello. */
async function macroFrame(page: Page, index = 0): Promise<Frame> {
  const frame = await readyFrame(
    page.locator('iframe.jm-forge-frame[data-frame-id^="macro-"]').nth(index),
    'module',
  );
  return frame;
}

async function textOf(frame: Frame, id: string, notValue: string): Promise<string> {
  await expect.poll(() => frame.textContent(`#${id}`), { timeout: 15_000 }).not.toBe(notValue);
  return (await frame.textContent(`#${id}`)) ?? '';
}

beforeAll(async () => {
  resourceDir = await buildTestResource();
  dataDir = mkdtempSync(path.join(tmpdir(), 'jm-host-e2e-'));
  host = await startHost({ port: 0, dataDir, resources: { main: resourceDir } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(resourceDir, { recursive: true, force: true });
});

describe('local Forge host', () => {
  it('serves the shell with spaces, sidebar and the demo pages', async () => {
    const ctx = await contextAs('acc-admin');
    const page = await ctx.newPage();
    await page.goto(host.url);
    await expect
      .poll(() => page.locator('.jm-card h3').allTextContents())
      .toEqual(['Customer Experience', 'Onboarding']);
    await page.click('text=Customer Experience');
    await expect
      .poll(() => page.locator('[data-testid="space-page-link"]').textContent())
      .toBe('Journey maps');
    const tree = await page.locator('.jm-tree').textContent();
    expect(tree).toContain(DEMO_TITLES.alana);
    expect(tree).toContain(DEMO_TITLES.restricted);
    await page.screenshot({ path: '/tmp/jm-host-space-home.png', fullPage: true });
    await ctx.close();
  });

  it('gives a macro its context through the injected bridge and runs the real resolver', async () => {
    const ctx = await contextAs('acc-admin');
    const page = await ctx.newPage();
    await openPage(page, DEMO_TITLES.alana);
    const frame = await macroFrame(page);
    expect(await textOf(frame, 'module', '…')).toBe('journey-map');
    expect(await textOf(frame, 'account', '…')).toBe('acc-admin');
    expect(await textOf(frame, 'bridge-first', '…')).toBe('true');
    const invoked = JSON.parse(await textOf(frame, 'invoke-result', 'pending')) as {
      ok: boolean;
      data: { version: number };
    };
    expect(invoked.ok).toBe(true);
    expect(invoked.data.version).toBeGreaterThanOrEqual(2); // created, then photos and link applied
    expect(await textOf(frame, 'fetch-result', 'pending')).toBe(`200 ${DEMO_TITLES.alana}`);
    const context = JSON.parse((await frame.textContent('#context')) ?? '{}') as {
      localId: string;
      extension: {
        type: string;
        content: { id: string; type: string };
        space: { key: string };
        isEditing: boolean;
      };
    };
    const localId = await page.locator('.jm-macro').first().getAttribute('data-local-id');
    expect(context.localId).toBe(localId);
    expect(context.extension).toMatchObject({
      type: 'macro',
      content: { id: pageIdOf(DEMO_TITLES.alana), type: 'page' },
      space: { key: 'CX' },
      isEditing: false,
    });
    // The page renders storage: photos from attachments, a status lozenge, an info panel.
    expect(await page.locator('.jm-body img.jm-image').count()).toBe(3);
    expect(await page.locator('.jm-body .jm-status').first().textContent()).toBe('Current state');
    expect(await page.locator('.jm-body .jm-panel-info').count()).toBe(1);
    // Auto-height: the iframe is sized to its document, not left at the default.
    await expect
      .poll(async () => (await page.locator('.jm-macro iframe').first().boundingBox())?.height ?? 0)
      .toBeGreaterThan(300);
    await page.screenshot({ path: '/tmp/jm-host-page.png', fullPage: true });
    await ctx.close();
  });

  it('shows flags in the parent page and runs their actions in the iframe', async () => {
    const ctx = await contextAs('acc-editor');
    const page = await ctx.newPage();
    await openPage(page, DEMO_TITLES.alana);
    const frame = await macroFrame(page);
    await textOf(frame, 'invoke-result', 'pending');
    await frame.click('#show-flag');
    const flag = page.locator('.jm-flag[data-flag-id="test-flag"]');
    await expect.poll(() => flag.isVisible()).toBe(true);
    expect(await flag.locator('.jm-flag-title').textContent()).toBe('Hello from the test resource');
    expect(await flag.locator('.jm-flag-description').textContent()).toBe('Shown for acc-editor');
    await page.screenshot({ path: '/tmp/jm-host-flag.png' });
    await flag.locator('button', { hasText: 'Undo' }).click();
    expect(await textOf(frame, 'flag-action', 'none')).toBe('undo clicked');
    await ctx.close();
  });

  it('opens a modal with its own context and hands the close payload to onClose', async () => {
    const ctx = await contextAs('acc-admin');
    const page = await ctx.newPage();
    await openPage(page, DEMO_TITLES.alana);
    const frame = await macroFrame(page);
    await textOf(frame, 'invoke-result', 'pending');
    await frame.click('#open-modal');
    const modal = await readyFrame(page.locator('.jm-modal iframe'), 'modal');
    expect(await textOf(modal, 'heading', 'Test resource')).toBe('In modal: modal');
    await modal.click('#close-modal');
    await expect.poll(() => page.locator('.jm-modal').count()).toBe(0);
    expect(await textOf(frame, 'modal-result', 'none')).toBe('closed with 42');
    await ctx.close();
  });

  it('inserts a macro (page version + 1) and relays events between the iframes of a page', async () => {
    const ctx = await contextAs('acc-editor');
    const page = await ctx.newPage();
    const id = pageIdOf(DEMO_TITLES.onboarding);
    const before = host.emulator.store.get('pages', id)?.version.number ?? 0;
    await openPage(page, DEMO_TITLES.onboarding);
    await page.click('[data-testid="insert-journey-map"]');
    await expect.poll(() => page.locator('.jm-macro').count()).toBe(2);
    expect(host.emulator.store.get('pages', id)?.version).toMatchObject({
      number: before + 1,
      authorId: 'acc-editor',
    });
    const first = await macroFrame(page, 0);
    const second = await macroFrame(page, 1);
    const newLocalId = await page.locator('.jm-macro').nth(1).getAttribute('data-local-id');
    // A fresh macro has no map yet: version 0.
    expect(await textOf(second, 'invoke-result', 'pending')).toBe(
      '{"ok":true,"data":{"version":0}}',
    );
    await textOf(first, 'invoke-result', 'pending');
    await second.click('#emit-event');
    const firstLocalId = await page.locator('.jm-macro').first().getAttribute('data-local-id');
    expect(await textOf(first, 'event-result', 'none')).toBe(`ping from ${newLocalId}`);
    expect(await second.textContent('#event-result')).toBe('none');
    expect(firstLocalId).not.toBe(newLocalId);
    await ctx.close();
  });

  it('creates a page with a journey map from the Create action', async () => {
    const ctx = await contextAs('acc-editor');
    const page = await ctx.newPage();
    await page.goto(`${host.url}/wiki/spaces/CX`);
    await page.click('text=+ Create');
    await page.fill('input[name="title"]', 'Checkout journey');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Create")')]);
    expect(await page.textContent('[data-testid="page-title"]')).toBe('Checkout journey');
    const frame = await macroFrame(page);
    expect(await textOf(frame, 'invoke-result', 'pending')).toBe(
      '{"ok":true,"data":{"version":0}}',
    );
    const created = [...host.emulator.store.all('pages')].find(
      (p) => p.title === 'Checkout journey',
    );
    expect(created?.authorId).toBe('acc-editor');
    // Same title again: Confluence's rule, shown in the form.
    await page.goto(`${host.url}/wiki/pages/createpage.action?spaceKey=CX`);
    await page.fill('input[name="title"]', 'Checkout journey');
    await page.click('button:has-text("Create")');
    expect(await page.locator('.jm-form-error').textContent()).toContain('already exists');
    await ctx.close();
  });

  it('delivers realtime channel messages across users viewing the same page', async () => {
    const admin = await contextAs('acc-admin');
    const editor = await contextAs('acc-editor');
    const a = await admin.newPage();
    const e = await editor.newPage();
    await openPage(a, DEMO_TITLES.future);
    await openPage(e, DEMO_TITLES.future);
    const fa = await macroFrame(a);
    const fe = await macroFrame(e);
    await textOf(fa, 'invoke-result', 'pending');
    await textOf(fe, 'invoke-result', 'pending');
    await fe.click('#realtime-publish');
    expect(await textOf(fa, 'realtime-result', 'none')).toBe('realtime from acc-editor');
    // Channels are scoped to the page: a frame on another page hears nothing.
    const other = await admin.newPage();
    await openPage(other, DEMO_TITLES.alana);
    const fo = await macroFrame(other);
    await textOf(fo, 'invoke-result', 'pending');
    await fe.click('#realtime-publish');
    await other.waitForTimeout(500);
    expect(await fo.textContent('#realtime-result')).toBe('none');
    await admin.close();
    await editor.close();
  });

  it('follows the theme toggle inside the iframe (data-color-mode)', async () => {
    const ctx = await contextAs('acc-admin');
    const page = await ctx.newPage();
    await openPage(page, DEMO_TITLES.future);
    const frame = await macroFrame(page);
    expect(await textOf(frame, 'theme', '…')).toBe('light');
    await page.click('#jm-theme-toggle');
    await expect.poll(() => frame.getAttribute('html', 'data-color-mode')).toBe('dark');
    expect(await page.getAttribute('html', 'data-color-mode')).toBe('dark');
    await page.screenshot({ path: '/tmp/jm-host-dark.png', fullPage: true });
    await page.reload();
    const again = await macroFrame(page);
    expect(await textOf(again, 'theme', '…')).toBe('dark');
    await ctx.close();
  });

  it('switches user from the top bar; viewers cannot insert macros', async () => {
    const ctx = await contextAs('acc-admin');
    const page = await ctx.newPage();
    await openPage(page, DEMO_TITLES.alana);
    expect(await page.locator('[data-testid="insert-journey-map"]').count()).toBe(1);
    await Promise.all([
      page.waitForNavigation(),
      page.selectOption('#jm-user-select', 'acc-viewer'),
    ]);
    expect(await page.locator('[data-testid="insert-journey-map"]').count()).toBe(0);
    const frame = await macroFrame(page);
    expect(await textOf(frame, 'account', '…')).toBe('acc-viewer');
    await ctx.close();
  });

  it('hides the restricted page from the outsider (404) but not from the editor', async () => {
    const editor = await contextAs('acc-editor');
    const outsider = await contextAs('acc-outsider');
    const url = `${host.url}/wiki/pages/viewpage.action?pageId=${pageIdOf(DEMO_TITLES.restricted)}`;
    const ok = await (await editor.newPage()).goto(url);
    expect(ok?.status()).toBe(200);
    const p = await outsider.newPage();
    const denied = await p.goto(url);
    expect(denied?.status()).toBe(404);
    expect(await p.locator('[data-testid="not-found"]').isVisible()).toBe(true);
    await p.goto(`${host.url}/wiki/spaces/CX`);
    expect(await p.locator('.jm-tree').textContent()).not.toContain(DEMO_TITLES.restricted);
    await editor.close();
    await outsider.close();
  });

  it('rebuilds multipart uploads and returns binary bodies as attachments; unknown commands reject', async () => {
    const ctx = await contextAs('acc-admin');
    const page = await ctx.newPage();
    await openPage(page, DEMO_TITLES.future);
    const frame = await macroFrame(page);
    expect(await textOf(frame, 'unknown-result', 'none')).toMatch(
      /^BridgeAPIError: .*"noSuchCommand"/,
    );
    await frame.click('#upload');
    expect(await textOf(frame, 'upload-result', 'none')).toMatch(/^200 then 200 image\/png \d+$/);
    await Promise.all([page.waitForURL(`${host.url}/wiki/spaces/CX`), frame.click('#navigate')]);
    const att = host.emulator.store
      .attachmentsOf(pageIdOf(DEMO_TITLES.future))
      .find((a) => a.title === 'uploaded-dot.png');
    expect(att?.version.authorId).toBe('acc-admin');
    await ctx.close();
  });

  it('serves the space page module with its own context', async () => {
    const ctx = await contextAs('acc-viewer');
    const page = await ctx.newPage();
    await page.goto(`${host.url}/wiki/spaces/CX`);
    await page.click('[data-testid="space-page-link"]');
    const frame = await readyFrame(page.locator('iframe[data-frame-id="space-page-CX"]'), 'module');
    expect(await textOf(frame, 'module', '…')).toBe('journey-maps-index');
    const context = JSON.parse((await textOf(frame, 'context', '')) || '{}') as {
      extension: { type: string; space: { id: string; key: string } };
    };
    expect(Object.keys(context.extension).sort()).toEqual(['space', 'type']);
    expect(context.extension.type).toBe('confluence:spacePage');
    expect(context.extension.space).toEqual({
      id: host.emulator.store.spaceByKey('CX')?.id,
      key: 'CX',
    });
    // Forge history: the space page's own routes show in the shell's URL and survive a reload.
    expect(await frame.textContent('#history-result')).toBe('/');
    await frame.click('#history-push');
    await expect
      .poll(() => page.url())
      .toBe(`${host.url}/wiki/spaces/CX/apps/journey-maps/maps/42`);
    expect(await frame.textContent('#history-result')).toBe('/maps/42');
    await page.goBack();
    expect(await textOf(frame, 'history-result', '/maps/42')).toBe('/');
    await page.goto(`${host.url}/wiki/spaces/CX/apps/journey-maps/maps/42`);
    const deep = await (
      await page.locator('iframe[data-frame-id="space-page-CX"]').elementHandle()
    )?.contentFrame();
    if (!deep) throw new Error('no frame');
    expect(await textOf(deep, 'history-result', 'none')).toBe('/maps/42');
    await ctx.close();
  });

  it('never executes hostile storage', async () => {
    const spaceId = host.emulator.store.spaceByKey('CX')?.id ?? '';
    const hostile =
      '<p>Hi<script>window.__pwned=1</script></p><img src=x onerror="window.__pwned=2">' +
      '<p onclick="window.__pwned=3" onmouseover="window.__pwned=3">hover</p>' +
      '<a href="javascript:window.__pwned=4">js link</a><a href="  java\tscript:alert(1)">tab link</a>' +
      '<iframe src="javascript:parent.__pwned=5"></iframe><svg><script>window.__pwned=6</script></svg>' +
      '<ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">red" onmouseover="x</ac:parameter><ac:parameter ac:name="title"><![CDATA[<img src=x onerror=window.__pwned=7>]]></ac:parameter></ac:structured-macro>' +
      '<ac:image><ri:url ri:value="javascript:alert(1)" /></ac:image><style>body{display:none}</style>';
    const res = await host.emulator.handle(
      new Request('http://confluence.local/wiki/api/v2/pages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          spaceId,
          status: 'current',
          title: 'Hostile page',
          body: { representation: 'storage', value: hostile },
        }),
      }),
      { kind: 'user', accountId: 'acc-admin' },
    );
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const ctx = await contextAs('acc-admin');
    const page = await ctx.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await page.goto(`${host.url}/wiki/pages/viewpage.action?pageId=${id}`);
    await page.hover('text=hover');
    await page.click('text=js link');
    await page.waitForTimeout(300);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(dialogs).toBe(0);
    const body = page.locator('[data-testid="page-body"]');
    expect(await body.locator('script, iframe, svg, style, img').count()).toBe(0);
    expect(await body.locator('a[href]').count()).toBe(0);
    expect(await body.locator('.jm-status').getAttribute('class')).toBe('jm-status jm-status-grey');
    expect(await body.locator('.jm-status').textContent()).toBe(
      '<img src=x onerror=window.__pwned=7>',
    );
    await ctx.close();
  });

  it("serves frames from another origin than the page's, as Forge's CDN does", async () => {
    const ctx = await contextAs('acc-editor');
    const page = await ctx.newPage();
    await openPage(page, DEMO_TITLES.alana);
    const frame = await macroFrame(page);
    expect(new URL(frame.url()).origin).toBe(host.resourceUrl);
    expect(host.resourceUrl).not.toBe(host.url);
    // The app cannot reach into the Confluence page, nor the page into the app.
    expect(
      await frame.evaluate(() => {
        try {
          return window.parent.document.title;
        } catch (error) {
          return (error as Error).name;
        }
      }),
    ).toBe('SecurityError');
    expect(
      await page.evaluate(() => {
        const f = document.querySelector<HTMLIFrameElement>('iframe.jm-forge-frame');
        try {
          return f?.contentWindow?.document.title ?? 'none';
        } catch (error) {
          return (error as Error).name;
        }
      }),
    ).toBe('SecurityError');
    // The resource origin serves Forge resources only.
    expect((await fetch(`${host.resourceUrl}/wiki/spaces/CX`)).status).toBe(404);
    await ctx.close();
  });

  it('answers REST with Basic auth for curl, as that user', async () => {
    const basic = (email: string): string =>
      `Basic ${Buffer.from(`${email}:x`).toString('base64')}`;
    const spaces = await fetch(`${host.url}/wiki/api/v2/spaces`, {
      headers: { authorization: basic('admin@example.com') },
    });
    expect(spaces.status).toBe(200);
    expect(JSON.stringify(await spaces.json())).toContain('"key":"CX"');
    const restricted = pageIdOf(DEMO_TITLES.restricted);
    const denied = await fetch(`${host.url}/wiki/api/v2/pages/${restricted}`, {
      headers: { authorization: basic('outsider@example.com') },
    });
    expect(denied.status).toBe(404);
    const rpc = await fetch(`${host.url}/__forge/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: host.url },
      body: JSON.stringify({
        token: 'forged.token',
        cmd: 'invoke',
        payload: { functionKey: 'map/load', payload: {} },
      }),
    });
    expect(rpc.status).toBe(403);
  });
});
