/** The table "Journey maps in this space": sortable headers, optional team groups. */
import { Fragment } from 'react';
import type { WorkStatus } from '@domain/work-items/work-status';
import type { AbandonWork, IndexRow, Sort, SortKey } from './index-model';
import { abandonWorkOf, relativeTime } from './index-model';
import { useLocale } from '../../i18n';
import { dateLocale } from '../../i18n/dates';
import { ConfluenceLink } from './map-link';
import { PainCounts, ReviewLozenge, StateLozenge, ValidatedMeter } from './lozenges';
import { useT } from '../../i18n';

/** The columns, in order (names: `index.column.<key>`). */
const COLUMNS: { key: SortKey; className?: string }[] = [
  { key: 'title', className: 'col-title' },
  { key: 'persona', className: 'col-persona' },
  { key: 'scenario', className: 'col-scenario' },
  { key: 'state', className: 'col-state' },
  { key: 'team', className: 'col-team' },
  { key: 'updated', className: 'col-updated' },
  { key: 'review', className: 'col-review' },
  { key: 'pain', className: 'col-pain' },
  { key: 'top', className: 'col-top' },
  { key: 'validated', className: 'col-validated' },
  { key: 'writeUp', className: 'col-writeup' },
];

/** Props of {@link IndexTable}. */
export type IndexTableProps = {
  rows: IndexRow[];
  sort: Sort;
  onSort: (key: SortKey) => void;
  grouped: boolean;
  /** Maps per team over all filtered rows (group headers show the total, not the page's). */
  teamCounts: ReadonlyMap<string, number>;
  siteUrl: string;
  now: Date;
  /** Jira work statuses (null: no linked work, or not read yet). */
  workByKey: ReadonlyMap<string, WorkStatus> | null;
};

function SortHeader(props: {
  column: (typeof COLUMNS)[number];
  sort: Sort;
  onSort: (key: SortKey) => void;
}) {
  const { column, sort } = props;
  const t = useT();
  const active = sort.key === column.key;
  return (
    <th
      scope="col"
      className={column.className}
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        className={`sort-button${active ? ' is-active' : ''}`}
        onClick={() => props.onSort(column.key)}
      >
        {t(`index.column.${column.key}`)}
        <span className="sort-icon" aria-hidden="true">
          {active ? (sort.dir === 'asc' ? '↑' : '↓') : '↕'}
        </span>
      </button>
    </th>
  );
}

function Row({
  row,
  siteUrl,
  now,
  work,
}: {
  row: IndexRow;
  siteUrl: string;
  now: Date;
  work: AbandonWork | null;
}) {
  const t = useT();
  const locale = useLocale();
  const m = row.entry.map;
  return (
    <tr data-row-key={row.key}>
      <th scope="row" className="col-title">
        <ConfluenceLink siteUrl={siteUrl} path={row.url} className="map-title">
          {row.title}
        </ConfluenceLink>
        {row.entry.pageTitle !== row.title && (
          <span className="cell-sub">
            {t('index.table.on')} {row.entry.pageTitle}
          </span>
        )}
      </th>
      <td className="col-persona">
        {m.persona.name || <span className="placeholder">—</span>}
        {m.persona.role && <span className="cell-sub">{m.persona.role}</span>}
      </td>
      <td className="col-scenario">
        <span className="clamp" title={m.scenario}>
          {m.scenario || <span className="placeholder">—</span>}
        </span>
      </td>
      <td className="col-state">
        <StateLozenge state={m.state} />
        {row.links.map((l) => (
          <span key={`${l.rowKey ?? l.url}`} className="cell-sub state-link">
            {m.state === 'future' ? t('index.table.from') : t('index.table.to')}
            <ConfluenceLink siteUrl={siteUrl} path={l.url}>
              {l.title}
            </ConfluenceLink>
          </span>
        ))}
      </td>
      <td className="col-team">
        {m.owningTeam || <span className="placeholder">{t('index.table.noTeam')}</span>}
      </td>
      <td className="col-updated">
        {m.updatedAt ? (
          <time dateTime={m.updatedAt} title={m.updatedAt.slice(0, 10)}>
            {relativeTime(m.updatedAt, now, dateLocale(locale)) ?? t('common.justNow')}
          </time>
        ) : (
          <span className="placeholder">{t('index.table.never')}</span>
        )}
      </td>
      <td className="col-review">
        <ReviewLozenge status={row.review} nextReview={m.nextReview} />
      </td>
      <td className="col-pain">
        <PainCounts pain={m.pain} />
        {work && work.abandon > 0 && (
          <span className="cell-sub work-counts" data-testid="abandon-work">
            {t('index.work.abandonWithWork', {
              withWork: work.withWork,
              count: work.abandon,
              done: work.done,
            })}
          </span>
        )}
      </td>
      <td className="col-top">
        {m.topPainPoint ? (
          <span className="clamp" title={t('index.table.score', { score: m.topPainPoint.score })}>
            {m.topPainPoint.text}
          </span>
        ) : (
          <span className="placeholder">{t('index.table.none')}</span>
        )}
      </td>
      <td className="col-validated">
        <ValidatedMeter share={m.validatedShare} />
      </td>
      <td className="col-writeup">
        {m.writeUp ? (
          <ConfluenceLink
            siteUrl={siteUrl}
            path={`/wiki/pages/viewpage.action?pageId=${encodeURIComponent(m.writeUp.pageId)}`}
            title={m.writeUp.title}
          >
            {t('index.table.writeUp')}
          </ConfluenceLink>
        ) : (
          <span className="placeholder">—</span>
        )}
      </td>
    </tr>
  );
}

/** The table. */
export function IndexTable(props: IndexTableProps) {
  const t = useT();
  const { rows, siteUrl, now } = props;
  const workOf = (row: IndexRow): AbandonWork | null =>
    props.workByKey ? abandonWorkOf(row, props.workByKey) : null;
  const groups: { team: string; rows: IndexRow[] }[] = [];
  if (props.grouped) {
    for (const row of rows) {
      const last = groups[groups.length - 1];
      if (last && last.team === row.team) last.rows.push(row);
      else groups.push({ team: row.team, rows: [row] });
    }
  }
  return (
    <div className="table-scroll">
      <table className="index-table" aria-label={t('index.table.journeyMapsInThis')}>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <SortHeader key={c.key} column={c} sort={props.sort} onSort={props.onSort} />
            ))}
          </tr>
        </thead>
        {props.grouped ? (
          groups.map((g) => (
            <Fragment key={g.team}>
              <tbody className="group">
                <tr className="group-row">
                  <th scope="colgroup" colSpan={COLUMNS.length}>
                    {g.team}
                    <span className="group-count">
                      {t('index.table.mapCount', {
                        count: props.teamCounts.get(g.team) ?? g.rows.length,
                      })}
                    </span>
                  </th>
                </tr>
                {g.rows.map((row) => (
                  <Row key={row.key} row={row} siteUrl={siteUrl} now={now} work={workOf(row)} />
                ))}
              </tbody>
            </Fragment>
          ))
        ) : (
          <tbody>
            {rows.map((row) => (
              <Row key={row.key} row={row} siteUrl={siteUrl} now={now} work={workOf(row)} />
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}
