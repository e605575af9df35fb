/**
 * "Work in Jira" on a pain point or opportunity card: the linked work items with their status
 * (one search per map load), unlink, link an existing item by key or URL, and create a new one
 * with the summary and description prefilled from the map. Where Jira is absent or the viewer
 * may not create, it says why instead of failing; Jira's refusals show next to the control.
 */
import { useState } from 'react';
import type { Card, JourneyMap } from '@domain/model/schema';
import type { DraftBlock } from '@domain/work-items';
import { draftWorkItem } from '@domain/work-items';
import type { JiraProjects } from '@contract';
import { getContext } from '../../../bridge/client';
import { useT } from '../../../i18n';
import { useCanEdit, useServices } from '../editor-context';
import { WorkLozenge } from './work-lozenge';
import { useWorkStatuses } from './use-work-statuses';

type Form = {
  team: string;
  project: string;
  issueType: string;
  summary: string;
  blocks: DraftBlock[];
};

/** The absolute URL of the page (for the description's link back). */
async function pageUrlOf(pageId: string): Promise<string> {
  const ctx = await getContext().catch(() => null);
  const site = (ctx as { siteUrl?: string } | null)?.siteUrl ?? 'https://example.atlassian.net';
  return `${site.replace(/\/$/, '')}/wiki/pages/viewpage.action?pageId=${pageId}`;
}

