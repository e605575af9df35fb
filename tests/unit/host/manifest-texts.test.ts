/**
 * The local host draws manifest texts as Confluence does (decision 0042): `{i18n}` titles in the
 * viewer's language with English as the fallback, and a byline icon only from a source the
 * docs let load without an external permission.
 */
import { describe, expect, it } from 'vitest';
import { bylineIconUrl } from '../../../dev/host/dynamic-byline';
import { loadManifest, manifestFor } from '../../../dev/host/manifest';
import { ROOT } from '../../support/repo-files';

describe('host manifest texts', () => {
  const en = loadManifest(ROOT);

  it('resolves {i18n} titles in the viewer’s locale; other locales read English', () => {
    expect(en.byline?.title).toBe('Journey map');
    expect(en.contentActions.map((a) => a.title)).toEqual([
      'Generate journey-map write-up',
      'Create future-state map',
    ]);
    const zh = manifestFor(en, 'zh-CN');
    expect(zh.byline?.title).toBe('客户旅程地图');
    expect(zh.macro.title).toBe('客户旅程地图');
    expect(zh.contentActions[0]?.title).toBe('生成客户旅程地图纪要');
    expect(manifestFor(en, 'de-DE').spacePage.title).toBe('Journey maps');
  });

  it.each([
    ['resource:main;byline/map.svg', '/__forge/resources/main/byline/map.svg'],
    ['data:image/svg+xml;base64,PHN2Zy8+', 'data:image/svg+xml;base64,PHN2Zy8+'],
    [undefined, null],
    ['https://example.com/icon.png', undefined],
    ['resource:nope;byline/map.svg', undefined],
    ['resource:main;../secrets', undefined],
  ])('icon %s → %s', (icon, url) => {
    expect(bylineIconUrl(icon, en)).toBe(url);
  });
});
