/**
 * The space's team routing rules (space property `cjm_routing`): read as the viewer; written by
 * space editors. Writing a space property needs the space's Admin permission in Confluence, so
 * the write goes through the app after an explicit check, made as the user, that the user may
 * add pages to the space (docs/decisions/0009-space-index.md).
 */
import type { RoutingRules } from '../domain/routing';
import { ROUTING_PROPERTY_KEY, emptyRules, routingRulesSchema } from '../domain/routing';
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

/** The routing rules of a space; empty rules when none are stored or the value is unreadable. */
export async function readRoutingRules(
  client: ConfluenceClient,
  spaceId: string,
): Promise<StoredRules> {
  const stored = await client.getSpaceProperty(spaceId, ROUTING_PROPERTY_KEY);
  if (!stored) return { rules: emptyRules, version: 0, unreadable: false, propertyId: null };
  const parsed = routingRulesSchema.safeParse(stored.value);
  return {
    rules: parsed.success ? parsed.data : emptyRules,
    version: stored.version,
    unreadable: !parsed.success,
    propertyId: stored.id,
  };
}

/** Whether the caller is a space editor: may add pages to the space (v2 space operations). */
export async function canEditSpace(client: ConfluenceClient, spaceId: string): Promise<boolean> {
  const ops = await client.getSpaceOperations(spaceId);
  return ops.some(
    (o) =>
      (o.operation === 'create' && o.targetType === 'page') ||
      (o.operation === 'administer' && o.targetType === 'space'),
  );
}

/**
 * Writes the rules as `baseVersion + 1`. A stale `baseVersion` (someone saved in between) is a
 * ConflictError, checked before the write and by Confluence's version check during it.
 */
export async function writeRoutingRules(args: {
  /** Reads the current value (the user's client). */
  reader: ConfluenceClient;
  /** Writes it (the app's client, after the caller checked the user may edit the space). */
  writer: ConfluenceClient;
  spaceId: string;
  rules: RoutingRules;
  baseVersion: number;
}): Promise<{ rules: RoutingRules; version: number }> {
  const current = await args.reader.getSpaceProperty(args.spaceId, ROUTING_PROPERTY_KEY);
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== args.baseVersion) {
    throw new ConflictError('Someone else changed the routing rules at the same time.', 409);
  }
  const saved = await args.writer.putSpaceProperty({
    spaceId: args.spaceId,
    key: ROUTING_PROPERTY_KEY,
    value: args.rules,
    current: current ? { id: current.id, version: current.version } : null,
  });
  return { rules: args.rules, version: saved.version };
}
