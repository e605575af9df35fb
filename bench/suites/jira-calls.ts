/**
 * Jira REST calls per action (issue 17, decision 0030), counted from the emulator's request log
 * while the real resolvers run: create one work item = 1 Jira create + the map save (writes ≤ 2,
 * + the summary write when it changed); statuses of every linked item = 1 JQL search per load.
 */
import { generateMap } from '../../tests/support/generate-map';
import type { LogEntry } from '../../dev/emulator/request-log';
import type { BenchWorld } from '../lib/bench-world';
import { describeCalls, summaryVersion } from '../lib/bench-world';
import type { Row } from '../lib/rows';
import { notMeasured, reasonOf } from '../lib/rows';
import { createMapPage } from '../lib/seed-map';

const WHAT = 'Jira REST calls (work items)';

const isJira = (c: LogEntry): boolean => c.path.startsWith('/rest/api/3/');
/** Writes: every non-GET except the JQL search (a read sent as POST). */
const isWrite = (c: LogEntry): boolean => c.method !== 'GET' && !c.path.includes('/search/jql');

/** Creates `links` work items on a 300-card map, then loads their statuses. */
export async function jiraCallRows(world: BenchWorld, seed: number, links = 3): Promise<Row[]> {
  if (!world.has('jira/create') || !world.has('jira/statuses')) {
    return [
      notMeasured({ what: WHAT, budget: '≤ 2 writes / 1 JQL', reason: 'jira/* not registered' }),
    ];
  }
  const rows: Row[] = [];
  try {
    const localId = 'jira-bench';
    const map = generateMap({ cards: 300, seed });
    map.title = 'Jira bench map';
    const pageId = await createMapPage({
      emulator: world.emulator,
      title: 'Jira bench',
      localId,
      map,
    });
    const at = { pageId, localId };
    const loaded = await world.measure('map/load', at);
    if (!loaded.result.ok) throw new Error(`map/load: ${loaded.result.error.message}`);
    let version = loaded.result.data.version;
    const pains = (loaded.result.data.map?.cards ?? []).filter((c) => c.kind === 'painPoint');
    let worst = 0;
    let described = '';
    for (const card of pains.slice(0, links)) {
      const before = summaryVersion(world.emulator, pageId);
      const run = await world.measure('jira/create', {
        ...at,
        baseVersion: version,
        cardId: card.id,
        team: 'Identity',
        project: 'IDN',
        issueType: 'Task',
        component: '',
        labels: [],
        summary: card.text.trim().slice(0, 200) || 'Pain point',
        blocks: [],
      });
      if (!run.result.ok) throw new Error(`jira/create: ${run.result.error.message}`);
      version = run.result.data.saved.version;
      const writes = run.calls.filter(isWrite);
      const jira = run.calls.filter(isJira).length;
      // The page summary's write is budgeted apart (+1 when the summary changed).
      const summaryWritten = summaryVersion(world.emulator, pageId) > before;
      const judged = writes.length - (summaryWritten ? 1 : 0);
      if (judged > worst) {
        worst = judged;
        described =
          `${writes.length} writes${summaryWritten ? ' incl. summary' : ''}, ${jira} Jira ` +
          `(${describeCalls(run.calls)})`;
      }
    }
    rows.push({
      what: WHAT,
      variant: `create one work item, 300 cards (worst of ${links})`,
      budget: '≤ 2 writes (Jira create + map save), +1 summary',
      measured: described,
      verdict: worst <= 2 ? 'pass' : 'fail',
      data: { writes: worst },
    });
    const statuses = await world.measure('jira/statuses', at);
    if (!statuses.result.ok) throw new Error(`jira/statuses: ${statuses.result.error.message}`);
    const jql = statuses.calls.filter(isJira).length;
    rows.push({
      what: WHAT,
      variant: `statuses of ${links} linked items, one load`,
      budget: '1 JQL search',
      measured: `${jql} Jira (${describeCalls(statuses.calls)})`,
      verdict: jql === 1 ? 'pass' : 'fail',
      data: { jira: jql, calls: statuses.calls.length },
    });
    rows.push(await indexRow(world, statuses.result.ok ? links : 0));
    rows.push(await sendRow({ world, at, version }));
  } catch (error) {
    rows.push(notMeasured({ what: WHAT, budget: '≤ 2 writes / 1 JQL', reason: reasonOf(error) }));
  }
  return rows;
}

