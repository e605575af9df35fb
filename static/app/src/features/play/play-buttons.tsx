/** The toolbar's "Run the play" and "Dot voting" buttons. */
import type { Agenda } from '@domain/model/schema';
import { PLAY_AGENDA, startAgenda, totalMinutes } from '@domain/session/agenda';
import { useCanEdit, useEditor, useEdit, useServices } from '../editor/editor-context';
import { useValue } from '../editor/value-store';
import { votingOpen } from './play-ui';

/** Starts the agenda (editors, while no play runs) and toggles the dot-voting panel. */
export function PlayButtons() {
  const canEdit = useCanEdit();
  const agenda = useEditor((s) => s.map.session.agenda);
  const edit = useEdit();
  const { announce } = useServices();
  const open = useValue(votingOpen, (v) => v);
  const running = agenda.stepIndex !== null;

  const start = () => {
    const next: Agenda = startAgenda(agenda, new Date());
    edit([{ type: 'session/setAgenda', agenda: next }], 'Run the play');
    announce(`The play started: step 1 of ${PLAY_AGENDA.length}, ${PLAY_AGENDA[0]?.title ?? ''}.`);
  };

  return (
    <div className="toolbar-group play-buttons">
      {canEdit && !running && (
        <button
          type="button"
          onClick={start}
          title={`Start the play's agenda: ${PLAY_AGENDA.length} timeboxed steps, ${totalMinutes(agenda)} minutes`}
        >
          <span aria-hidden="true">▶</span> Run the play
        </button>
      )}
      <button
        type="button"
        aria-expanded={open}
        aria-controls="dot-voting-panel"
        onClick={() => votingOpen.set(!open)}
      >
        <span aria-hidden="true">●</span> Dot voting
      </button>
    </div>
  );
}
