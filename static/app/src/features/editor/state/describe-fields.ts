/**
 * Field paths of the rebase (`cards.<id>.text`, `steps.<id>.sentiment`, `scope.goal`, …) in
 * words a person can act on, in their language: “the text of card “Pricing is hidden””, not an
 * internal id. A field without a catalogue name is spelled from its path.
 */
import type { JourneyMap } from '@domain/model/schema';
import { translateNow as t } from '../../../i18n/i18n-context';

const COLLECTIONS = ['cards', 'steps', 'stages', 'lanes'] as const;
type Collection = (typeof COLLECTIONS)[number];

/** One field path in words, naming the item by its text or name in `map`. */
export function describeField(path: string, map: JourneyMap): string {
  const [head, id, ...rest] = path.split('.');
  const coll = COLLECTIONS.find((c) => c === head);
  if (!coll || !id) return fieldName(path);
  if (id === 'order') return t(`editor.field.order.${coll}`);
  const item = nameOf(map, coll, id);
  const what = item
    ? t(`editor.field.named.${coll}`, { name: item })
    : t(`editor.field.some.${coll}`);
  return rest.length ? t('editor.field.of', { field: fieldName(rest.join('.')), what }) : what;
}

function nameOf(map: JourneyMap, coll: Collection, id: string): string | null {
  const found =
    coll === 'cards'
      ? map.cards.find((c) => c.id === id)?.text
      : map[coll].find((x: { id: string }) => x.id === id)?.name;
  if (!found) return null;
  return found.length > 40 ? `${found.slice(0, 39)}…` : found;
}

/** A field's name from the catalogue (`editor.field.name.painPoint_votes`), else its words. */
function fieldName(path: string): string {
  const id = path.replace(/\./g, '_');
  const named = t(`editor.field.name.${id}`);
  if (named !== `editor.field.name.${id}`) return named;
  // `painPoint.votes` → "pain point votes"
  return path
    .split('.')
    .map((p) => p.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())
    .join(' ');
}
