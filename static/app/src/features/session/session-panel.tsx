/**
 * The session panel (play: run the session, then analyse): date, facilitator, scribe,
 * participants, notes, the step-6 analysis questions with their answers, and the wall photos.
 */
import type { Analysis, Person } from '@domain/model/schema';
import { ANALYSIS_QUESTIONS } from '@domain/write-up/labels';
import { searchUsers } from '../../bridge/client';
import { useCanEdit, useEdit, useEditor } from '../editor/editor-context';
import { InlineText } from '../editor/inline-text';
import { PeoplePicker } from './people-picker';
import { PhotosSection } from './photos-section';

const HINTS: Record<keyof Analysis, string> = {
  confusion: 'Greatest confusion or frustration',
  shortfalls: 'Where the journey falls short',
  unmetNeeds: 'New unmet needs',
  complication: 'Needless complication or duplication',
  opportunities: 'Opportunities',
};

/** Session details, analysis and photos. */
export function SessionPanel() {
  const session = useEditor((s) => s.map.session);
  const canEdit = useCanEdit();
  const edit = useEdit();
  const people = (patch: {
    facilitator?: Person | null;
    scribe?: Person | null;
    participants?: Person[];
  }) => edit([{ type: 'session/setPeople', ...patch }], 'Edit session people');

  return (
    <div className="session-panel">
      <div className="session-details">
        <h3>Session</h3>
        <div className="session-field">
          <label htmlFor="session-date">Date</label>
          {canEdit ? (
            <input
              id="session-date"
              type="date"
              value={session.date ?? ''}
              onChange={(e) =>
                edit([{ type: 'session/set', date: e.target.value || null }], 'Edit session date')
              }
            />
          ) : (
            <span id="session-date">{session.date ?? '—'}</span>
          )}
        </div>
        <PeoplePicker
          label="Facilitator"
          people={session.facilitator ? [session.facilitator] : []}
          multiple={false}
          readOnly={!canEdit}
          search={searchUsers}
          onChange={(list) => people({ facilitator: list[0] ?? null })}
        />
        <PeoplePicker
          label="Scribe"
          people={session.scribe ? [session.scribe] : []}
          multiple={false}
          readOnly={!canEdit}
          search={searchUsers}
          onChange={(list) => people({ scribe: list[0] ?? null })}
        />
        <PeoplePicker
          label="Participants"
          people={session.participants}
          multiple
          readOnly={!canEdit}
          search={searchUsers}
          onChange={(participants) => people({ participants })}
        />
        <div className="session-field is-wide">
          <span className="people-label" id="session-notes-label">
            Notes
          </span>
          <InlineText
            label="Session notes"
            value={session.notes}
            readOnly={!canEdit}
            multiline
            rows={4}
            placeholder="What was said, decided and left open."
            onCommit={(notes) => edit([{ type: 'session/set', notes }], 'Edit session notes')}
          />
        </div>
      </div>
      <div className="session-analysis">
        <h3>Analysis</h3>
        <p className="subtle">The play’s step 6: answer these together, looking at the map.</p>
        {ANALYSIS_QUESTIONS.map(([key, question]) => (
          <div className="analysis-question" key={key}>
            <h4>{HINTS[key]}</h4>
            <p className="subtle">{question}</p>
            <InlineText
              label={question}
              value={session.analysis[key]}
              readOnly={!canEdit}
              multiline
              rows={2}
              placeholder="Answer…"
              onCommit={(answer) =>
                edit([{ type: 'session/setAnalysis', patch: { [key]: answer } }], 'Edit analysis')
              }
            />
          </div>
        ))}
      </div>
      <PhotosSection />
    </div>
  );
}
