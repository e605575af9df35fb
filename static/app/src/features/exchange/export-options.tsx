/** The export formats: each downloads a file; the text formats can also be copied. */
import { useState } from 'react';
import { exportCsv } from '@domain/exchange/csv-export';
import { exportJson } from '@domain/exchange/json-exchange';
import { renderMapSvg } from '@domain/exchange/svg-render';
import type { JourneyMap } from '@domain/model/schema';
import { useServices } from '../editor/editor-context';
import { copyText, downloadBlob, fileNameFor } from './download';
import { svgToPng } from './svg-to-png';
import { useT } from '../../i18n';

type Format = {
  id: 'json' | 'csv' | 'svg' | 'png';
  label: string;
  hint: string;
  /** Text formats can be copied when the frame cannot download. */
  text?: (map: JourneyMap) => string;
  file: (map: JourneyMap) => Promise<Blob>;
};

const FORMATS: readonly Format[] = [
  {
    id: 'json',
    label: 'JSON',
    hint: 'Everything, lossless: import it into another map.',
    text: exportJson,
    file: (map) => Promise.resolve(new Blob([exportJson(map)], { type: 'application/json' })),
  },
  {
    id: 'csv',
    label: 'CSV',
    hint: 'One row per card, for Excel or Sheets.',
    text: exportCsv,
    file: (map) => Promise.resolve(new Blob([exportCsv(map)], { type: 'text/csv;charset=utf-8' })),
  },
  {
    id: 'svg',
    label: 'SVG',
    hint: 'The map as a picture that scales, for slides.',
    text: (map) => renderMapSvg(map).svg,
    file: (map) => Promise.resolve(new Blob([renderMapSvg(map).svg], { type: 'image/svg+xml' })),
  },
  {
    id: 'png',
    label: 'PNG',
    hint: 'The map as an image at twice screen resolution.',
    file: (map) => svgToPng({ ...renderMapSvg(map), scale: 2 }),
  },
];

/** Download and copy buttons per format, with a live status line. */
export function ExportOptions() {
  const t = useT();
  const { store, announce } = useServices();
  const [status, setStatus] = useState('');
  const say = (message: string) => {
    setStatus(message);
    announce(message);
  };
  const download = async (format: Format) => {
    const map = store.getState().map;
    try {
      downloadBlob(await format.file(map), fileNameFor(map.title, format.id));
      say(`${format.label} file downloaded. If nothing was saved, use Copy.`);
    } catch (e) {
      say(
        `The ${format.label} file could not be made: ${e instanceof Error ? e.message : String(e)}.`,
      );
    }
  };
  const copy = async (format: Format) => {
    if (!format.text) return;
    const copied = await copyText(format.text(store.getState().map));
    say(
      copied ? `${format.label} copied to the clipboard.` : 'This browser did not allow copying.',
    );
  };
  return (
    <>
      <ul className="exchange-formats">
        {FORMATS.map((f) => (
          <li key={f.id}>
            <span className="exchange-format-name">{f.label}</span>
            <span className="exchange-hint" id={`export-hint-${f.id}`}>
              {f.hint}
            </span>
            <span className="exchange-actions">
              <button
                type="button"
                aria-describedby={`export-hint-${f.id}`}
                onClick={() => void download(f)}
              >
                {t('exchange.download', { format: f.label })}
              </button>
              {f.text && (
                <button type="button" onClick={() => void copy(f)}>
                  {t('exchange.copy', { format: f.label })}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      <p className="exchange-status" role="status">
        {status}
      </p>
    </>
  );
}
