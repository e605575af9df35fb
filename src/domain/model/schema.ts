/**
 * The journey-map document, as stored (schema version 2) and as used everywhere else.
 * Types are inferred from these schemas so the stored shape and the code can never drift.
 * Vocabulary follows the Atlassian play (seed 000): actions / questions / decisions, channels as
 * initials, on-stage / back-stage zones, impact trivial / workaround / abandon, the sentiment line.
 */
import { z } from 'zod';

import { laneTypes } from './lane-types';
import { SCHEMA_VERSION } from './schema-version';

export { SCHEMA_VERSION };

import { CARD_TEXT_MAX, LONG_TEXT_MAX, SHORT_TEXT_MAX } from './text-limits';

export { CARD_TEXT_MAX, LONG_TEXT_MAX, SHORT_TEXT_MAX };

/** Ids are opaque, URL- and property-key-safe strings. */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'id must be 1–64 of [A-Za-z0-9_-]');
export const shortText = z.string().max(SHORT_TEXT_MAX);
export const cardText = z.string().max(CARD_TEXT_MAX);
export const longText = z.string().max(LONG_TEXT_MAX);
/** Calendar date without time, `YYYY-MM-DD`. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
/** Instant, ISO 8601 with time zone. */
export const isoInstant = z.iso.datetime({ offset: true });

export const stepKinds = ['action', 'question', 'decision'] as const;
export { laneTypes };
export const cardKinds = [
  'action',
  'question',
  'decision',
  'touchpoint',
  'goal',
  'thought',
  'painPoint',
  'opportunity',
  'process',
  'note',
] as const;
export const zones = ['onstage', 'backstage'] as const;
export const impacts = ['trivial', 'workaround', 'abandon'] as const;
export const moments = ['delight', 'friction', 'decision'] as const;
export const evidenceStatuses = ['assumption', 'validated'] as const;
export const evidenceSources = [
  'interview',
  'survey',
  'analytics',
  'supportTicket',
  'observation',
] as const;
export const cadences = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
export const mapStates = ['current', 'future'] as const;

export const evidenceSchema = z.object({
  status: z.enum(evidenceStatuses),
  source: z.enum(evidenceSources).nullable(),
  quote: cardText,
});

export const personSchema = z.object({
  /** Confluence account id when the person was picked from the site's users. */
  accountId: z.string().max(128).nullable(),
  name: shortText,
});

export const photoRefSchema = z.object({
  attachmentId: z.string().max(128),
  fileName: z.string().max(255),
});

export const personaSchema = z.object({
  name: shortText,
  role: shortText,
  age: shortText,
  familyStatus: shortText,
  professionalGoals: cardText,
  personalInterests: cardText,
  goals: cardText,
  details: longText,
  photo: photoRefSchema.nullable(),
});

export const stickySchema = z.object({ id: idSchema, text: cardText });

export const backStorySchema = z.object({
  painPoints: z.array(stickySchema),
  requirements: z.array(stickySchema),
  outcomes: z.array(stickySchema),
  topGoal: cardText,
  story: longText,
});

export const scopeSchema = z.object({
  scenario: cardText,
  goal: cardText,
  start: cardText,
  end: cardText,
});

export const stageSchema = z.object({ id: idSchema, name: shortText });

export const pathSchema = z.object({ id: idSchema, label: shortText });

export const metricsSchema = z.object({
  /** Customer satisfaction, percent satisfied (0–100). */
  csat: z.number().min(0).max(100).nullable(),
  /** Customer effort score, 1 (very easy) – 7 (very hard). */
  ces: z.number().min(1).max(7).nullable(),
  /** First-contact resolution, percent (0–100). */
  fcr: z.number().min(0).max(100).nullable(),
});

export const stepSchema = z.object({
  id: idSchema,
  stageId: idSchema,
  name: shortText,
  kind: z.enum(stepKinds),
  channels: z.array(idSchema),
  /** −2 … +2; null when the group has not charted this step yet. */
  sentiment: z.number().int().min(-2).max(2).nullable(),
  moment: z.enum(moments).nullable(),
  metrics: metricsSchema,
  /** Labelled branches when `kind` is decision. */
  paths: z.array(pathSchema),
  /** The branch (a path of an earlier decision step) this step belongs to, if any. */
  pathId: idSchema.nullable(),
});

