/**
 * The toolbar's "Export" and "Import" buttons. Everything behind them (CSV, SVG, the import
 * preview) is a separate chunk loaded on first use, so the macro's initial JS stays in budget.
 */
import { Suspense, lazy, useState } from 'react';
import { useCanEdit } from '../editor/editor-context';
import { useT } from '../../i18n';

const ExchangePanel = lazy(() =>
  import('./exchange-panel').then((m) => ({ default: m.ExchangePanel })),
);

/** Which panel is open. */
export type ExchangeMode = 'export' | 'import';

/** Export for everyone; import only for people who can edit the map. */
export function ExchangeEntry() {
  const canEdit = useCanEdit();
  const t = useT();
  const [mode, setMode] = useState<ExchangeMode | null>(null);
  const toggle = (next: ExchangeMode) => setMode((current) => (current === next ? null : next));
  const shown = mode === 'import' && !canEdit ? null : mode;
  // A fragment: the panel is a toolbar flex item of its own, a full-width row under the tools,
  // in the page flow so the auto-resizing macro frame grows with it.
  return (
    <>
      <div className="toolbar-group">
        <ModeButton mode="export" shown={shown} onToggle={toggle} />
        {canEdit && <ModeButton mode="import" shown={shown} onToggle={toggle} />}
      </div>
      {shown && (
        <Suspense fallback={<span role="status">{t('common.loading')}</span>}>
          <ExchangePanel mode={shown} onClose={() => setMode(null)} />
        </Suspense>
      )}
    </>
  );
}

/** "Export" or "Import": opens its panel, or closes it when it is the one shown. */
function ModeButton(props: {
  mode: ExchangeMode;
  shown: ExchangeMode | null;
  onToggle: (mode: ExchangeMode) => void;
}) {
  const t = useT();
  const open = props.shown === props.mode;
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={open ? 'exchange-panel' : undefined}
      onClick={() => props.onToggle(props.mode)}
    >
      {props.mode === 'export' ? t('exchange.export') : t('exchange.import')}
    </button>
  );
}
