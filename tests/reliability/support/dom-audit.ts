/**
 * Browser-side audit of a frame's DOM for hostile text that became markup: `on*` attributes,
 * script-bearing URLs, and `__xss` anywhere but in attributes that only ever hold text.
 */
import type { Frame } from 'playwright-core';

/** What the audit found (empty lists = clean) and how many hostile texts are shown as text. */
export type DomAudit = { findings: string[]; textsShown: number };

/** Audits `frame`; `texts` are the hostile texts expected to appear as text. */
export async function auditDom(frame: Frame, texts: readonly string[]): Promise<DomAudit> {
  return frame.evaluate(
    (hostile: string[]) => {
      const TEXT_ATTRS = /^(aria-[\w-]+|title|alt|placeholder|value|label|data-[\w-]+)$/;
      const URL_ATTRS =
        /^(href|src|action|formaction|xlink:href|srcdoc|background|poster|data|style)$/;
      const findings: string[] = [];
      for (const el of Array.from(document.querySelectorAll('*'))) {
        for (const attr of Array.from(el.attributes)) {
          const name = attr.name.toLowerCase();
          if (name.startsWith('on')) findings.push(`<${el.tagName.toLowerCase()} ${name}>`);
          else if (URL_ATTRS.test(name) && /^\s*(javascript|vbscript):/i.test(attr.value)) {
            findings.push(`<${el.tagName.toLowerCase()} ${name}="${attr.value.slice(0, 60)}">`);
          } else if (!TEXT_ATTRS.test(name) && attr.value.includes('__xss')) {
            findings.push(`<${el.tagName.toLowerCase()} ${name}=…__xss…>`);
          }
        }
        if (
          /^(script|style|iframe|object|embed|frame|base|meta|link)$/i.test(el.tagName) &&
          (el.textContent ?? '').includes('__xss')
        ) {
          findings.push(`<${el.tagName.toLowerCase()}> holding hostile text`);
        }
      }
      const labels = Array.from(document.querySelectorAll('[aria-label]')).map(
        (e) => e.getAttribute('aria-label') ?? '',
      );
      const shown = `${document.body.innerText}\n${labels.join('\n')}`;
      const textsShown = hostile.filter((t) => shown.includes(t)).length;
      return { findings, textsShown };
    },
    [...texts],
  );
}