export const channelSchema = z.object({
  id: idSchema,
  name: shortText,
  initials: z.string().min(1).max(3),
});

export const laneSchema = z.object({
  id: idSchema,
  type: z.enum(laneTypes),
  name: shortText,
  zone: z.enum(zones),
  hidden: z.boolean(),
});

export const painPointSchema = z.object({
  impact: z.enum(impacts),
  votes: z.number().int().min(0).max(999),
});

export const opportunitySchema = z.object({
  impact: z.number().int().min(1).max(5),
  feasibility: z.number().int().min(1).max(5),
  painPointIds: z.array(idSchema),
});

export const cardSchema = z.object({
  id: idSchema,
  laneId: idSchema,
  stepId: idSchema,
  kind: z.enum(cardKinds),
  text: cardText,
  /** Channel ids, shown as initials (action and touchpoint cards). */
  channels: z.array(idSchema),
  evidence: evidenceSchema,
  /** Teams this item is routed to explicitly; empty = use the space's routing rules. */
  teams: z.array(shortText),
  painPoint: painPointSchema.nullable(),
  opportunity: opportunitySchema.nullable(),
});

export const sessionPhotoSchema = z.object({
  attachmentId: z.string().max(128),
  fileName: z.string().max(255),
  caption: cardText,
  stepId: idSchema.nullable(),
});

export const agendaSchema = z.object({
  /** Index into the play's agenda, or null when the session is not running. */
  stepIndex: z.number().int().min(0).max(20).nullable(),
  /** When the current agenda step's countdown last (re)started; null while paused. */
  startedAt: isoInstant.nullable(),
  /** Seconds already spent on the current step before the last start. */
  elapsedSeconds: z.number().min(0).max(86_400),
  /** Extra minutes granted to each agenda step, by index. */
  extraMinutes: z.array(z.number().int().min(0).max(240)),
});

/** Most dots one person may hold (the facilitator's `votesPerPerson` is at most this). */
export const MAX_VOTES_PER_PERSON = 50;

/**
 * Dots one person placed on one pain-point card during dot voting. Kept per person (not only as
 * a count on the card) so the allowance can be enforced, a dot taken back, and each person shown
 * only their own dots until the facilitator reveals the results.
 */
export const ballotSchema = z.object({
  /** Confluence account id of the voter (the resolver only accepts the calling user's). */
  voter: z.string().min(1).max(128),
  cardId: idSchema,
  dots: z.number().int().min(1).max(MAX_VOTES_PER_PERSON),
});

export const analysisSchema = z.object({
  confusion: longText,
  shortfalls: longText,
  unmetNeeds: longText,
  complication: longText,
  opportunities: longText,
});

export const sessionSchema = z.object({
  date: isoDate.nullable(),
  facilitator: personSchema.nullable(),
  scribe: personSchema.nullable(),
  participants: z.array(personSchema),
  notes: longText,
  photos: z.array(sessionPhotoSchema),
  agenda: agendaSchema,
  analysis: analysisSchema,
  votesPerPerson: z.number().int().min(0).max(MAX_VOTES_PER_PERSON),
  votesRevealed: z.boolean(),
  /**
   * Dots cast in the app, sorted by voter then card (one entry per pair). Added after v2 shipped:
   * a stored map without it restores with `[]` and no repair note.
   */
  ballots: z.array(ballotSchema),
  /**
   * Account id of the person who started this vote (its first allowance change, dot or reveal),
   * recorded by the server, never by an op. With no facilitator account named, only they set the
   * allowance and reveal (docs/decisions/0017). Added after v2 shipped: missing reads as null.
   */
  voteOwner: z.string().min(1).max(128).nullable(),
  /**
   * Account id of the person whose save ended the last run of the play, recorded by the server
   * from the save's author (never by an op); null while a run is on or when nobody ended one.
   * Added after v2 shipped: missing reads as null (docs/decisions/0043).
   */
  playEndedBy: z.string().min(1).max(128).nullable(),
});

export const mapLinkSchema = z.object({
  pageId: z.string().regex(/^\d{1,20}$/),
  localId: z.string().min(1).max(128),
});

