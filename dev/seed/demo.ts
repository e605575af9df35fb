/**
 * Demo data for `npm start`: the brief's users, space CX (and ONB), pages with our macro, photos
 * of a session wall, and journey maps created through the REAL resolvers (`map/create`,
 * `map/apply` as Avery Admin), so they are stored exactly as the app stores them.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Emulator } from '../emulator/index';
import type { EmulatorStore } from '../emulator/store/store';
import type { PageRecord, SpaceRecord } from '../emulator/types';
import { invokeResolver } from '../forge-runtime/invoke';
import type { ResolverHandler } from '../forge-runtime/invoke';
import { buildMacroStorage } from '../host/storage/macro';
import { painPointsPhoto, sentimentPhoto, wallPhoto } from './png';

/**
 * The demo users (the emulator's baseline plus Lin Mei, who edits in CX), each with the language
 * of their Confluence profile: Lin works in Simplified Chinese, so switching to her switches the
 * app's language (decision 0035).
 */
export const DEMO_USERS = [
  {
    accountId: 'acc-admin',
    email: 'admin@example.com',
    displayName: 'Avery Admin',
    locale: 'en-US',
  },
  {
    accountId: 'acc-editor',
    email: 'editor@example.com',
    displayName: 'Eddie Editor',
    locale: 'en-US',
  },
  {
    accountId: 'acc-viewer',
    email: 'viewer@example.com',
    displayName: 'Vera Viewer',
    locale: 'en-US',
  },
  {
    accountId: 'acc-outsider',
    email: 'outsider@example.com',
    displayName: 'Olli Outsider',
    locale: 'en-US',
  },
  { accountId: 'acc-lin', email: 'lin@example.com', displayName: 'Lin Mei 林梅', locale: 'zh-CN' },
] as const;

/** The demo user who works in Simplified Chinese. */
export const ZH_CN_USER = 'acc-lin';

/** Titles of the demo pages (tests and docs refer to them). */
export const DEMO_TITLES = {
  home: 'Customer Experience Home',
  alana: 'Alana evaluates Confluence — journey map',
  future: 'Alana — future state',
  onboarding: 'New-customer onboarding',
  restricted: 'Restricted: pricing journey',
  blog: 'What we heard on support calls this month',
  onbHome: 'Onboarding Home',
} as const;

const ADMIN = 'acc-admin';

/** True when the demo pages are already in the store. */
export function isDemoSeeded(store: EmulatorStore): boolean {
  const cx = store.spaceByKey('CX');
  if (!cx) return false;
  return [...store.all('pages')].some((p) => p.spaceId === cx.id && p.title === DEMO_TITLES.alana);
}

function cardId(): string {
  return `seed-${randomBytes(6).toString('hex')}`;
}

type MapResult = { map: SeedMap; version: number };
type SeedMap = {
  steps: { id: string; stageId: string; name: string }[];
  lanes: { id: string; type: string }[];
};

/** Calls a resolver as the admin from the macro `localId` on `page`, as the macro would; answers its data. */
async function invokeAsAdmin(args: {
  handler: ResolverHandler;
  functionKey: string;
  payload: Record<string, unknown>;
  page: PageRecord;
  space: SpaceRecord;
  localId: string;
}): Promise<unknown> {
  const context = {
    accountId: ADMIN,
    localId: args.localId,
    moduleKey: 'journey-map',
    extension: {
      type: 'macro',
      content: { id: args.page.id, type: args.page.type ?? 'page' },
      space: { id: args.space.id, key: args.space.key },
      isEditing: false,
      config: {},
      references: [],
    },
  };
  const result = (await invokeResolver({
    handler: args.handler,
    functionKey: args.functionKey,
    payload: args.payload,
    context,
    accountId: ADMIN,
  })) as { ok?: boolean; data?: unknown; error?: { code?: string; message?: string } };
  if (!result.ok || !result.data) {
    throw new Error(
      `Seeding ${args.functionKey} on "${args.page.title}" failed: ${result.error?.code ?? '?'} ${result.error?.message ?? JSON.stringify(result)}`,
    );
  }
  return result.data;
}

