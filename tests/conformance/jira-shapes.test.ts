/**
 * The emulator's Jira subset driven through jira.js (a third-party client whose schemas come from
 * Atlassian's OpenAPI description), with schema auditing on: every answer must parse with the
 * published schema and carry no key it does not declare (`AUDIT_SCHEMAS=true` makes each schema
 * strict; `onSchemaMismatch: 'throw'` fails the call). Also the strictness and faults the app
 * relies on: 404 for what the user may not see, 403 without create permission, Jira's 400 for
 * refused fields and unbounded JQL, transitions only where the workflow offers them, 429 with
 * Retry-After, and a site without Jira.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from '../../dev/emulator/index';
import type { Emulator } from '../../dev/emulator/index';
import { startEmulatorServer } from '../../dev/emulator/server';

// Strict schemas must be on before jira.js builds them (at import).
process.env.AUDIT_SCHEMAS = 'true';
const { createCloudClient } = await import('jira.js');
const core = await import('jira.js/core');

type Cloud = ReturnType<typeof createCloudClient>;

let emulator: Emulator;
let server: { url: string; close: () => Promise<void> };
let admin: Cloud;
let editor: Cloud;
let outsider: Cloud;

function clientFor(email: string): Cloud {
  return createCloudClient({
    host: server.url,
    auth: { type: 'basic', email, apiToken: 'emulator' },
    onSchemaMismatch: 'throw',
  });
}

const doc = {
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'From the journey map.' }] }],
};

beforeAll(async () => {
  emulator = await createEmulator();
  server = await startEmulatorServer({ emulator });
  admin = clientFor('admin@example.com');
  editor = clientFor('editor@example.com');
  outsider = clientFor('outsider@example.com');
});

afterAll(async () => {
  await server?.close();
  await emulator?.close();
});

describe('Jira REST v3 shapes (emulator, through jira.js)', () => {
  it('myself', async () => {
    const me = await admin.myself.getCurrentUser();
    expect(me.accountId).toBe('acc-admin');
    expect(me.displayName).toBe('Avery Admin');
  });

  it('project search: paged, filtered by what the user may do', async () => {
    const page = await admin.projects.searchProjects({ action: 'create', maxResults: 1 });
    expect(page.total).toBe(2);
    expect(page.values).toHaveLength(1);
    expect(page.isLast).toBe(false);
    const create = await editor.projects.searchProjects({ action: 'create' });
    expect(create.values.map((p) => p.key)).toEqual(['IDN']);
    const none = await outsider.projects.searchProjects({});
    expect(none.values).toEqual([]);
  });

  it('create metadata: work types of a project; 403 without create permission; 404 unseen', async () => {
    const meta = await admin.issues.getCreateIssueMetaIssueTypes({ projectIdOrKey: 'IDN' });
    expect(meta.issueTypes?.map((t) => t.name)).toEqual(['Task', 'Story', 'Bug']);
    await expect(
      editor.issues.getCreateIssueMetaIssueTypes({ projectIdOrKey: 'GRO' }),
    ).rejects.toBeInstanceOf(core.ForbiddenError);
    await expect(
      outsider.issues.getCreateIssueMetaIssueTypes({ projectIdOrKey: 'IDN' }),
    ).rejects.toBeInstanceOf(core.NotFoundError);
  });

  it('my permissions per project', async () => {
    const perms = await editor.permissions.getMyPermissions({
      projectKey: 'GRO',
      permissions: 'BROWSE_PROJECTS,CREATE_ISSUES',
    });
    const p = perms.permissions as Record<string, { havePermission?: boolean }>;
    expect(p.BROWSE_PROJECTS?.havePermission).toBe(true);
    expect(p.CREATE_ISSUES?.havePermission).toBe(false);
    await expect(editor.permissions.getMyPermissions({})).rejects.toBeInstanceOf(core.ApiError);
  });

  it('create issue with an ADF description, read it back by key and through JQL', async () => {
    const created = await editor.issues.createIssue({
      fields: {
        project: { key: 'IDN' },
        issuetype: { name: 'Task' },
        summary: 'Fix the trial sign-up',
        description: doc,
        labels: ['journey-map'],
        components: [{ name: 'Sign-in' }],
      },
    });
    expect(created.key).toMatch(/^IDN-\d+$/);
    const issue = await editor.issues.getIssue({
      issueIdOrKey: created.key,
      fields: ['summary', 'status'],
    });
    expect(issue.fields?.summary).toBe('Fix the trial sign-up');
    expect(Object.keys(issue.fields ?? {}).sort()).toEqual(['status', 'summary']);
    const found = await editor.issueSearch.searchAndReconsileIssuesUsingJqlPost({
      jql: `key in (${created.key})`,
      fields: ['summary', 'status'],
    });
    const status = found.issues?.[0]?.fields?.status as {
      statusCategory?: { key?: string; colorName?: string };
    };
    expect(status.statusCategory).toMatchObject({ key: 'new', colorName: 'blue-gray' });
    const get = await editor.issueSearch.searchAndReconsileIssuesUsingJql({
      jql: `project = IDN`,
    });
    expect(get.issues?.every((i) => Object.keys(i).join() === 'id')).toBe(true);
  });

  it("refuses what Jira refuses: fields, description as text, labels with spaces, another's project", async () => {
    const refused = (fields: Record<string, unknown>) => editor.issues.createIssue({ fields });
    const base = { project: { key: 'IDN' }, issuetype: { name: 'Task' }, summary: 'x' };
    for (const bad of [
      { ...base, labels: ['two words'] },
      { ...base, issuetype: { name: 'Epic' } },
      { ...base, summary: '' },
      { ...base, customfield_10001: 'x' },
      { ...base, project: { key: 'NOPE' } },
    ]) {
      const error = (await refused(bad).catch((e: unknown) => e)) as InstanceType<
        typeof core.ApiError
      >;
      expect(error).toBeInstanceOf(core.ApiError);
      expect(error.status, JSON.stringify(bad) + JSON.stringify(error.body)).toBe(400);
      expect(Object.keys((error.body as { errors: object }).errors).length).toBeGreaterThan(0);
    }
    // (jira.js sends a text description to v2, so v3's refusal is asked for directly.)
    const text = await emulator.handle(
      new Request(`${server.url}/rest/api/3/issue`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { ...base, description: 'plain text' } }),
      }),
      { kind: 'user', accountId: 'acc-editor' },
    );
    expect(text.status).toBe(400);
    expect(await text.text()).toContain('Atlassian Document');
    const forbidden = await refused({ ...base, project: { key: 'GRO' } }).catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(core.ForbiddenError);
  });

  it('JQL: unbounded and unknown keys are 400; unseen items are 404 by key', async () => {
    for (const jql of ['', 'order by key', 'key in (IDN-999999)', 'summary ~ x']) {
      await expect(
        admin.issueSearch.searchAndReconsileIssuesUsingJqlPost({ jql }),
      ).rejects.toBeInstanceOf(core.ApiError);
    }
    await expect(outsider.issues.getIssue({ issueIdOrKey: 'IDN-1' })).rejects.toBeInstanceOf(
      core.NotFoundError,
    );
  });

  it('pages JQL results with nextPageToken', async () => {
    for (let i = 0; i < 3; i++) {
      await admin.issues.createIssue({
        fields: { project: { key: 'GRO' }, issuetype: { name: 'Bug' }, summary: `Page ${i}` },
      });
    }
    const first = await admin.issueSearch.searchAndReconsileIssuesUsingJqlPost({
      jql: 'project = GRO',
      maxResults: 2,
      fields: ['summary'],
    });
    expect(first.isLast).toBe(false);
    const second = await admin.issueSearch.searchAndReconsileIssuesUsingJqlPost({
      jql: 'project = GRO',
      maxResults: 2,
      fields: ['summary'],
      nextPageToken: first.nextPageToken ?? undefined,
    });
    expect(second.isLast).toBe(true);
  });

  it('transitions: only those the workflow offers from the current status', async () => {
    const created = await editor.issues.createIssue({
      fields: { project: { key: 'IDN' }, issuetype: { name: 'Task' }, summary: 'Move me' },
    });
    const key = created.key;
    const offered = async () =>
      ((await editor.issues.getTransitions({ issueIdOrKey: key })).transitions ?? []).map((t) => ({
        id: t.id,
        to: t.to?.name,
        category: t.to?.statusCategory?.key,
      }));
    expect(await offered()).toEqual([{ id: '11', to: 'In Progress', category: 'indeterminate' }]);
    // To Do cannot jump to Done: Jira's 400, in its error shape, and nothing moves.
    const refused = (await editor.issues
      .doTransition({ issueIdOrKey: key, transition: { id: '21' } })
      .catch((e: unknown) => e)) as InstanceType<typeof core.ApiError>;
    expect(refused).toBeInstanceOf(core.ApiError);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      errorMessages: ["Transition id '21' is not valid for this issue."],
      errors: {},
    });
    const missing = (await editor.issues
      .doTransition({ issueIdOrKey: key })
      .catch((e: unknown) => e)) as InstanceType<typeof core.ApiError>;
    expect(missing.status).toBe(400);
    expect(emulator.jira.issue(key)?.statusId).toBe('10000');

    await editor.issues.doTransition({ issueIdOrKey: key, transition: { id: '11' } });
    expect((await offered()).map((t) => t.id).sort()).toEqual(['21', '31']);
    await editor.issues.doTransition({ issueIdOrKey: key, transition: { id: '21' } });
    const done = await editor.issues.getIssue({ issueIdOrKey: key, fields: ['status'] });
    const status = done.fields?.status as { name?: string; statusCategory?: { key?: string } };
    expect(status).toMatchObject({ name: 'Done', statusCategory: { key: 'done' } });
    expect(await offered()).toEqual([{ id: '41', to: 'To Do', category: 'new' }]);
    const one = await editor.issues.getTransitions({ issueIdOrKey: key, transitionId: '11' });
    expect(one.transitions).toEqual([]);
    await expect(outsider.issues.getTransitions({ issueIdOrKey: key })).rejects.toBeInstanceOf(
      core.NotFoundError,
    );
    await expect(
      outsider.issues.doTransition({ issueIdOrKey: key, transition: { id: '41' } }),
    ).rejects.toBeInstanceOf(core.NotFoundError);
  });

  it('429 carries Retry-After; a site without Jira answers 404', async () => {
    emulator.faults.inject({
      status: 429,
      count: 1,
      retryAfterSeconds: 7,
      match: { pathPrefix: '/rest/api/3/' },
    });
    const limited = await admin.myself.getCurrentUser().catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(core.RateLimitError);
    expect((limited as InstanceType<typeof core.RateLimitError>).retryAfterMs).toBe(7000);
    emulator.jira.setPresent(false);
    try {
      await expect(admin.myself.getCurrentUser()).rejects.toBeInstanceOf(core.NotFoundError);
    } finally {
      emulator.jira.setPresent(true);
    }
  });
});
