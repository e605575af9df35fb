/** Filters above the table: team, persona, state, review status, text; and grouping by team. */
import type { Filters } from './index-model';
import { useT } from '../../i18n';

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
      <label className="filter">
        <span className="filter-label">{t('index.filters.team')}</span>
        <select value={filters.team} onChange={(e) => set('team', e.target.value)}>
          <option value="">{t('index.filters.allTeams')}</option>
          {props.teams.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">{t('index.filters.persona')}</span>
        <select value={filters.persona} onChange={(e) => set('persona', e.target.value)}>
          <option value="">{t('index.filters.allPersonas')}</option>
          {props.personas.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">{t('index.filters.state')}</span>
        <select
          value={filters.state}
          onChange={(e) => set('state', e.target.value as Filters['state'])}
        >
          <option value="">{t('index.filters.anyState')}</option>
          <option value="current">{t('index.filters.current')}</option>
          <option value="future">{t('index.filters.future')}</option>
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">{t('index.filters.review')}</span>
        <select
          value={filters.review}
          onChange={(e) => set('review', e.target.value as Filters['review'])}
        >
          <option value="">{t('index.filters.anyReviewStatus')}</option>
          <option value="ok">{t('index.filters.ok')}</option>
          <option value="dueSoon">{t('index.filters.dueSoon')}</option>
          <option value="stale">{t('index.filters.stale')}</option>
        </select>
      </label>
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
