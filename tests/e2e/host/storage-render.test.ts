/**
 * The shell's storage renderer is an allow-list: hostile storage must come out inert, and the
 * Confluence elements the demo uses must come out readable. (No browser needed; the browser
 * variant of the hostile check is in host.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { buildMacroStorage, findMacros, replaceMacroConfig } from '../../../dev/host/storage/macro';
import { parseStorage, serializeStorage } from '../../../src/domain/storage-format';
import type { RenderOptions } from '../../../dev/host/storage/render';
import { renderStorage, safeUrl } from '../../../dev/host/storage/render';

const options: RenderOptions = {
  attachmentUrl: (fileName) => (fileName === 'photo.png' ? '/att/photo.png' : null),
  pageUrl: (title) => (title === 'Known' ? '/wiki/spaces/CX/pages/1/Known' : null),
  renderMacro: (m) => `<iframe data-local-id="${m.localId}"></iframe>`,
};

const render = (s: string): string => renderStorage(s, options);

describe('storage renderer (allow-list)', () => {
  it.each([
    ['<script>alert(1)</script>', ''],
    ['<p>a<script>alert(1)</script>b</p>', '<p>ab</p>'],
    ['<SCRIPT SRC=//evil></SCRIPT>', ''],
    ['<p onclick="x()" style="color:red" class="c">t</p>', '<p>t</p>'],
    ['<img src=x onerror=alert(1)>', ''],
    ['<iframe src="javascript:alert(1)"></iframe>', ''],
    ['<svg><script>alert(1)</script><circle/></svg>', ''],
    ['<style>*{}</style><p>ok</p>', '<p>ok</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href=" JaVa\tScRiPt:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="data:text/html,<script>">x</a>', '<a>x</a>'],
    ['<a href="vbscript:x">x</a>', '<a>x</a>'],
    [
      '<a href="https://example.com/?a=1&amp;b=2">x</a>',
      '<a href="https://example.com/?a=1&amp;b=2" rel="noopener noreferrer">x</a>',
    ],
    ['<p>&lt;script&gt;</p>', '<p>&lt;script&gt;</p>'],
    [
      '<p><![CDATA[<script>alert(1)</script>]]></p>',
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    ],
    ['<p>]]></p>', '<p>]]&gt;</p>'],
    ['<p title="a" "onmouseover="x">t</p>', '<p>t</p>'],
    // A tag cut off by the end of the body is dropped, as a browser's parser drops it at EOF.
    ['<p>unterminated <b', '<p>unterminated </p>'],
    ['<p>&#99999999; &bogus; a & b</p>', '<p>\ufffd &amp;bogus; a &amp; b</p>'],
    ['<td colspan="2 onmouseover=x">c</td>', '<td>c</td>'],
    ['<p>&#0;&#xD800;&#x110000;</p>', '<p>\ufffd\ufffd\ufffd</p>'],
    ['<p>\u202Eevil\u202C 🙂</p>', '<p>\u202Eevil\u202C 🙂</p>'],
    ['<form action="/x"><input name=a><button>go</button></form>', ''],
    ['<object data="x"></object><embed src="x"><math><mi>x</mi></math>', ''],
    [
      '<ac:structured-macro ac:name="html"><ac:plain-text-body><![CDATA[<script>alert(1)</script>]]></ac:plain-text-body></ac:structured-macro>',
      '<div class="jm-unsupported">Unsupported macro: html</div>',
    ],
  ])('neutralises %s', (input, expected) => {
    expect(render(input)).toBe(expected);
  });

  it('keeps status colours to the allow-list and escapes the title', () => {
    const html = render(
      '<ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">red" onclick="x</ac:parameter><ac:parameter ac:name="title">&lt;b&gt;HIGH</ac:parameter></ac:structured-macro>',
    );
    expect(html).toBe('<span class="jm-status jm-status-grey">&lt;b&gt;HIGH</span>');
  });

  it('renders headings, lists, tables, panels, code and links', () => {
    const html = render(
      '<h2>T</h2><ul><li>a</li></ul><table><tbody><tr><th><p>H</p></th></tr><tr><td colspan="2"><p>c</p></td></tr></tbody></table>' +
        '<ac:structured-macro ac:name="warning"><ac:parameter ac:name="title">Careful</ac:parameter><ac:rich-text-body><p>w</p></ac:rich-text-body></ac:structured-macro>' +
        '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[const a = "<b>";]]></ac:plain-text-body></ac:structured-macro>' +
        '<ac:link><ri:page ri:content-title="Known" /><ac:plain-text-link-body><![CDATA[see <this>]]></ac:plain-text-link-body></ac:link>' +
        '<ac:link><ri:page ri:content-title="Unknown" /></ac:link>',
    );
    expect(html).toContain('<h2>T</h2><ul><li>a</li></ul>');
    expect(html).toContain('<td colspan="2"><p>c</p></td>');
    expect(html).toContain(
      '<div class="jm-panel jm-panel-warning" role="note"><div class="jm-panel-title">Careful</div><p>w</p></div>',
    );
    expect(html).toContain('<pre><code>const a = &quot;&lt;b&gt;&quot;;</code></pre>');
    expect(html).toContain(
      '<a href="/wiki/spaces/CX/pages/1/Known" rel="noopener noreferrer">see &lt;this&gt;</a>',
    );
    expect(html).toContain('<span class="jm-broken-link">Unknown</span>');
  });

  it('renders attachment images, and only http(s) external images', () => {
    expect(
      render(
        '<ac:image ac:alt="W&quot;x" ac:width="300"><ri:attachment ri:filename="photo.png" /></ac:image>',
      ),
    ).toBe('<img class="jm-image" src="/att/photo.png" alt="W&quot;x" width="300" loading="lazy">');
    expect(render('<ac:image><ri:attachment ri:filename="missing.png" /></ac:image>')).toContain(
      'jm-missing-image',
    );
    expect(render('<ac:image><ri:url ri:value="javascript:alert(1)" /></ac:image>')).toContain(
      'jm-missing-image',
    );
  });

  it('replaces our macro (both storage forms) with the caller-rendered frame', () => {
    const a = buildMacroStorage({ localId: 'abc-1', config: { view: 'compact' } });
    const b =
      '<ac:structured-macro ac:name="journey-map" ac:macro-id="def-2"><ac:parameter ac:name="x">1</ac:parameter></ac:structured-macro>';
    expect(render(`<p>x</p>${a}${b}`)).toBe(
      '<p>x</p><iframe data-local-id="abc-1"></iframe><iframe data-local-id="def-2"></iframe>',
    );
    expect(findMacros(a + b)).toEqual([
      {
        moduleKey: 'journey-map',
        localId: 'abc-1',
        nodeLocalId: 'node-abc-1',
        config: { view: 'compact' },
      },
      { moduleKey: 'journey-map', localId: 'def-2', nodeLocalId: '', config: { x: '1' } },
    ]);
    const hostileId = buildMacroStorage({ localId: '"><script>alert(1)</script>' });
    // The storage stays well-formed: the id round-trips as text (the shell escapes it again).
    expect(findMacros(hostileId)[0]?.localId).toBe('"><script>alert(1)</script>');
  });

  it('renders the real Forge form by its parameter local-id (node id and fallback ignored)', () => {
    const real = buildMacroStorage({ localId: 'param-9', nodeLocalId: 'node-9' });
    expect(real).toContain('<ac:adf-fallback>');
    expect(render(`<p>x</p>${real}`)).toBe('<p>x</p><iframe data-local-id="param-9"></iframe>');
    // The older trimmed form (one local-id, no fallback) still renders.
    const trimmed =
      '<ac:adf-extension><ac:adf-node type="extension">' +
      '<ac:adf-attribute key="extension-key">local-app/local-environment/static/journey-map</ac:adf-attribute>' +
      '<ac:adf-attribute key="local-id">old-1</ac:adf-attribute></ac:adf-node></ac:adf-extension>';
    expect(render(trimmed)).toBe('<iframe data-local-id="old-1"></iframe>');
  });

  it('rewrites one macro config and keeps the rest of the body', () => {
    const body = `<p>a &amp; b</p>${buildMacroStorage({ localId: 'm1' })}<p>c</p>`;
    const next = replaceMacroConfig({ storage: body, localId: 'm1', config: { k: 'v<' } });
    expect(next.found).toBe(true);
    expect(findMacros(next.storage)[0]).toMatchObject({
      localId: 'm1',
      nodeLocalId: 'node-m1',
      config: { k: 'v<' },
    });
    expect(next.storage.startsWith('<p>a &amp; b</p>')).toBe(true);
    expect(serializeStorage(parseStorage('<p>x<br/>y</p>'))).toBe('<p>x<br />y</p>');
  });

  it('accepts only http(s), mailto and relative URLs', () => {
    expect(safeUrl('https://a.b/c')).toBe('https://a.b/c');
    expect(safeUrl('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeUrl('/wiki/x')).toBe('/wiki/x');
    expect(safeUrl('#top')).toBe('#top');
    expect(safeUrl('pages/1')).toBe('pages/1');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('\u0001javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html;base64,xx')).toBeNull();
    expect(safeUrl('')).toBeNull();
  });
});
