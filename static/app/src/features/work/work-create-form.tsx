/**
 * The "New work item" form, shared by card details and the space index's top pain points: the
 * project, work type, component and labels default from the team's routing rule (decision
 * 0041), the summary and description are prefilled from the map, and it is created through
 * `jira/create` as the person. Jira absent or a project the person cannot create in is explained
 * in place; Jira's refusal shows next to the field it names.
 */
import { useEffect, useState } from 'react';
import type { JourneyMap } from '@domain/model/schema';
import type { RoutingRules } from '@domain/routing/routing-rules';
import { jiraTargetFor } from '@domain/routing/routing-rules';
import type { DraftBlock } from '@domain/work-items';
import { draftWorkItem } from '@domain/work-items';
import type { JiraProjects, MapAddress, MapApplyData } from '@contract';
import type { Transport } from '../../bridge/transport';
import { useT } from '../../i18n';

type Form = {
  team: string;
  project: string;
  issueType: string;
  component: string;
  labels: string;
  summary: string;
  blocks: DraftBlock[];
};

/** Props of {@link WorkCreateForm}. */
export type WorkCreateFormProps = {
  transport: Transport;
  address: MapAddress;
  map: JourneyMap;
  cardId: string;
  baseVersion: number;
  /** The map's space (its routing rules give the defaults); null = no defaults. */
  spaceId: string | null;
  /** Absolute page URL for the description's link back. */
  pageUrl: string;
  onCreated: (created: { key: string; saved: MapApplyData }) => void;
  onCancel: () => void;
};

function labelsOf(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** The form (loads projects and the routing rules when it opens). */
export function WorkCreateForm(props: WorkCreateFormProps) {
  const t = useT();
  const { transport, address, map, cardId } = props;
  const card = map.cards.find((c) => c.id === cardId);
  const [projects, setProjects] = useState<JiraProjects | null>(null);
  const [rules, setRules] = useState<RoutingRules | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const loadProjects = async (project?: string): Promise<JiraProjects> => {
    const res = await transport.call('jira/projects', {
      ...address,
      ...(project ? { project } : {}),
    });
    const value: JiraProjects = res.ok ? res.data : { available: false, reason: res.error.message };
    setProjects(value);
    return value;
  };

  /** The form for `team`: its rule's target (else the first project the person may use). */
  const defaultsFor = async (
    team: string,
    base: Omit<Form, 'team' | 'project' | 'issueType'>,
    r: RoutingRules | null,
  ): Promise<Form> => {
    const target = r ? jiraTargetFor(r, team) : null;
    const first = await loadProjects();
    const project = target?.project ?? (first.available ? (first.projects[0]?.key ?? '') : '');
    const withTypes = project ? await loadProjects(project) : first;
    const types = withTypes.available && withTypes.project ? withTypes.project.issueTypes : [];
    return {
      ...base,
      team,
      project,
      issueType:
        target?.issueType && types.includes(target.issueType) ? target.issueType : (types[0] ?? ''),
      component: target ? target.component : base.component,
      labels: target ? target.labels.join(' ') : base.labels,
    };
  };

  useEffect(() => {
    let live = true;
    void (async () => {
      const loaded = props.spaceId
        ? await transport.call('routing/get', { spaceId: props.spaceId })
        : null;
      const r = loaded?.ok ? loaded.data.rules : null;
      const draft = draftWorkItem({ map, cardId, pageUrl: props.pageUrl, t });
      const base = {
        component: '',
        labels: '',
        summary: draft?.summary ?? card?.text ?? '',
        blocks: draft?.blocks ?? [],
      };
      const next = await defaultsFor(card?.teams[0] ?? map.owningTeam, base, r);
      if (!live) return;
      setRules(r);
      setForm(next);
    })();
    return () => {
      live = false;
    };
    // Loaded once per opened form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const create = async () => {
    if (!form) return;
    setBusy(true);
    setError(null);
    const res = await transport.call('jira/create', {
      ...address,
      baseVersion: props.baseVersion,
      cardId,
      team: form.team,
      project: form.project,
      issueType: form.issueType,
      component: form.component.trim(),
      labels: labelsOf(form.labels),
      summary: form.summary,
      blocks: form.blocks,
    });
    setBusy(false);
    if (!res.ok) {
      setError({
        message: res.error.message,
        ...(res.error.field ? { field: res.error.field } : {}),
      });
      return;
    }
    props.onCreated(res.data);
  };

  const fieldError = (...fields: string[]) =>
    error && fields.includes(error.field ?? '') ? (
      <p className="field-error" role="alert">
        {error.message}
      </p>
    ) : null;
  const shown = ['project', 'issuetype', 'summary', 'components', 'labels'];

  if (!form || !projects) {
    return (
      <p className="hint" role="status">
        {t('work.create.loading')}
      </p>
    );
  }
  if (!projects.available) {
    return (
      <div className="work-create" role="group" aria-label={t('work.create.title')}>
        <p className="hint" role="status">
          {projects.reason}
        </p>
        <button type="button" onClick={props.onCancel}>
          {t('work.create.cancel')}
        </button>
      </div>
    );
  }
  const listed = projects.projects.some((p) => p.key === form.project);
  return (
    <div className="work-create" role="group" aria-label={t('work.create.title')}>
      {projects.projects.length === 0 && !form.project ? (
        <p className="hint">{t('work.create.noProjects')}</p>
      ) : (
        <>
          <label>
            {t('work.create.team')}
            <input
              value={form.team}
              onChange={(e) => setForm({ ...form, team: e.target.value })}
              onBlur={() => void defaultsFor(form.team, form, rules).then(setForm)}
            />
          </label>
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
              {!listed && form.project && <option value={form.project}>{form.project}</option>}
              {projects.projects.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.name} ({p.key})
                </option>
              ))}
            </select>
          </label>
          {fieldError('project')}
          {projects.project && !projects.project.canCreate && (
            <p className="hint" role="note">
              {projects.project.reason}
            </p>
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
            {t('work.create.component')}
            <input
              value={form.component}
              onChange={(e) => setForm({ ...form, component: e.target.value })}
            />
          </label>
          {fieldError('components')}
          <label>
            {t('work.create.labels')}
            <input
              value={form.labels}
              placeholder={t('work.create.labelsHint')}
              onChange={(e) => setForm({ ...form, labels: e.target.value })}
            />
          </label>
          {fieldError('labels')}
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
          {error && !shown.includes(error.field ?? '') && (
            <p className="field-error" role="alert">
              {error.message}
            </p>
          )}
          <div className="work-actions">
            <button
              type="button"
              className="primary-button"
              disabled={
                busy ||
                !form.project ||
                !form.summary.trim() ||
                projects.project?.canCreate === false
              }
              aria-busy={busy}
              onClick={() => void create()}
            >
              {busy ? t('work.create.creating') : t('work.create.submit')}
            </button>
            <button type="button" onClick={props.onCancel}>
              {t('work.create.cancel')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
