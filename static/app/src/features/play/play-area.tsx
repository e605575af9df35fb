/** What the play adds above the grid: the facilitator bar while it runs, the voting panel when open. */
import { useEditor } from '../editor/editor-context';
import { useValue } from '../editor/value-store';
import { DotVotingPanel } from './dot-voting-panel';
import { FacilitatorBar } from './facilitator-bar';
import { votingOpen } from './play-ui';
import './play.css';

/** The facilitator bar (when a play runs) and the dot-voting panel (when opened). */
export function PlayArea() {
  const running = useEditor((s) => s.map.session.agenda.stepIndex !== null);
  const open = useValue(votingOpen, (v) => v);
  if (!running && !open) return null;
  return (
    <div className="play-area">
      {running && <FacilitatorBar />}
      {open && <DotVotingPanel />}
    </div>
  );
}