/** The Jira section of a card's details (keyed by card id, so its drafts reset per card). */
export function CardWork({ card, map }: { card: Card; map: JourneyMap }) {
  const t = useT();
  const canEdit = useCanEdit();
  const { store, transport, address, announce } = useServices();
  const { statuses, store: statusStore } = useWorkStatuses();
  const links = map.workItems.filter((w) => w.cardId === card.id);
  const byKey = new Map(statuses?.available ? statuses.items.map((s) => [s.key, s]) : []);
  const [ref, setRef] = useState('');
  const [linkError, setLinkError] = useState<string | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [projects, setProjects] = useState<JiraProjects | null>(null);
  const [createError, setCreateError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const loadProjects = async (project?: string) => {
    const res = await transport.call('jira/projects', {
      ...address,
      ...(project ? { project } : {}),
    });
    const value: JiraProjects = res.ok ? res.data : { available: false, reason: res.error.message };
    setProjects(value);
    return value;
  };

  const openCreate = async () => {
    setCreateError(null);
    const pageUrl = await pageUrlOf(address.pageId);
    const draft = draftWorkItem({ map, cardId: card.id, pageUrl });
    const first = await loadProjects();
    const project = first.available ? (first.projects[0]?.key ?? '') : '';
    const withTypes = project ? await loadProjects(project) : first;
    const issueType =
      withTypes.available && withTypes.project ? (withTypes.project.issueTypes[0] ?? '') : '';
    setForm({
      team: card.teams[0] ?? map.owningTeam,
      project,
      issueType,
      summary: draft?.summary ?? card.text,
      blocks: draft?.blocks ?? [],
    });
  };

  const create = async () => {
    if (!form) return;
    setBusy(true);
    setCreateError(null);
    const state = store.getState();
    const res = await transport.call('jira/create', {
      ...address,
      baseVersion: state.version,
      cardId: card.id,
      team: form.team,
      project: form.project,
      issueType: form.issueType,
      component: '',
      labels: [],
      summary: form.summary,
      blocks: form.blocks,
    });
    setBusy(false);
    if (!res.ok) {
      setCreateError({
        message: res.error.message,
        ...(res.error.field ? { field: res.error.field } : {}),
      });
      return;
    }
    store.dispatch({
      type: 'remote',
      map: res.data.saved.map,
      version: res.data.saved.version,
      capabilities: store.getState().capabilities,
    });
    statusStore.refresh();
    setForm(null);
    announce(t('work.card.createdAnnounce', { key: res.data.key }));
  };

  const link = async () => {
    setLinkError(null);
    const res = await transport.call('jira/lookup', { ...address, ref });
    if (!res.ok) {
      setLinkError(res.error.message);
      return;
    }
    if (!res.data.available) {
      setLinkError(res.data.reason);
      return;
    }
    const item = res.data.items[0];
    if (!item?.found) {
      setLinkError(t('work.card.notFound', { key: item?.key ?? ref }));
      return;
    }
    store.dispatch({
      type: 'edit',
      ops: [{ type: 'workItem/link', cardId: card.id, key: item.key, team: card.teams[0] ?? '' }],
      label: t('work.card.undoLink'),
    });
    setRef('');
    statusStore.refresh();
    announce(t('work.card.linkedAnnounce', { key: item.key }));
  };

  const unavailable = statuses && !statuses.available ? statuses.reason : null;
  const fieldError = (field: string) =>
    createError && createError.field === field ? (
      <p className="field-error" role="alert">
        {createError.message}
      </p>
    ) : null;

  return (
    <section className="field card-work" aria-label={t('work.card.title')}>
      <span className="field-label">{t('work.card.title')}</span>
      {unavailable && <p className="hint">{unavailable}</p>}
      {links.length === 0 && !unavailable && <p className="hint">{t('work.card.noneLinked')}</p>}
      {links.length > 0 && (
        <ul className="work-list">
          {links.map((w) => (
            <li key={w.key}>
              <WorkLozenge itemKey={w.key} status={byKey.get(w.key)} />
              {w.team && <span className="hint"> {t('work.card.forTeam', { team: w.team })}</span>}
              {canEdit && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('work.card.unlinkKey', { key: w.key })}
                  onClick={() =>
                    store.dispatch({
                      type: 'edit',
                      ops: [{ type: 'workItem/unlink', cardId: card.id, key: w.key }],
                      label: t('work.card.undoUnlink'),
                    })
                  }
                >
                  {t('work.card.unlink')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && !unavailable && (
        <>
          <div className="work-link-row">
            <input
              aria-label={t('work.card.refLabel')}
              placeholder={t('work.card.refPlaceholder')}
              value={ref}
              onChange={(e) => setRef(e.target.value)}
            />
            <button type="button" disabled={!ref.trim()} onClick={() => void link()}>
              {t('work.card.link')}
            </button>
          </div>
          {linkError && (
            <p className="field-error" role="alert">
              {linkError}
            </p>
          )}
          {!form && (
            <button type="button" className="primary-button" onClick={() => void openCreate()}>
              {t('work.card.create')}
            </button>
          )}
        </>
      )}
      {form && projects && !projects.available && (
        <p className="hint" role="status">
          {projects.reason}
        </p>
      )}
      {form && projects?.available && (
        <div className="work-create" role="group" aria-label={t('work.create.title')}>
          {projects.projects.length === 0 ? (
            <p className="hint">{t('work.create.noProjects')}</p>
          ) : (
            <>
              <label>
                {t('work.create.project')}
                <select
                  value={form.project}
                  onChange={(e) => {
                    const project = e.target.value;
                    void loadProjects(project).then((p) =>
                      setForm({
                        ...form,
                        project,
                        issueType: p.available && p.project ? (p.project.issueTypes[0] ?? '') : '',
                      }),
                    );
                  }}
                >
                  {projects.projects.map((p) => (
                    <option key={p.key} value={p.key}>
                      {p.name} ({p.key})
                    </option>
                  ))}
                </select>
              </label>
              {fieldError('project')}
              {projects.project && !projects.project.canCreate && (
                <p className="hint">{projects.project.reason}</p>
              )}
              <label>
                {t('work.create.workType')}
                <select
                  value={form.issueType}
                  onChange={(e) => setForm({ ...form, issueType: e.target.value })}
                >
                  {(projects.project?.issueTypes ?? []).map((type) => (
                    <option key={type} value={type}>
                      {type}
                    </option>
                  ))}
                </select>
              </label>
              {fieldError('issuetype')}
              <label>
                {t('work.create.team')}
                <input
                  value={form.team}
                  onChange={(e) => setForm({ ...form, team: e.target.value })}
                />
              </label>
              <label>
                {t('work.create.summary')}
                <input
                  value={form.summary}
                  maxLength={255}
                  onChange={(e) => setForm({ ...form, summary: e.target.value })}
                />
              </label>
              {fieldError('summary')}
              <div className="work-preview" aria-label={t('work.create.descriptionPreview')}>
                {form.blocks.map((b, i) =>
                  b.kind === 'field' ? (
                    <p key={i}>
                      <strong>{b.label}:</strong> {b.text}
                    </p>
                  ) : b.kind === 'quote' ? (
                    <blockquote key={i}>{b.text}</blockquote>
                  ) : (
                    <p key={i}>{b.text}</p>
                  ),
                )}
              </div>
              {createError &&
                !['project', 'issuetype', 'summary'].includes(createError.field ?? '') && (
                  <p className="field-error" role="alert">
                    {createError.message}
                  </p>
                )}
              <div className="work-actions">
                <button
                  type="button"
                  className="primary-button"
                  disabled={busy || !form.project || !form.summary.trim()}
                  aria-busy={busy}
                  onClick={() => void create()}
                >
                  {busy ? t('work.create.creating') : t('work.create.submit')}
                </button>
                <button type="button" onClick={() => setForm(null)}>
                  {t('work.create.cancel')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}
