/**
 * What a committed save tells everyone who has the map open (Forge Realtime, decision 0028):
 * the new version, the batch that made it, its author and its ops. A client one version behind
 * applies the ops; one further behind (or when the ops were too big to send) loads. The channel
 * name carries the macro's localId, so two macros on one page never cross.
 */
import { sanitizeLocalId } from '../codec/property-keys';
import { channelMessage } from './channel-message';
import { jsonByteLength } from '../codec/utf8';

/** The ops a map event carries at most (JSON bytes); bigger saves send `ops: null`. */
export const MAP_EVENT_OPS_MAX_BYTES = 24_000;

/** One committed save, as published on the map's channel. */
export type MapEvent = {
  kind: 'map';
  version: number;
  batchId: string;
  /** Account id of the person who saved. */
  author: string;
  /** The ops applied (untrusted on arrival: applying drops malformed ones); null = load. */
  ops: unknown[] | null;
  /** Fields this save overwrote that someone else had changed since its base (map-history). */
  overwritten: string[];
  /** The map's `updatedAt` after the save. */
  updatedAt?: string | null;
};

/** The Realtime channel of one macro's map. */
export function mapChannelName(localId: string): string {
  return `journey-map-${sanitizeLocalId(localId)}`;
}

/** The event for a save; the ops are left out when they would make it too big. */
export function mapEvent(args: Omit<MapEvent, 'kind'>): MapEvent {
  const small = args.ops !== null && jsonByteLength(args.ops) <= MAP_EVENT_OPS_MAX_BYTES;
  return { kind: 'map', ...args, ops: small ? args.ops : null };
}

/** Reads an event as it arrives (a JSON string from a backend publish, or an object); else null. */
export function parseMapEvent(payload: unknown): MapEvent | null {
  const value = channelMessage(payload, 'map');
  if (!value) return null;
  const { version, batchId, author, ops, overwritten, updatedAt } = value;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return null;
  if (typeof batchId !== 'string' || typeof author !== 'string') return null;
  if (ops !== null && !Array.isArray(ops)) return null;
  const fields = Array.isArray(overwritten)
    ? overwritten.filter((f): f is string => typeof f === 'string')
    : [];
  const at = typeof updatedAt === 'string' ? { updatedAt } : {};
  return { kind: 'map', version, batchId, author, ops, overwritten: fields, ...at };
}
