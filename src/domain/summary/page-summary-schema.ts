/**
 * The page summary property (SUMMARY_PROPERTY_KEY): flat fields that `confluence:contentProperty`
 * indexes for CQL (no arrays there) plus one display entry per map for the space index.
 */
import { z } from 'zod';
import { LEGACY_PROPERTY_KEY_PREFIX, PROPERTY_KEY_PREFIX } from '../codec/property-keys';
import {
  cadences,
  laneTypes,
  isoDate,
  isoInstant,
  mapLinkSchema,
  mapStates,
  writeUpRefSchema,
} from '../model/schema';

/** Key of the page's summary property. */
export const SUMMARY_PROPERTY_KEY = `${PROPERTY_KEY_PREFIX}summary`;
/** Key of the summary written before decision 0020: read (and searched) as a fallback. */
export const LEGACY_SUMMARY_PROPERTY_KEY = `${LEGACY_PROPERTY_KEY_PREFIX}summary`;
/** Format version of the summary value. */
export const SUMMARY_FORMAT = 1 as const;

/** CQL index types used by the summary (a subset of the module's number|string|text|user|date). */
export type SummaryIndexType = 'number' | 'string' | 'text' | 'date';

/**
 * The indexed fields: path in the value, index type and CQL alias. The manifest's
 * `confluence:contentProperty` values and the emulator's CQL aliases are checked against this.
 */
export const SUMMARY_INDEX_FIELDS = [
  { path: 'mapCount', type: 'number', searchAlias: `${PROPERTY_KEY_PREFIX}map_count` },
  { path: 'titles', type: 'text', searchAlias: `${PROPERTY_KEY_PREFIX}titles` },
  { path: 'personas', type: 'text', searchAlias: `${PROPERTY_KEY_PREFIX}personas` },
  { path: 'teams', type: 'text', searchAlias: `${PROPERTY_KEY_PREFIX}teams` },
  { path: 'state', type: 'string', searchAlias: `${PROPERTY_KEY_PREFIX}state` },
  { path: 'nextReview', type: 'date', searchAlias: `${PROPERTY_KEY_PREFIX}next_review` },
  { path: 'painPoints', type: 'number', searchAlias: `${PROPERTY_KEY_PREFIX}pain_points` },
  { path: 'abandon', type: 'number', searchAlias: `${PROPERTY_KEY_PREFIX}abandon` },
  { path: 'updated', type: 'date', searchAlias: `${PROPERTY_KEY_PREFIX}updated` },
] as const satisfies readonly { path: string; type: SummaryIndexType; searchAlias: string }[];

/**
 * The same fields under the pre-0020 aliases, indexed from LEGACY_SUMMARY_PROPERTY_KEY so pages
 * not saved since still appear in the index (decision 0020).
 */
export const LEGACY_SUMMARY_INDEX_FIELDS = SUMMARY_INDEX_FIELDS.map((f) => ({
  ...f,
  searchAlias: LEGACY_PROPERTY_KEY_PREFIX + f.searchAlias.slice(PROPERTY_KEY_PREFIX.length),
}));

const count = z.number().int().min(0);

/** Most route weights / work links one map's entry keeps (heaviest / abandon-level first). */
export const SUMMARY_ROUTES_MAX = 24;
/** Most work links one map's entry keeps. */
export const SUMMARY_WORK_MAX = 60;

/** A map's items with the same routing inputs, scores summed (domain/routing/team-impact.ts). */
export const routeWeightSchema = z.object({
  teams: z.array(z.string()),
  channels: z.array(z.string()),
  stage: z.string(),
  lane: z.enum(laneTypes).nullable(),
  score: z.number().min(0),
});

/** A Jira work item linked on the map, for the index's counts (statuses are read from Jira). */
export const workLinkSummarySchema = z.object({
  cardId: z.string(),
  key: z.string(),
  team: z.string(),
  /** The card is an abandon-level pain point. */
  abandon: z.boolean(),
});

/** Schema of one map's display entry. */
export const mapSummarySchema = z.object({
  localId: z.string().min(1).max(256),
  title: z.string(),
  persona: z.object({ name: z.string(), role: z.string() }),
  scenario: z.string(),
  state: z.enum(mapStates),
  linkedMap: mapLinkSchema.nullable(),
  owningTeam: z.string(),
  updatedAt: isoInstant.nullable(),
  nextReview: isoDate.nullable(),
  cadence: z.enum(cadences),
  pain: z.object({ trivial: count, workaround: count, abandon: count }),
  topPainPoint: z
    .object({
      text: z.string(),
      score: z.number().min(0),
      /** Absent in summaries written before issue 17. */
      cardId: z.string().optional(),
    })
    .nullable(),
  /** Share of cards with validated evidence, 0–1, 3 decimals. */
  validatedShare: z.number().min(0).max(1),
  cardCount: count,
  writeUp: z.object({ pageId: z.string(), title: z.string(), generatedAt: isoInstant }).nullable(),
  /** Route weights: the index's team impact, the write-up's measure (absent before issue 17). */
  routes: z.array(routeWeightSchema).optional(),
  /** Linked Jira work (absent before issue 17). */
  work: z.array(workLinkSummarySchema).optional(),
});

/**
 * The write-up page of one map, keyed by the map's property suffix (its sanitised localId). The
 * summary is where `writeup/generate` records the page (one property write instead of a map save
 * and a summary write), and it is never truncated, so a page with many maps keeps every record.
 */
export const writeUpRecordSchema = writeUpRefSchema.extend({ localId: z.string().min(1).max(256) });

/** Schema of the whole summary value, for reading it back from storage or search results. */
export const pageSummarySchema = z.object({
  format: z.literal(SUMMARY_FORMAT),
  mapCount: count,
  /** Distinct map titles joined with " | ". */
  titles: z.string(),
  /** Distinct "Name (Role)" of the maps' personas joined with " | ". */
  personas: z.string(),
  /** Distinct owning teams and teams set on cards, joined with " | " (rules-based routing is not included: the rules live in the space). */
  teams: z.string(),
  /** 'current' also for a page without maps. */
  state: z.enum(['current', 'future', 'mixed']),
  /** Earliest next review of the page's maps; null only when no map has a review date. */
  nextReview: isoDate.nullable(),
  /** Pain points over all maps. */
  painPoints: count,
  /** Pain points that cause abandonment, over all maps. */
  abandon: count,
  /** Latest `updatedAt` of the maps. */
  updated: isoInstant,
  maps: z.array(mapSummarySchema),
  /** True when map entries were left out to keep the value under the property limit. */
  truncated: z.boolean(),
  /** Write-up pages of the page's maps (absent in summaries written before it existed). */
  writeUps: z.array(writeUpRecordSchema).optional(),
});

/** One work link in a map's summary entry. */
export type MapWorkLink = z.infer<typeof workLinkSummarySchema>;
/** One map's entry in the page summary. */
export type MapSummary = z.infer<typeof mapSummarySchema>;
/** One map's write-up page as recorded in the summary. */
export type WriteUpRecord = z.infer<typeof writeUpRecordSchema>;
/** The value of the page summary property. */
export type PageSummary = z.infer<typeof pageSummarySchema>;
