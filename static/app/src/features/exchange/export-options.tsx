/** The export formats: each downloads a file; the text formats can also be copied. */
import { useState } from 'react';
import { exportCsv } from '@domain/exchange/csv-export';
import { exportJson } from '@domain/exchange/json-exchange';
import { renderMapSvg } from '@domain/exchange/svg-render';
import type { JourneyMap } from '@domain/model/schema';
import { useServices } from '../editor/editor-context';
import { copyText, downloadBlob, fileNameFor } from './download';
import { svgToPng } from './svg-to-png';
import { translateNow, useT } from '../../i18n';

type Format = {
  id: 'json' | 'csv' | 'svg' | 'png';
  label: string;
  /** Text formats can be copied when the frame cannot download. */
  text?: (map: JourneyMap) => string;
  file: (map: JourneyMap) => Promise<Blob>;
};

const FORMATS: readonly Format[] = [
  {
    id: 'json',
    label: 'JSON',
    text: exportJson,
    file: (map) => Promise.resolve(new Blob([exportJson(map)], { type: 'application/json' })),
  },
  {
    id: 'csv',
    label: 'CSV',
    text: exportCsv,
    file: (map) => Promise.resolve(new Blob([exportCsv(map)], { type: 'text/csv;charset=utf-8' })),
  },
  {
    id: 'svg',
    label: 'SVG',
    text: (map) => renderMapSvg(map, translateNow).svg,
    file: (map) =>
      Promise.resolve(new Blob([renderMapSvg(map, translateNow).svg], { type: 'image/svg+xml' })),
  },
  {
    id: 'png',
    label: 'PNG',
    file: (map) => svgToPng({ ...renderMapSvg(map, translateNow), scale: 2 }),
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
      say(t('exchange.status.downloaded', { format: format.label }));
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      say(t('exchange.status.failed', { format: format.label, reason }));
    }
  };
  const copy = async (format: Format) => {
    if (!format.text) return;
    const copied = await copyText(format.text(store.getState().map));
    say(
      copied
        ? t('exchange.status.copied', { format: format.label })
        : t('exchange.status.copyRefused'),
    );
  };
  return (
    <>
      <ul className="exchange-formats">
        {FORMATS.map((f) => (
          <li key={f.id}>
            <span className="exchange-format-name">{f.label}</span>
            <span className="exchange-hint" id={`export-hint-${f.id}`}>
              {t(`exchange.format.${f.id}.hint`)}
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
