/**
 * Server-side words in the person's language (decision 0047), through the real resolver door,
 * `@forge/api` i18n (the `__LOCALES__` bundle) and the emulator: error envelopes carry the
 * catalogue key and values, their message is in the payload's locale (English without one),
 * and answers' reasons, Jira drafts and the score's words follow the same locale.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mapPropertyKey } from '../../../src/domain/codec';
import { DEFAULT_LOCALE } from '../../../src/domain/i18n';
import type { AppLocale } from '../../../src/domain/i18n';
import { render } from '../../../src/domain/i18n/message';
import type { ResolverError } from '../../../src/resolvers/contract';
import { catalogue, translatorForTest } from '../../support/i18n';
import type { World } from './harness';
import { createWorldWithMap, unwrap } from './harness';
import { MISSING_CHUNKS_HEAD, NEWER_MAP_HEAD } from './broken-heads';

const LOCAL_ID = 'msg-1';
let world: World;
const at = () => ({ pageId: world.pageId, localId: LOCAL_ID });

beforeEach(async () => {
  world = await createWorldWithMap({ localId: LOCAL_ID });
});
afterEach(async () => {
  await world.close();
});

/** The failure of `result`, or a test failure when it succeeded. */
function failure(result: { ok: boolean; error?: ResolverError }): ResolverError {
  if (result.ok || !result.error) throw new Error('expected a failure');
  return result.error;
}

/** What the catalogue of `locale` says for `error`'s key and values. */
function expected(error: ResolverError, locale: AppLocale): string {
  if (!error.key) throw new Error(`no key on ${error.message}`);
  return render({ key: error.key, params: error.params }, translatorForTest(locale));
}

const HAN = /\p{Script=Han}/u;
const ZH = catalogue('zh-CN');

/** Each failure: how to provoke it, given the locale to send (or none). */
const FAILURES: {
  name: string;
  code: ResolverError['code'];
  key: string;
  run: (locale?: AppLocale) => Promise<{ ok: boolean; error?: ResolverError }>;
}[] = [
  {
    name: 'a viewer saving (Confluence refuses: fixed adapter message)',
    code: 'FORBIDDEN',
    key: 'errors.server.forbidden',
    run: (locale) =>
      world.call(
        'map/apply',
        { ...at(), baseVersion: 1, ops: [{ type: 'map/setTitle', title: 'x' }], locale },
        'acc-viewer',
      ),
  },
  {
    name: 'a malformed field (zod, with its field)',
    code: 'INVALID_INPUT',
    key: 'errors.server.invalidField',
    run: (locale) => world.call('map/load', { pageId: 'not-a-page', localId: LOCAL_ID, locale }),
  },
  {
    name: 'an unknown operation (the door itself)',
    code: 'INVALID_INPUT',
    key: 'errors.server.unknownKey',
    run: (locale) => world.call('map/nope' as 'map/load', { ...at(), locale }),
  },
  {
    name: 'a second map on the same macro (a resolver refusal)',
    code: 'ALREADY_EXISTS',
    key: 'errors.server.mapExists',
    run: (locale) => world.call('map/create', { ...at(), template: 'blank', locale }),
  },
  {
    name: 'a write-up a viewer cannot write (a use-case refusal)',
    code: 'FORBIDDEN',
    key: 'errors.writeup.noEdit',
    run: (locale) => world.call('writeup/generate', { ...at(), locale }, 'acc-viewer'),
  },
];

