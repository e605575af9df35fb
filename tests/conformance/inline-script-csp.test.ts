/**
 * The local host allows a resource's inline scripts exactly as Forge's CSP service does
 * (`@forge/csp`'s CSPProcessingService, run here on the built index.html): the same sha256
 * sources, no more (decision 0057). Needs `npm run build:ui`.
 */
import { CSPProcessingService } from '@forge/csp';
import { load } from 'cheerio';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from '../../dev/host/inline-script-hashes';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

function forgeHashes(html: string): string[] {
  const service = new CSPProcessingService(quiet, load);
  const details = service.getCspDetails(html, { content: { scripts: [], styles: [] } });
  const scriptSrc: string[] = details['script-src'] ?? [];
  return scriptSrc.filter((s) => s.startsWith("'sha")).map((s) => s.slice(1, -1));
}

describe('inline script hashes', () => {
  it("match Forge's CSP service on the built index.html", () => {
    const html = readFileSync(join(process.cwd(), 'static/app/build/index.html'), 'utf8');
    const ours = inlineScriptHashes(html);
    expect(ours).toHaveLength(1);
    expect(ours).toEqual(forgeHashes(html));
  });

  it('match it on scripts with attributes, empty scripts and external ones', () => {
    const html =
      '<html><head><script>a()</script><script type="text/javascript">\n b();\n</script>' +
      '<script src="x.js"></script><script></script><script src="y.js">ignored</script></head></html>';
    expect(inlineScriptHashes(html)).toEqual(forgeHashes(html));
    expect(inlineScriptHashes(html)).toHaveLength(2);
  });
});
