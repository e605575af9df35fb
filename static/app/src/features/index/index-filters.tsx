/** Filters above the table: team, persona, state, review status, text; and grouping by team. */
import type { Filters } from './index-model';

/** Props of {@link IndexFilters}. */
export type IndexFiltersProps = {
  filters: Filters;
  onChange: (next: Filters) => void;
  teams: string[];
  personas: string[];
  grouped: boolean;
  onGroupedChange: (grouped: boolean) => void;
};

/** The filter bar. */
export function IndexFilters(props: IndexFiltersProps) {
  const { filters, onChange } = props;
  const set = <K extends keyof Filters>(key: K, value: Filters[K]): void =>
    onChange({ ...filters, [key]: value });
  const active =
    filters.team || filters.persona || filters.state || filters.review || filters.text.trim();
  return (
    <div className="filter-bar" role="search" aria-label="Filter journey maps">
      <label className="filter-search">
        <span className="visually-hidden">Search maps</span>
        <input
          type="search"
          placeholder="Search maps"
          value={filters.text}
          onChange={(e) => set('text', e.target.value)}
        />
      </label>
      <label className="filter">
        <span className="filter-label">Team</span>
        <select value={filters.team} onChange={(e) => set('team', e.target.value)}>
          <option value="">All teams</option>
          {props.teams.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">Persona</span>
        <select value={filters.persona} onChange={(e) => set('persona', e.target.value)}>
          <option value="">All personas</option>
          {props.personas.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">State</span>
        <select
          value={filters.state}
          onChange={(e) => set('state', e.target.value as Filters['state'])}
        >
          <option value="">Any state</option>
          <option value="current">Current</option>
          <option value="future">Future</option>
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">Review</span>
        <select
          value={filters.review}
          onChange={(e) => set('review', e.target.value as Filters['review'])}
        >
          <option value="">Any review status</option>
          <option value="ok">OK</option>
          <option value="dueSoon">Due soon</option>
          <option value="stale">Stale</option>
        </select>
      </label>
      <label className="filter-check">
        <input
          type="checkbox"
          checked={props.grouped}
          onChange={(e) => props.onGroupedChange(e.target.checked)}
        />
        Group by team
      </label>
      {active ? (
        <button
          type="button"
          className="subtle-button"
          onClick={() => onChange({ team: '', persona: '', state: '', review: '', text: '' })}
        >
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
