import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFromTemplate } from '../../../../src/domain/templates';
import { jiraTargetFor, routingRulesSchema } from '../../../../src/domain/routing';
import { draftWorkItem, parseWorkItemRef, planSend } from '../../../../src/domain/work-items';
import { englishT } from '../../../support/i18n';

describe('parseWorkItemRef', () => {
  it.each([
    ['CS-12', 'CS-12'],
    [' cs-12 ', 'CS-12'],
    ['https://acme.atlassian.net/browse/IDN-7', 'IDN-7'],
    ['https://acme.atlassian.net/browse/IDN-7?focused=1', 'IDN-7'],
    ['https://acme.atlassian.net/jira/software/projects/IDN/boards/1?selectedIssue=IDN-3', 'IDN-3'],
    // Only the key is ever kept: the link is always the site's own `/browse/KEY`.
    ['javascript:alert(1)//browse/CS-1', 'CS-1'],
    ['https://evil.example/browse/CS-12', 'CS-12'],
    ['javascript:alert(1)', null],
    ['CS-1"><img src=x onerror=alert(1)>', null],
    ['CS-0', null],
    ['CS 12', null],
    ['12-CS', null],
    ['', null],
  ])('%s → %s', (text, key) => expect(parseWorkItemRef(text)).toBe(key));

  it('never answers something that is not a key', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const key = parseWorkItemRef(s);
        return key === null || /^[A-Z][A-Z0-9_]{0,19}-[1-9]\d{0,9}$/.test(key);
      }),
    );
  });
});

let n = 0;
const map = createFromTemplate({
  template: 'worked-example',
  newId: () => `w${(n++).toString(36)}`,
  today: '2026-11-23',
});

describe('draftWorkItem', () => {
  it('prefills a pain point from the map, with the link back to the card', () => {
    const pain = map.cards.find((c) => c.kind === 'painPoint');
    const draft = draftWorkItem({
      map,
      cardId: pain?.id ?? '',
      pageUrl: 'https://x/wiki/p',
      t: englishT,
    });
    expect(draft?.summary).toMatch(/^Pain point: /);
    expect(draft?.summary.length).toBeLessThanOrEqual(255);
    const labels = draft?.blocks.map((b) => (b.kind === 'field' ? b.label : b.kind));
    expect(labels).toEqual(
      expect.arrayContaining(['Where', 'Impact', 'Score', 'Votes', 'Evidence', 'link']),
    );
    expect(draft?.blocks.at(-1)).toMatchObject({ href: `https://x/wiki/p#card-${pain?.id ?? ''}` });
  });

  it('is null for a card that is not a pain point or opportunity', () => {
    const other = map.cards.find((c) => c.kind !== 'painPoint' && c.kind !== 'opportunity');
    expect(
      draftWorkItem({ map, cardId: other?.id ?? 'x', pageUrl: 'https://x', t: englishT }),
    ).toBeNull();
  });
});

describe('planSend', () => {
  const rules = routingRulesSchema.parse({
    jira: { Identity: { project: 'IDN' } },
  });
  it('plans one row per item per routed team; teams without a project are skipped', () => {
    const rows = planSend({ map, rules, topN: 3 });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      if (r.team === 'Identity')
        expect(r).toMatchObject({ skip: null, target: { project: 'IDN' } });
      else expect(r.skip).not.toBeNull();
    }
  });

  it('skips what is already linked for the team', () => {
    const first = planSend({ map, rules, topN: 3 }).find((r) => r.skip === null);
    const linked = {
      ...map,
      workItems: [{ cardId: first?.cardId ?? '', key: 'IDN-1', team: 'identity' }],
    };
    const again = planSend({ map: linked, rules, topN: 3 }).find(
      (r) => r.cardId === first?.cardId && r.team === 'Identity',
    );
    expect(again?.skip).toBe('already-linked');
  });

  it('finds a team target case-insensitively', () => {
    expect(jiraTargetFor(rules, ' identity ')?.project).toBe('IDN');
    expect(jiraTargetFor(rules, 'Growth')).toBeNull();
  });
});
