/**
 * A people picker: chips for the chosen people and a combobox that searches the site's users
 * (or takes a name typed in, for guests without an account). Single or multiple.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Person } from '@domain/model/schema';
import type { FoundUser } from '../../bridge/client';
import { translateNow, useT } from '../../i18n';

/** Props of the people picker. */
export type PeoplePickerProps = {
  label: string;
  people: readonly Person[];
  multiple: boolean;
  readOnly: boolean;
  onChange: (people: Person[]) => void;
  search: (query: string) => Promise<FoundUser[]>;
};

type Option = { key: string; person: Person; label: string };

/** Chooses Confluence users (or typed-in names). */
export function PeoplePicker(props: PeoplePickerProps) {
  const t = useT();
  const { label, people, multiple, readOnly, onChange, search } = props;
  const [query, setQuery] = useState('');
  const [results, setFound] = useState<FoundUser[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const id = useId();
  const seq = useRef(0);

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      void search(q).then((users) => {
        if (mine === seq.current) setFound(users);
      });
    }, 200);
    return () => clearTimeout(timer);
  }, [query, search]);

  if (readOnly) {
    return (
      <div className="people-field">
        <span className="people-label">{label}</span>
        <span>
          {people.length ? (
            people.map((p) => p.name).join(', ')
          ) : (
            <span className="placeholder">—</span>
          )}
        </span>
      </div>
    );
  }

  const chosen = new Set(people.map((p) => p.accountId ?? `name:${p.name}`));
  // An empty query shows no one, even when an answer to an earlier query lands after clearing.
  const found = query.trim() ? results : NO_ONE;
  const options: Option[] = found
    .filter((u) => !chosen.has(u.accountId))
    .map((u) => ({
      key: u.accountId,
      person: { accountId: u.accountId, name: u.displayName },
      label: u.displayName,
    }));
  const typed = query.trim().slice(0, 200);
  if (typed && !found.some((u) => u.displayName.toLowerCase() === typed.toLowerCase())) {
    options.push({
      key: `name:${typed}`,
      person: { accountId: null, name: typed },
      label: translateNow('session.people.addTyped', { name: typed }),
    });
  }
  const shown = open && options.length > 0;

  const pick = (option: Option | undefined) => {
    if (!option) return;
    onChange(multiple ? [...people, option.person] : [option.person]);
    setQuery('');
    setFound([]);
    setActive(0);
  };

  return (
    <div className="people-field">
      <label className="people-label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <div className="people-box">
        {people.length > 0 && (
          <ul className="people-chips" aria-label={t('session.people.chosen', { label })}>
            {people.map((p, i) => (
              <li key={`${p.accountId ?? p.name}-${i}`} className="people-chip">
                <span>{p.name}</span>
                {p.accountId === null && (
                  <span className="subtle"> {t('session.people.guest')}</span>
                )}
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('session.people.remove', {
                    name: p.name,
                    label: label.toLowerCase(),
                  })}
                  onClick={() => onChange(people.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {(multiple || people.length === 0) && (
          <input
            id={`${id}-input`}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-expanded={shown}
            aria-controls={`${id}-list`}
            aria-autocomplete="list"
            aria-activedescendant={shown ? `${id}-opt-${active}` : undefined}
            placeholder={t('session.people.searchPeople')}
            value={query}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
              setOpen(true);
            }}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                setActive((a) => Math.min(options.length - 1, a + 1));
              } else if (e.key === 'ArrowUp') {
                e.preventDefault();
                setActive((a) => Math.max(0, a - 1));
              } else if (e.key === 'Enter' && shown) {
                e.preventDefault();
                pick(options[active]);
              } else if (e.key === 'Escape') {
                setOpen(false);
              }
            }}
          />
        )}
      </div>
      {shown && (
        <ul
          className="people-options"
          role="listbox"
          id={`${id}-list`}
          aria-label={t('session.people.suggestions', { label })}
        >
          {options.map((o, i) => (
            <li
              key={o.key}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o);
              }}
            >
              {o.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const NO_ONE: FoundUser[] = [];
