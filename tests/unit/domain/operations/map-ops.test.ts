import { describe, expect } from 'vitest';
import { CARD_TEXT_MAX, SHORT_TEXT_MAX } from '../../../../src/domain/model/schema';
import type { Op } from '../../../../src/domain/operations/op-types';
import type { Row } from './table';
import { get, ids, runRows } from './table';

describe('map, persona and back-story ops', () => {
  const rows: Row[] = [
    {
      name: 'setTitle',
      op: { type: 'map/setTitle', title: 'New' },
      check: (m) => expect(m.title).toBe('New'),
    },
    {
      name: 'setTitle cleans control characters and truncates',
      op: { type: 'map/setTitle', title: `\u0000${'x'.repeat(SHORT_TEXT_MAX + 3)}` },
      check: (m) => expect(m.title).toBe('x'.repeat(SHORT_TEXT_MAX)),
    },
    {
      name: 'setTitle to the same value is a no-op',
      op: { type: 'map/setTitle', title: 'Onboarding' },
      noop: true,
    },
    {
      name: 'setTitle with a non-string is dropped',
      op: { type: 'map/setTitle', title: 7 as unknown as string },
      dropped: /text/,
    },
    {
      name: 'setState',
      op: { type: 'map/setState', state: 'future' },
      check: (m) => expect(m.state).toBe('future'),
    },
    {
      name: 'setState unknown is dropped',
      op: { type: 'map/setState', state: 'past' as 'future' },
      dropped: /state/,
    },
    {
      name: 'setLinkedMap',
      op: { type: 'map/setLinkedMap', link: { pageId: '42', localId: 'abc' } },
      check: (m) => expect(m.linkedMap).toEqual({ pageId: '42', localId: 'abc' }),
    },
    {
      name: 'setLinkedMap bad page id is dropped',
      op: { type: 'map/setLinkedMap', link: { pageId: 'x', localId: 'a' } },
      dropped: /link/,
    },
    {
      name: 'setOwningTeam',
      op: { type: 'map/setOwningTeam', team: 'Growth' },
      check: (m) => expect(m.owningTeam).toBe('Growth'),
    },
    {
      name: 'setScope patches only the given keys',
      op: { type: 'map/setScope', patch: { goal: 'Share knowledge' } },
      check: (m) =>
        expect(m.scope).toEqual({ scenario: '', goal: 'Share knowledge', start: '', end: '' }),
    },
    {
      name: 'setScope unknown key is dropped',
      op: { type: 'map/setScope', patch: { colour: 'red' } as never },
      dropped: /scope/,
    },
    {
      name: 'setReview',
      op: { type: 'map/setReview', cadence: 'monthly', lastReviewed: '2026-11-01' },
      check: (m) => expect(m.review).toEqual({ cadence: 'monthly', lastReviewed: '2026-11-01' }),
    },
    {
      name: 'setReview bad date is dropped',
      op: { type: 'map/setReview', lastReviewed: '1/11/2026' },
      dropped: /YYYY/,
    },
    {
      name: 'setWriteUp',
      op: {
        type: 'map/setWriteUp',
        writeUp: {
          pageId: '9',
          title: 'Write-up',
          generatedAt: '2026-11-23T01:00:00Z',
          version: 3,
        },
      },
      check: (m) => expect(m.writeUp).toMatchObject({ pageId: '9', version: 3 }),
    },
    {
      name: 'setWriteUp without the page version is dropped',
      op: {
        type: 'map/setWriteUp',
        writeUp: { pageId: '9', title: 'Write-up', generatedAt: '2026-11-23T01:00:00Z' },
      } as unknown as Op,
      dropped: /write-up/,
    },
    {
      name: 'persona/set with photo',
      op: {
        type: 'persona/set',
        patch: { name: 'Alana', photo: { attachmentId: 'a9', fileName: 'alana.png' } },
      },
      check: (m) => {
        expect(m.persona.name).toBe('Alana');
        expect(m.persona.photo?.attachmentId).toBe('a9');
      },
    },
    {
      name: 'backStory/addSticky at index',
      op: { type: 'backStory/addSticky', list: 'painPoints', id: 'bp0', text: 'First', index: 0 },
      check: (m) => expect(ids(m.backStory.painPoints)).toEqual(['bp0', 'bp1', 'bp2']),
    },
    {
      name: 'backStory/addSticky with an existing id is dropped',
      op: { type: 'backStory/addSticky', list: 'painPoints', id: 'bp1', text: 'x' },
      dropped: /taken/,
    },
    {
      name: 'backStory/addSticky with a malformed id is dropped',
      op: { type: 'backStory/addSticky', list: 'painPoints', id: 'has space', text: 'x' },
      dropped: /invalid/,
    },
    {
      name: 'backStory/editSticky truncates',
      op: {
        type: 'backStory/editSticky',
        list: 'painPoints',
        id: 'bp1',
        text: 'y'.repeat(CARD_TEXT_MAX + 1),
      },
      check: (m) => expect(get(m.backStory.painPoints, 'bp1').text).toHaveLength(CARD_TEXT_MAX),
    },
    {
      name: 'backStory/editSticky in the wrong list is dropped',
      op: { type: 'backStory/editSticky', list: 'outcomes', id: 'bp1', text: 'y' },
      dropped: /not found/,
    },
    {
      name: 'backStory/deleteSticky',
      op: { type: 'backStory/deleteSticky', list: 'painPoints', id: 'bp1' },
      check: (m) => expect(ids(m.backStory.painPoints)).toEqual(['bp2']),
    },
    {
      name: 'backStory/moveSticky',
      op: { type: 'backStory/moveSticky', list: 'painPoints', id: 'bp1', toIndex: 1 },
      check: (m) => expect(ids(m.backStory.painPoints)).toEqual(['bp2', 'bp1']),
    },
    {
      name: 'backStory/set',
      op: { type: 'backStory/set', topGoal: 'Less email', story: 'Once upon a time' },
      check: (m) => expect(m.backStory.topGoal).toBe('Less email'),
    },
    {
      name: 'channel/add',
      op: { type: 'channel/add', channel: { id: 'sms', name: 'SMS', initials: 'SM' } },
      check: (m) => expect(m.channels.at(-1)?.id).toBe('sms'),
    },
    {
      name: 'channel/add with an existing id is dropped',
      op: { type: 'channel/add', channel: { id: 'web', name: 'Web 2', initials: 'W' } },
      dropped: /exists/,
    },
    {
      name: 'channel/add cuts initials to 3 characters',
      op: { type: 'channel/add', channel: { id: 'sms', name: 'SMS', initials: 'ABCD' } },
      check: (m) => expect(get(m.channels, 'sms').initials).toBe('ABC'),
    },
    {
      name: 'channel/edit',
      op: { type: 'channel/edit', id: 'web', name: 'Website' },
      check: (m) =>
        expect(get(m.channels, 'web')).toEqual({ id: 'web', name: 'Website', initials: 'W' }),
    },
    {
      name: 'channel/delete clears it from steps and cards; undo puts it back',
      op: { type: 'channel/delete', id: 'web' },
      check: (m) => {
        expect(ids(m.channels)).not.toContain('web');
        expect(get(m.steps, 's3').channels).toEqual([]);
        expect(get(m.cards, 'pain1').channels).toEqual([]);
      },
    },
    {
      name: 'channel/delete of a missing channel is dropped',
      op: { type: 'channel/delete', id: 'fax' },
      dropped: /not found/,
    },
  ];
  runRows(rows);
});
