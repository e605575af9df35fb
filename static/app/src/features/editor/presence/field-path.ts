/**
 * The text fields presence can name besides a card (decision 0054): a map-wide field by its
 * path (`title`, `persona.name`, `scope.goal`, `backStory.story`, …) or a named item by kind and
 * id (`stage:<id>`, `step:<id>`, `lane:<id>`, `sticky:<id>`). Arrives from other browsers, so it
 * is read strictly: a known path or a kind with a well-formed id, nothing else.
 */
import type { Persona, Scope } from '@domain/model/schema';

/** The persona's text fields (the photo is not typed in). */
const PERSONA_FIELDS = [
  'name',
  'role',
  'age',
  'familyStatus',
  'goals',
  'professionalGoals',
  'personalInterests',
  'details',
] as const satisfies readonly (keyof Persona)[];

const SCOPE_FIELDS = [
  'scenario',
  'goal',
  'start',
  'end',
] as const satisfies readonly (keyof Scope)[];

/** Kinds of item whose text is named by id. */
const ITEM_KINDS = ['stage', 'step', 'lane', 'sticky'] as const;

/** A text field someone is typing in, other than a card's text. */
export type FieldPath =
  | 'title'
  | 'owningTeam'
  | `persona.${(typeof PERSONA_FIELDS)[number]}`
  | `scope.${(typeof SCOPE_FIELDS)[number]}`
  | 'backStory.topGoal'
  | 'backStory.story'
  | `${(typeof ITEM_KINDS)[number]}:${string}`;

const KNOWN = new Set<string>([
  'title',
  'owningTeam',
  ...PERSONA_FIELDS.map((f) => `persona.${f}`),
  ...SCOPE_FIELDS.map((f) => `scope.${f}`),
  'backStory.topGoal',
  'backStory.story',
]);
// An id as the map schema allows it (`idSchema`): 1–64 of [A-Za-z0-9_-].
const ITEM = new RegExp(`^(?:${ITEM_KINDS.join('|')}):[A-Za-z0-9_-]{1,64}$`);

/** The field path `x` names, or null for anything else (unknown, malformed, too long). */
export function parseFieldPath(x: unknown): FieldPath | null {
  if (typeof x !== 'string' || x.length > 80) return null;
  return KNOWN.has(x) || ITEM.test(x) ? (x as FieldPath) : null;
}

/** The field path of a named item's text (its name; a sticky's text). */
export function itemField(kind: (typeof ITEM_KINDS)[number], id: string): FieldPath {
  return `${kind}:${id}`;
}
