/** Zoom out / in (2 %–160 %; compact tiles below 60 %, strips below 20 %) and fit the map to the frame. */
import { useUi } from './ui-state';
import { useValue } from './value-store';
import { zoomStep } from './fit';
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
        onClick={() => ui.zoom.set(zoomStep(zoom, -1))}
      >
        −
      </button>
      <span className="zoom-level" aria-live="off">
        {Math.round(zoom * 100)}%
      </span>
      <button
        type="button"
        aria-label={t('editor.zoom.in')}
        onClick={() => ui.zoom.set(zoomStep(zoom, 1))}
      >
        +
      </button>
      <button type="button" onClick={props.onFit}>
        {t('editor.zoom.fit')}
      </button>
    </div>
  );
}
