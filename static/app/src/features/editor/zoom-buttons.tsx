/** Zoom out / in by 10 % steps (40 %–160 %) and fit the map to the frame. */
import { useUi } from './ui-state';
import { useValue } from './value-store';

/** The toolbar's zoom group. */
export function ZoomButtons(props: { onFit: () => void }) {
  const ui = useUi();
  const zoom = useValue(ui.zoom, (z) => z);
  return (
    <div className="toolbar-group">
      <button
        type="button"
        aria-label="Zoom out"
        onClick={() => ui.zoom.set(Math.max(0.4, round(zoom - 0.1)))}
      >
        −
      </button>
      <span className="zoom-level" aria-live="off">
        {Math.round(zoom * 100)}%
      </span>
      <button
        type="button"
        aria-label="Zoom in"
        onClick={() => ui.zoom.set(Math.min(1.6, round(zoom + 0.1)))}
      >
        +
      </button>
      <button type="button" onClick={props.onFit}>
        Fit
      </button>
    </div>
  );
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
