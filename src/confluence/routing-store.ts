/**
 * The space's team routing rules (a space property, see ROUTING_PROPERTY_KEY): read as the
 * viewer; written as the user by space admins only. Writing a space property needs the space's
 * Admin permission in Confluence (v2 spec), for an app as for a person, so the app never writes
 * it on someone's behalf (docs/decisions/0009-space-index.md).
 */
import type { RoutingRules } from '../domain/routing';
import {
  LEGACY_ROUTING_PROPERTY_KEY,
  ROUTING_PROPERTY_KEY,
  emptyRules,
  routingRulesSchema,
} from '../domain/routing';
import type { ConfluenceClient } from './client';
import { ConflictError } from './errors';

/** The stored rules and the version a change must build on (0 when none are stored). */
export type StoredRules = {
  rules: RoutingRules;
  version: number;
  /** Set when the stored value could not be read and empty rules stand in for it. */
  unreadable: boolean;
  propertyId: string | null;
};

/**
 * The routing rules of a space; empty rules when none are stored or the value is unreadable.
 * Rules stored only under the pre-0020 key are read from there (the same call) as version 0 with
 * no property: the next save creates the new key, and the old one is ignored from then on.
 */
export async function readRoutingRules(
  client: ConfluenceClient,
  spaceId: string,
): Promise<StoredRules> {
  const stored = await client.findSpaceProperty(spaceId, [
    ROUTING_PROPERTY_KEY,
    LEGACY_ROUTING_PROPERTY_KEY,
  ]);
  if (!stored) return { rules: emptyRules, version: 0, unreadable: false, propertyId: null };
  const current = stored.key === ROUTING_PROPERTY_KEY;
  const parsed = routingRulesSchema.safeParse(stored.value);
  return {
    rules: parsed.success ? parsed.data : emptyRules,
    version: current ? stored.version : 0,
    unreadable: !parsed.success,
    propertyId: current ? stored.id : null,
  };
}

/** Whether the caller administers the space (`administer space` in v2 space operations). */
export async function canAdministerSpace(
  client: ConfluenceClient,
  spaceId: string,
): Promise<boolean> {
  const ops = await client.getSpaceOperations(spaceId);
  return ops.some((o) => o.operation === 'administer' && o.targetType === 'space');
}

/**
 * Writes the rules as `baseVersion + 1`. A stale `baseVersion` (someone saved in between) is a
 * ConflictError, checked before the write and by Confluence's version check during it.
 */
export async function writeRoutingRules(args: {
  /** The user's client: reads the current value and writes the new one. */
  client: ConfluenceClient;
  spaceId: string;
  rules: RoutingRules;
  baseVersion: number;
}): Promise<{ rules: RoutingRules; version: number }> {
  const current = await args.client.getSpaceProperty(args.spaceId, ROUTING_PROPERTY_KEY);
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== args.baseVersion) {
    throw new ConflictError('Someone else changed the routing rules at the same time.', 409);
  }
  const saved = await args.client.putSpaceProperty({
    spaceId: args.spaceId,
    key: ROUTING_PROPERTY_KEY,
    value: args.rules,
    current: current ? { id: current.id, version: current.version } : null,
  });
  return { rules: args.rules, version: saved.version };
}
