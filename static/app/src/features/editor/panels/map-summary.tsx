/**
 * The summary line above the grid: the map's title, persona, goal and back-story count in one
 * line that opens on demand into the scope bar and the back-story, so the grid is the first
 * thing in view (issue 15). The session bar (session, write-up) sits on the same line.
 */
import { useState } from 'react';
import { useEditor } from '../editor-context';
import { BackStoryPanel } from './back-story-panel';
import { ScopeBar } from './scope-bar';
import { useT } from '../../../i18n';

/** The folded scope and back-story with their one-line summary. */
export function MapSummary(props: { session: React.ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const title = useEditor((s) => s.map.title);
  const persona = useEditor((s) => s.map.persona);
  const goal = useEditor((s) => s.map.scope.goal);
  const stickies = useEditor(
    (s) =>
      s.map.backStory.painPoints.length +
      s.map.backStory.requirements.length +
      s.map.backStory.outcomes.length,
  );
  const who = [persona.name, persona.role].filter(Boolean).join(', ');
  return (
    <div className="map-summary">
      <div className="map-summary-line">
        <button
          type="button"
          className="map-summary-toggle"
          aria-expanded={open}
          aria-controls="map-summary-body"
          onClick={() => setOpen((v) => !v)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>{' '}
          <strong className="map-summary-title">{title || t('editor.summary.untitled')}</strong>
          <span className="map-summary-facts">
            {who && <span> · {who}</span>}
            {goal && <span> · {t('editor.summary.goal', { goal })}</span>}
            <span> · {t('editor.summary.scopeAndBackStory', { count: stickies })}</span>
          </span>
        </button>
        {props.session}
      </div>
      <div id="map-summary-body" hidden={!open}>
        {open && (
          <>
            <ScopeBar />
            <BackStoryPanel />
          </>
        )}
      </div>
    </div>
  );
}
