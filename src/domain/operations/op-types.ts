/**
 * Intent operations: the only way a journey map changes. Each op names its targets by id, so
 * it can be re-applied on a newer map (rebase); an op whose target is gone is dropped, never a
 * crash. The same ops run in the browser (optimistic edits) and in the resolver (authoritative).
 */
import type {
  Agenda,
  Analysis,
  Card,
  CardKind,
  Cadence,
  Channel,
  Evidence,
  BranchPath,
  Impact,
  Lane,
  LaneType,
  MapLink,
  MapState,
  Metrics,
  Moment,
  Person,
  Persona,
  SessionPhoto,
  Scope,
  Stage,
  Step,
  StepKind,
  WriteUpRef,
  Zone,
} from '../model/schema';

/** Which back-story sticky list an op addresses. */
export type BackStoryList = 'painPoints' | 'requirements' | 'outcomes';

/** Editable fields of a card (kind-specific parts are patched as whole objects). */
export type CardPatch = Partial<
  Pick<Card, 'text' | 'kind' | 'channels' | 'teams' | 'painPoint' | 'opportunity'>
> & { evidence?: Partial<Evidence> };

/**
 * References a delete (or a kind change) cleared elsewhere in the map, so that its inverse can
 * put every one of them back. Each entry holds the full previous value of the field.
 */
export type ClearedRefs = {
  /** Steps whose `pathId` pointed into a removed path. */
  stepPaths?: { id: string; pathId: string | null }[];
  /** Session photos whose `stepId` pointed at a removed step. */
  photoSteps?: { attachmentId: string; stepId: string | null }[];
  /** Opportunities whose `painPointIds` named a removed pain point. */
  opportunityLinks?: { id: string; painPointIds: string[] }[];
  /** Steps whose `channels` named a removed channel. */
  stepChannels?: { id: string; channels: string[] }[];
  /** Cards whose `channels` named a removed channel. */
  cardChannels?: { id: string; channels: string[] }[];
};

/** A card with its position in `map.cards` (the global array), as a delete found it. */
export type PlacedCard = { card: Card; index: number };

/**
 * Internal ops: produced as the inverse of deletes and moves (undo), never by a user gesture.
 * They travel to the server like any other op, so they are validated on apply like any other.
 */
export type RestoreOp =
  | { type: 'channel/restore'; channel: Channel; index: number; refs: ClearedRefs }
  /** `steps` in journey order; the stage's steps are re-inserted as one block. */
  | {
      type: 'stage/restore';
      stage: Stage;
      index: number;
      steps: Step[];
      cards: PlacedCard[];
      refs: ClearedRefs;
    }
  /** `index` = position among the steps of `step.stageId`. */
  | { type: 'step/restore'; step: Step; index: number; cards: PlacedCard[]; refs: ClearedRefs }
  | { type: 'step/restorePath'; id: string; path: BranchPath; index: number; refs: ClearedRefs }
  | { type: 'lane/restore'; lane: Lane; index: number; cards: PlacedCard[]; refs: ClearedRefs }
  | { type: 'card/restore'; card: Card; index: number; refs: ClearedRefs }
  /** Puts a card back at an exact position of `map.cards` (undo of `card/move`). */
  | { type: 'card/place'; id: string; laneId: string; stepId: string; index: number }
  /** Puts back links a kind change removed from opportunities. */
  | { type: 'card/restoreLinks'; refs: ClearedRefs }
  | { type: 'session/restorePhoto'; photo: SessionPhoto; index: number };

