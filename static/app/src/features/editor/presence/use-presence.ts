/** React hooks over the presence channel of the open editor. */
import { useSyncExternalStore } from 'react';
import { useT } from '../../../i18n';
import { useServices } from '../editor-context';
import { useValue } from '../value-store';
import type { FieldPath } from './field-path';
import type { Person } from './presence-store';

const NONE: Person[] = [];
const noSubscribe = () => () => undefined;

/** Everyone else who has this map open. */
export function usePeople(): Person[] {
  const { presence } = useServices();
  const channel = useValue(presence, (c) => c);
  return useSyncExternalStore(channel?.store.subscribe ?? noSubscribe, () =>
    channel ? channel.store.people() : NONE,
  );
}

/** The people typing in a card's text or in another field now. */
export function useEditorsOf(target: { card: string } | { field: FieldPath }): Person[] {
  const people = usePeople();
  const editing = people.filter((p) =>
    'card' in target ? p.editing === target.card : p.field === target.field,
  );
  return editing.length ? editing : NONE;
}

/** A name for an account ("Someone", in the person's language, when this map never heard of it). */
export function useNameOf(accountId: string): string {
  const { presence } = useServices();
  const channel = useValue(presence, (c) => c);
  usePeople(); // names arrive with presence messages
  const t = useT();
  return (accountId && channel?.store.nameOf(accountId)) || t('editor.presence.someone');
}
