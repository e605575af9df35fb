/**
 * The session panel (play: run the session, then analyse): date, facilitator, scribe,
 * participants, notes, the step-6 analysis questions with their answers, and the wall photos.
 */
import type { Person } from '@domain/model/schema';
import { ANALYSIS_FIELDS } from '@domain/write-up/labels';
import { useT } from '../../i18n';
import { searchUsers } from '../../bridge/client';
import { useCanEdit, useEdit, useEditor } from '../editor/editor-context';
import { InlineText } from '../editor/inline-text';
import { PeoplePicker } from './people-picker';
import { PhotosSection } from './photos-section';

/** Session details, analysis and photos. */
export function SessionPanel() {
  const t = useT();
  const session = useEditor((s) => s.map.session);
  const canEdit = useCanEdit();
  const edit = useEdit();
  const people = (patch: {
    facilitator?: Person | null;
    scribe?: Person | null;
    participants?: Person[];
  }) => edit([{ type: 'session/setPeople', ...patch }]);

  return (
    <div className="session-panel">
      <div className="session-details">
        <h3>{t('session.heading')}</h3>
        <div className="session-field">
          <label htmlFor="session-date">{t('session.date')}</label>
          {canEdit ? (
            <input
              id="session-date"
              type="date"
              value={session.date ?? ''}
              onChange={(e) => edit([{ type: 'session/set', date: e.target.value || null }])}
            />
          ) : (
            <span id="session-date">{session.date ?? '—'}</span>
          )}
        </div>
        <PeoplePicker
          label={t('session.facilitator')}
          people={session.facilitator ? [session.facilitator] : []}
          multiple={false}
          readOnly={!canEdit}
          search={searchUsers}
          onChange={(list) => people({ facilitator: list[0] ?? null })}
        />
        <PeoplePicker
          label={t('session.scribe')}
          people={session.scribe ? [session.scribe] : []}
          multiple={false}
          readOnly={!canEdit}
          search={searchUsers}
          onChange={(list) => people({ scribe: list[0] ?? null })}
        />
        <PeoplePicker
          label={t('session.participants')}
          people={session.participants}
          multiple
          readOnly={!canEdit}
          search={searchUsers}
          onChange={(participants) => people({ participants })}
        />
        <div className="session-field is-wide">
          <span className="people-label" id="session-notes-label">
            {t('session.notes')}
          </span>
          <InlineText
            label={t('session.notesLabel')}
            value={session.notes}
            readOnly={!canEdit}
            multiline
            rows={4}
            placeholder={t('session.notesPlaceholder')}
            onCommit={(notes) => edit([{ type: 'session/set', notes }])}
          />
        </div>
      </div>
      <div className="session-analysis">
        <h3>{t('session.analysis')}</h3>
        <p className="subtle">{t('session.analysisIntro')}</p>
        {ANALYSIS_FIELDS.map((key) => (
          <div className="analysis-question" key={key}>
            <h4>{t(`analysis.hint.${key}`)}</h4>
            <p className="subtle">{t(`analysis.question.${key}`)}</p>
            <InlineText
              label={t(`analysis.question.${key}`)}
              value={session.analysis[key]}
              readOnly={!canEdit}
              multiline
              rows={2}
              placeholder={t('session.answerPlaceholder')}
              onCommit={(answer) =>
                edit([{ type: 'session/setAnalysis', patch: { [key]: answer } }])
              }
            />
          </div>
        ))}
      </div>
      <PhotosSection />
    </div>
  );
}
