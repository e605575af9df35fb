/**
 * Constructors for map parts with every field filled, so callers only state what differs.
 */
import type {
  Card,
  CardKind,
  Channel,
  JourneyMap,
  Lane,
  LaneType,
  Session,
  Stage,
  Step,
  Zone,
} from './schema';
import { laneTypes } from './lane-types';
import { SCHEMA_VERSION } from './schema-version';

/** The channels of the play, shown as initials; maps may add their own. */
export const DEFAULT_CHANNELS: readonly Channel[] = [
  { id: 'web', name: 'Web', initials: 'W' },
  { id: 'phone', name: 'Phone', initials: 'P' },
  { id: 'email', name: 'Email', initials: 'E' },
  { id: 'mail', name: 'Postal mail', initials: 'M' },
  { id: 'f2f', name: 'Face-to-face', initials: 'F' },
  { id: 'social', name: 'Social', initials: 'S' },
  { id: 'chat', name: 'Chat', initials: 'C' },
  { id: 'inproduct', name: 'In-product', initials: 'I' },
];

/** Default name, zone and card kind of each lane type. */
export const LANE_TYPE_INFO: Readonly<
  Record<LaneType, { name: string; zone: Zone; cardKind: CardKind | null }>
> = {
  actions: { name: 'Actions', zone: 'onstage', cardKind: 'action' },
  touchpoints: { name: 'Touchpoints', zone: 'onstage', cardKind: 'touchpoint' },
  goals: { name: 'Customer goals', zone: 'onstage', cardKind: 'goal' },
  thoughts: { name: 'Thoughts', zone: 'onstage', cardKind: 'thought' },
  // The emotions lane draws the sentiment curve from the steps; it holds no cards.
  emotions: { name: 'Sentiment', zone: 'onstage', cardKind: null },
  painPoints: { name: 'Pain points', zone: 'onstage', cardKind: 'painPoint' },
  opportunities: { name: 'Opportunities', zone: 'onstage', cardKind: 'opportunity' },
  backstage: { name: 'Back-stage processes', zone: 'backstage', cardKind: 'process' },
  // The metrics lane shows each step's CSAT / CES / FCR; it holds no cards.
  metrics: { name: 'Metrics (CSAT, CES, FCR)', zone: 'backstage', cardKind: null },
  text: { name: 'Notes', zone: 'onstage', cardKind: 'note' },
};

/** The lane types every new map starts with, in order: all but the free-text lane. */
export const DEFAULT_LANE_TYPES: readonly LaneType[] = laneTypes.filter((t) => t !== 'text');

/** A lane of a type with its default name and zone. */
export function createLane(args: { id: string; type: LaneType; name?: string; zone?: Zone }): Lane {
  const info = LANE_TYPE_INFO[args.type];
  return {
    id: args.id,
    type: args.type,
    name: args.name ?? info.name,
    zone: args.zone ?? info.zone,
    hidden: false,
  };
}

/** A stage. */
export function createStage(id: string, name: string): Stage {
  return { id, name };
}

/** A step with no channels, sentiment, moment or metrics yet. */
export function createStep(args: {
  id: string;
  stageId: string;
  name: string;
  kind?: Step['kind'];
}): Step {
  return {
    id: args.id,
    stageId: args.stageId,
    name: args.name,
    kind: args.kind ?? 'action',
    channels: [],
    sentiment: null,
    moment: null,
    metrics: { csat: null, ces: null, fcr: null },
    paths: [],
    pathId: null,
  };
}

/** A card; pain points and opportunities get their kind-specific fields. */
export function createCard(args: {
  id: string;
  laneId: string;
  stepId: string;
  kind: CardKind;
  text: string;
}): Card {
  return {
    id: args.id,
    laneId: args.laneId,
    stepId: args.stepId,
    kind: args.kind,
    text: args.text,
    channels: [],
    evidence: { status: 'assumption', source: null, quote: '' },
    teams: [],
    painPoint: args.kind === 'painPoint' ? { impact: 'trivial', votes: 0 } : null,
    opportunity:
      args.kind === 'opportunity' ? { impact: 3, feasibility: 3, painPointIds: [] } : null,
  };
}

/** An empty session with the play's agenda not started. */
export function createSession(): Session {
  return {
    date: null,
    facilitator: null,
    scribe: null,
    participants: [],
    notes: '',
    photos: [],
    agenda: { stepIndex: null, startedAt: null, elapsedSeconds: 0, extraMinutes: [] },
    analysis: {
      confusion: '',
      shortfalls: '',
      unmetNeeds: '',
      complication: '',
      opportunities: '',
    },
    votesPerPerson: 3,
    votesRevealed: false,
    ballots: [],
    voteOwner: null,
    playEndedBy: null,
  };
}

/** A map with the default channels and lanes, no stages, steps or cards. */
export function createEmptyMap(args: { title: string; laneIds?: readonly string[] }): JourneyMap {
  const lanes = DEFAULT_LANE_TYPES.map((type, i) =>
    createLane({ id: args.laneIds?.[i] ?? `lane-${type}`, type }),
  );
  return {
    schemaVersion: SCHEMA_VERSION,
    title: args.title,
    state: 'current',
    linkedMap: null,
    owningTeam: '',
    scope: { scenario: '', goal: '', start: '', end: '' },
    persona: {
      name: '',
      role: '',
      age: '',
      familyStatus: '',
      professionalGoals: '',
      personalInterests: '',
      goals: '',
      details: '',
      photo: null,
    },
    backStory: { painPoints: [], requirements: [], outcomes: [], topGoal: '', story: '' },
    review: { cadence: 'quarterly', lastReviewed: null },
    channels: DEFAULT_CHANNELS.map((c) => ({ ...c })),
    stages: [],
    steps: [],
    lanes,
    cards: [],
    session: createSession(),
    writeUp: null,
    workItems: [],
    updatedAt: null,
  };
}
