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
        <button
          type="button"
          aria-expanded={shown === 'export'}
          aria-controls={shown === 'export' ? 'exchange-panel' : undefined}
          onClick={() => toggle('export')}
        >
          {t('exchange.export')}
        </button>
        {canEdit && (
          <button
            type="button"
            aria-expanded={shown === 'import'}
            aria-controls={shown === 'import' ? 'exchange-panel' : undefined}
            onClick={() => toggle('import')}
          >
            {t('exchange.import')}
          </button>
        )}
      </div>
      {shown && (
        <Suspense fallback={<span role="status">{t('common.loading')}</span>}>
          <ExchangePanel mode={shown} onClose={() => setMode(null)} />
        </Suspense>
      )}
    </>
  );
}