/** `invokeAsAdmin` for the map resolvers, whose data is the map and its version. */
async function call(args: Parameters<typeof invokeAsAdmin>[0]): Promise<MapResult> {
  return (await invokeAsAdmin(args)) as MapResult;
}

async function createMap(args: {
  handler: ResolverHandler;
  page: PageRecord;
  space: SpaceRecord;
  localId: string;
  template: 'blank' | 'awareness-to-advocacy' | 'worked-example';
  title: string;
  ops?: (map: SeedMap) => Record<string, unknown>[];
}): Promise<MapResult> {
  const base = { pageId: args.page.id, localId: args.localId };
  const created = await call({
    ...args,
    functionKey: 'map/create',
    payload: { ...base, template: args.template, title: args.title },
  });
  const ops = args.ops?.(created.map) ?? [];
  if (ops.length === 0) return created;
  return call({
    ...args,
    functionKey: 'map/apply',
    payload: { ...base, baseVersion: created.version, batchId: randomUUID(), ops },
  });
}

/**
 * Jira for the demo (decision 0030): the routing rules send the worked example's teams to their
 * projects (Identity → IDN, Growth → GRO), and the two top pain points already have work, one in
 * progress, created through the real `jira/create` as the admin.
 */
async function linkDemoWork(args: {
  emulator: Emulator;
  handler: ResolverHandler;
  page: PageRecord;
  space: SpaceRecord;
  localId: string;
  map: MapResult;
}): Promise<void> {
  const invoke = (functionKey: string, payload: Record<string, unknown>) =>
    invokeAsAdmin({ ...args, functionKey, payload });
  await invoke('routing/set', {
    spaceId: args.space.id,
    baseVersion: 0,
    rules: {
      channels: {},
      stages: {},
      lanes: {},
      jira: {
        Identity: { project: 'IDN', issueType: 'Story', component: '', labels: ['journey-map'] },
        Growth: { project: 'GRO', issueType: 'Task', component: '', labels: ['journey-map'] },
      },
    },
  });
  const cards = (
    args.map.map as unknown as {
      cards: { id: string; kind: string; text: string; teams: string[] }[];
    }
  ).cards;
  const pains = cards.filter((c) => c.kind === 'painPoint' && c.teams.length > 0).slice(0, 2);
  let version = args.map.version;
  for (const card of pains) {
    const team = card.teams[0] ?? '';
    const created = (await invoke('jira/create', {
      pageId: args.page.id,
      localId: args.localId,
      baseVersion: version,
      cardId: card.id,
      team,
      project: team === 'Growth' ? 'GRO' : 'IDN',
      issueType: 'Task',
      component: '',
      labels: ['journey-map'],
      summary: `Pain point: ${card.text}`.slice(0, 255),
      blocks: [{ kind: 'field', label: 'From', text: 'the Alana journey map (demo)' }],
    })) as { key: string; saved: { version: number } };
    version = created.saved.version;
  }
  const first = args.emulator.jira.state.issues[0];
  if (first) args.emulator.jira.setStatus(first.key, '3');
}

function laneOf(map: SeedMap, type: string): string {
  const lane = map.lanes.find((l) => l.type === type);
  if (!lane) throw new Error(`template has no ${type} lane`);
  return lane.id;
}

function stepAt(map: SeedMap, index: number): string {
  const step = map.steps[Math.min(index, map.steps.length - 1)];
  if (!step) throw new Error('template has no steps');
  return step.id;
}

