/**
 * The comparison as a dialog over the map: loads the linked map as the viewer (`map/load`, the
 * same door as the macro itself), then shows the comparison. A linked map that is gone or hidden
 * from the viewer gets a clear message and, for editors, "Unlink". Rendered in a portal so it is
 * not part of the toolbar; Escape or Close returns focus to the button that opened it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { compareMaps, orderPair } from '@domain/compare';
import type { JourneyMap, MapLink } from '@domain/model/schema';
import { useCanEdit, useEdit, useEditor, useServices } from '../editor/editor-context';
import { ComparisonView } from './comparison-view';
import { translateNow, useT } from '../../i18n';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'ready'; map: JourneyMap }
  | { kind: 'gone'; message: string }
  | { kind: 'error'; message: string };

/** The comparison dialog for the map being edited and its linked map. */
export function ComparisonDialog(props: { link: MapLink; onClose: () => void }) {
  const t = useT();
  const { transport, announce } = useServices();
  const map = useEditor((s) => s.map);
  const canEdit = useCanEdit();
  const edit = useEdit();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const { link, onClose } = props;

  useEffect(() => {
    let live = true;
    void transport.call('map/load', { pageId: link.pageId, localId: link.localId }).then((out) => {
      if (!live) return;
      if (!out.ok) {
        const gone = out.error.code === 'NOT_FOUND' || out.error.code === 'FORBIDDEN';
        setLoaded(
          gone
            ? { kind: 'gone', message: translateNow('future.compare.unreadable') }
            : { kind: 'error', message: out.error.message },
        );
      } else if (!out.data.map) {
        setLoaded({ kind: 'gone', message: translateNow('future.compare.deleted') });
      } else {
        setLoaded({ kind: 'ready', map: out.data.map });
      }
    });
    return () => {
      live = false;
    };
  }, [transport, link.pageId, link.localId, attempt]);

  useEffect(() => {
    heading.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const unlink = () => {
    edit([{ type: 'map/setLinkedMap', link: null }]);
    announce(t('future.dialog.unlinked'));
    onClose();
  };

  let body: React.ReactNode;
  if (loaded.kind === 'loading') body = <p role="status">{t('future.dialog.loading')}</p>;
  else if (loaded.kind === 'gone' || loaded.kind === 'error') {
    body = (
      <div className="future-error" role="alert">
        <p>{loaded.message}</p>
        <div className="future-actions">
          <button
            type="button"
            onClick={() => {
              setLoaded({ kind: 'loading' });
              setAttempt((n) => n + 1);
            }}
          >
            {t('future.dialog.tryAgain')}
          </button>
          {canEdit && loaded.kind === 'gone' && (
            <button type="button" onClick={unlink}>
              {t('future.dialog.unlink')}
            </button>
          )}
        </div>
      </div>
    );
  } else {
    const pair = orderPair(map, loaded.map);
    body = (
      <ComparisonView
        comparison={compareMaps(pair.current, pair.future)}
        currentTitle={pair.current.title}
        futureTitle={pair.future.title}
        mismatch={map.state === loaded.map.state}
      />
    );
  }

  return createPortal(
    <div className="future-backdrop">
      <div className="future-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <div className="future-dialog-head">
          <h2 id={titleId} ref={heading} tabIndex={-1}>
            {t('future.dialog.title')}
          </h2>
          <button type="button" onClick={onClose}>
            {t('future.dialog.close')}
          </button>
        </div>
        {body}
      </div>
    </div>,
    document.body,
  );
}