/** Every operation, discriminated by `type`. */
export type Op =
  | RestoreOp
  // map-level fields
  | { type: 'map/setTitle'; title: string }
  | { type: 'map/setState'; state: MapState }
  | { type: 'map/setLinkedMap'; link: MapLink | null }
  | { type: 'map/setOwningTeam'; team: string }
  | { type: 'map/setScope'; patch: Partial<Scope> }
  | { type: 'map/setReview'; cadence?: Cadence; lastReviewed?: string | null }
  | { type: 'map/setWriteUp'; writeUp: WriteUpRef | null }
  | { type: 'persona/set'; patch: Partial<Persona> }
  // back-story
  | { type: 'backStory/addSticky'; list: BackStoryList; id: string; text: string; index?: number }
  | { type: 'backStory/editSticky'; list: BackStoryList; id: string; text: string }
  | { type: 'backStory/deleteSticky'; list: BackStoryList; id: string }
  | { type: 'backStory/moveSticky'; list: BackStoryList; id: string; toIndex: number }
  | { type: 'backStory/set'; topGoal?: string; story?: string }
  // channels
  | { type: 'channel/add'; channel: Channel }
  | { type: 'channel/edit'; id: string; name?: string; initials?: string }
  | { type: 'channel/delete'; id: string }
  // stages
  | { type: 'stage/add'; id: string; name: string; index?: number }
  | { type: 'stage/rename'; id: string; name: string }
  | { type: 'stage/move'; id: string; toIndex: number }
  | { type: 'stage/delete'; id: string }
  // steps (index = position among the steps of the target stage)
  | { type: 'step/add'; id: string; stageId: string; name: string; kind?: StepKind; index?: number }
  | { type: 'step/rename'; id: string; name: string }
  | { type: 'step/setKind'; id: string; kind: StepKind }
  | { type: 'step/move'; id: string; stageId: string; toIndex: number }
  | { type: 'step/delete'; id: string }
  | { type: 'step/setChannels'; id: string; channels: string[] }
  | { type: 'step/setSentiment'; id: string; sentiment: number | null }
  | { type: 'step/setMoment'; id: string; moment: Moment | null }
  | { type: 'step/setMetrics'; id: string; patch: Partial<Metrics> }
  | { type: 'step/addPath'; id: string; pathId: string; label: string }
  | { type: 'step/renamePath'; id: string; pathId: string; label: string }
  | { type: 'step/deletePath'; id: string; pathId: string }
  | { type: 'step/setPath'; id: string; pathId: string | null }
  // lanes
  | { type: 'lane/add'; id: string; laneType: LaneType; name: string; zone: Zone; index?: number }
  | { type: 'lane/rename'; id: string; name: string }
  | { type: 'lane/move'; id: string; toIndex: number }
  | { type: 'lane/setHidden'; id: string; hidden: boolean }
  | { type: 'lane/setZone'; id: string; zone: Zone }
  | { type: 'lane/delete'; id: string }
  // cards (index = position within the target cell)
  | {
      type: 'card/add';
      id: string;
      laneId: string;
      stepId: string;
      kind: CardKind;
      text: string;
      index?: number;
    }
  | { type: 'card/edit'; id: string; patch: CardPatch }
  | { type: 'card/move'; id: string; laneId: string; stepId: string; toIndex: number }
  | { type: 'card/delete'; id: string }
  | { type: 'card/vote'; id: string; delta: number }
  | { type: 'card/setImpact'; id: string; impact: Impact }
  | { type: 'card/link'; painPointId: string; opportunityId: string; linked: boolean }
  // session
  | { type: 'session/set'; date?: string | null; notes?: string; votesPerPerson?: number }
  | {
      type: 'session/setPeople';
      facilitator?: Person | null;
      scribe?: Person | null;
      participants?: Person[];
    }
  | { type: 'session/setAnalysis'; patch: Partial<Analysis> }
  | { type: 'session/addPhoto'; photo: SessionPhoto }
  | { type: 'session/editPhoto'; attachmentId: string; caption?: string; stepId?: string | null }
  | { type: 'session/removePhoto'; attachmentId: string }
  | { type: 'session/setAgenda'; agenda: Agenda }
  | { type: 'session/revealVotes'; revealed: boolean }
  /** Places (delta > 0) or takes back (delta < 0) dots of `voter` on a pain-point card. */
  | { type: 'session/castDot'; voter: string; cardId: string; delta: number };

/** The op type names, for validation and exhaustiveness checks. */
export type OpType = Op['type'];
