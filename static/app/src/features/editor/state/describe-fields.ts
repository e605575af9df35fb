/**
 * Field paths of the rebase (`cards.<id>.text`, `steps.<id>.sentiment`, `scope.goal`, …) in
 * words a person can act on: “the text of card “Pricing is hidden””, not an internal id.
 */
import type { JourneyMap } from '@domain/model/schema';

const COLLECTIONS = {
  cards: 'card',
  steps: 'step',
  stages: 'stage',
  lanes: 'lane',
} as const;

/** One field path in words, naming the item by its text or name in `map`. */
export function describeField(path: string, map: JourneyMap): string {
  const [head, id, ...rest] = path.split('.');
  const noun = head && head in COLLECTIONS ? COLLECTIONS[head as keyof typeof COLLECTIONS] : null;
  if (!noun || !id) return words(path);
  if (id === 'order') return `the order of the ${noun}s`;
  const item = nameOf(map, head as keyof typeof COLLECTIONS, id);
  const what = item ? `${noun} “${item}”` : `a ${noun}`;
  return rest.length ? `the ${words(rest.join('.'))} of ${what}` : what;
}

function nameOf(map: JourneyMap, coll: keyof typeof COLLECTIONS, id: string): string | null {
  const found =
    coll === 'cards'
      ? map.cards.find((c) => c.id === id)?.text
      : map[coll].find((x: { id: string }) => x.id === id)?.name;
  if (!found) return null;
  return found.length > 40 ? `${found.slice(0, 39)}…` : found;
}

// `painPoint.votes` → "pain point votes"
function words(path: string): string {
  return path
    .split('.')
    .map((p) => p.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())
    .join(' ');
}
