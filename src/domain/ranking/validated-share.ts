/** How much of a map rests on validated evidence rather than assumptions. */
import type { JourneyMap } from '../model/schema';

/** Share (0–1) of the map's cards whose evidence is validated; 0 for a map without cards. */
export function validatedShare(map: JourneyMap): number {
  if (map.cards.length === 0) return 0;
  const validated = map.cards.filter((c) => c.evidence.status === 'validated').length;
  return validated / map.cards.length;
}