function ensureBaseline(store: EmulatorStore): SpaceRecord {
  for (const u of DEMO_USERS) {
    const have = store.get('users', u.accountId);
    // A data dir from before locales existed gets each person's language.
    if (!have || have.locale === undefined) store.addUser({ ...u });
  }
  let cx = store.spaceByKey('CX');
  if (!cx) {
    cx = store.createSpace({
      key: 'CX',
      name: 'Customer Experience',
      authorId: ADMIN,
      viewers: DEMO_USERS.map((u) => u.accountId),
      editors: ['acc-admin', 'acc-editor', ZH_CN_USER],
      admins: ['acc-admin'],
    });
  } else if (cx.admins === undefined) {
    // A data dir from before space admins existed: Avery administers CX, as on a fresh seed.
    store.setSpacePermissions({
      spaceKey: 'CX',
      viewers: cx.viewers,
      editors: cx.editors,
      admins: [ADMIN],
    });
    cx = store.spaceByKey('CX') ?? cx;
  }
  if (!cx.editors.includes(ZH_CN_USER)) {
    // Lin Mei edits in CX, so the Chinese demo can run a session and write it up.
    store.setSpacePermissions({
      spaceKey: 'CX',
      viewers: [...new Set([...cx.viewers, ZH_CN_USER])],
      editors: [...cx.editors, ZH_CN_USER],
      admins: cx.admins ?? [ADMIN],
    });
    cx = store.spaceByKey('CX') ?? cx;
  }
  if (!cx.homepageId) {
    const home = store.createPage({
      spaceKey: 'CX',
      title: DEMO_TITLES.home,
      authorId: ADMIN,
      body: '',
    });
    store.setHomepage('CX', home.id);
  }
  const fresh = store.spaceByKey('CX');
  if (!fresh) throw new Error('space CX missing');
  return fresh;
}

const link = (title: string, text = title): string =>
  `<ac:link><ri:page ri:content-title="${title}" /><ac:plain-text-link-body><![CDATA[${text}]]></ac:plain-text-link-body></ac:link>`;

const status = (colour: string, title: string): string =>
  `<ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">${colour}</ac:parameter><ac:parameter ac:name="title">${title}</ac:parameter></ac:structured-macro>`;

