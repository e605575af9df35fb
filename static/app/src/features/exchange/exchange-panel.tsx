/** The export / import panel under the toolbar: a labelled region, closed with Escape. */
import { useEffect, useRef } from 'react';
import type { ExchangeMode } from './exchange-entry';
import { ExportOptions } from './export-options';
import { ImportFlow } from './import-flow';
import './exchange.css';
import { useT } from '../../i18n';

/** The open panel. */
export function ExchangePanel(props: { mode: ExchangeMode; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves into the panel so keyboard and screen-reader users land on what just opened.
  useEffect(() => heading.current?.focus(), [props.mode]);
  const t = useT();
  const title = props.mode === 'export' ? t('exchange.exportTitle') : t('exchange.importTitle');
  return (
    // Escape anywhere in the panel closes it: keyboard delegation, not a control of its own.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- see above
    <section
      id="exchange-panel"
      className="exchange-panel"
      aria-labelledby="exchange-panel-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <div className="exchange-head">
        <h2 id="exchange-panel-title" tabIndex={-1} ref={heading}>
          {title}
        </h2>
        <button type="button" onClick={props.onClose}>
          {t('exchange.close')}
        </button>
      </div>
      {props.mode === 'export' ? <ExportOptions /> : <ImportFlow onDone={props.onClose} />}
    </section>
  );
}
