/**
 * The session panel and the write-up end to end in Chromium: the real built UI (`npm run
 * build:ui` first), the real resolvers and the emulator behind the local host. As Eddie Editor:
 * open the Alana map, upload two generated photos (and one non-image, refused with a message),
 * pin one to a step, generate the write-up through its preview, then open the write-up page in
 * the shell and find the photos, the ranking and the teams. Screenshots:
 * /tmp/e2e-writeup-{panel,preview,page}.png.
 */
import { SUMMARY_PROPERTY_KEY, readWriteUpRecords } from '../../../src/domain/summary';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, readyFrame, pageIdOf as pageIdIn, storedMapOf } from '../editor/support';
import type { Host } from '../../../dev/host/index';
import { startHost } from '../../../dev/host/index';
import { DEMO_TITLES } from '../../../dev/seed/demo';
import { encodePng } from '../../../src/domain/write-up/png';
import { launchBrowser } from '../../support/browser';

const BUILD = path.resolve(__dirname, '../../../static/app/build/index.html');

let host: Host;
let browser: Browser;
let dataDir: string;

const pageIdOf = (title: string): string => pageIdIn({ host }, title);

async function contextAs(accountId: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await ctx.addCookies([{ name: 'jm_user', value: accountId, url: host.url }]);
  return ctx;
}

async function macroFrame(page: Page): Promise<Frame> {
  const frame = await readyFrame(
    page.locator('iframe.jm-forge-frame[data-frame-id^="macro-"]').first(),
    'macro',
  );
  await frame.waitForSelector('.editor .toolbar', { timeout: 20_000 });
  return frame;
}

/** A photo-like PNG: colour bands, `width` × `height`. */
function photoPng(width: number, height: number, seed: number): Buffer {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      rgb[i] = (x * 7 + seed * 40) & 0xff;
      rgb[i + 1] = (y * 5 + seed * 90) & 0xff;
      rgb[i + 2] = ((x + y) * 3) & 0xff;
    }
  }
  return Buffer.from(encodePng({ width, height, rgb }));
}

