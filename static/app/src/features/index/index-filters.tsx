/** Filters above the table: team, persona, state, review status, text; and grouping by team. */
import type { Filters } from './index-model';
import { useT } from '../../i18n';

/** A choice of a filter: its value and what it reads. */
type Choice = readonly [value: string, label: string];

/** Each of `names` as a choice of its own name. */
const named = (names: readonly string[]): Choice[] => names.map((n) => [n, n]);

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
  const t = useT();
  const { filters, onChange } = props;
  const set = <K extends keyof Filters>(key: K, value: Filters[K]): void =>
    onChange({ ...filters, [key]: value });
  const active =
    filters.team || filters.persona || filters.state || filters.review || filters.text.trim();
  return (
    <div className="filter-bar" role="search" aria-label={t('index.filters.filterJourneyMaps')}>
      <label className="filter-search">
        <span className="visually-hidden">{t('index.filters.searchMaps')}</span>
        <input
          type="search"
          placeholder={t('index.filters.searchMaps')}
          value={filters.text}
          onChange={(e) => set('text', e.target.value)}
        />
      </label>
      <FilterSelect
        label={t('index.filters.team')}
        value={filters.team}
        onChange={(v) => set('team', v)}
        choices={[['', t('index.filters.allTeams')], ...named(props.teams)]}
      />
      <FilterSelect
        label={t('index.filters.persona')}
        value={filters.persona}
        onChange={(v) => set('persona', v)}
        choices={[['', t('index.filters.allPersonas')], ...named(props.personas)]}
      />
      <FilterSelect
        label={t('index.filters.state')}
        value={filters.state}
        onChange={(v) => set('state', v as Filters['state'])}
        choices={[
          ['', t('index.filters.anyState')],
          ['current', t('index.filters.current')],
          ['future', t('index.filters.future')],
        ]}
      />
      <FilterSelect
        label={t('index.filters.review')}
        value={filters.review}
        onChange={(v) => set('review', v as Filters['review'])}
        choices={[
          ['', t('index.filters.anyReviewStatus')],
          ['ok', t('index.filters.ok')],
          ['dueSoon', t('index.filters.dueSoon')],
          ['stale', t('index.filters.stale')],
        ]}
      />
      <label className="filter-check">
        <input
          type="checkbox"
          checked={props.grouped}
          onChange={(e) => props.onGroupedChange(e.target.checked)}
        />
        {t('index.filters.groupByTeam')}
      </label>
      {active ? (
        <button
          type="button"
          className="subtle-button"
          onClick={() => onChange({ team: '', persona: '', state: '', review: '', text: '' })}
        >
          {t('index.filters.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}

/** One labelled filter: a select over `choices` (the first is "any"). */
function FilterSelect(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  choices: readonly Choice[];
}) {
  return (
    <label className="filter">
      <span className="filter-label">{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.choices.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
