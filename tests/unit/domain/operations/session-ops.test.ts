import { describe, expect } from 'vitest';
import type { Row } from './table';
import { runRows } from './table';

describe('session ops', () => {
  const rows: Row[] = [
    {
      name: 'session/set clamps votesPerPerson',
      op: { type: 'session/set', date: '2026-11-23', notes: 'Notes', votesPerPerson: 99 },
      check: (m) =>
        expect([m.session.date, m.session.notes, m.session.votesPerPerson]).toEqual([
          '2026-11-23',
          'Notes',
          50,
        ]),
    },
    {
      name: 'session/set bad date is dropped',
      op: { type: 'session/set', date: 'tomorrow' },
      dropped: /YYYY/,
    },
    {
      name: 'session/setPeople',
      op: {
        type: 'session/setPeople',
        facilitator: { accountId: 'acc-admin', name: 'Avery' },
        participants: [{ accountId: null, name: 'Eddie' }],
      },
      check: (m) => {
        expect(m.session.facilitator?.name).toBe('Avery');
        expect(m.session.participants).toHaveLength(1);
      },
    },
    {
      name: 'session/setPeople malformed person is dropped',
      op: { type: 'session/setPeople', scribe: { accountId: null } as never },
      dropped: /scribe/,
    },
    {
      name: 'session/setAnalysis',
      op: { type: 'session/setAnalysis', patch: { confusion: 'Pricing' } },
      check: (m) => expect(m.session.analysis.confusion).toBe('Pricing'),
    },
    {
      name: 'session/addPhoto pinned to a step',
      op: {
        type: 'session/addPhoto',
        photo: { attachmentId: 'att2', fileName: 'b.jpg', caption: '', stepId: 's1' },
      },
      check: (m) => expect(m.session.photos.map((p) => p.stepId)).toEqual(['s3', 's1']),
    },
    {
      name: 'session/addPhoto pinned to a missing step is unpinned',
      op: {
        type: 'session/addPhoto',
        photo: { attachmentId: 'att2', fileName: 'b.jpg', caption: '', stepId: 'nope' },
      },
      check: (m) => expect(m.session.photos[1]?.stepId).toBeNull(),
    },
    {
      name: 'session/addPhoto twice is dropped',
      op: {
        type: 'session/addPhoto',
        photo: { attachmentId: 'att1', fileName: 'a.jpg', caption: '', stepId: null },
      },
      dropped: /already/,
    },
    {
      name: 'session/editPhoto',
      op: { type: 'session/editPhoto', attachmentId: 'att1', caption: 'Whiteboard', stepId: null },
      check: (m) =>
        expect(m.session.photos[0]).toMatchObject({ caption: 'Whiteboard', stepId: null }),
    },
    {
      name: 'session/editPhoto to a missing step is dropped',
      op: { type: 'session/editPhoto', attachmentId: 'att1', stepId: 'nope' },
      dropped: /step/,
    },
    {
      name: 'session/removePhoto',
      op: { type: 'session/removePhoto', attachmentId: 'att1' },
      check: (m) => expect(m.session.photos).toEqual([]),
    },
    {
      name: 'session/removePhoto of a missing photo is dropped',
      op: { type: 'session/removePhoto', attachmentId: 'nope' },
      dropped: /not found/,
    },
    {
      name: 'session/setAgenda',
      op: {
        type: 'session/setAgenda',
        agenda: {
          stepIndex: 2,
          startedAt: '2026-11-23T01:00:00Z',
          elapsedSeconds: 30,
          extraMinutes: [0, 5],
        },
      },
      check: (m) => expect(m.session.agenda.stepIndex).toBe(2),
    },
    {
      name: 'session/setAgenda invalid is dropped',
      op: {
        type: 'session/setAgenda',
        agenda: { stepIndex: 99, startedAt: null, elapsedSeconds: 0, extraMinutes: [] },
      },
      dropped: /agenda/,
    },
    {
      name: 'session/revealVotes',
      op: { type: 'session/revealVotes', revealed: true },
      check: (m) => expect(m.session.votesRevealed).toBe(true),
    },
  ];
  runRows(rows);
});
