/**
 * Team routing rules of a space (stored in the space property ROUTING_PROPERTY_KEY): which team owns
 * which channel, stage and lane. Teams are free text, as people name them.
 */
import { z } from 'zod';
import { LEGACY_PROPERTY_KEY_PREFIX, PROPERTY_KEY_PREFIX } from '../codec/property-keys';
import type { LaneType } from '../model/schema';
import { SHORT_TEXT_MAX, idSchema, laneTypes } from '../model/schema';

/** Key of the space property that holds the rules. */
export const ROUTING_PROPERTY_KEY = `${PROPERTY_KEY_PREFIX}routing`;
/** Key of the rules written before decision 0020: read as a fallback, never written. */
export const LEGACY_ROUTING_PROPERTY_KEY = `${LEGACY_PROPERTY_KEY_PREFIX}routing`;

const teamName = z.string().trim().min(1).max(SHORT_TEXT_MAX);

/**
 * A record keyed by user text. zod's `record` silently drops an own `__proto__` key (a channel
 * id or stage name can be any text), so the entries are checked as pairs and rebuilt as own
 * properties with `Object.fromEntries`; readers look them up through a `Map` (route-items.ts).
 */
function textKeyedRecord(key: z.ZodType<string>) {
  return z
    .preprocess(
      (value) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.entries(value)
          : value,
      z.array(z.tuple([key, teamName]), 'must be an object of names to teams'),
    )
    .transform((entries): Record<string, string> => Object.fromEntries(entries));
}

/** A Jira project key as Jira writes them (upper case letter, then letters, digits, `_`). */
export const JIRA_PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,19}$/;

/** Where one team's work goes in Jira (decision 0030). */
export const jiraTargetSchema = z.object({
  project: z.string().regex(JIRA_PROJECT_KEY, 'must be a Jira project key such as CS'),
  /** Work type name ('' = the project's first). */
  issueType: z.string().trim().max(SHORT_TEXT_MAX).default(''),
  /** Component name ('' = none). */
  component: z.string().trim().max(SHORT_TEXT_MAX).default(''),
  /** Labels added to every item (Jira refuses labels with spaces). */
  labels: z
    .array(z.string().regex(/^\S{1,100}$/, 'labels cannot contain spaces'))
    .max(10)
    .default([]),
});

/** Where one team's work goes in Jira. */
export type JiraTarget = z.output<typeof jiraTargetSchema>;

/** Team → Jira target, checked as pairs like the other user-text-keyed records. */
const jiraTargets = z
  .preprocess(
    (value) =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value)
        : value,
    z
      .array(z.tuple([teamName, jiraTargetSchema]), 'must be an object of teams to Jira projects')
      .max(100),
  )
  .transform((entries): Record<string, JiraTarget> => Object.fromEntries(entries));

/** Schema of stored rules; missing sections read as empty so older values stay usable. */
export const routingRulesSchema = z.object({
  /** Channel id → team. */
  channels: textKeyedRecord(idSchema).default({}),
  /** Stage name, lower-cased and trimmed (see `stageRuleKey`) → team. */
  stages: textKeyedRecord(z.string().max(SHORT_TEXT_MAX)).default({}),
  /** Lane type → team. */
  lanes: z.partialRecord(z.enum(laneTypes), teamName).default({}),
  /** Team → the Jira project (work type, component, labels) its work items go to. */
  jira: jiraTargets.optional(),
});

/** Routing rules: channel id → team, lower-cased stage name → team, lane type → team. */
export type RoutingRules = {
  channels: Record<string, string>;
  stages: Record<string, string>;
  lanes: Partial<Record<LaneType, string>>;
  /** Team → Jira target; absent in rules written before decision 0030. */
  jira?: Record<string, JiraTarget>;
};

/** The Jira target of `team` (names compared trimmed, case-insensitively), or null. */
export function jiraTargetFor(rules: RoutingRules, team: string): JiraTarget | null {
  const wanted = team.trim().toLowerCase();
  for (const [name, target] of Object.entries(rules.jira ?? {})) {
    if (name.trim().toLowerCase() === wanted) return target;
  }
  return null;
}

/** Rules that route nothing. */
export const emptyRules: RoutingRules = Object.freeze({
  channels: Object.freeze({}),
  stages: Object.freeze({}),
  lanes: Object.freeze({}),
  jira: Object.freeze({}),
});

/** The key a stage name is looked up by: trimmed, lower-cased, inner whitespace collapsed. */
export function stageRuleKey(stageName: string): string {
  return stageName.trim().replace(/\s+/g, ' ').toLowerCase();
}
