/**
 * The editor's toolbar: undo / redo, add stage / step / lane, hidden lanes, zoom and fit, the
 * validated share, and the save status.
 */
import { useCanEdit, useEditor } from './editor-context';
import { validatedPercent } from './insights';
import { ExchangeEntry } from '../exchange/exchange-entry';
import { HistoryButtons } from './history-buttons';
import { InsertButtons } from './insert-buttons';
import { SyncStatus } from './sync-status';
import { PresenceAvatars } from './presence/presence-avatars';
import { ScribeToggle } from './grid/scribe-toggle';
import { FutureEntry } from '../future/future-entry';
import { PlayToolbarEntry } from '../play/play-toolbar-entry';
import { useAfterFirstPaint } from './use-after-first-paint';
import { ZoomButtons } from './zoom-buttons';
import { FocusButton } from './focus-mode';
import { useT } from '../../i18n';

/** The toolbar above the grid. */
export function Toolbar(props: { onFit: () => void; onFocusMode: () => void }) {
  const t = useT();
  const canEdit = useCanEdit();
  const validated = useEditor((s) => validatedPercent(s.map));
  const cardCount = useEditor((s) => s.map.cards.length);
  // The lazily loaded features' buttons follow the grid's first paint (their chunks load then).
  const later = useAfterFirstPaint();
  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar.mapTools')}>
      {canEdit && <HistoryButtons />}
      {canEdit && <InsertButtons />}
      <FocusButton onToggle={props.onFocusMode} />
      <ZoomButtons onFit={props.onFit} />
      <ScribeToggle />
      <div className="toolbar-group evidence-share" title={t('editor.toolbar.validatedTitle')}>
        <span className="meter" aria-hidden="true">
          <span style={{ width: `${validated}%` }} />
        </span>
        <span>
          {t('editor.toolbar.validated', { percent: validated })}{' '}
          <span className="subtle">{t('editor.toolbar.cards', { count: cardCount })}</span>
        </span>
      </div>
      {later && (
        <>
          <ExchangeEntry />
          <FutureEntry />
          <PlayToolbarEntry />
        </>
      )}
      <div className="toolbar-group push-right">
        <PresenceAvatars />
        <SyncStatus />
      </div>
    </div>
  );
}
