import { englishT } from '../../../support/i18n';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../../../src/domain/model/schema';
import { emptyRules } from '../../../../src/domain/routing/routing-rules';
import { renderSentimentChart } from '../../../../src/domain/write-up/sentiment-chart';
import { renderWriteUp } from '../../../../src/domain/write-up/render-write-up';
import {
  previewText,
  storageToPreview,
} from '../../../../static/app/src/features/session/storage-preview';
import type { PreviewNode } from '../../../../static/app/src/features/session/storage-preview';
import { StorageView } from '../../../../static/app/src/features/session/storage-view';
import { workedExample } from '../fixtures';

const HOSTILE = [
  '<script>alert(1)</script>',
  ']]><img src=x onerror=alert(2)>',
  '<ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<b>x</b>]]></ac:plain-text-body></ac:structured-macro>',
  '&amp; &lt;b&gt; &#x27;',
  'line\u0007bell',
  'שלום עולם',
  '🧩 emoji',
];

function hostileMap(): JourneyMap {
  const map = workedExample();
  map.session.notes = HOSTILE.join('\n');
  const pain = map.cards.find((c) => c.kind === 'painPoint');
  if (pain) pain.text = HOSTILE[0] ?? '';
  map.session.photos = [
    {
      attachmentId: 'att1',
      fileName: 'session-1.jpg',
      caption: HOSTILE[1] ?? '',
      stepId: map.steps[0]?.id ?? null,
    },
  ];
  return map;
}

function storageOf(map: JourneyMap): string {
  return renderWriteUp({
    map,
    rules: emptyRules,
    mapPage: { title: 'Alana <map>' },
    chart: renderSentimentChart(map, englishT),
    today: '2026-11-23',
    generatedAt: '2026-11-23T10:00:00Z',
    t: englishT,
  });
}

function walk(nodes: readonly PreviewNode[], visit: (n: PreviewNode) => void): void {
  for (const n of nodes) {
    visit(n);
    if ('children' in n) walk(n.children, visit);
  }
}

describe('storageToPreview', () => {
  it('keeps the write-up sections, tables, lozenges and images of a real write-up', () => {
    const tree = storageToPreview(storageOf(workedExample()));
    const text = previewText(tree);
    for (const heading of [
      'Summary',
      'Photos',
      'Pain points ranked by impact',
      'Teams that should know',
    ]) {
      expect(text).toContain(heading);
    }
    const kinds = new Set<string>();
    walk(tree, (n) => kinds.add(n.kind === 'element' ? n.tag : n.kind));
    expect([...kinds]).toEqual(
      expect.arrayContaining(['h2', 'table', 'tr', 'td', 'status', 'panel', 'link']),
    );
  });

  it('shows hostile user text as text: no script element, no raw markup', () => {
    const map = hostileMap();
    const tree = storageToPreview(storageOf(map));
    const text = previewText(tree);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain(']]><img src=x onerror=alert(2)>');
    expect(text).toContain('שלום עולם');
    expect(text).toContain('🧩 emoji');
    walk(tree, (n) => {
      if (n.kind === 'element') expect(['script', 'img', 'iframe']).not.toContain(n.tag);
    });

    const html = renderToStaticMarkup(<StorageView nodes={tree} />);
    expect(html).not.toMatch(/<(script|img|iframe|ac:|ri:)/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('drops script-like elements whole and unwraps unknown ones', () => {
    const tree = storageToPreview(
      '<p>a<script>alert(1)</script>b<style>p{}</style><custom-x>c</custom-x><iframe src="x">d</iframe></p>' +
        '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[x < y]]></ac:plain-text-body></ac:structured-macro>',
    );
    expect(previewText(tree)).toBe('abc\nx < y');
    const html = renderToStaticMarkup(<StorageView nodes={tree} />);
    expect(html).toBe('<div class="storage-view"><p>abc</p>x &lt; y</div>');
  });

  it('survives broken markup', () => {
    expect(previewText(storageToPreview('<p>open <strong>bold</p> tail < x'))).toBe(
      'open bold \n tail < x',
    );
    expect(storageToPreview('')).toEqual([]);
  });
});

describe('entities (the toolkit decoder)', () => {
  it('decodes numeric and named references, leaves unknown ones, never throws', () => {
    expect(
      previewText(storageToPreview('<p>&amp;&lt;&gt;&quot;&#39;&#x1F9E9;&rsquo;&bogus;&#0;</p>')),
    ).toBe('&<>"\'🧩’&bogus;\ufffd\n');
    expect(previewText(storageToPreview('<p>&#99999999;&#x110000; a & b</p>'))).toBe(
      '\ufffd\ufffd a & b\n',
    );
  });
});
