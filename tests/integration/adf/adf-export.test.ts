/** The macro's adfExport over the real runtime: the worked example exports as valid ADF. */
import { beforeEach, describe, expect, it } from 'vitest';
import { invokeFunction } from '../../../dev/forge-runtime';
import { adfExport, validateAdf } from '../../../src/adf';
import type { AdfDoc } from '../../../src/adf';
import { sentimentText } from '../../../src/adf/render-map';
import { mapPropertyKey } from '../../../src/domain/codec';
import type { JourneyMap } from '../../../src/domain/model/schema';
import type { World } from '../resolvers/harness';
import { unwrap } from '../resolvers/harness';
import { worldPerTest } from '../resolvers/world-per-test';

const LOCAL_ID = 'e9c4aa10-73fa-417c-888d-48c719ae4165';

let world: World;
worldPerTest((w) => {
  world = w;
});

function exportEvent(pageId: string, localId = LOCAL_ID): Record<string, unknown> {
  return {
    extensionPayload: { exportType: 'pdf', config: {} },
    context: { localId, extension: { type: 'macro', content: { id: pageId, type: 'page' } } },
  };
}

const runExport = (accountId: string | null, event = exportEvent(world.pageId)): Promise<AdfDoc> =>
  invokeFunction({ handler: adfExport, event, accountId });

/** All text of a node, depth-first. */
function textOf(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const n = node as { text?: string; content?: unknown[] };
  return (n.text ?? '') + (n.content ?? []).map(textOf).join(' ');
}

describe('adfExport', () => {
  let map: JourneyMap;
  beforeEach(async () => {
    map = unwrap(
      await world.call('map/create', {
        pageId: world.pageId,
        localId: LOCAL_ID,
        template: 'worked-example',
      }),
    ).map;
  });

  it('exports the worked example as structurally valid ADF', async () => {
    const doc = await runExport('acc-viewer');
    expect(validateAdf(doc)).toEqual([]);
    expect(doc.content[0]).toMatchObject({
      type: 'heading',
      content: [{ type: 'text', text: map.title }],
    });
    const table = doc.content.find((b) => b.type === 'table');
    expect(table).toBeDefined();
    const all = textOf(doc);
    expect(all).toContain(map.persona.name);
    for (const stage of map.stages) expect(all).toContain(stage.name);
    for (const step of map.steps) expect(all).toContain(step.name);
    const charted = map.steps.find((s) => s.sentiment !== null);
    if (charted) expect(all).toContain(sentimentText(charted.sentiment));
    const visibleLanes = map.lanes.filter((l) => !l.hidden);
    if (table?.type === 'table') {
      expect(table.content.length).toBeGreaterThanOrEqual(2 + visibleLanes.length);
    }
  });

  it('reads the map with one REST call, as the exporting user', async () => {
    world.resetLog();
    await runExport('acc-viewer');
    const entries = world.emulator.log.entries();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.principal).toBe('user:acc-viewer');
  });

  it('falls back to the app (explicitly) when the platform names no user', async () => {
    world.resetLog();
    const doc = await runExport(null);
    expect(validateAdf(doc)).toEqual([]);
    expect(world.emulator.log.entries()[0]?.principal).toBe('app');
  });

  it('answers a short valid document when there is no map, or the map is corrupt', async () => {
    const none = await runExport('acc-editor', exportEvent(world.pageId, 'no-such-macro'));
    expect(validateAdf(none)).toEqual([]);
    expect(textOf(none)).toMatch(/No journey map/);

    world.emulator.store.putProperty({
      ownerId: world.pageId,
      key: mapPropertyKey(LOCAL_ID),
      value: 42,
    });
    const broken = await runExport('acc-editor');
    expect(validateAdf(broken)).toEqual([]);
    expect(textOf(broken)).toMatch(/cannot be read/);

    const unknown = await invokeFunction({
      handler: adfExport,
      event: { nothing: true },
      accountId: 'acc-editor',
    });
    expect(validateAdf(unknown)).toEqual([]);
  });
});

describe('validateAdf', () => {
  it('catches the rule violations it exists for', () => {
    const bad = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '' }] },
        { type: 'heading', attrs: { level: 9 }, content: [] },
        { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'blink' }] }] },
        {
          type: 'table',
          attrs: { isNumberColumnEnabled: false, layout: 'default' },
          content: [
            {
              type: 'tableRow',
              content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [] }] }],
            },
            {
              type: 'tableRow',
              content: [
                { type: 'tableCell', content: [] },
                { type: 'tableCell', content: [{ type: 'table', content: [] }] },
              ],
            },
          ],
        },
        { type: 'bulletList', content: [{ type: 'paragraph', content: [] }] },
      ],
    };
    const messages = validateAdf(bad).map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'text must be a non-empty string',
        'heading level must be 1–6',
        'unknown mark',
        'a cell needs at least one block',
        '"table" is not allowed here',
        'rows have different widths (1, 2)',
        'bulletList holds listItems only',
      ]),
    );
    expect(validateAdf({ type: 'paragraph' })).toHaveLength(1);
  });
});
