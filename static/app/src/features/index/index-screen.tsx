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
import './index.css';

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
  return (
    <div className="empty-state">
      <h3>No journey maps in this space yet</h3>
      <p>
        A journey map lives on a Confluence page or blog post. To add one, open or create a page in
        this space, edit it, and insert the <strong>Journey map</strong> macro (type{' '}
        <kbd>/journey map</kbd> in the editor). Publish the page, then start from the play’s
        template or a blank map.
      </p>
      <p className="subtle">
        Maps show up here after their first save; Confluence indexes them within a minute. Pages you
        cannot view are never listed.
      </p>
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
  const { page, pages } = props;
  const numbers = [...new Set([1, page - 1, page, page + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  return (
    <nav className="pagination" aria-label="Pages of journey maps">
      <span className="subtle" aria-live="polite">
        Showing {props.from}–{props.to} of {props.total}
      </span>
      {pages > 1 && (
        <div className="pagination-buttons">
          <button type="button" disabled={page <= 1} onClick={() => props.onPage(page - 1)}>
            Previous
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
                aria-label={`Page ${n}`}
                onClick={() => props.onPage(n)}
              >
                {n}
              </button>
            </span>
          ))}
          <button type="button" disabled={page >= pages} onClick={() => props.onPage(page + 1)}>
            Next
          </button>
        </div>
      )}
    </nav>
  );
}

/** The index screen. */
export function IndexScreen({ context }: ScreenProps) {
  const space = spaceOf(context);
  const siteUrl = (context.siteUrl ?? '').replace(/\/$/, '');
  const data = useIndexData(space.key);
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
  const stats = useMemo(() => indexStats(filtered), [filtered]);
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
        <h2>Journey maps</h2>
        <p className="subtle">
          Which journeys do we have, which are stale, and where does it hurt most? Every journey map
          on the pages of this space that you can view.
        </p>
      </header>
      {data.error && (
        <div className="banner is-error" role="alert">
          <p>{data.error.message}</p>
          <button type="button" onClick={data.reload}>
            Try again
          </button>
        </div>
      )}
      {data.loading && (
        <p className="loading" role="status">
          {data.entries.length > 0
            ? `Loading journey maps… ${data.entries.length} so far`
            : 'Loading journey maps…'}
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
              <h3>No maps match these filters</h3>
              <button type="button" onClick={() => onFilters(NO_FILTERS)}>
                Clear filters
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
            Maps created or changed in the last minute may take a moment to appear here.
          </p>
          {data.hiddenMaps > 0 && (
            <p className="subtle">
              {data.hiddenMaps} more {data.hiddenMaps === 1 ? 'map is' : 'maps are'} on pages
              holding too many maps to list here; open those pages to see them.
            </p>
          )}
        </>
      )}
      <RoutingPanel spaceId={space.id} knownTeams={teams} />
    </main>
  );
}
