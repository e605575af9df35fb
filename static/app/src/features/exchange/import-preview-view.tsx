/** What an import will do, shown before anything is written: counts, notes, the first cards. */
import type { ImportNote } from '@domain/exchange/import-outcome';
import type { MapCounts, PreviewRow } from '@domain/exchange/import-preview';

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

/** Counts now and after, the repairs, and a small table of the first cards. */
export function ImportPreview(props: ImportPreviewProps) {
  const shown = props.notes.slice(0, NOTES_SHOWN);
  return (
    <div className="import-preview">
      <table className="import-counts">
        <caption>What {props.fileName} holds</caption>
        <thead>
          <tr>
            <th scope="col"></th>
            {PARTS.map((p) => (
              <th scope="col" key={p}>
                {p[0]?.toUpperCase() + p.slice(1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">This map now</th>
            {PARTS.map((p) => (
              <td key={p}>{props.before[p]}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">After import</th>
            {PARTS.map((p) => (
              <td key={p}>{props.after[p]}</td>
            ))}
          </tr>
        </tbody>
      </table>
      {shown.length > 0 ? (
        <div>
          <h3>
            {props.notes.length === 1
              ? '1 thing was repaired or guessed'
              : `${props.notes.length} things were repaired or guessed`}
          </h3>
          <ul className="import-notes">
            {shown.map((n, i) => (
              <li key={i}>
                {n.line !== undefined ? `Line ${n.line}: ` : n.path ? `${n.path}: ` : ''}
                {n.message}
              </li>
            ))}
            {props.notes.length > NOTES_SHOWN && (
              <li>…and {props.notes.length - NOTES_SHOWN} more.</li>
            )}
          </ul>
        </div>
      ) : (
        <p>Nothing needed repairing.</p>
      )}
      {props.rows.length > 0 && (
        <table className="import-rows">
          <caption>The first {props.rows.length} cards</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Step</th>
              <th scope="col">Lane</th>
              <th scope="col">Kind</th>
              <th scope="col">Text</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r, i) => (
              <tr key={i}>
                <td>{r.stage}</td>
                <td>{r.step}</td>
                <td>{r.lane}</td>
                <td>{r.kind}</td>
                <td>{r.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