/** The space index's statuses: every listed key in ONE JQL search (`jira/spaceStatuses`). */
async function indexRow(world: BenchWorld, linked: number): Promise<Row> {
  const space = world.emulator.store.spaceByKey('CX');
  const keys = world.emulator.jira.state.issues.map((i) => i.key);
  const run = await world.measure(
    'jira/spaceStatuses',
    { spaceKey: 'CX', keys },
    {
      context: {
        extension: { type: 'confluence:spacePage', space: { id: space?.id, key: 'CX' } },
      },
    },
  );
  if (!run.result.ok) throw new Error(`jira/spaceStatuses: ${run.result.error.message}`);
  const jql = run.calls.filter(isJira).length;
  return {
    what: WHAT,
    variant: `index: statuses of ${keys.length} keys over the space's maps (${linked} on the bench map)`,
    budget: '1 JQL search',
    measured: `${jql} Jira (${describeCalls(run.calls)})`,
    verdict: jql === 1 ? 'pass' : 'fail',
    data: { jira: jql, keys: keys.length },
  };
}

/** "Send the top 3 to their teams": N Jira creates + 1 map save (+1 summary when it changed). */
async function sendRow(args: {
  world: BenchWorld;
  at: { pageId: string; localId: string };
  version: number;
}): Promise<Row> {
  const { world, at } = args;
  const spaceId = world.emulator.store.spaceByKey('CX')?.id ?? '';
  const spaceContext = {
    extension: { type: 'confluence:spacePage', space: { id: spaceId, key: 'CX' } },
  };
  const current = await world.measure(
    'routing/get',
    { spaceId },
    { accountId: 'acc-admin', context: spaceContext },
  );
  if (!current.result.ok) throw new Error(`routing/get: ${current.result.error.message}`);
  const target = { project: 'IDN', issueType: 'Task', component: '', labels: [] };
  const set = await world.measure(
    'routing/set',
    {
      spaceId,
      baseVersion: current.result.data.version,
      rules: {
        channels: {},
        stages: {},
        lanes: { painPoints: 'Identity', opportunities: 'Identity' },
        jira: { Identity: target },
      },
    },
    { accountId: 'acc-admin', context: spaceContext },
  );
  if (!set.result.ok) throw new Error(`routing/set: ${set.result.error.message}`);
  const before = summaryVersion(world.emulator, at.pageId);
  const run = await world.measure('jira/send', {
    ...at,
    baseVersion: args.version,
    topN: 3,
    preview: false,
    pageUrl: 'https://bench.example.net/wiki/x',
  });
  if (!run.result.ok) throw new Error(`jira/send: ${run.result.error.message}`);
  const created = run.result.data.rows.filter((r) => r.key).length;
  const creates = run.calls.filter((c) => c.method === 'POST' && c.path === '/rest/api/3/issue');
  const saves = run.calls.filter((c) => isWrite(c) && !isJira(c)).length;
  const summaryWritten = summaryVersion(world.emulator, at.pageId) > before;
  const mapSaves = saves - (summaryWritten ? 1 : 0);
  return {
    what: WHAT,
    variant: `send the top 3 to their teams (${created} created)`,
    budget: 'N creates + 1 map save (+1 summary)',
    measured: `${creates.length} creates, ${saves} Confluence writes${summaryWritten ? ' incl. summary' : ''} (${describeCalls(run.calls)})`,
    verdict: created > 0 && creates.length === created && mapSaves === 1 ? 'pass' : 'fail',
    data: { created, creates: creates.length, saves },
  };
}
