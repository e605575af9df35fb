/** A work item draft as an Atlassian Document (ADF), the form Jira v3 takes descriptions in. */
import type { DraftBlock } from '../domain/work-items';

type AdfNode = Record<string, unknown>;

const text = (t: string, marks?: AdfNode[]): AdfNode =>
  marks ? { type: 'text', text: t, marks } : { type: 'text', text: t };

/** Only http(s) links are written (a draft never carries another scheme, but say it here). */
function safeHref(href: string): string | null {
  return /^https?:\/\//i.test(href) ? href : null;
}

/** The ADF document for the blocks (text nodes carry the text; nothing is parsed as markup). */
export function draftToAdf(blocks: readonly DraftBlock[]): AdfNode {
  const content: AdfNode[] = [];
  for (const b of blocks) {
    if (b.kind === 'field') {
      if (!b.text.trim()) continue;
      content.push({
        type: 'paragraph',
        content: [text(`${b.label}: `, [{ type: 'strong' }]), text(b.text)],
      });
    } else if (b.kind === 'quote') {
      content.push({
        type: 'blockquote',
        content: [{ type: 'paragraph', content: [text(b.text)] }],
      });
    } else {
      const href = safeHref(b.href);
      content.push({
        type: 'paragraph',
        content: [href ? text(b.text, [{ type: 'link', attrs: { href } }]) : text(b.text)],
      });
    }
  }
  return { type: 'doc', version: 1, content };
}
