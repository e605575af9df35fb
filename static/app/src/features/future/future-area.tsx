/**
 * The future-state group of the toolbar: "Create future-state map" for an editor of a current-state
 * map without a link; otherwise the link to the other map and "Compare with … state", which opens
 * the comparison.
 */
import { useRef, useState } from 'react';
import { useCanEdit, useEditor, useServices } from '../editor/editor-context';
import { PageLink } from '../session/write-up';
import { ComparisonDialog } from './comparison-dialog';
import { CreateFuture } from './create-future';
import { mapPagePath } from './map-path';
import './future.css';
import { useT } from '../../i18n';

/** The toolbar group (rendered inside the lazily loaded chunk). */
export function FutureArea() {
  const t = useT();
  const canEdit = useCanEdit();
  const state = useEditor((s) => s.map.state);
  const link = useEditor((s) => s.map.linkedMap);
  const { address } = useServices();
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);

  if (!link) {
    return state === 'current' && canEdit ? (
      <div className="toolbar-group">
        <CreateFuture />
      </div>
    ) : null;
  }
  const other = state === 'future' ? 'current' : 'future';
  const otherLabel = other === 'future' ? t('future.area.futureMap') : t('future.area.currentMap');
  return (
    <div className="toolbar-group future-links">
      {/* On the same page too: navigating reloads the page, which shows a macro added since. */}
      <PageLink path={mapPagePath(link)}>
        {otherLabel}
        {link.pageId === address.pageId ? t('future.area.onThisPage') : ''}
      </PageLink>
      <button
        ref={trigger}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        {other === 'future' ? t('future.area.compareFuture') : t('future.area.compareCurrent')}
      </button>
      {open && (
        <ComparisonDialog
          link={link}
          onClose={() => {
            setOpen(false);
            trigger.current?.focus();
          }}
        />
      )}
    </div>
  );
}