/** Seeds the demo content on top of the emulator's baseline (users, CX and its homepage). */
export async function seedDemo(args: {
  emulator: Emulator;
  handler: ResolverHandler;
  log?: (message: string) => void;
}): Promise<void> {
  const { emulator, handler } = args;
  const store = emulator.store;
  const cx = ensureBaseline(store);
  const homeId = cx.homepageId ?? '';
  const ids = {
    alana: randomUUID(),
    future: randomUUID(),
    onboarding: randomUUID(),
    restricted: randomUUID(),
    blog: randomUUID(),
  };

  const homeRecord = store.get('pages', homeId);
  if (homeRecord) {
    store.put('pages', {
      ...homeRecord,
      title: DEMO_TITLES.home,
      body:
        '<h2>Welcome to Customer Experience</h2>' +
        '<p>This space collects the journey maps from our mapping sessions. Every map lives on its page as a <strong>Journey map</strong> macro; <em>Journey maps</em> in the sidebar lists them all.</p>' +
        '<ac:structured-macro ac:name="info"><ac:rich-text-body><p>Start with the worked example, then try ' +
        link(DEMO_TITLES.onboarding) +
        ' for a template that is only partly filled in.</p></ac:rich-text-body></ac:structured-macro>' +
        `<ul><li>${link(DEMO_TITLES.alana)} ${status('Green', 'Current state')}</li><li>${link(DEMO_TITLES.future)} ${status('Blue', 'Future state')}</li><li>${link(DEMO_TITLES.onboarding)} ${status('Yellow', 'In progress')}</li></ul>`,
      version: store.stamp(homeRecord.version.number + 1, ADMIN),
    });
  }

  const alana = store.createPage({
    spaceKey: 'CX',
    title: DEMO_TITLES.alana,
    parentId: homeId,
    authorId: ADMIN,
    body: '',
  });
  const photos = [
    {
      fileName: 'session-wall.png',
      bytes: wallPhoto(),
      caption: 'The whole wall after the session',
    },
    {
      fileName: 'pain-points-votes.png',
      bytes: painPointsPhoto(),
      caption: 'Pain points with dot votes',
    },
    {
      fileName: 'sentiment-curve.png',
      bytes: sentimentPhoto(),
      caption: 'The sentiment line as drawn',
    },
  ].map((p) => ({
    ...p,
    record: store.addAttachment({
      pageId: alana.id,
      fileName: p.fileName,
      mediaType: 'image/png',
      bytes: p.bytes,
      authorId: ADMIN,
    }),
  }));
  store.put('pages', {
    ...alana,
    body:
      `<p>${status('Green', 'Current state')} Mapped in our session on the evaluation journey of the <strong>Alana</strong> persona, following the Atlassian team play.</p>` +
      '<ac:structured-macro ac:name="info"><ac:parameter ac:name="title">How to read this map</ac:parameter><ac:rich-text-body><p>Stages run left to right; lanes above the line of visibility are what Alana experiences, lanes below are our back-stage processes. Pain points carry their impact and dot votes.</p></ac:rich-text-body></ac:structured-macro>' +
      buildMacroStorage({ localId: ids.alana, nodeLocalId: randomUUID() }) +
      `<h2>Photos of the wall</h2><p>${photos.map((p) => `<ac:image ac:width="300" ac:alt="${p.caption}"><ri:attachment ri:filename="${p.fileName}" /></ac:image>`).join('')}</p>` +
      `<h2>Next</h2><p>The improved journey is on ${link(DEMO_TITLES.future)}.</p>`,
  });

  const future = store.createPage({
    spaceKey: 'CX',
    title: DEMO_TITLES.future,
    parentId: alana.id,
    authorId: ADMIN,
    body:
      `<p>${status('Blue', 'Future state')} Where we want Alana's evaluation to be after the opportunities we chose. Compare with ${link(DEMO_TITLES.alana, 'the current state')}.</p>` +
      buildMacroStorage({ localId: ids.future, nodeLocalId: randomUUID() }),
  });

  const onboarding = store.createPage({
    spaceKey: 'CX',
    title: DEMO_TITLES.onboarding,
    parentId: homeId,
    authorId: 'acc-editor',
    body:
      '<p>Our first pass at the onboarding journey of a new customer, from the first ad they see to telling a colleague about us.</p>' +
      '<ac:structured-macro ac:name="note"><ac:rich-text-body><p>Work in progress: only the first stages are filled in.</p></ac:rich-text-body></ac:structured-macro>' +
      buildMacroStorage({ localId: ids.onboarding, nodeLocalId: randomUUID() }) +
      '<h2>Open questions</h2><ul><li>Who owns the welcome email?</li><li>Do we have CSAT for the setup call?</li></ul>',
  });

  const restricted = store.createPage({
    spaceKey: 'CX',
    title: DEMO_TITLES.restricted,
    parentId: homeId,
    authorId: ADMIN,
    body:
      '<ac:structured-macro ac:name="warning"><ac:rich-text-body><p>Restricted to the pricing working group (Avery and Eddie).</p></ac:rich-text-body></ac:structured-macro>' +
      buildMacroStorage({ localId: ids.restricted, nodeLocalId: randomUUID() }),
  });
  store.restrictPage({
    pageId: restricted.id,
    view: ['acc-admin', 'acc-editor'],
    edit: ['acc-admin', 'acc-editor'],
  });

  if (!store.spaceByKey('ONB')) {
    store.createSpace({
      key: 'ONB',
      name: 'Onboarding',
      authorId: ADMIN,
      viewers: ['acc-admin', 'acc-editor', 'acc-viewer'],
      editors: ['acc-admin', 'acc-editor'],
      admins: ['acc-admin'],
    });
    const onbHome = store.createPage({
      spaceKey: 'ONB',
      title: DEMO_TITLES.onbHome,
      authorId: ADMIN,
      body: '<p>Everything a new team member needs in their first week.</p><ol><li>Read the team handbook</li><li>Meet your buddy</li></ol>',
    });
    store.setHomepage('ONB', onbHome.id);
  }
  store.flush();

  args.log?.('Creating journey maps through the resolvers…');
  const at = (page: PageRecord): SpaceRecord => {
    const space = store.get('spaces', page.spaceId);
    if (!space) throw new Error('space missing');
    return space;
  };
  let alanaMap = await createMap({
    handler,
    page: alana,
    space: at(alana),
    localId: ids.alana,
    template: 'worked-example',
    title: 'Alana evaluates Confluence',
    ops: () => [{ type: 'map/setLinkedMap', link: { pageId: future.id, localId: ids.future } }],
  });
  // Photos join a map only through photos/register, which checks their bytes (decision 0018).
  for (const [i, p] of photos.entries()) {
    alanaMap = await call({
      handler,
      page: alana,
      space: at(alana),
      localId: ids.alana,
      functionKey: 'photos/register',
      payload: {
        pageId: alana.id,
        localId: ids.alana,
        baseVersion: alanaMap.version,
        attachmentId: p.record.id,
        caption: p.caption,
        stepId: i === 0 ? null : stepAt(alanaMap.map, i * 3),
      },
    });
  }
  await linkDemoWork({
    emulator,
    handler,
    page: alana,
    space: at(alana),
    localId: ids.alana,
    map: alanaMap,
  });
  await createMap({
    handler,
    page: future,
    space: at(future),
    localId: ids.future,
    template: 'worked-example',
    title: 'Alana evaluates Confluence — future state',
    ops: () => [
      { type: 'map/setState', state: 'future' },
      { type: 'map/setLinkedMap', link: { pageId: alana.id, localId: ids.alana } },
    ],
  });
  await createMap({
    handler,
    page: onboarding,
    space: at(onboarding),
    localId: ids.onboarding,
    template: 'awareness-to-advocacy',
    title: 'New-customer onboarding',
    ops: (map) => {
      const pain = cardId();
      const opp = cardId();
      return [
        { type: 'map/setOwningTeam', team: 'Customer Success' },
        {
          type: 'persona/set',
          patch: {
            name: 'Priya',
            role: 'Operations lead at a newly signed customer',
            goals: 'Get her team productive in the first month.',
          },
        },
        {
          type: 'map/setScope',
          patch: {
            scenario: 'A new customer from signing the contract to recommending us.',
            start: 'Contract signed',
            end: 'Recommends us to a peer',
          },
        },
        {
          type: 'card/add',
          id: cardId(),
          laneId: laneOf(map, 'actions'),
          stepId: stepAt(map, 0),
          kind: 'action',
          text: 'Sees our ad in a trade newsletter',
        },
        {
          type: 'card/add',
          id: cardId(),
          laneId: laneOf(map, 'actions'),
          stepId: stepAt(map, 1),
          kind: 'action',
          text: 'Books a demo call',
        },
        {
          type: 'card/add',
          id: cardId(),
          laneId: laneOf(map, 'thoughts'),
          stepId: stepAt(map, 1),
          kind: 'thought',
          text: '“Will this work with our SSO?”',
        },
        {
          type: 'card/add',
          id: pain,
          laneId: laneOf(map, 'painPoints'),
          stepId: stepAt(map, 1),
          kind: 'painPoint',
          text: 'Demo slots are two weeks out',
        },
        { type: 'card/setImpact', id: pain, impact: 'abandon' },
        { type: 'card/vote', id: pain, delta: 4 },
        {
          type: 'card/add',
          id: opp,
          laneId: laneOf(map, 'opportunities'),
          stepId: stepAt(map, 1),
          kind: 'opportunity',
          text: 'Self-serve demo booking with same-week slots',
        },
        { type: 'card/link', painPointId: pain, opportunityId: opp, linked: true },
        { type: 'step/setSentiment', id: stepAt(map, 0), sentiment: 1 },
        { type: 'step/setSentiment', id: stepAt(map, 1), sentiment: -1 },
      ];
    },
  });
  await createMap({
    handler,
    page: restricted,
    space: at(restricted),
    localId: ids.restricted,
    template: 'awareness-to-advocacy',
    title: 'Pricing journey',
  });
  // A map on a blog post (decision 0015): blog posts hold maps like pages do.
  const blog = store.createPage({
    spaceKey: 'CX',
    title: DEMO_TITLES.blog,
    authorId: 'acc-editor',
    type: 'blogpost',
    body:
      '<p>Ten support calls, one journey: where new customers get stuck before they ever open a ticket.</p>' +
      buildMacroStorage({ localId: ids.blog }),
  });
  await createMap({
    handler,
    page: blog,
    space: at(blog),
    localId: ids.blog,
    template: 'awareness-to-advocacy',
    title: 'Support calls: getting unstuck',
    ops: () => [{ type: 'map/setOwningTeam', team: 'Support' }],
  });
  args.log?.(`Seeded ${alanaMap.map.steps.length}-step worked example and 4 more maps.`);
}
