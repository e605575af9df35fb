/**
 * What changed on a map since a version or a date. A map keeps the fields each of its last 30
 * saves changed (src/confluence/map-history.ts) but not when each save happened, so: since a
 * version, the saves after it and what they changed; since a date, whether the map was saved
 * after it (its `updatedAt`) and, if so, the recorded saves with `datesKnown: false`.
 */
import type { ConfluenceClient } from '../../confluence/client';
import { readMapFromProperties } from '../../confluence/map-store';
import type { JourneyMap } from '../../domain/model/schema';
import { clip } from './clip';
import { locateMap } from './locate-map';

/** One save and what it changed, in words. */
export type ChangeAnswer = { version: number; changed: string[] | 'many fields' };

/** The changes of a map. */
export type ChangesAnswer = {
  map: { title: string; pageTitle: string; path: string; pageId: string; mapId: string };
  version: number;
  updatedAt: string | null;
  /** Whether the map changed since the version or date asked about. */
  changedSince: boolean;
  /** The recorded saves after the version asked about (for a date: every recorded save). */
  saves: ChangeAnswer[];
  /** False when the saves cannot be placed in time (the map records versions, not dates). */
  datesKnown: boolean;
  /** Said when the history does not reach back as far as asked. */
  note?: string;
};

/**
 * A recorded field path in words, naming the thing by its current text (e.g. `cards.<id>.text`
 * → `card "Cannot find the price" text`); things deleted since are "(removed)".
 */
export function describeField(map: JourneyMap, path: string): string {
  const [area = '', id = '', ...rest] = path.split('.');
  const field = rest.join('.');
  const suffix = field ? ` ${field}` : '';
  const label = (kind: string, text: string | undefined) =>
    `${kind} ${text === undefined ? '(removed)' : `"${clip(text, 80)}"`}${suffix}`;
  if (id === 'order' || id === '') return path;
  switch (area) {
    case 'cards':
      return label('card', map.cards.find((c) => c.id === id)?.text);
    case 'steps':
      return label('step', map.steps.find((s) => s.id === id)?.name);
    case 'stages':
      return label('stage', map.stages.find((s) => s.id === id)?.name);
    case 'lanes':
      return label('lane', map.lanes.find((l) => l.id === id)?.name);
    case 'channels':
      return label('channel', map.channels.find((c) => c.id === id)?.name);
    default:
      return clip(path, 120);
  }
}

/** The changes of the map since `sinceVersion` or `sinceDate` (YYYY-MM-DD, start of day UTC). */
export async function mapChanges(args: {
  client: ConfluenceClient;
  pageId: string;
  mapId?: string;
  sinceVersion?: number;
  sinceDate?: string;
}): Promise<ChangesAnswer> {
  const at = await locateMap(args);
  const stored = readMapFromProperties(at.properties, at.mapId);
  const map = at.map;
  const words = (f: string[] | null): string[] | 'many fields' =>
    f === null ? 'many fields' : [...new Set(f.map((p) => describeField(map, p)))];
  const base = {
    map: {
      title: clip(map.title),
      pageTitle: clip(at.pageTitle),
      path: at.path,
      pageId: at.content.id,
      mapId: at.mapId,
    },
    version: stored.version,
    updatedAt: map.updatedAt,
  };
  if (args.sinceVersion !== undefined) {
    const since = args.sinceVersion;
    const saves = stored.history
      .filter((e) => e.v > since)
      .map((e) => ({ version: e.v, changed: words(e.f) }));
    const oldest = stored.history[0]?.v ?? stored.version;
    const reaches = since + 1 >= oldest || since >= stored.version;
    return {
      ...base,
      changedSince: stored.version > since,
      saves,
      datesKnown: true,
      ...(reaches ? {} : { note: `Only versions ${oldest} to ${stored.version} are recorded.` }),
    };
  }
  const from = Date.parse(`${args.sinceDate ?? '1970-01-01'}T00:00:00Z`);
  const changed = map.updatedAt !== null && Date.parse(map.updatedAt) >= from;
  return {
    ...base,
    changedSince: changed,
    saves: changed
      ? stored.history.map((e) => ({ version: e.v, changed: words(e.f) })).reverse()
      : [],
    datesKnown: false,
    ...(changed
      ? {
          note: 'The map was saved after that date; these are its recorded saves, newest first. The map does not record which of them came after the date.',
        }
      : {}),
  };
}
