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
import { useT } from '../../i18n';
import type { Translate } from '@domain/i18n';
import { render } from '@domain/i18n/message';

/** Why a file cannot be imported, in the reader's language when the check names it in keys. */
function inWords(error: ExchangeError, t: Translate): string {
  return error.said ? render(error.said, t) : error.message;
}

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
  const t = useT();
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
        error: { message: t('exchange.tooLarge') },
      });
      return;
    }
    const text = await file.text();
    const outcome = importFile({ fileName: file.name, text, current: store.getState().map, newId });
    if (!outcome.ok) {
      setPhase({ kind: 'error', fileName: file.name, error: outcome.error });
      announce(t('exchange.cannotImport', { file: file.name, error: inWords(outcome.error, t) }));
      return;
    }
    setPhase({ kind: 'preview', fileName: file.name, map: outcome.map, notes: outcome.notes });
    announce(t('exchange.previewAnnounced', { file: file.name, count: outcome.map.cards.length }));
  };

  /** Sends `map`; answers the replaced map, or null after showing why it failed. */
  const send = async (
    map: JourneyMap,
  ): Promise<{ previous: JourneyMap | null; version: number } | null> => {
    // Unsaved edits would be replayed on top of the imported map: save them first.
    if (unsentOps(store.getState()).length > 0) await engine.flush();
    const state = store.getState();
    if (unsentOps(state).length > 0) {
      setFailure(t('exchange.notSavedYet'));
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
    setPhase({ kind: 'saving', message: t('exchange.importing') });
    const saved = await send(map);
    if (!saved) {
      setPhase({ kind: 'choose' });
      return;
    }
    const message = t('exchange.imported', { count: map.cards.length });
    announce(message);
    setPhase({ kind: 'done', previous: saved.previous, version: saved.version, message });
  };

  const undo = async (previous: JourneyMap) => {
    setPhase({ kind: 'saving', message: t('exchange.undoing') });
    const saved = await send(previous);
    if (!saved) return setPhase({ kind: 'choose' });
    announce(t('exchange.undone'));
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
          <label htmlFor={inputId}>{t('exchange.chooseFile')}</label>{' '}
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
          {t('exchange.cannotImportNothingChanged', {
            file: phase.fileName,
            error: inWords(phase.error, t),
          })}
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
            {t('exchange.replaceWarning', {
              cards: current.cards.length,
              steps: current.steps.length,
            })}
          </p>
          <p className="exchange-actions">
            <button
              type="button"
              className="danger-button"
              aria-describedby="import-warning"
              onClick={() => void confirm(phase.map)}
            >
              {t('exchange.replaceMap')}
            </button>{' '}
            <button type="button" onClick={() => setPhase({ kind: 'choose' })}>
              {t('exchange.cancel')}
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
              {t('exchange.undoImport')}
            </button>
          )}{' '}
          <button type="button" onClick={props.onDone}>
            {t('exchange.done')}
          </button>
        </p>
      )}
    </div>
  );
}
