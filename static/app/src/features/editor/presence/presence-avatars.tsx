/**
 * Who else has this map open: an avatar each (the Confluence picture when it loads, else
 * initials in the person's colour), named for screen readers; and this viewer's own editing
 * card or field told to the others.
 */
import { useEffect, useState } from 'react';
import { useServices } from '../editor-context';
import { useUi } from '../ui-state';
import { useValue } from '../value-store';
import type { Person } from './presence-store';
import { initialsOf } from './presence-store';
import { usePeople } from './use-presence';
import { useT } from '../../../i18n';

function Avatar({ person }: { person: Person }) {
  const t = useT();
  const [broken, setBroken] = useState(false);
  const title = person.editing
    ? t('editor.presence.editing', { name: person.name })
    : person.field
      ? t('editor.presence.editingField', { name: person.name })
      : person.name;
  return (
    <li className="avatar" style={{ background: person.color }} title={title}>
      {person.avatar && !broken ? (
        <img src={person.avatar} alt="" onError={() => setBroken(true)} />
      ) : (
        <span aria-hidden="true">{initialsOf(person.name)}</span>
      )}
      <span className="visually-hidden">{title}</span>
    </li>
  );
}

/** The avatars of everyone else here. */
export function PresenceAvatars() {
  const t = useT();
  const people = usePeople();
  const { presence } = useServices();
  const channel = useValue(presence, (c) => c);
  const ui = useUi();
  const card = useValue(ui.editingCard, (id) => id);
  const field = useValue(ui.editingField, (path) => path);
  useEffect(() => {
    // An open card wins: its text box holds the focus, so a field left set is stale.
    channel?.setEditing({ card, field: card ? null : field });
  }, [channel, card, field]);
  if (!people.length) return null;
  const names = people.map((p) => p.name).join(', ');
  return (
    <ul className="presence" aria-label={t('editor.presence.alsoHere', { names })}>
      {people.slice(0, 6).map((p) => (
        <Avatar key={p.accountId} person={p} />
      ))}
      {people.length > 6 && <li className="avatar more">+{people.length - 6}</li>}
    </ul>
  );
}
