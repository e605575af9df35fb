/**
 * `index/list` over page bodies a real site can hold: a character reference no decoder can map
 * (`&#99999999;`) inside a macro must not fail the listing for the whole space, and a Forge
 * macro in Confluence's real storage form (parameter local-id ≠ node local-id) is listed once,
 * under the parameter local-id the macro's context carries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../../dev/emulator';
import type { Emulator } from '../../../dev/emulator';
import type { ForgeRuntimeHandle } from '../../../dev/forge-runtime';
import { installForgeRuntime, invokeResolver } from '../../../dev/forge-runtime';
import { buildMacroStorage } from '../../../dev/host/storage/macro';
import { sanitizeLocalId } from '../../../src/domain/codec';
import { SUMMARY_PROPERTY_KEY, summarizePage } from '../../../src/domain/summary';
import { createResolverHandler } from '../../../src/resolvers';
import type { ResultOf } from '../../../src/resolvers/contract';
import { generateMap } from '../../support/generate-map';
import { NOW, testDeps, unwrap } from '../resolvers/harness';

const TODAY = NOW.toISOString().slice(0, 10);
let emulator: Emulator;
let runtime: ForgeRuntimeHandle;
const handler = createResolverHandler(testDeps());

/** A page whose body is `body` and whose summary names the maps `raw`. */
function seedPage(args: { title: string; body: string; raw: string[] }): string {
  const page = emulator.store.createPage({
    spaceKey: 'CX',
    title: args.title,
    authorId: 'acc-editor',
    body: args.body,
  });
  const summary = summarizePage({
    maps: args.raw.map((raw, n) => {
      const map = generateMap({ cards: 4, seed: n + args.title.length });
      map.title = `${args.title} ${n}`;
      return { localId: sanitizeLocalId(raw), map };
    }),
    today: TODAY,
  });
  emulator.store.putProperty({ pageId: page.id, key: SUMMARY_PROPERTY_KEY, value: summary });
  return page.id;
}

async function list(): Promise<ResultOf<'index/list'>> {
  return (await invokeResolver({
    handler,
    functionKey: 'index/list',
    payload: { spaceKey: 'CX' },
    accountId: 'acc-admin',
    context: { extension: { type: 'confluence:spacePage', space: { key: 'CX' } } },
  })) as ResultOf<'index/list'>;
}

const ids = { plain: '', hostile: '', real: '' };

beforeAll(async () => {
  emulator = await createEmulator({ now: () => NOW });
  runtime = installForgeRuntime({ emulator });
  ids.plain = seedPage({
    title: 'Plain map',
    body: `<p>Notes &#99999999; &#x110000; &#0; &bogus; a & b</p>${buildMacroStorage({ localId: 'plain-1' })}`,
    raw: ['plain-1'],
  });
  // A macro whose key and local id hold references outside Unicode (String.fromCodePoint throws).
  ids.hostile = seedPage({
    title: 'Hostile references',
    body:
      '<ac:adf-extension><ac:adf-node type="extension">' +
      '<ac:adf-attribute key="extension-key">a/b/static/journey-map&#99999999;</ac:adf-attribute>' +
      '<ac:adf-attribute key="parameters"><ac:adf-parameter key="local-id">odd&#99999999;id</ac:adf-parameter></ac:adf-attribute>' +
      '</ac:adf-node></ac:adf-extension>' +
      buildMacroStorage({ localId: 'hostile-2&#x110000;' }) +
      buildMacroStorage({ localId: 'fine-3' }),
    raw: ['fine-3'],
  });
  ids.real = seedPage({
    title: 'Real form',
    body: buildMacroStorage({ localId: 'param-id-4', nodeLocalId: 'node-id-4' }),
    raw: ['param-id-4'],
  });
  await emulator.flush();
}, 60_000);

afterAll(async () => {
  runtime?.uninstall();
  await emulator?.close();
});

describe('index/list over hostile storage', () => {
  it('a page with &#99999999; in a macro does not fail the listing; the other maps are listed', async () => {
    const { entries } = unwrap(await list());
    const listed = entries.map((e) => `${e.pageId}/${e.macroId}`).sort();
    expect(listed).toEqual(
      [`${ids.plain}/plain-1`, `${ids.hostile}/fine-3`, `${ids.real}/param-id-4`].sort(),
    );
  });

  it('lists a real-form macro under its parameter local-id, never its node local-id', async () => {
    const { entries } = unwrap(await list());
    const real = entries.filter((e) => e.pageId === ids.real);
    expect(real.map((e) => e.macroId)).toEqual(['param-id-4']);
  });
});
