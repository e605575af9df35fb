/**
 * Writes a whole map straight into the emulator store as the map store would (head + chunks via
 * the real codec), for scenarios that need a map no sequence of UI gestures builds quickly.
 */
import type { Emulator } from '../../../dev/emulator';
import { encodeMap, mapPropertyKey } from '../../../src/domain/codec';
import type { JourneyMap } from '../../../src/domain/model/schema';

/** Stores `map` as the map of `localId` on `pageId` (version 1). */
export function seedMap(args: {
  emulator: Emulator;
  pageId: string;
  localId: string;
  map: JourneyMap;
}): void {
  const encoded = encodeMap(args.map, { generation: `seed${args.localId.replace(/\W/g, '')}` });
  const key = mapPropertyKey(args.localId);
  for (const chunk of encoded.chunks) {
    args.emulator.store.putProperty({
      pageId: args.pageId,
      key: key + chunk.suffix,
      value: chunk.value,
    });
  }
  args.emulator.store.putProperty({ pageId: args.pageId, key, value: encoded.head });
}
