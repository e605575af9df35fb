/**
 * What `writeup/generate` learns besides the map, remembered WITH the cached map it was read or
 * written with (map-cache.ts): the map page (title, space), whether the reader may edit it, the
 * space's routing rules, and the write-up page this instance saw under the map page. Attached
 * to the StoredMap object, so anything that replaces the cached map (an edit, a re-read, a
 * cleared cache) drops these facts too, and they expire after {@link FACTS_TTL_MS}.
 *
 * What staleness can do, and why it is bounded: a renamed map page or changed rules show in a
 * write-up at most a minute late (the next generation fixes it); a revoked edit permission is
 * caught by the map save, which Confluence checks as the user (docs/decisions/0008-write-up.md).
 */
import type { StoredMap } from '../confluence/map-store';
import type { PageInfo } from '../confluence/wire';
import type { RoutingRules } from '../domain/routing/routing-rules';

/** How long facts read from Confluence are trusted (the page, the permission, the rules). */
export const FACTS_TTL_MS = 60_000;

/** Facts about a map page, as one user read them. */
export type PageFacts = {
  /** Who read them: `canEdit` is theirs alone. */
  accountId: string;
  /** When the page was read (ms since the epoch, from the injected clock). */
  readAt: number;
  page: PageInfo;
  canEdit: boolean;
  /** The space's rules and when they were read; null until read. */
  rules: { value: RoutingRules; readAt: number } | null;
  /** A page this instance created or updated as a child of the map page (its write-up). */
  writeUpPageId: string | null;
};

const facts = new WeakMap<StoredMap, PageFacts>();

/** Attaches facts to a cached map. */
export function rememberFacts(stored: StoredMap, value: PageFacts): void {
  facts.set(stored, value);
}

/** The facts of a cached map when they are this user's and fresh; else null. */
export function freshFacts(args: {
  stored: StoredMap;
  accountId: string;
  now: number;
}): PageFacts | null {
  const hit = facts.get(args.stored);
  if (!hit || hit.accountId !== args.accountId) return null;
  const age = args.now - hit.readAt;
  return age >= 0 && age < FACTS_TTL_MS ? hit : null;
}

/** The facts of a cached map whoever read them and however old (to carry what stays true). */
export function anyFacts(stored: StoredMap | undefined): PageFacts | null {
  return stored ? (facts.get(stored) ?? null) : null;
}

/** The rules when read less than {@link FACTS_TTL_MS} ago. */
export function freshRules(value: PageFacts, now: number): RoutingRules | null {
  if (!value.rules) return null;
  const age = now - value.rules.readAt;
  return age >= 0 && age < FACTS_TTL_MS ? value.rules.value : null;
}
