/**
 * The session area under the back-story: a "Session" toggle opening the session panel (date,
 * people, notes, analysis, photos), the "Generate write-up" button and the link to the last
 * write-up with its relative date.
 */
import { Suspense, lazy, useId, useState } from 'react';
import { useCanEdit, useEditor } from '../editor/editor-context';
import { SessionPanel } from './session-panel';
import { useNow } from './use-now';
import { WriteUpGenerator, WriteUpLine } from './write-up';
import './session.css';
import { useT } from '../../i18n';

const SendToTeams = lazy(() =>
  import('../editor/work/send-to-teams').then((m) => ({ default: m.SendToTeams })),
);

/** The session bar and, when open, the session panel. */
export function SessionArea() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const canEdit = useCanEdit();
  const photoCount = useEditor((s) => s.map.session.photos.length);
  const writeUp = useEditor((s) => s.map.writeUp);
  const now = useNow();
  const panelId = useId();
  return (
    <section className="session-area" aria-label={t('session.area.sessionAndWriteUp')}>
      <div className="session-bar">
        <button
          type="button"
          className="session-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((v) => !v)}
        >
          {open ? '▾' : '▸'} {t('session.area.session')}
          <span className="subtle"> {t('session.area.photoCount', { count: photoCount })}</span>
        </button>
        {writeUp && <WriteUpLine writeUp={writeUp} now={now} />}
        {canEdit && <WriteUpGenerator />}
        {canEdit && (
          <Suspense fallback={null}>
            <SendToTeams />
          </Suspense>
        )}
      </div>
      <div id={panelId} hidden={!open}>
        {open && <SessionPanel />}
      </div>
    </section>
  );
}