/** Width and height from a JPEG's start-of-frame marker. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1] ?? 0;
    const length = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    if (marker >= 0xc0 && marker <= 0xc3) {
      return {
        height: ((bytes[i + 5] ?? 0) << 8) | (bytes[i + 6] ?? 0),
        width: ((bytes[i + 7] ?? 0) << 8) | (bytes[i + 8] ?? 0),
      };
    }
    i += 2 + length;
  }
  return null;
}

function storedSessionPhotos(pageId: string) {
  return storedMapOf({ host }, pageId);
}

beforeAll(async () => {
  if (!existsSync(BUILD)) throw new Error('Build the UI first: npm run build:ui');
  dataDir = mkdtempSync(path.join(tmpdir(), 'jm-session-e2e-'));
  host = await startHost({ port: 0, dataDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('session panel and write-up', () => {
  it('uploads photos, pins one, generates the write-up and shows it in the shell', async () => {
    const alanaId = pageIdOf(DEMO_TITLES.alana);
    const ctx = await contextAs('acc-editor');
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${host.url}/wiki/pages/viewpage.action?pageId=${alanaId}`);
    const frame = await macroFrame(page);

    const toggle = frame.locator('button.session-toggle');
    await toggle.waitFor({ timeout: 20_000 });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    // People from the site's users (the v1 user search through the bridge), and an answer.
    const facilitator = frame.getByRole('combobox', { name: 'Facilitator' });
    await facilitator.fill('Edd');
    await frame.getByRole('option', { name: 'Eddie Editor' }).click();
    await expect
      .poll(() => frame.locator('.people-chip').first().textContent())
      .toContain('Eddie Editor');
    const participants = frame.getByRole('combobox', { name: 'Participants' });
    await participants.fill('Vera');
    await frame.getByRole('option', { name: 'Vera Viewer' }).click();
    await participants.fill('Guest Gina');
    await participants.press('Enter');
    const answer = frame.getByRole('textbox', { name: /greatest confusion/ });
    await answer.fill('Invitations that never arrive');
    await answer.blur();

    const rows = frame.locator('[data-testid="session-photo"]');
    const before = await rows.count();
    const attachmentsBefore = host.emulator.store.attachmentsOf(alanaId).length;

    // Two photos (one larger than 2,000 px) and a text file that must be refused.
    await frame.setInputFiles('#session-photo-input', [
      { name: 'Wall – left side.png', mimeType: 'image/png', buffer: photoPng(2600, 1300, 1) },
      { name: 'wall-right.png', mimeType: 'image/png', buffer: photoPng(900, 600, 2) },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') },
    ]);
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(before + 2);
    await expect
      .poll(() => frame.locator('.upload-item.is-failed').textContent())
      .toContain('notes.txt is not an image');
    expect(await frame.locator('.upload-item.is-done').count()).toBe(2);
    // Thumbnails load through requestConfluence from the documented download endpoint (the
    // host follows its 302 to the bytes, as Forge's product fetch does).
    const thumbs = rows.locator('img');
    await expect.poll(() => thumbs.count(), { timeout: 15_000 }).toBe(before + 2);
    await expect
      .poll(
        () =>
          thumbs.evaluateAll((imgs) =>
            imgs.every(
              (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0,
            ),
          ),
        { timeout: 15_000 },
      )
      .toBe(true);

    // Stored as JPEG attachments of the map page, long side at most 2,000 px, safe names.
    const added = host.emulator.store.attachmentsOf(alanaId).slice(attachmentsBefore);
    expect(added).toHaveLength(2);
    for (const a of added) {
      expect(a.mediaType).toBe('image/jpeg');
      expect(a.title).toMatch(/^session-[0-9a-z]+-[a-z0-9-]+\.jpg$/);
      const bytes = host.emulator.store.readBlob(a.blob);
      const size = bytes ? jpegSize(bytes) : null;
      expect(size).not.toBeNull();
      expect(Math.max(size?.width ?? 0, size?.height ?? 0)).toBeLessThanOrEqual(2000);
    }
    expect(
      added.map((a) => jpegSize(host.emulator.store.readBlob(a.blob) ?? new Uint8Array())),
    ).toContainEqual({
      width: 2000,
      height: 1000,
    });

    // Pin the first new photo to the first step and caption it.
    const newRow = rows.nth(before);
    const select = newRow.locator('select');
    const firstStep = await select.locator('option').nth(1).getAttribute('value');
    const firstStepName = (await select.locator('option').nth(1).textContent()) ?? '';
    expect(firstStep).toBeTruthy();
    await select.selectOption(firstStep ?? '');
    const caption = newRow.locator('input.inline-text');
    await caption.fill('The left half of the wall');
    await caption.press('Enter');
    await expect
      .poll(() => frame.locator('.toolbar .status').textContent(), { timeout: 15_000 })
      .toContain('Saved');
    await frame.locator('.session-panel').screenshot({ path: '/tmp/e2e-writeup-panel.png' });
    const panelAxe = await axeViolations(frame);
    expect(panelAxe.serious, panelAxe.all.join('\n')).toEqual([]);

    // Generate: preview first, then create.
    await frame.click('button:has-text("Generate write-up")');
    const preview = frame.locator('[data-testid="write-up-preview"]');
    await preview.waitFor({ timeout: 20_000 });
    const previewText = (await preview.textContent()) ?? '';
    expect(previewText).toContain('Pain points ranked by impact');
    expect(previewText).toContain('The left half of the wall');
    expect(await preview.locator('script, iframe, img').count()).toBe(0);
    await preview.screenshot({ path: '/tmp/e2e-writeup-preview.png' });
    const previewAxe = await axeViolations(frame);
    expect(previewAxe.serious, previewAxe.all.join('\n')).toEqual([]);
    await preview.locator('button.primary-button').click();
    await expect
      .poll(() => frame.locator('.banner.is-success').textContent(), { timeout: 20_000 })
      .toMatch(/Write-up (created|updated)/);
    await expect
      .poll(() => frame.locator('[data-testid="write-up-line"]').textContent(), { timeout: 20_000 })
      .toMatch(/Write-up: .+, generated (less than a minute ago|just now)/);
    // The flag is drawn by the shell, outside the iframe.
    await expect.poll(() => page.locator('.jm-flag').count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/e2e-writeup-macro.png' });

    // Generating again updates the same page (the preview says so), never a second one.
    await frame.click('button:has-text("Generate write-up")');
    await preview.waitFor({ timeout: 20_000 });
    expect(await preview.locator('button.primary-button').textContent()).toBe('Update write-up');
    await preview.locator('button.primary-button').click();
    await expect
      .poll(() => frame.locator('.banner.is-success').textContent(), { timeout: 20_000 })
      .toContain('Write-up updated');
    const children = [...host.emulator.store.all('pages')].filter(
      (p) => p.parentId === alanaId && p.status === 'current',
    );
    expect(children.filter((p) => p.title.includes('session write-up'))).toHaveLength(1);

    const map = storedSessionPhotos(alanaId);
    expect(map?.session.facilitator).toEqual({ accountId: 'acc-editor', name: 'Eddie Editor' });
    expect(map?.session.participants).toEqual([
      { accountId: 'acc-viewer', name: 'Vera Viewer' },
      { accountId: null, name: 'Guest Gina' },
    ]);
    expect(map?.session.analysis.confusion).toBe('Invitations that never arrive');
    // The write-up is recorded in the page summary (one write), read by every map load.
    const records = readWriteUpRecords(
      host.emulator.store.propertyByKey('page', alanaId, SUMMARY_PROPERTY_KEY)?.value,
    );
    expect(records).toHaveLength(1);
    const pinned = map?.session.photos.find((p) => p.caption === 'The left half of the wall');
    expect(pinned?.stepId).toBe(firstStep);
    const writeUpId = records[0]?.pageId ?? '';
    expect(records[0]?.version).toBe(2);
    expect(host.emulator.store.get('pages', writeUpId)?.parentId).toBe(alanaId);

    // The write-up page in the shell: photos, the ranking with scores and the teams.
    await page.goto(`${host.url}/wiki/pages/viewpage.action?pageId=${writeUpId}`);
    const body = page.locator('.jm-body');
    await body.waitFor();
    const text = (await body.textContent()) ?? '';
    expect(text).toContain('Photos');
    expect(text).toContain('The left half of the wall');
    expect(text).toContain(firstStepName.trim());
    expect(text).toContain('Pain points ranked by impact');
    expect(text).toMatch(/score/i);
    expect(text).toContain('Teams that should know');
    expect(text).toContain('Eddie Editor');
    expect(text).toContain('Invitations that never arrive');
    const images = body.locator('img.jm-image');
    expect(await images.count()).toBeGreaterThanOrEqual((map?.session.photos.length ?? 0) + 1);
    const newPhotos = body.locator(`img.jm-image[src*="/${alanaId}/session-"][src$=".jpg"]`);
    expect(await newPhotos.count()).toBe(2);
    // Every image really loads (natural size > 0): they are lazy, so bring each into view.
    for (let i = 0; i < (await images.count()); i++) await images.nth(i).scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        images.evaluateAll((imgs) =>
          imgs.every(
            (i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0,
          ),
        ),
      )
      .toBe(true);
    await page.screenshot({ path: '/tmp/e2e-writeup-page.png', fullPage: true });
    await newPhotos.first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: '/tmp/e2e-writeup-new-photo.png' });
    // Viewport shots of the parts a person checks: photos, the ranking, the teams.
    for (const [heading, name] of [
      ['Photos', 'photos'],
      ['Pain points ranked by impact', 'ranking'],
      ['Teams that should know', 'teams'],
    ] as const) {
      const h = body.locator('h2', { hasText: heading }).first();
      if ((await h.count()) === 0) continue;
      await h.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `/tmp/e2e-writeup-${name}.png` });
    }
    expect(errors).toEqual([]);
    await ctx.close();
  });
  it('shows a viewer the write-up link and the session read-only, without upload or generate', async () => {
    const ctx = await contextAs('acc-viewer');
    const page = await ctx.newPage();
    await page.goto(`${host.url}/wiki/pages/viewpage.action?pageId=${pageIdOf(DEMO_TITLES.alana)}`);
    const frame = await macroFrame(page);
    await expect
      .poll(() => frame.locator('[data-testid="write-up-line"]').textContent(), { timeout: 20_000 })
      .toMatch(/^Write-up: .+, generated (.+ ago|just now)$/);
    await frame.locator('button.session-toggle').click();
    await frame.locator('.session-panel').waitFor();
    expect(await frame.locator('button', { hasText: 'Generate write-up' }).count()).toBe(0);
    expect(await frame.locator('#session-photo-input').count()).toBe(0);
    expect(await frame.locator('.session-panel input, .session-panel textarea').count()).toBe(0);
    expect(await frame.locator('.session-panel').textContent()).toContain('Eddie Editor');
    await ctx.close();
  });
});
