/** What the play adds above the grid: the facilitator bar while it runs, the voting panel when open. */
import { useEditor } from '../editor/editor-context';
import { useValue } from '../editor/value-store';
import { DotVotingPanel } from './dot-voting-panel';
import { FacilitatorBar } from './facilitator-bar';
import { PlayEndedNote } from './play-ended-note';
import { votingOpen } from './play-ui';
import './play.css';

/**
 * The facilitator bar (when a play runs), who ended the last run (until dismissed), and the
 * dot-voting panel (when opened).
 */
export function PlayArea() {
  const running = useEditor((s) => s.map.session.agenda.stepIndex !== null);
  const endedBy = useEditor((s) => s.map.session.playEndedBy);
  const open = useValue(votingOpen, (v) => v);
  if (!running && !open && endedBy === null) return null;
  return (
    <div className="play-area">
      {running && <FacilitatorBar />}
      {!running && endedBy !== null && <PlayEndedNote accountId={endedBy} />}
      {open && <DotVotingPanel />}
    </div>
  );
}
