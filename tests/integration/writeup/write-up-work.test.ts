/**
 * The write-up lists each pain point's and opportunity's linked Jira work with its status
 * (decision 0030): one JQL search as the generating person, none when nothing is linked, and a
 * write-up that still generates, saying so, when Jira is absent or down.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../../src/domain/model/schema';
import type { World } from '../resolvers/harness';
import { createWorld, unwrap } from '../resolvers/harness';

let world: World;
let map: JourneyMap;
let version = 0;
const at = () => ({ pageId: world.pageId, localId: 'jm-1' });

function jiraCalls(): string[] {
  return world
    .restCalls()
    .filter((c) => c.path.startsWith('/rest/api/3/'))
    .map((c) => `${c.method} ${c.path}`);
}

async function link(cardId: string, key: string): Promise<void> {
  const saved = unwrap(
    await world.call('map/apply', {
      ...at(),
      baseVersion: version,
      batchId: `link-${key}-0000`,
      ops: [{ type: 'workItem/link', cardId, key, team: 'Identity' }],
    }),
  );
  version = saved.version;
}

async function createIssue(cardId: string): Promise<string> {
  const card = map.cards.find((c) => c.id === cardId);
  const created = unwrap(
    await world.call('jira/create', {
      ...at(),
      baseVersion: version,
      cardId,
      team: 'Identity',
      project: 'IDN',
      issueType: 'Task',
      component: '',
      labels: [],
      summary: card?.text.slice(0, 200) || 'x',
      blocks: [],
    }),
  );
  version = created.saved.version;
  return created.key;
}

const preview = async (): Promise<string> =>
  unwrap(await world.call('writeup/generate', { ...at(), preview: true })).storage ?? '';

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

describe('write-up: linked work with status', () => {
  it('no linked work: no column and no Jira call', async () => {
    world.resetLog();
    const storage = await preview();
    expect(storage).not.toContain('Work in Jira');
    expect(jiraCalls()).toEqual([]);
  });

  it('pain points and opportunities show their work items with status: one JQL search', async () => {
    const pain = map.cards.find((c) => c.kind === 'painPoint');
    const opp = map.cards.find((c) => c.kind === 'opportunity');
    const painKey = await createIssue(pain?.id ?? '');
    const oppKey = await createIssue(opp?.id ?? '');
    world.emulator.jira.setStatus(painKey, '3');
    world.resetLog();
    const storage = await preview();
    expect(jiraCalls()).toEqual(['POST /rest/api/3/search/jql']);
    expect(storage.match(/<th><p>Work in Jira<\/p><\/th>/g)?.length).toBeGreaterThanOrEqual(2);
    const status = (key: string): RegExp =>
      new RegExp(
        `${key} <ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">(\\w+)</ac:parameter><ac:parameter ac:name="title">([^<]+)</ac:parameter>`,
      );
    const painStatus = status(painKey).exec(storage);
    const oppStatus = status(oppKey).exec(storage);
    expect(painStatus?.slice(1)).toEqual(['Blue', 'In Progress']);
    expect(oppStatus?.slice(1)).toEqual(['Grey', 'To Do']);
    expect(storage).not.toContain('Jira statuses were unavailable');
  });

  it('a deleted or unseen item shows as not found; the others keep their status', async () => {
    const [a, b] = map.cards.filter((c) => c.kind === 'painPoint');
    const key = await createIssue(a?.id ?? '');
    await link(b?.id ?? '', 'IDN-404');
    const storage = await preview();
    expect(storage).toMatch(new RegExp(`${key} <ac:structured-macro`));
    expect(storage).toMatch(
      /IDN-404 <ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Red<\/ac:parameter><ac:parameter ac:name="title">not found</,
    );
  });

  it('Jira absent: the write-up still generates (page written), with the keys and a note', async () => {
    const pain = map.cards.find((c) => c.kind === 'painPoint');
    const key = await createIssue(pain?.id ?? '');
    world.emulator.jira.setPresent(false);
    const generated = unwrap(await world.call('writeup/generate', { ...at() }));
    expect(generated.pageId).not.toBe('');
    const body =
      world.emulator.store.childrenOf(world.pageId).find((p) => p.id === generated.pageId)?.body ??
      '';
    expect(body).toContain('Jira statuses were unavailable');
    expect(body).toContain(`<td><p>${key}</p></td>`);
  });

  it('Jira down (500): the preview still comes back, saying statuses were unavailable', async () => {
    const pain = map.cards.find((c) => c.kind === 'painPoint');
    await createIssue(pain?.id ?? '');
    world.emulator.faults.inject({ status: 500, count: 1, match: { pathPrefix: '/rest/api/3/' } });
    const storage = await preview();
    expect(storage).toContain('Jira statuses were unavailable');
  });
});