describe('error envelopes in the payload’s locale', () => {
  for (const f of FAILURES) {
    it(`${f.name}: key and values, English without a locale, Chinese in zh-CN`, async () => {
      const none = failure(await f.run());
      const en = failure(await f.run('en-US'));
      const zh = failure(await f.run('zh-CN'));
      for (const e of [none, en, zh]) {
        expect(e.code).toBe(f.code);
        expect(e.key).toBe(f.key);
        expect(ZH[f.key], 'the key is in the zh-CN catalogue').toBeTruthy();
      }
      expect(none.message).toBe(expected(none, DEFAULT_LOCALE));
      expect(en.message).toBe(none.message);
      expect(zh.message).toBe(expected(zh, 'zh-CN'));
      expect(zh.message).toMatch(HAN);
      expect(zh.message).not.toBe(en.message);
      expect(zh.field).toBe(en.field);
    });
  }

  it('reads only the manifest’s catalogues (decision 0055) and still answers in zh-CN', async () => {
    const zh = failure(await FAILURES[0]!.run('zh-CN'));
    // The folder `@forge/api` i18n reads during the call: the CLI's bundle of manifest.yml.
    const runtime = (globalThis as { __forge_runtime__?: { container: { appCodeDir: string } } })
      .__forge_runtime__;
    const dir = join(runtime?.container.appCodeDir ?? '', '__LOCALES__');
    const bundled = JSON.parse(readFileSync(join(dir, 'zh-CN.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(bundled).toEqual(JSON.parse(readFileSync('locales/manifest/zh-CN.json', 'utf8')));
    expect(bundled['editor.focus.open'], 'a UI-only key is not in the manifest’s files').toBe(
      undefined,
    );
    expect(Object.keys(bundled).length).toBeLessThan(Object.keys(ZH).length / 2);
    expect(zh.message).toBe(bundled[zh.key ?? '']);
    expect(zh.message).toMatch(HAN);
  });

  it('a locale the app has no catalogue for is refused at the door, in English', async () => {
    world.resetLog();
    const e = failure(await world.call('map/load', { ...at(), locale: 'fr-FR' }));
    expect(e).toMatchObject({ code: 'INVALID_INPUT', field: 'locale' });
    expect(e.key).toBe('errors.server.badLocale');
    expect(world.restCalls()).toEqual([]);
  });

  it('prototype names, paths, control characters, huge strings and non-strings are refused as a locale, nothing read', async () => {
    const hostile: unknown[] = [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '../locales/zh-CN',
      'zh-CN/../../package',
      'locales/zh-CN.json',
      'zh-CN\u0000',
      ' zh-CN',
      'ZH-cn',
      'x'.repeat(200_000),
      ['zh-CN'],
      { toString: 'zh-CN' },
      null,
      42,
    ];
    for (const locale of hostile) {
      world.resetLog();
      const e = failure(await world.call('map/load', { ...at(), locale }));
      expect(e, JSON.stringify(locale).slice(0, 40)).toMatchObject({
        code: 'INVALID_INPUT',
        field: 'locale',
      });
      expect(e.message.length).toBeLessThan(400);
      expect(world.restCalls()).toEqual([]);
    }
    // A `__proto__` key (JSON can carry one) sets no locale and no prototype.
    const parsed: unknown = JSON.parse(`{"__proto__": {"locale": "zh-CN"}}`);
    const ok = await world.call('map/load', { ...at(), ...(parsed as object) });
    expect(ok.ok ? 'ok' : ok.error.message).toBe('ok');
  });

  it('hostile text in a value stays text, in both languages', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const e = failure(
      await world.call('map/load', { pageId: hostile, localId: 'x', locale: 'zh-CN' }),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(HAN);
    // The value is the broken rule from the catalogue, never echoed markup from the payload.
    expect(e.message).not.toContain('<img');
  });
});

/** Latin words left in `text` once the values a person did not write in words are taken out. */
function englishWords(text: string, values: string[] = []): string[] {
  let rest = text;
  for (const v of values) rest = rest.split(v).join('');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

describe('technical detail stays in the log: the person reads only their language', () => {
  const BROKEN = 'msg-broken';
  const corrupt = (value: unknown): void => {
    world.emulator.store.putProperty({
      ownerId: world.pageId,
      key: mapPropertyKey(BROKEN),
      value,
    });
  };
  const loadBroken = async (locale: AppLocale) =>
    failure(await world.call('map/load', { pageId: world.pageId, localId: BROKEN, locale }));

  /** Captures what the resolver logs while `body` runs. */
  async function logged<T>(body: () => Promise<T>): Promise<{ result: T; lines: string }> {
    const lines: unknown[][] = [];
    const spies = (['info', 'warn'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args);
      }),
    );
    try {
      return { result: await body(), lines: JSON.stringify(lines) };
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  }

  it('zod’s rule is a catalogue message: Chinese with the field name only, zod’s words logged', async () => {
    const cases = [
      { payload: { pageId: 'not-a-page', localId: LOCAL_ID }, rule: 'errors.rule.badFormat' },
      { payload: { pageId: 42, localId: LOCAL_ID }, rule: 'errors.rule.notText' },
      { payload: { pageId: world.pageId, localId: 'x'.repeat(400) }, rule: 'errors.rule.tooLong' },
    ];
    for (const c of cases) {
      const { result, lines } = await logged(() =>
        world.call('map/load', { ...c.payload, locale: 'zh-CN' }),
      );
      const zh = failure(result);
      expect(zh.key).toBe('errors.server.invalidField');
      expect(zh.params?.rule).toMatchObject({ key: c.rule });
      expect(zh.message).toBe(expected(zh, 'zh-CN'));
      expect(englishWords(zh.message, [zh.field ?? '']), zh.message).toEqual([]);
      // zod's own English is not what the person reads, but the developer's log has it.
      const en = failure(await world.call('map/load', { ...c.payload, locale: 'en-US' }));
      expect(lines).toMatch(/journey-maps invalid input/);
      expect(en.message).not.toBe(zh.message);
    }
  });

  it('a corrupt map: the restore reader’s reason in Chinese, its English in the log', async () => {
    corrupt({ codec: 'cjm/1', encoding: 'json', map: { schemaVersion: 1, title: 7 } });
    const { result, lines } = await logged(() => loadBroken('zh-CN'));
    expect(result).toMatchObject({ code: 'CORRUPT', key: 'errors.server.corrupt' });
    expect(result.message).toBe(expected(result, 'zh-CN'));
    expect(result.message).toContain(ZH['errors.rule.notText']);
    expect(englishWords(result.message, ['title'])).toEqual([]);
    expect(lines).toMatch(/"title\\" is not text/);
    const en = await loadBroken('en-US');
    expect(en.message).toMatch(/“title” must be text/);
  });

  it('an undecodable map and one from a newer app: fully Chinese, numbers as values', async () => {
    corrupt(MISSING_CHUNKS_HEAD);
    const { result: missing, lines } = await logged(() => loadBroken('zh-CN'));
    expect(missing.key).toBe('errors.server.undecodable');
    expect(missing.message).toContain('第 1 部分（共 2 部分）缺失');
    expect(englishWords(missing.message)).toEqual([]);
    expect(lines).toMatch(/chunk 1 of 2/);

    corrupt(NEWER_MAP_HEAD);
    const newer = await loadBroken('zh-CN');
    expect(newer.key).toBe('errors.server.newerMap');
    expect(newer.message).toBe(expected(newer, 'zh-CN'));
    // The app's own name is a name, the same in both catalogues.
    expect(englishWords(newer.message, ['schemaVersion', 'Journey Maps'])).toEqual([]);
    expect(newer.message).toMatch(/99/);
  });
});

describe('answers’ words in the payload’s locale', () => {
  it('map/load: the read-only reason', async () => {
    const en = unwrap(await world.call('map/load', at(), 'acc-viewer'));
    const zh = unwrap(await world.call('map/load', { ...at(), locale: 'zh-CN' }, 'acc-viewer'));
    expect(en.capabilities).toEqual({
      canEdit: false,
      reason: translatorForTest('en-US')('errors.server.readOnly'),
    });
    expect(zh.capabilities.reason).toBe(ZH['errors.server.readOnly']);
  });

  it('routing/get: why a non-admin cannot change the rules', async () => {
    const spaceId = world.emulator.store.spaceByKey('CX')?.id ?? '';
    const zh = unwrap(await world.call('routing/get', { spaceId, locale: 'zh-CN' }, 'acc-editor'));
    expect(zh.canEdit).toBe(false);
    expect(zh.reason).toBe(ZH['errors.routing.notSpaceAdmin']);
  });

  it('jira/send: the work items are written in the sender’s language (labels, score words)', async () => {
    const spaceId = world.emulator.store.spaceByKey('CX')?.id ?? '';
    const rules = unwrap(await world.call('routing/get', { spaceId }, 'acc-admin'));
    unwrap(
      await world.call(
        'routing/set',
        {
          spaceId,
          baseVersion: rules.version,
          rules: {
            channels: {},
            stages: {},
            lanes: { painPoints: 'Identity', opportunities: 'Identity' },
            jira: { Identity: { project: 'IDN', issueType: 'Task', component: '', labels: [] } },
          },
        },
        'acc-admin',
      ),
    );
    const loaded = unwrap(await world.call('map/load', at()));
    const sent = unwrap(
      await world.call(
        'jira/send',
        {
          ...at(),
          baseVersion: loaded.version,
          topN: 1,
          preview: false,
          pageUrl: 'https://emulator.atlassian.net/wiki/x',
          locale: 'zh-CN',
        },
        'acc-admin',
      ),
    );
    const key = sent.rows.find((r) => r.key)?.key ?? '';
    const issue = world.emulator.jira.issue(key);
    const text = JSON.stringify(issue?.description);
    expect(issue?.summary).toMatch(/^(痛点|机会)：/);
    for (const label of ['位置', '证据']) expect(text).toContain(label);
    if (issue?.summary.startsWith('痛点')) expect(text).toMatch(/\(1 \+ \d+ 票\)/);
    expect(text).not.toContain('Evidence');
  });
});
