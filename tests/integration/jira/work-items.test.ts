/**
 * Jira work items end to end: real @forge/resolver and @forge/api (`asUser().requestJira`)
 * through the local runtime to the emulator's Jira and Confluence. Counts the REST calls the
 * issue budgets: create = 1 Jira create + the map save; statuses = 1 JQL search per load; send
 * of N = N creates + 1 map save.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftWorkItem } from '../../../src/domain/work-items';
import { englishT } from '../../support/i18n';
import type { JourneyMap } from '../../../src/domain/model/schema';
import type { World } from '../resolvers/harness';
import { createWorld, spacePageContext, unwrap } from '../resolvers/harness';

let world: World;
let map: JourneyMap;
let version = 0;
const at = () => ({ pageId: world.pageId, localId: 'jm-1' });
const PAGE_URL = 'https://emulator.atlassian.net/wiki/spaces/CX/pages/1';

function jiraCalls(): { method: string; path: string; status: number }[] {
  return world.restCalls().filter((c) => c.path.startsWith('/rest/api/3/'));
}
function writes(): { method: string; path: string }[] {
  return world.restCalls().filter((c) => c.method !== 'GET' && !c.path.includes('/search/jql'));
}

function createPayload(
  cardId: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  const draft = draftWorkItem({ map, cardId, pageUrl: PAGE_URL, t: englishT });
  if (!draft) throw new Error('no draft');
  return {
    ...at(),
    baseVersion: version,
    cardId,
    team: 'Identity',
    project: 'IDN',
    issueType: 'Task',
    component: '',
    labels: ['journey-map'],
    summary: draft.summary,
    blocks: draft.blocks,
    ...over,
  };
}

beforeEach(async () => {
  world = await createWorld();
  const created = unwrap(
    await world.call('map/create', { ...at(), template: 'worked-example' }, 'acc-editor'),
  );
  map = created.map;
  version = created.version;
});

afterEach(async () => {
  await world.close();
});

const painIds = () => map.cards.filter((c) => c.kind === 'painPoint').map((c) => c.id);

describe('jira/create', () => {
  it('creates as the person and links on the map: 1 Jira call + 1 map save', async () => {
    const cardId = painIds()[0] ?? '';
    world.resetLog();
    const result = unwrap(await world.call('jira/create', createPayload(cardId)));
    expect(result.key).toBe('IDN-1');
    expect(result.saved.dropped).toEqual([]);
    expect(result.saved.map.workItems).toEqual([{ cardId, key: 'IDN-1', team: 'Identity' }]);
    expect(jiraCalls().map((c) => `${c.method} ${c.path}`)).toEqual(['POST /rest/api/3/issue']);
    // Writes: the Jira create and the map head (plus the page summary only when it changed).
    const headWrites = writes().filter((c) => c.path.includes('/properties'));
    expect(headWrites.length).toBeGreaterThanOrEqual(1);
    expect(headWrites.length).toBeLessThanOrEqual(2);
    const issue = world.emulator.jira.issue('IDN-1');
    expect(issue?.reporterId).toBe('acc-editor');
    expect(JSON.stringify(issue?.description)).toContain('#card-');
    expect(issue?.summary).toMatch(/^Pain point: /);
  });

  it("Jira's refusal names the field and changes nothing", async () => {
    const cardId = painIds()[0] ?? '';
    const refused = await world.call('jira/create', createPayload(cardId, { issueType: 'Epic' }));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('INVALID_INPUT');
    expect(refused.error.field).toBe('issuetype');
    expect(refused.error.message).toContain('Specify a valid issue type');
    expect(world.emulator.jira.state.issues).toHaveLength(0);
    const after = unwrap(await world.call('map/load', at()));
    expect(after.map?.workItems).toEqual([]);
  });

  it('no create permission in the project: FORBIDDEN with Jira’s words, nothing created', async () => {
    const cardId = painIds()[0] ?? '';
    const refused = await world.call('jira/create', createPayload(cardId, { project: 'GRO' }));
    expect(refused.ok ? '' : refused.error.code).toBe('FORBIDDEN');
    expect(world.emulator.jira.state.issues).toHaveLength(0);
  });

  it('bad input is refused at the door (label with a space, two-line summary)', async () => {
    const cardId = painIds()[0] ?? '';
    for (const over of [{ labels: ['two words'] }, { summary: 'a\nb' }, { project: 'cs' }]) {
      const r = await world.call('jira/create', createPayload(cardId, over));
      expect(r.ok ? '' : r.error.code).toBe('INVALID_INPUT');
    }
    expect(world.emulator.jira.state.issues).toHaveLength(0);
  });
});

describe('jira/statuses', () => {
  it('one JQL search for every linked item; deleted items show as not found', async () => {
    const [a, b] = painIds();
    unwrap(await world.call('jira/create', createPayload(a ?? '')));
    const second = unwrap(await world.call('jira/create', createPayload(b ?? '')));
    version = second.saved.version;
    world.emulator.jira.setStatus('IDN-2', '3');
    world.resetLog();
    const statuses = unwrap(await world.call('jira/statuses', at()));
    expect(jiraCalls()).toEqual([{ method: 'POST', path: '/rest/api/3/search/jql', status: 200 }]);
    expect(statuses).toEqual({
      available: true,
      items: [
        expect.objectContaining({ key: 'IDN-1', found: true, category: 'new', status: 'To Do' }),
        expect.objectContaining({ key: 'IDN-2', found: true, category: 'indeterminate' }),
      ],
    });
    world.emulator.jira.deleteIssue('IDN-1');
    const after = unwrap(await world.call('jira/statuses', at()));
    expect(after.available && after.items).toEqual(
      expect.arrayContaining([{ key: 'IDN-1', found: false }]),
    );
  });

  it('Jira absent, rate-limited or down never fails the call', async () => {
    unwrap(await world.call('jira/create', createPayload(painIds()[0] ?? '')));
    world.emulator.faults.inject({
      status: 429,
      count: 1,
      retryAfterSeconds: 30,
      match: { pathPrefix: '/rest/api/3/' },
    });
    const limited = unwrap(await world.call('jira/statuses', at()));
    expect(limited).toMatchObject({ available: false, retryAfterSeconds: 30 });
    world.emulator.faults.inject({ status: 500, count: 1, match: { pathPrefix: '/rest/api/3/' } });
    expect(unwrap(await world.call('jira/statuses', at())).available).toBe(false);
    world.emulator.jira.setPresent(false);
    const absent = unwrap(await world.call('jira/statuses', at()));
    expect(absent.available).toBe(false);
    expect(absent.available ? '' : absent.reason).toMatch(/no Jira/);
    // The map itself still loads.
    expect(unwrap(await world.call('map/load', at())).map?.workItems).toHaveLength(1);
  });

  it('a person who may not see the page gets nothing from Jira either', async () => {
    const r = await world.call('jira/statuses', { pageId: '999999', localId: 'jm-1' });
    expect(r.ok).toBe(false);
  });
});

describe('jira/lookup and jira/projects', () => {
  it('looks up a key or a URL; a bad ref is INVALID_INPUT', async () => {
    unwrap(await world.call('jira/create', createPayload(painIds()[0] ?? '')));
    const byUrl = unwrap(
      await world.call('jira/lookup', { ...at(), ref: 'https://x.atlassian.net/browse/idn-1' }),
    );
    expect(byUrl.available && byUrl.items[0]).toMatchObject({ key: 'IDN-1', found: true });
    const missing = unwrap(await world.call('jira/lookup', { ...at(), ref: 'IDN-77' }));
    expect(missing.available && missing.items[0]).toEqual({ key: 'IDN-77', found: false });
    const bad = await world.call('jira/lookup', { ...at(), ref: 'not a key' });
    expect(bad.ok ? '' : bad.error.field).toBe('ref');
  });

  it('lists creatable projects and explains a project the person cannot create in', async () => {
    const cs = unwrap(await world.call('jira/projects', { ...at(), project: 'IDN' }));
    expect(cs).toMatchObject({
      available: true,
      projects: [{ key: 'IDN', name: 'Identity' }],
      project: { key: 'IDN', canCreate: true, issueTypes: ['Task', 'Story', 'Bug'] },
    });
    const sup = unwrap(await world.call('jira/projects', { ...at(), project: 'GRO' }));
    expect(sup.available && sup.project).toMatchObject({ canCreate: false });
    world.emulator.jira.setPresent(false);
    const none = unwrap(await world.call('jira/projects', { ...at() }));
    expect(none.available).toBe(false);
  });
});

describe('jira/spaceStatuses and jira/projects from the space', () => {
  it('the index: every key of every map in ONE JQL search; unknown keys are not found', async () => {
    unwrap(await world.call('jira/create', createPayload(painIds()[0] ?? '')));
    unwrap(await world.call('jira/create', createPayload(painIds()[1] ?? '', { project: 'IDN' })));
    world.emulator.jira.setStatus('IDN-2', '10001');
    world.resetLog();
    const answer = unwrap(
      await world.call('jira/spaceStatuses', {
        spaceKey: 'CX',
        keys: ['IDN-1', 'IDN-2', 'IDN-99'],
      }),
    );
    expect(answer.available && answer.items).toEqual([
      expect.objectContaining({ key: 'IDN-1', found: true, category: 'new' }),
      expect.objectContaining({ key: 'IDN-2', found: true, category: 'done' }),
      { key: 'IDN-99', found: false },
    ]);
    // One search, plus one more only because IDN-99 does not exist (Jira refuses the whole JQL).
    expect(jiraCalls().filter((c) => c.path.includes('/search/jql')).length).toBeLessThanOrEqual(2);
    world.resetLog();
    unwrap(await world.call('jira/spaceStatuses', { spaceKey: 'CX', keys: ['IDN-1', 'IDN-2'] }));
    expect(jiraCalls().map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /rest/api/3/search/jql',
    ]);
    const none = unwrap(await world.call('jira/spaceStatuses', { spaceKey: 'CX', keys: [] }));
    expect(none).toEqual({ available: true, items: [] });
  });

  it('refuses another space, and bad keys change nothing', async () => {
    const other = await world.call(
      'jira/spaceStatuses',
      { spaceKey: 'CX', keys: ['IDN-1'] },
      'acc-editor',
      spacePageContext(world.emulator, 'OTHER'),
    );
    expect(other.ok ? '' : other.error.code).toBe('FORBIDDEN');
    const bad = await world.call('jira/spaceStatuses', { spaceKey: 'CX', keys: ['x) or 1=1'] });
    expect(bad.ok ? '' : bad.error.code).toBe('INVALID_INPUT');
  });

  it('the routing panel lists projects by space; Jira absent explains why', async () => {
    const listed = unwrap(
      await world.call('jira/projects', { spaceId: spaceId(), project: 'GRO' }, 'acc-editor'),
    );
    expect(listed.available && listed.project).toMatchObject({ key: 'GRO', canCreate: false });
    world.emulator.jira.setPresent(false);
    const none = unwrap(await world.call('jira/projects', { spaceId: spaceId() }));
    expect(none.available ? '' : none.reason).toMatch(/no Jira/);
  });
});

describe('jira/send', () => {
  it('preview plans without calling Jira; send = N creates + 1 map save; a resend skips linked', async () => {
    const rules = unwrap(await world.call('routing/get', { spaceId: spaceId() }, 'acc-admin'));
    unwrap(
      await world.call(
        'routing/set',
        {
          spaceId: spaceId(),
          baseVersion: rules.version,
          rules: {
            channels: {},
            stages: {},
            lanes: { painPoints: 'Identity', opportunities: 'Growth' },
            jira: {
              Identity: { project: 'IDN', issueType: 'Task', component: '', labels: [] },
              Growth: { project: 'GRO', issueType: 'Bug', component: '', labels: ['cx'] },
            },
          },
        },
        'acc-admin',
      ),
    );
    const send = { ...at(), baseVersion: version, topN: 2, pageUrl: PAGE_URL };
    world.resetLog();
    const preview = unwrap(await world.call('jira/send', { ...send, preview: true }, 'acc-admin'));
    expect(jiraCalls()).toEqual([]);
    const planned = preview.rows.filter((r) => r.skip === null);
    expect(planned.length).toBeGreaterThan(0);
    world.resetLog();
    const sent = unwrap(await world.call('jira/send', { ...send, preview: false }, 'acc-admin'));
    const creates = jiraCalls().filter(
      (c) => c.method === 'POST' && c.path === '/rest/api/3/issue',
    );
    expect(creates).toHaveLength(planned.length);
    expect(jiraCalls()).toHaveLength(planned.length);
    const heads = writes().filter((c) => c.path.includes('/properties') && c.method === 'PUT');
    expect(heads.length).toBeGreaterThanOrEqual(1);
    expect(heads.length).toBeLessThanOrEqual(2);
    expect(sent.rows.filter((r) => r.key).length).toBe(planned.length);
    expect(sent.saved?.map.workItems).toHaveLength(planned.length);
    const again = unwrap(
      await world.call(
        'jira/send',
        { ...send, baseVersion: sent.saved?.version ?? 0, preview: true },
        'acc-admin',
      ),
    );
    expect(again.rows.filter((r) => r.skip === null)).toEqual([]);
  });
});

function spaceId(): string {
  return world.emulator.store.spaceByKey('CX')?.id ?? '';
}
