/** What an import will do, shown before anything is written: counts, notes, the first cards. */
import type { ImportNote } from '@domain/exchange/import-outcome';
import type { MapCounts, PreviewRow } from '@domain/exchange/import-preview';
import { render } from '@domain/i18n/message';
import { useId } from 'react';
import { useT } from '../../i18n';
import { ColumnHeads } from '../../ui/column-heads';

const NOTES_SHOWN = 12;

/** Props of the preview. */
export type ImportPreviewProps = {
  fileName: string;
  before: MapCounts;
  after: MapCounts;
  notes: ImportNote[];
  rows: PreviewRow[];
};

const PARTS: readonly (keyof MapCounts)[] = ['stages', 'steps', 'lanes', 'cards'];
/** The first cards' columns, in order. */
const COLUMNS: readonly (keyof PreviewRow)[] = ['stage', 'step', 'lane', 'kind', 'text'];

/** Counts now and after, the repairs, and a small table of the first cards. */
export function ImportPreview(props: ImportPreviewProps) {
  const t = useT();
  const notesId = useId();
  const shown = props.notes.slice(0, NOTES_SHOWN);
  return (
    <div className="import-preview">
      <table className="import-counts">
        <caption>{t('exchange.preview.holds', { file: props.fileName })}</caption>
        <thead>
          <tr>
            <th scope="col"></th>
            {PARTS.map((p) => (
              <th scope="col" key={p}>
                {t(`exchange.preview.part.${p}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('exchange.preview.now')}</th>
            {PARTS.map((p) => (
              <td key={p}>{props.before[p]}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('exchange.preview.after')}</th>
            {PARTS.map((p) => (
              <td key={p}>{props.after[p]}</td>
            ))}
          </tr>
        </tbody>
      </table>
      {shown.length > 0 ? (
        <div>
          <h3 id={notesId}>{t('exchange.preview.repaired', { count: props.notes.length })}</h3>
          {/* The list scrolls when long: focusable so keyboard users can scroll it. */}
          <div className="import-notes" role="region" aria-labelledby={notesId} tabIndex={0}>
            <ul>
              {shown.map((n, i) => (
                <li key={i}>
                  {n.line !== undefined
                    ? t('exchange.preview.line', { line: n.line })
                    : n.path
                      ? `${n.path}: `
                      : ''}
                  {n.said ? render(n.said, t) : n.message}
                </li>
              ))}
              {props.notes.length > NOTES_SHOWN && (
                <li>{t('exchange.preview.more', { count: props.notes.length - NOTES_SHOWN })}</li>
              )}
            </ul>
          </div>
        </div>
      ) : (
        <p>{t('exchange.preview.nothingRepaired')}</p>
      )}
      {props.rows.length > 0 && (
        <table className="import-rows">
          <caption>{t('exchange.preview.firstCards', { count: props.rows.length })}</caption>
          <ColumnHeads labels={COLUMNS.map((column) => t(`exchange.preview.col.${column}`))} />
          <tbody>
            {props.rows.map((r, i) => (
              <tr key={i}>
                {COLUMNS.map((column) => (
                  <td key={column}>{r[column]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
