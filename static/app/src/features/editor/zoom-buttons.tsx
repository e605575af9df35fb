/** Zoom out / in by 10 % steps (5 %–160 %; compact tiles below 60 %) and fit the map to the frame. */
import { useUi } from './ui-state';
import { useValue } from './value-store';
import { MAX_ZOOM, MIN_ZOOM } from './fit';
import { useT } from '../../i18n';

/** The toolbar's zoom group. */
export function ZoomButtons(props: { onFit: () => void }) {
  const t = useT();
  const ui = useUi();
  const zoom = useValue(ui.zoom, (z) => z);
  return (
    <div className="toolbar-group">
      <button
        type="button"
        aria-label={t('editor.zoom.out')}
        onClick={() => ui.zoom.set(Math.max(MIN_ZOOM, round(zoom - (zoom > 0.2 ? 0.1 : 0.05))))}
      >
        −
      </button>
      <span className="zoom-level" aria-live="off">
        {Math.round(zoom * 100)}%
      </span>
      <button
        type="button"
        aria-label={t('editor.zoom.in')}
        onClick={() => ui.zoom.set(Math.min(MAX_ZOOM, round(zoom + (zoom >= 0.2 ? 0.1 : 0.05))))}
      >
        +
      </button>
      <button type="button" onClick={props.onFit}>
        {t('editor.zoom.fit')}
      </button>
    </div>
  );
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
