/** The toolbar's "Run the play" and "Dot voting" buttons. */
import type { Agenda } from '@domain/model/schema';
import { PLAY_AGENDA, startAgenda, totalMinutes } from '@domain/session/agenda';
import { useCanEdit, useEditor, useEdit, useServices } from '../editor/editor-context';
import { useValue } from '../editor/value-store';
import { votingOpen } from './play-ui';
import { useT } from '../../i18n';

/** Starts the agenda (editors, while no play runs) and toggles the dot-voting panel. */
export function PlayButtons() {
  const t = useT();
  const canEdit = useCanEdit();
  const agenda = useEditor((s) => s.map.session.agenda);
  const edit = useEdit();
  const { announce } = useServices();
  const open = useValue(votingOpen, (v) => v);
  const running = agenda.stepIndex !== null;

  const start = () => {
    const next: Agenda = startAgenda(agenda, new Date());
    edit([{ type: 'session/setAgenda', agenda: next }]);
    const first = PLAY_AGENDA[0];
    announce(
      t('play.buttons.started', {
        total: PLAY_AGENDA.length,
        title: first ? t(`agenda.${first.id}.title`) : '',
      }),
    );
  };

  return (
    <div className="toolbar-group play-buttons">
      {canEdit && !running && (
        <button
          type="button"
          onClick={start}
          title={t('play.buttons.startTitle', {
            steps: PLAY_AGENDA.length,
            minutes: totalMinutes(agenda),
          })}
        >
          <span aria-hidden="true">▶</span> {t('play.buttons.runThePlay')}
        </button>
      )}
      <button
        type="button"
        aria-expanded={open}
        aria-controls="dot-voting-panel"
        onClick={() => votingOpen.set(!open)}
      >
        <span aria-hidden="true">●</span> {t('play.buttons.dotVoting')}
      </button>
    </div>
  );
}
