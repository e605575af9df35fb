/**
 * A small, fully populated valid map for table-driven tests: two stages, three steps (one a
 * decision with a path another step follows), cards of every interesting kind, links and photos.
 */
import {
  createCard,
  createEmptyMap,
  createStage,
  createStep,
} from '../../../../src/domain/model/factories';
import type { JourneyMap } from '../../../../src/domain/model/schema';

/** A fresh copy of the fixture map. */
export function fixtureMap(): JourneyMap {
  const map = createEmptyMap({ title: 'Onboarding' });
  const s1 = createStep({ id: 's1', stageId: 'aware', name: 'Sees an ad' });
  const s2 = {
    ...createStep({ id: 's2', stageId: 'aware', name: 'Decides', kind: 'decision' }),
    paths: [{ id: 'p-yes', label: 'Yes' }],
  };
  const s3 = {
    ...createStep({ id: 's3', stageId: 'buy', name: 'Signs up' }),
    pathId: 'p-yes',
    channels: ['web'],
    sentiment: -1,
  };
  const pain = {
    ...createCard({
      id: 'pain1',
      laneId: 'lane-painPoints',
      stepId: 's3',
      kind: 'painPoint',
      text: 'Form too long',
    }),
    channels: ['web'],
  };
  const pain2 = createCard({
    id: 'pain2',
    laneId: 'lane-painPoints',
    stepId: 's3',
    kind: 'painPoint',
    text: 'No SSO',
  });
  const opp = createCard({
    id: 'opp1',
    laneId: 'lane-opportunities',
    stepId: 's3',
    kind: 'opportunity',
    text: 'Shorter form',
  });
  return {
    ...map,
    backStory: {
      ...map.backStory,
      painPoints: [
        { id: 'bp1', text: 'Email chaos' },
        { id: 'bp2', text: 'Lost docs' },
      ],
    },
    stages: [createStage('aware', 'Awareness'), createStage('buy', 'Purchase')],
    steps: [s1, s2, s3],
    cards: [
      createCard({
        id: 'a1',
        laneId: 'lane-actions',
        stepId: 's1',
        kind: 'action',
        text: 'Clicks ad',
      }),
      createCard({
        id: 'a2',
        laneId: 'lane-actions',
        stepId: 's1',
        kind: 'action',
        text: 'Reads page',
      }),
      createCard({
        id: 'a3',
        laneId: 'lane-actions',
        stepId: 's2',
        kind: 'action',
        text: 'Compares',
      }),
      pain,
      pain2,
      { ...opp, opportunity: { impact: 4, feasibility: 2, painPointIds: ['pain1', 'pain2'] } },
    ],
    session: {
      ...map.session,
      photos: [{ attachmentId: 'att1', fileName: 'wall.jpg', caption: 'Wall', stepId: 's3' }],
    },
  };
}
