/**
 * The empty state of a freshly inserted macro: the play in two lines and the three ways to
 * start (the play's blank map, Awareness → Advocacy, the worked example).
 */
import { useState } from 'react';
import type { TemplateId } from '@contract';
import { TEMPLATE_IDS } from '@domain/templates/template-ids';

/** What the picker says of each template; a Record, so a new template id cannot go unlabelled. */
const TEMPLATE_TEXT: Record<TemplateId, { title: string; description: string }> = {
  blank: {
    title: "The play's blank map",
    description: 'Scope, back-story and the lanes of the play, ready for your session.',
  },
  'awareness-to-advocacy': {
    title: 'Awareness → Advocacy',
    description: 'Five stages: Awareness, Interest, Consideration, Purchase, Advocacy.',
  },
  'worked-example': {
    title: 'Worked example',
    description: 'Alana evaluates Confluence for her team — a filled-in map to learn from.',
  },
};

const TEMPLATES = TEMPLATE_IDS.map((id) => ({ id, ...TEMPLATE_TEXT[id] }));

/** Template picker shown when this macro has no map yet. */
export function InsertPicker(props: {
  canEdit: boolean;
  reason?: string;
  onCreate(template: TemplateId): Promise<string | null>;
}) {
  const [busy, setBusy] = useState<TemplateId | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="insert-picker" aria-labelledby="insert-title">
      <h2 id="insert-title">Customer journey map</h2>
      <p>
        Walk a mile in one persona’s shoes: agree the scope, tell their back-story, then map each
        step, where it hurts and how they feel.
      </p>
      <p>
        Everyone who can edit this page builds the map together, live; pain points and opportunities
        flow into the session write-up.
      </p>
      {props.canEdit ? (
        <ul className="templates">
          {TEMPLATES.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className="template"
                disabled={busy !== null}
                aria-busy={busy === t.id}
                onClick={() => {
                  setBusy(t.id);
                  setError(null);
                  void props.onCreate(t.id).then((message) => {
                    setBusy(null);
                    setError(message);
                  });
                }}
              >
                <strong>{t.title}</strong>
                <span>{busy === t.id ? 'Creating…' : t.description}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="banner is-readonly" role="note">
          No map has been started here yet.{' '}
          {props.reason ?? 'Someone who can edit this page can start one.'}
        </p>
      )}
      {error && (
        <p className="banner is-error" role="alert">
          The map could not be created: {error} Try again, or reload the page.
        </p>
      )}
    </section>
  );
}
