/**
 * The space page "Journey maps": every map in the space the viewer may see, with a summary
 * strip, filters, sortable columns, grouping by team, pagination and the team routing rules.
 * Loaded lazily (its own chunk), so none of it weighs on the macro's initial bundle.
 */
import type { ScreenProps } from '../../app';
import { useMemo, useState } from 'react';
import type { Filters, Sort, SortKey } from './index-model';
import {
  NO_FILTERS,
  filterRows,
  groupByTeam,
  indexStats,
  optionsOf,
  paginate,
  sortRows,
  toRows,
} from './index-model';
import { IndexFilters } from './index-filters';
import { IndexTable } from './index-table';
import { RoutingPanel } from './routing-panel';
import { SummaryStrip } from './summary-strip';
import { useIndexData } from './use-index-data';
import { useSpaceRules } from './use-space-rules';
import './index.css';
import { useT } from '../../i18n';

/** Rows per page of the table. */
export const PAGE_SIZE = 25;

/** Columns whose first click sorts descending (bigger / newer first). */
const DESC_FIRST: ReadonlySet<SortKey> = new Set(['updated', 'pain', 'top', 'validated']);

function spaceOf(context: ScreenProps['context']): { key: string | null; id: string | null } {
  const space = (context.extension as { space?: { key?: unknown; id?: unknown } }).space;
  const str = (v: unknown): string | null =>
    typeof v === 'string' || typeof v === 'number' ? String(v) : null;
  return { key: str(space?.key), id: str(space?.id) };
}

function localDay(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function EmptyState() {
  const t = useT();
  return (
    <div className="empty-state">
      <h3>{t('index.screen.noJourneyMapsIn')}</h3>
      <p>
        {t('index.screen.aJourneyMapLives')} <strong>{t('index.screen.journeyMap')}</strong>{' '}
        {t('index.screen.macroType')} <kbd>{t('index.screen.journeyMap2')}</kbd>{' '}
        {t('index.screen.inTheEditorPublish')}
      </p>
      <p className="subtle">{t('index.screen.mapsShowUpHere')}</p>
    </div>
  );
}

function Pagination(props: {
  page: number;
  pages: number;
  from: number;
  to: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const t = useT();
  const { page, pages } = props;
  const numbers = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  return (
    <nav className="pagination" aria-label={t('index.screen.pagesOfJourneyMaps')}>
      <span className="subtle" aria-live="polite">
        {t('index.screen.showing', { from: props.from, to: props.to, total: props.total })}
      </span>
      {pages > 1 && (
        <div className="pagination-buttons">
          <button type="button" disabled={page <= 1} onClick={() => props.onPage(page - 1)}>
            {t('index.screen.previous')}
          </button>
          {numbers.map((n, i) => (
            <span key={n} className="page-number">
              {i > 0 && n - (numbers[i - 1] ?? n) > 1 && (
                <span className="ellipsis" aria-hidden="true">
                  …
                </span>
              )}
              <button
                type="button"
                className={n === page ? 'is-current' : ''}
                aria-current={n === page ? 'page' : undefined}
                aria-label={t('index.screen.page', { n })}
                onClick={() => props.onPage(n)}
              >
                {n}
              </button>
            </span>
          ))}
          <button type="button" disabled={page >= pages} onClick={() => props.onPage(page + 1)}>
            {t('index.screen.next')}
          </button>
        </div>
      )}
    </nav>
  );
}

/** The index screen. */
export function IndexScreen({ context }: ScreenProps) {
  const t = useT();
  const space = spaceOf(context);
  const siteUrl = (context.siteUrl ?? '').replace(/\/$/, '');
  const data = useIndexData(space.key);
  const [rulesSaved, setRulesSaved] = useState(0);
  const rules = useSpaceRules(space.id, rulesSaved);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<Sort>({ key: 'updated', dir: 'desc' });
  const [grouped, setGrouped] = useState(false);
  const [page, setPage] = useState(1);
  // One clock reading per load keeps relative times and review status steady while reading.
  const now = data.at;
  const rows = useMemo(() => toRows(data.entries, localDay(now)), [data.entries, now]);
  const teams = useMemo(() => optionsOf(rows, (r) => r.team), [rows]);
  const personas = useMemo(() => optionsOf(rows, (r) => r.persona), [rows]);
  const filtered = useMemo(() => filterRows(rows, filters), [rows, filters]);
  const ordered = useMemo(() => {
    const sorted = sortRows(filtered, sort);
    return grouped ? groupByTeam(sorted) : sorted;
  }, [filtered, sort, grouped]);
  const teamCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const r of filtered) counts.set(r.team, (counts.get(r.team) ?? 0) + 1);
    return counts;
  }, [filtered]);
  const stats = useMemo(() => indexStats(filtered, rules), [filtered, rules]);
  const slice = paginate(ordered, page, PAGE_SIZE);
  const isFiltered = filtered.length !== rows.length;

  const onFilters = (next: Filters): void => {
    setFilters(next);
    setPage(1);
  };
  const onSort = (key: SortKey): void => {
    setSort((s) =>
      s.key === key
        ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' }
        : { key, dir: DESC_FIRST.has(key) ? 'desc' : 'asc' },
    );
    setPage(1);
  };

  return (
    <main className="index-screen">
      <header className="index-header">
        <h2>{t('index.screen.journeyMaps')}</h2>
        <p className="subtle">{t('index.screen.whichJourneysDoWe')}</p>
      </header>
      {data.error && (
        <div className="banner is-error" role="alert">
          <p>{data.error.message}</p>
          <button type="button" onClick={data.reload}>
            {t('index.screen.tryAgain')}
          </button>
        </div>
      )}
      {data.loading && (
        <p className="loading" role="status">
          {data.entries.length > 0
            ? t('index.screen.loadingSoFar', { count: data.entries.length })
            : t('index.screen.loadingJourneyMaps')}
        </p>
      )}
      {!data.loading && !data.error && rows.length === 0 && <EmptyState />}
      {rows.length > 0 && (
        <>
          <SummaryStrip stats={stats} siteUrl={siteUrl} filtered={isFiltered} />
          <IndexFilters
            filters={filters}
            onChange={onFilters}
            teams={teams}
            personas={personas}
            grouped={grouped}
            onGroupedChange={(g) => {
              setGrouped(g);
              setPage(1);
            }}
          />
          {filtered.length === 0 ? (
            <div className="empty-state is-small" role="status">
              <h3>{t('index.screen.noMapsMatchThese')}</h3>
              <button type="button" onClick={() => onFilters(NO_FILTERS)}>
                {t('index.screen.clearFilters')}
              </button>
            </div>
          ) : (
            <>
              <IndexTable
                rows={slice.rows}
                sort={sort}
                onSort={onSort}
                grouped={grouped}
                teamCounts={teamCounts}
                siteUrl={siteUrl}
                now={now}
              />
              <Pagination
                page={slice.page}
                pages={slice.pages}
                from={slice.from}
                to={slice.to}
                total={ordered.length}
                onPage={setPage}
              />
            </>
          )}
          <p className="subtle" data-testid="index-lag-note">
            {t('index.screen.mapsCreatedOrChanged')}
          </p>
          {data.hiddenMaps > 0 && (
            <p className="subtle">{t('index.screen.hiddenMaps', { count: data.hiddenMaps })}</p>
          )}
        </>
      )}
      <RoutingPanel
        spaceId={space.id}
        knownTeams={teams}
        onSaved={() => setRulesSaved((n) => n + 1)}
      />
    </main>
  );
}