export const writeUpRefSchema = z.object({
  pageId: z.string().regex(/^\d{1,20}$/),
  title: z.string().max(255),
  generatedAt: isoInstant,
  /** The page's version after the generation wrote it: the next one updates it as version + 1. */
  version: z.number().int().min(1),
});

/** A Jira work item key: project key, dash, number (`CS-12`). */
export const WORK_ITEM_KEY = /^[A-Z][A-Z0-9_]{0,19}-[1-9]\d{0,9}$/;

/** Most work items linked on one map (a map links pain points, not a backlog). */
export const MAX_WORK_ITEMS = 500;

/**
 * A Jira work item linked to a pain point or opportunity card, for the team it was routed to
 * (decision 0030). Only the key is stored: status and summary are read from Jira per load.
 */
export const workItemLinkSchema = z.object({
  cardId: idSchema,
  key: z.string().regex(WORK_ITEM_KEY, 'is not a Jira work item key'),
  /** The team the work is for ('' when linked by hand without a team). */
  team: shortText,
});

export const reviewSchema = z.object({
  cadence: z.enum(cadences),
  /** Last review (or creation) date the next review is counted from. */
  lastReviewed: isoDate.nullable(),
});

export const journeyMapSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  title: shortText,
  state: z.enum(mapStates),
  /** current → the future-state map it leads to; future → the current-state map it improves. */
  linkedMap: mapLinkSchema.nullable(),
  owningTeam: shortText,
  scope: scopeSchema,
  persona: personaSchema,
  backStory: backStorySchema,
  review: reviewSchema,
  channels: z.array(channelSchema),
  stages: z.array(stageSchema),
  /** Journey order: steps of a stage keep their relative order in this array. */
  steps: z.array(stepSchema),
  lanes: z.array(laneSchema),
  /** Cell order: cards of a cell keep their relative order in this array. */
  cards: z.array(cardSchema),
  session: sessionSchema,
  writeUp: writeUpRefSchema.nullable(),
  /**
   * Jira work linked to cards (one entry per card and key). Added after v2 shipped: a stored map
   * without it restores with `[]` and no repair note.
   */
  workItems: z.array(workItemLinkSchema).max(MAX_WORK_ITEMS),
  updatedAt: isoInstant.nullable(),
});

export type StepKind = (typeof stepKinds)[number];
export type LaneType = (typeof laneTypes)[number];
export type CardKind = (typeof cardKinds)[number];
export type Zone = (typeof zones)[number];
export type Impact = (typeof impacts)[number];
export type Moment = (typeof moments)[number];
export type EvidenceStatus = (typeof evidenceStatuses)[number];
export type EvidenceSource = (typeof evidenceSources)[number];
export type Cadence = (typeof cadences)[number];
export type MapState = (typeof mapStates)[number];

export type Evidence = z.infer<typeof evidenceSchema>;
export type Person = z.infer<typeof personSchema>;
export type Persona = z.infer<typeof personaSchema>;
export type Sticky = z.infer<typeof stickySchema>;
export type BackStory = z.infer<typeof backStorySchema>;
export type Scope = z.infer<typeof scopeSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type BranchPath = z.infer<typeof pathSchema>;
export type Metrics = z.infer<typeof metricsSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Channel = z.infer<typeof channelSchema>;
export type Lane = z.infer<typeof laneSchema>;
export type PainPointFields = z.infer<typeof painPointSchema>;
export type OpportunityFields = z.infer<typeof opportunitySchema>;
export type Card = z.infer<typeof cardSchema>;
export type SessionPhoto = z.infer<typeof sessionPhotoSchema>;
export type Agenda = z.infer<typeof agendaSchema>;
export type Analysis = z.infer<typeof analysisSchema>;
export type Ballot = z.infer<typeof ballotSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type MapLink = z.infer<typeof mapLinkSchema>;
export type WriteUpRef = z.infer<typeof writeUpRefSchema>;
export type WorkItemLink = z.infer<typeof workItemLinkSchema>;
export type Review = z.infer<typeof reviewSchema>;
/** A whole journey map: the unit stored per macro instance. */
export type JourneyMap = z.infer<typeof journeyMapSchema>;
