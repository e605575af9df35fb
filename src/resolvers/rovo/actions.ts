/**
 * The Rovo actions of the "Journey map analyst" agent (manifest `action` modules, decision
 * 0033): each one an input schema and a read-only use case from src/application/answers. The
 * agent's prompt (rovo/journey-map-analyst.md) names exactly these keys.
 */
import { z } from 'zod';
import { listMaps, reviewsDue } from '../../application/answers/space-maps';
import { mapPainPoints } from '../../application/answers/map-pain-points';
import { teamBriefing } from '../../application/answers/team-briefing';
import { mapChanges } from '../../application/answers/map-changes';
import { SPACE_KEY_PATTERN } from '../../confluence/space-index';
import { isoDate, mapStates } from '../../domain/model/schema';
import type { ResolverDeps } from '../deps';
import { localIdSchema, pageIdSchema } from '../payload-schemas';
import { ResolverFailure } from '../result';
import type { RovoCall, RovoHandler, RovoWhere } from './rovo-door';
import { rovoAction } from './rovo-door';
import { msg } from '../../domain/i18n/message';

const spaceKey = z.string().regex(SPACE_KEY_PATTERN, 'must be a Confluence space key').optional();
const filterText = z.string().trim().min(1).max(200, 'is longer than 200 characters').optional();
const count = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** The space asked about: the input, else the space the conversation is in. */
function spaceOf(asked: string | undefined, where: RovoWhere): string {
  const key = asked ?? where.spaceKey;
  if (!key) {
    throw new ResolverFailure('INVALID_INPUT', msg('errors.rovo.nameSpace'), 'spaceKey');
  }
  return key;
}

/** The page asked about: the input, else the page the conversation is on. */
function pageOf(asked: string | undefined, where: RovoWhere): string {
  const id = asked ?? where.contentId;
  if (!id || !/^\d{1,20}$/.test(id)) {
    throw new ResolverFailure('INVALID_INPUT', msg('errors.rovo.namePage'), 'pageId');
  }
  return id;
}

/** `list-journey-maps` inputs. */
export const listMapsInput = z.object({
  spaceKey,
  persona: filterText,
  team: filterText,
  state: z.enum(mapStates).optional(),
  reviewStatus: z.enum(['ok', 'dueSoon', 'stale']).optional(),
  limit: count(1, 50, 20),
});

/** `journey-map-pain-points` inputs. */
export const painPointsInput = z.object({
  pageId: pageIdSchema.optional(),
  mapId: localIdSchema.optional(),
  limit: count(1, 25, 10),
});

/** `journey-map-team-briefing` inputs. */
export const teamBriefingInput = z.object({
  spaceKey,
  team: filterText,
  itemsPerTeam: count(1, 10, 5),
});

/** `journey-map-changes` inputs: a version or a date to compare with. */
export const changesInput = z
  .object({
    pageId: pageIdSchema.optional(),
    mapId: localIdSchema.optional(),
    sinceVersion: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    sinceDate: isoDate.optional(),
  })
  .refine((i) => i.sinceVersion !== undefined || i.sinceDate !== undefined, {
    message: 'name a version (sinceVersion) or a date (sinceDate, YYYY-MM-DD)',
    path: ['sinceVersion'],
  });

/** `journey-map-reviews-due` inputs. */
export const reviewsDueInput = z.object({
  spaceKey,
  withinDays: count(0, 366, 14),
  limit: count(1, 50, 20),
});

/** The map asked about: the page (input, else the conversation's) and, if named, which map. */
function mapOf(
  input: { pageId?: string | undefined; mapId?: string | undefined },
  where: RovoWhere,
): { pageId: string; mapId?: string } {
  const pageId = pageOf(input.pageId, where);
  return input.mapId ? { pageId, mapId: input.mapId } : { pageId };
}

/** The action handlers by manifest action key, built with `deps`. */
export function createRovoActions(deps?: ResolverDeps): Record<RovoActionKey, RovoHandler> {
  const action = <S extends z.ZodType>(
    schema: S,
    run: (call: RovoCall<z.output<S>>) => Promise<unknown>,
  ): RovoHandler => rovoAction({ schema, deps, run });
  return {
    'list-journey-maps': action(listMapsInput, ({ input, client, where, today }) =>
      listMaps({
        client,
        spaceKey: spaceOf(input.spaceKey, where),
        filters: {
          ...(input.persona ? { persona: input.persona } : {}),
          ...(input.team ? { team: input.team } : {}),
          ...(input.state ? { state: input.state } : {}),
          ...(input.reviewStatus ? { review: input.reviewStatus } : {}),
        },
        today,
        limit: input.limit,
      }),
    ),
    'journey-map-pain-points': action(painPointsInput, ({ input, client, where }) =>
      mapPainPoints({ client, ...mapOf(input, where), limit: input.limit }),
    ),
    'journey-map-team-briefing': action(teamBriefingInput, ({ input, client, where }) =>
      teamBriefing({
        client,
        spaceKey: spaceOf(input.spaceKey, where),
        ...(input.team ? { team: input.team } : {}),
        itemsPerTeam: input.itemsPerTeam,
      }),
    ),
    'journey-map-changes': action(changesInput, ({ input, client, where }) =>
      mapChanges({
        client,
        ...mapOf(input, where),
        ...(input.sinceVersion !== undefined ? { sinceVersion: input.sinceVersion } : {}),
        ...(input.sinceDate ? { sinceDate: input.sinceDate } : {}),
      }),
    ),
    'journey-map-reviews-due': action(reviewsDueInput, ({ input, client, where, today }) =>
      reviewsDue({
        client,
        spaceKey: spaceOf(input.spaceKey, where),
        today,
        withinDays: input.withinDays,
        limit: input.limit,
      }),
    ),
  };
}

/** The action keys, as the manifest and the agent's prompt name them. */
export const ROVO_ACTION_KEYS = [
  'list-journey-maps',
  'journey-map-pain-points',
  'journey-map-team-briefing',
  'journey-map-changes',
  'journey-map-reviews-due',
] as const;

/** One action key. */
export type RovoActionKey = (typeof ROVO_ACTION_KEYS)[number];

const actions = createRovoActions();

/** The functions the manifest names (`index.rovoListMaps`, …). */
export const rovoListMaps = actions['list-journey-maps'];
/** `journey-map-pain-points`. */
export const rovoPainPoints = actions['journey-map-pain-points'];
/** `journey-map-team-briefing`. */
export const rovoTeamBriefing = actions['journey-map-team-briefing'];
/** `journey-map-changes`. */
export const rovoChanges = actions['journey-map-changes'];
/** `journey-map-reviews-due`. */
export const rovoReviewsDue = actions['journey-map-reviews-due'];
