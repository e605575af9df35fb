/**
 * The mark of someone else typing somewhere (decision 0029, 0054): a 2 px outline in their
 * colour and their initials at the corner, each initial titled with their name on hover and the
 * group named for screen readers. One look for cards and for every other text field.
 */
import type { CSSProperties } from 'react';
import { useT } from '../../../i18n';
import type { Person } from './presence-store';
import { initialsOf } from './presence-store';

/** The class and outline colour of an element `people` are typing in ('' when nobody is). */
export function presenceMark(people: readonly Person[]): {
  className: string;
  style: CSSProperties | undefined;
} {
  const first = people[0];
  return first
    ? { className: ' is-edited-by-other', style: { outlineColor: first.color } }
    : { className: '', style: undefined };
}

/** The initials of the people typing here; `title` says what each is doing, by name. */
export function PresenceBadges(props: {
  people: readonly Person[];
  title: (name: string) => string;
}) {
  const t = useT();
  if (!props.people.length) return null;
  return (
    <span
      className="presence-editors"
      role="img"
      aria-label={t('editor.presence.editors', {
        names: props.people.map((p) => p.name).join(', '),
      })}
    >
      {props.people.map((p) => (
        <span
          key={p.accountId}
          className="presence-editor"
          style={{ background: p.color }}
          title={props.title(p.name)}
        >
          {initialsOf(p.name)}
        </span>
      ))}
    </span>
  );
}
