import { describe, expect, it } from 'vitest';
import { restore } from '../../../../src/domain/model/restore';
import { createEmptyMap } from '../../../../src/domain/model/factories';
import type { Row } from './table';
import { runRows } from './table';

const link = { type: 'workItem/link', cardId: 'pain1', key: 'CS-1', team: 'Support' } as const;

describe('work item ops', () => {
  const rows: Row[] = [
    {
      name: 'link a pain point',
      op: link,
      check: (m) =>
        expect(m.workItems).toEqual([{ cardId: 'pain1', key: 'CS-1', team: 'Support' }]),
    },
    {
      name: 'link an opportunity, team text cleaned',
      op: {
        type: 'workItem/link',
        cardId: 'opp1',
        key: 'SUP-12',
        team: ` \u0000${'t'.repeat(300)}`,
      },
      check: (m) => expect(m.workItems[0]?.team).toBe(` ${'t'.repeat(199)}`),
    },
    { name: 'the same link twice changes nothing', before: [link], op: link, noop: true },
    {
      name: 'a second key on the same card',
      before: [link],
      op: { ...link, key: 'CS-2' },
      check: (m) => expect(m.workItems.map((w) => w.key)).toEqual(['CS-1', 'CS-2']),
    },
    {
      name: 'a card that is neither pain point nor opportunity is dropped',
      op: { ...link, cardId: 'nope' },
      dropped: /not found/,
    },
    {
      name: 'unlink puts the link back at its place on undo',
      before: [link, { ...link, key: 'CS-2' }, { ...link, key: 'CS-3' }],
      op: { type: 'workItem/unlink', cardId: 'pain1', key: 'CS-2' },
      check: (m) => expect(m.workItems.map((w) => w.key)).toEqual(['CS-1', 'CS-3']),
    },
    {
      name: 'unlink of a key not linked changes nothing',
      op: { type: 'workItem/unlink', cardId: 'pain1', key: 'CS-9' },
      noop: true,
    },
  ];
  runRows(rows);
});

describe('restore of work item links', () => {
  const base = createEmptyMap({ title: 'x' });
  it.each([
    ['missing (older maps): empty, no note', undefined, [], 0],
    [
      'kept',
      [{ cardId: 'c1', key: 'CS-1', team: '' }],
      [{ cardId: 'c1', key: 'CS-1', team: '' }],
      0,
    ],
    ['a bad key is removed with a note', [{ cardId: 'c1', key: 'cs 1', team: '' }], [], 1],
    [
      'a repeat is kept once',
      [
        { cardId: 'c1', key: 'CS-1', team: '' },
        { cardId: 'c1', key: 'CS-1', team: 'x' },
      ],
      [{ cardId: 'c1', key: 'CS-1', team: '' }],
      1,
    ],
  ])('%s', (_name, value, expected, notes) => {
    const doc: Record<string, unknown> = { ...base };
    if (value === undefined) delete doc.workItems;
    else doc.workItems = value;
    const result = restore(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.map.workItems).toEqual(expected);
    expect(result.repairs.filter((r) => r.path.startsWith('workItems'))).toHaveLength(notes);
  });
});
