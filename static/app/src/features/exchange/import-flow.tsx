/**
 * Import: choose a file, see the preview (nothing is written yet), confirm what will be lost,
 * then `map/import` replaces the map on the server; "Undo import" imports the previous map back.
 */
import { useId, useState } from 'react';
import type { ExchangeError } from '@domain/exchange/exchange-error';
import { importFile } from '@domain/exchange/import-file';
import type { ImportNote } from '@domain/exchange/import-outcome';
import { countMap, previewRows } from '@domain/exchange/import-preview';
import type { JourneyMap } from '@domain/model/schema';
import { useServices } from '../editor/editor-context';
import { unsentOps } from '../editor/state/editor-state';
import { ImportPreview } from './import-preview-view';

/** Largest file read at all (the map limit is checked after parsing). */
const MAX_FILE_BYTES = 5_000_000;

type Phase =
  | { kind: 'choose' }
  | { kind: 'error'; fileName: string; error: ExchangeError }
  | { kind: 'preview'; fileName: string; map: JourneyMap; notes: ImportNote[] }
  | { kind: 'saving'; message: string }
  | { kind: 'done'; previous: JourneyMap | null; version: number; message: string };

/** The import steps; `onDone` closes the panel. */
export function ImportFlow(props: { onDone: () => void }) {
  const { store, engine, transport, address, announce, newId } = useServices();
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [failure, setFailure] = useState<string | null>(null);
  const inputId = useId();

  const choose = async (file: File | undefined) => {
    setFailure(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setPhase({
        kind: 'error',
        fileName: file.name,
        error: { message: 'The file is larger than 5 MB.' },
      });
      return;
    }
    const text = await file.text();
    const outcome = importFile({ fileName: file.name, text, current: store.getState().map, newId });
    if (!outcome.ok) {
      setPhase({ kind: 'error', fileName: file.name, error: outcome.error });
      announce(`${file.name} cannot be imported. ${outcome.error.message}`);
      return;
    }
    setPhase({ kind: 'preview', fileName: file.name, map: outcome.map, notes: outcome.notes });
    announce(
      `Preview of ${file.name}: ${outcome.map.cards.length} cards. Nothing has changed yet.`,
    );
  };

  /** Sends `map`; answers the replaced map, or null after showing why it failed. */
  const send = async (
    map: JourneyMap,
  ): Promise<{ previous: JourneyMap | null; version: number } | null> => {
    // Unsaved edits would be replayed on top of the imported map: save them first.
    if (unsentOps(store.getState()).length > 0) await engine.flush();
    const state = store.getState();
    if (unsentOps(state).length > 0) {
      setFailure(
        'Your latest edits are not saved yet. Wait until the map says "Saved", then import again.',
      );
      return null;
    }
    const res = await transport.call('map/import', { ...address, baseVersion: state.version, map });
    if (!res.ok) {
      setFailure(res.error.message);
      announce(res.error.message);
      if (res.error.code === 'CONFLICT') await engine.pollNow(true);
      return null;
    }
    store.dispatch({
      type: 'remote',
      map: res.data.map,
      version: res.data.version,
      capabilities: state.capabilities,
    });
    // Nothing is unsent, so this only clears undo history that described the replaced map.
    store.dispatch({ type: 'discardUnsent' });
    return { previous: res.data.previous, version: res.data.version };
  };

  const confirm = async (map: JourneyMap) => {
    setPhase({ kind: 'saving', message: 'Importing…' });
    const saved = await send(map);
    if (!saved) {
      setPhase({ kind: 'choose' });
      return;
    }
    const message = `Imported: the map now has ${map.cards.length} cards.`;
    announce(message);
    setPhase({ kind: 'done', previous: saved.previous, version: saved.version, message });
  };

  const undo = async (previous: JourneyMap) => {
    setPhase({ kind: 'saving', message: 'Undoing the import…' });
    const saved = await send(previous);
    if (!saved) return setPhase({ kind: 'choose' });
    announce('Import undone: the previous map is back.');
    props.onDone();
  };

  const current = store.getState().map;
  return (
    <div className="import-flow">
      {failure && (
        <p className="banner is-error" role="alert">
          {failure}
        </p>
      )}
      {(phase.kind === 'choose' || phase.kind === 'error') && (
        <p>
          <label htmlFor={inputId}>
            Choose a JSON export, a CSV export or a spreadsheet saved as CSV
          </label>{' '}
          <input
            id={inputId}
            type="file"
            accept=".json,.csv,.tsv,.txt,application/json,text/csv"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </p>
      )}
      {phase.kind === 'error' && (
        <p className="banner is-error" role="alert">
          {phase.fileName} cannot be imported. {phase.error.message} Nothing was changed.
        </p>
      )}
      {phase.kind === 'preview' && (
        <>
          <ImportPreview
            fileName={phase.fileName}
            before={countMap(current)}
            after={countMap(phase.map)}
            notes={phase.notes}
            rows={previewRows(phase.map)}
          />
          <p className="import-warning" id="import-warning">
            Importing replaces this map: its {current.cards.length} cards, {current.steps.length}{' '}
            steps and everything else in it are replaced by the file. You can undo the import right
            after.
          </p>
          <p className="exchange-actions">
            <button
              type="button"
              className="danger-button"
              aria-describedby="import-warning"
              onClick={() => void confirm(phase.map)}
            >
              Replace map
            </button>{' '}
            <button type="button" onClick={() => setPhase({ kind: 'choose' })}>
              Cancel
            </button>
          </p>
        </>
      )}
      {phase.kind === 'saving' && <p role="status">{phase.message}</p>}
      {phase.kind === 'done' && (
        <p className="exchange-actions">
          <span role="status">{phase.message}</span>{' '}
          {phase.previous && (
            <button type="button" onClick={() => phase.previous && void undo(phase.previous)}>
              Undo import
            </button>
          )}{' '}
          <button type="button" onClick={props.onDone}>
            Done
          </button>
        </p>
      )}
    </div>
  );
}
