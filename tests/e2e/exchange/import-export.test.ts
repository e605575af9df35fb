/**
 * Import and export in Chromium on the local host (real build, bridge, resolvers, emulator):
 * export CSV (captured through Playwright's download event), edit it as a spreadsheet would,
 * import it with the preview, confirm, and find the cards after a reload; a malformed file is
 * refused with its line; undo import; PNG and SVG exports are valid files; a viewer cannot import.
 * Screenshots: /tmp/e2e-editor-exchange-{preview,export}.png.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Download, Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { plainPage, useEditorSuite } from '../editor/suite';
import { parseCsv, serialiseCsv } from '../../../src/domain/exchange/csv';
import { checkStorage } from '../../unit/domain/write-up/xml-check';
import {
  WAIT,
  axeViolations,
  cardByText,
  contextAs,
  grid,
  openEditor,
  shoot,
  waitSaved,
} from '../editor/support';

const suite = useEditorSuite({
  name: 'exchange',
  page: plainPage('Exchange journey (e2e)'),
  as: 'acc-editor',
});

const tools = (frame: Frame) => frame.getByRole('toolbar', { name: 'Map tools' });
const panel = (frame: Frame) => frame.getByRole('region', { name: /Export the map|Import a map/ });

async function openPanel(frame: Frame, which: 'Export' | 'Import'): Promise<void> {
  const button = tools(frame).getByRole('button', { name: which, exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await panel(frame).waitFor(WAIT);
}

async function download(frame: Frame, label: string): Promise<{ d: Download; bytes: Buffer }> {
  const { page } = suite;
  const [d] = await Promise.all([
    page.waitForEvent('download', WAIT),
    panel(frame).getByRole('button', { name: label, exact: true }).click(),
  ]);
  const file = await d.path();
  return { d, bytes: readFileSync(file) };
}

async function chooseFile(frame: Frame, name: string, content: string): Promise<void> {
  const { env } = suite;
  const file = path.join(env.dataDir, name);
  writeFileSync(file, content);
  await panel(frame)
    .getByLabel(/Choose a JSON export/)
    .setInputFiles(file);
}

describe('import and export', () => {
  let frame: Frame;

  it('exports CSV, imports an edited copy after a preview, and finds the cards after a reload', async () => {
    const { page } = suite;
    frame = await suite.startMap({ insert: true, template: /Worked example/ });
    await waitSaved(frame);

    await openPanel(frame, 'Export');
    const { d, bytes } = await download(frame, 'Download CSV');
    expect(d.suggestedFilename()).toMatch(/\.csv$/);
    const csv = bytes.toString('utf8');
    expect(csv.startsWith('\uFEFFStage,Step,Lane,Kind,Text,Impact,Votes,Teams,Evidence')).toBe(
      true,
    );
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const rows = parsed.records.map((r) => r.cells);
    expect(rows.length).toBeGreaterThan(5);

    // As a spreadsheet user would: change one card's text, add a pain point in a new stage.
    const edited = rows.map((r) => [...r]);
    const first = edited[1];
    if (!first) throw new Error('no card row');
    first[4] = 'Edited in a spreadsheet (e2e)';
    edited.push([
      'Renewal',
      'Renews the contract',
      'Pain points',
      'Pain point',
      'Renewal price surprise (e2e)',
      'Causes abandonment',
      '3',
      'Billing',
      '',
      '',
      '',
      '',
      '',
    ]);
    await openPanel(frame, 'Import');
    await chooseFile(frame, 'edited.csv', serialiseCsv(edited));

    const preview = panel(frame);
    await preview.getByRole('table', { name: /What edited\.csv holds/ }).waitFor(WAIT);
    await expect
      .poll(() => preview.textContent())
      .toMatch(/stage "Renewal" created.*step "Renews the contract" created/s);
    expect(await preview.getByRole('table', { name: /The first 5 cards/ }).count()).toBe(1);
    expect(await preview.textContent()).toMatch(/Importing replaces this map/);
    expect((await axeViolations(frame)).serious).toEqual([]);
    await shoot(page, 'exchange-preview');

    await preview.getByRole('button', { name: 'Replace map' }).click();
    await preview.getByText(/^Imported: the map now has \d+ cards\.$/).waitFor(WAIT);
    await cardByText(frame, 'Renewal price surprise (e2e)').waitFor(WAIT);

    frame = await suite.openMap();
    await cardByText(frame, 'Edited in a spreadsheet (e2e)').waitFor(WAIT);
    await cardByText(frame, 'Renewal price surprise (e2e)').waitFor(WAIT);
    expect(
      await grid(frame)
        .getByRole('columnheader', { name: /^Stage \d+: Renewal$/ })
        .count(),
    ).toBe(1);
  });

  it('refuses a malformed file with its line and changes nothing', async () => {
    await openPanel(frame, 'Import');
    await chooseFile(frame, 'broken.json', '{\n  "title": "x",\n  "stages": [,]\n}');
    const alert = panel(frame).getByRole('alert');
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).toMatch(
      /Line 3, column 14: not valid JSON.*Nothing was changed/,
    );
    await chooseFile(frame, 'broken.csv', 'Stage,Step,Text\nA,B,ok\nA,B,too,many,values\n');
    await expect
      .poll(() => alert.textContent())
      .toMatch(/Line 3: 5 values but the header row has 3/);
    expect(await panel(frame).getByRole('button', { name: 'Replace map' }).count()).toBe(0);
    await cardByText(frame, 'Renewal price surprise (e2e)').waitFor(WAIT);
  });

  it('imports JSON and undoes the import', async () => {
    await openPanel(frame, 'Export');
    const json = JSON.parse((await download(frame, 'Download JSON')).bytes.toString('utf8')) as {
      cards: { text: string }[];
    };
    json.cards = json.cards.filter((c) => !c.text.includes('(e2e)'));
    await openPanel(frame, 'Import');
    await chooseFile(frame, 'fewer.json', JSON.stringify(json, null, 2));
    await panel(frame).getByRole('button', { name: 'Replace map' }).click();
    await panel(frame).getByRole('button', { name: 'Undo import' }).waitFor(WAIT);
    await expect.poll(() => cardByText(frame, 'Renewal price surprise (e2e)').count()).toBe(0);
    await panel(frame).getByRole('button', { name: 'Undo import' }).click();
    await cardByText(frame, 'Renewal price surprise (e2e)').waitFor(WAIT);
    frame = await suite.openMap();
    await cardByText(frame, 'Renewal price surprise (e2e)').waitFor(WAIT);
  });

  it('exports SVG and PNG pictures that are valid files', async () => {
    const { page } = suite;
    await openPanel(frame, 'Export');
    expect((await axeViolations(frame)).serious).toEqual([]);
    await shoot(page, 'exchange-export');
    const svg = (await download(frame, 'Download SVG')).bytes.toString('utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(checkStorage(svg)[0]).toBe('svg');
    expect(svg).toContain('>Renewal price surprise'); // wrapped in lines
    const width = Number(/width="(\d+)"/.exec(svg)?.[1]);

    const png = (await download(frame, 'Download PNG')).bytes;
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(width * 2);
  });

  it('a viewer can export but not import', async () => {
    const { env, pageId } = suite;
    const viewerCtx = await contextAs(env, 'acc-viewer');
    try {
      const viewerPage = await viewerCtx.newPage();
      const viewerFrame = await openEditor(env, viewerPage, pageId);
      const bar = tools(viewerFrame);
      // The export/import buttons arrive with the toolbar's lazy chunk: wait for Export first.
      await bar.getByRole('button', { name: 'Export', exact: true }).waitFor(WAIT);
      expect(await bar.getByRole('button', { name: 'Export', exact: true }).count()).toBe(1);
      expect(await bar.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    } finally {
      await viewerCtx.close();
    }
  });

  it('imports a team’s wide sheet: one row per step, one column per lane, with the preview', async () => {
    const { page } = suite;
    await openPanel(frame, 'Import');
    const sheet = [
      'Phase,Touchpoint,Customer action,Pain point,Emotion,Budget owner',
      'Discover,Ad on LinkedIn,Clicks the ad (wide e2e),Too many ads (wide e2e),frustrated,Marketing',
      'Discover,Pricing page,Compares plans (wide e2e),,4,',
      'Buy,Checkout,Pays by card (wide e2e),"Card declined (wide e2e)\nNo invoice (wide e2e)",1,Finance',
    ].join('\r\n');
    await chooseFile(frame, 'team-sheet.csv', sheet);
    const preview = panel(frame);
    await preview.getByRole('table', { name: /What team-sheet\.csv holds/ }).waitFor(WAIT);
    const text = () => preview.textContent();
    await expect.poll(text).toMatch(/one row per step, one column per lane/);
    expect(await text()).toMatch(/"Customer action" → lane "Actions"/);
    expect(await text()).toMatch(/"Emotion" → each step's sentiment/);
    expect(await text()).toMatch(/column "Budget owner" is not a lane this app knows/);
    expect(await text()).toMatch(/emotion numbers read on a 1–5 scale/);
    expect((await axeViolations(frame)).serious).toEqual([]);
    await shoot(page, 'exchange-wide-preview');

    await preview.getByRole('button', { name: 'Replace map' }).click();
    await preview.getByText(/^Imported: the map now has 8 cards\.$/).waitFor(WAIT);
    frame = await suite.openMap();
    await cardByText(frame, 'No invoice (wide e2e)').waitFor(WAIT);
    // Touchpoints are the steps (not Notes cards); the unknown column is a lane of its own.
    expect(
      await grid(frame)
        .getByRole('columnheader', { name: /Checkout/ })
        .count(),
    ).toBe(1);
    expect(await cardByText(frame, 'Checkout').count()).toBe(0);
    expect(
      await grid(frame)
        .getByRole('rowheader', { name: /Budget owner/ })
        .count(),
    ).toBe(1);
    await shoot(page, 'exchange-wide-imported');
  });
});
