import { TranslationsGetter, Translator } from '@forge/i18n';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppLocale } from '../../../../src/domain/i18n';
import { appLocale, interpolate, translatorFrom } from '../../../../src/domain/i18n';
import { translatorForTest } from '../../../support/i18n';

describe('appLocale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['en-US', 'en-US'],
    ['en-GB', 'en-US'],
    ['fr-FR', 'en-US'],
    ['zh-TW', 'en-US'],
    ['', 'en-US'],
    [null, 'en-US'],
    [42, 'en-US'],
  ])('%s → %s', (raw, want) => {
    expect(appLocale(raw)).toBe(want);
  });

  it('never answers anything but a catalogue locale', () => {
    fc.assert(fc.property(fc.anything(), (raw) => ['en-US', 'zh-CN'].includes(appLocale(raw))));
  });
});

describe('interpolate', () => {
  it.each([
    ['{a} and {b}', { a: 1, b: 'x' }, '1 and x'],
    ['{missing} stays', {}, '{missing} stays'],
    ['no vars', undefined, 'no vars'],
    ['{a}{a}', { a: '<b>' }, '<b><b>'],
  ])('%s', (template, vars, want) => {
    expect(interpolate(template, vars)).toBe(want);
  });

  it('inserts values verbatim, never re-reading placeholders inside them', () => {
    fc.assert(fc.property(fc.string(), (v) => interpolate('[{x}]', { x: v }) === `[${v}]`));
  });
});

/** Forge's own lookup (@forge/i18n) over in-memory catalogues, as the bridge and @forge/api use it. */
async function forgeTranslator(
  locale: string,
  catalogues: Record<string, Record<string, string>>,
): Promise<(key: string, d?: string) => string> {
  const getter = new TranslationsGetter({
    getI18nInfoConfig: () =>
      Promise.resolve({
        locales: Object.keys(catalogues) as AppLocale[],
        fallback: { default: 'en-US' },
      }),
    getTranslationResource: (l: string) => Promise.resolve(catalogues[l] ?? {}),
  });
  const translator = new Translator(locale as AppLocale, getter);
  await translator.init();
  return (key, d) => translator.translate(key) ?? d ?? key;
}

describe('translatorFrom over Forge’s translator', () => {
  const catalogues = {
    'en-US': {
      hello: 'Hello {name}',
      only: 'English only',
      'n.one': '{count} map',
      'n.other': '{count} maps',
    },
    'zh-CN': { hello: '你好 {name}', 'n.other': '{count} 个地图' },
  };

  it('speaks the locale, filling placeholders', async () => {
    const t = translatorFrom(await forgeTranslator('zh-CN', catalogues), 'zh-CN');
    expect(t('hello', { name: '林' })).toBe('你好 林');
  });

  it('a key missing in zh-CN is English (Forge falls back to fallback.default key by key)', async () => {
    const t = translatorFrom(await forgeTranslator('zh-CN', catalogues), 'zh-CN');
    expect(t('only')).toBe('English only');
  });

  it('an unknown locale reads en-US', async () => {
    const t = translatorFrom(await forgeTranslator('fr-FR', catalogues), 'en-US');
    expect(t('hello', { name: 'Ann' })).toBe('Hello Ann');
  });

  it('plural forms follow the locale’s rules, falling back to `.other`', async () => {
    const en = translatorFrom(await forgeTranslator('en-US', catalogues), 'en-US');
    const zh = translatorFrom(await forgeTranslator('zh-CN', catalogues), 'zh-CN');
    expect([en('n', { count: 1 }), en('n', { count: 2 })]).toEqual(['1 map', '2 maps']);
    expect(zh('n', { count: 1 })).toBe('1 个地图');
  });

  it('a key in no catalogue shows as the key', async () => {
    const t = translatorFrom(await forgeTranslator('zh-CN', catalogues), 'zh-CN');
    expect(t('no.such.key')).toBe('no.such.key');
  });
});

describe('the repository catalogues', () => {
  it('speak the play in both languages (seed 000 wording for zh-CN)', () => {
    const en = translatorForTest('en-US');
    const zh = translatorForTest('zh-CN');
    expect(en('agenda.stage.title')).toBe('Set the stage');
    expect(zh('agenda.stage.title')).toBe('搭建舞台');
    expect(zh('play.stepOf', { n: 1, total: 7 })).toBe('第 1 步，共 7 步');
    expect(en('writeup.count.steps', { count: 1 })).toBe('1 step');
    expect(en('writeup.count.steps', { count: 3 })).toBe('3 steps');
  });
});
