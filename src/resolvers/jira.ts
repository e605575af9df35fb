/**
 * `jira/*`: Jira work items for pain points and opportunities (decision 0030). Each door parses
 * its payload, checks the map address against the invocation (`mapDoor`, or the space), and
 * calls one use case, as the viewer in Confluence and in Jira.
 */
import { z } from 'zod';
import { createWorkItem } from '../application/create-work-item';
import { creatableWork } from '../application/creatable-work';
import type { CreatableWorkRead } from '../application/creatable-work';
import { sendWorkItems } from '../application/send-work-items';
import type { WorkStatuses as StatusesRead } from '../application/work-item-statuses';
import { loadWorkStatuses, statusesOfKeys } from '../application/work-item-statuses';
import { msg, render } from '../domain/i18n/message';
import type { Message } from '../domain/i18n/message';
import { translatorFor } from './i18n';
import { WORK_ITEM_KEY } from '../domain/model/schema';
import { JIRA_PROJECT_KEY } from '../domain/routing';
import { MAX_SEND_TOP, SUMMARY_MAX, parseWorkItemRef } from '../domain/work-items';
import { MAX_STATUS_KEYS, jiraUserClient } from '../jira/client';
import { SPACE_KEY_PATTERN } from '../confluence/space-index';
import type { JiraClient } from '../jira/client';
import type { JiraProjects as CreatableWork, WorkStatuses } from './contract';
import type { ResolverContext } from './context';
import { assertSameSpace, clientFor, mapLocationFor } from './context';
import { mapAddressSchema } from './payload-schemas';
import { spaceIdSchema } from './routing';
import { ResolverFailure } from './result';
import { door, mapDoor } from './door';

const text = (max: number) => z.string().max(max, `is longer than ${max} characters`);
const httpUrl = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL');

/** A description block (plain text; the adapter writes it as ADF text nodes). */
const draftBlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), label: text(100), text: text(4000) }),
  z.object({ kind: z.literal('quote'), text: text(4000) }),
  z.object({ kind: z.literal('link'), text: text(500), href: httpUrl }),
]);

/** `jira/statuses`. */
export const jiraStatusesPayloadSchema = mapAddressSchema;

/** `jira/lookup`. */
export const jiraLookupPayloadSchema = mapAddressSchema.extend({ ref: text(2000) });

const projectKey = z
  .string()
  .regex(JIRA_PROJECT_KEY, 'must be a Jira project key such as CS')
  .optional();

/** `jira/projects`: from a map (card details) or from the space (the routing rules panel). */
export const jiraProjectsPayloadSchema = z.union([
  mapAddressSchema.extend({ project: projectKey }).strict(),
  z.object({ spaceId: spaceIdSchema, project: projectKey }).strict(),
]);

/** `jira/spaceStatuses`: the keys the index's summaries list (bounded like one search). */
export const jiraSpaceStatusesPayloadSchema = z.object({
  spaceKey: z.string().regex(SPACE_KEY_PATTERN, 'must be a Confluence space key'),
  keys: z
    .array(z.string().regex(WORK_ITEM_KEY, 'must be a work item key such as CS-12'))
    .max(MAX_STATUS_KEYS, `lists more than ${MAX_STATUS_KEYS} keys`),
});

/** `jira/create`. */
export const jiraCreatePayloadSchema = mapAddressSchema.extend({
  baseVersion: z.number().int().min(0),
  cardId: z.string().min(1).max(128),
  team: text(200),
  project: z.string().regex(JIRA_PROJECT_KEY, 'must be a Jira project key such as CS'),
  issueType: text(200),
  component: text(200),
  labels: z.array(z.string().regex(/^\S{1,100}$/, 'labels cannot contain spaces')).max(10),
  summary: z
    .string()
    .trim()
    .min(1, 'is empty')
    .max(SUMMARY_MAX, `is longer than ${SUMMARY_MAX} characters`)
    .regex(/^[^\r\n]*$/, 'must be one line'),
  blocks: z.array(draftBlockSchema).max(30),
});

/** `jira/send`. */
export const jiraSendPayloadSchema = mapAddressSchema.extend({
  baseVersion: z.number().int().min(0),
  topN: z.number().int().min(1).max(MAX_SEND_TOP),
  preview: z.boolean(),
  pageUrl: httpUrl,
});

/** `said` in the person's language (decision 0047). */
async function inWords(rc: ResolverContext, said: Message): Promise<string> {
  return render(said, await translatorFor(rc.locale));
}

/** The statuses with the reason Jira could not answer, if so, in the person's language. */
async function statusesIn(rc: ResolverContext, read: StatusesRead): Promise<WorkStatuses> {
  return read.available ? read : { ...read, reason: await inWords(rc, read.reason) };
}

/** Where the person may create work, with every reason in the person's language. */
async function creatableIn(rc: ResolverContext, read: CreatableWorkRead): Promise<CreatableWork> {
  if (!read.available) return { ...read, reason: await inWords(rc, read.reason) };
  const { project, ...rest } = read;
  if (!project) return rest;
  const { reason, ...asked } = project;
  return {
    ...rest,
    project: reason ? { ...asked, reason: await inWords(rc, reason) } : asked,
  };
}

function jiraFor(rc: ResolverContext): JiraClient {
  return jiraUserClient({ sleep: rc.deps.sleep });
}

/** The work item key a `ref` (key or Jira link) names; anything else is refused on `ref`. */
function workItemKeyOf(ref: string): string {
  const key = parseWorkItemRef(ref);
  if (key === null || !WORK_ITEM_KEY.test(key)) {
    throw new ResolverFailure('INVALID_INPUT', msg('errors.jira.badRef'), 'ref');
  }
  return key;
}

/** `jira/statuses`: the map read as the viewer, then one JQL search for its linked work. */
export const jiraStatusesResolver = mapDoor(
  'jira/statuses',
  jiraStatusesPayloadSchema,
  async ({ rc, client, at }) =>
    statusesIn(rc, await loadWorkStatuses({ client, jira: jiraFor(rc), at })),
);

/** `jira/lookup`: the state of the work item a key or URL names (1 Jira call). */
export const jiraLookupResolver = door(
  'jira/lookup',
  jiraLookupPayloadSchema,
  async (rc, input) => {
    // The reference is checked before the address, as a payload field.
    const key = workItemKeyOf(input.ref);
    await mapLocationFor({ rc, client: clientFor(rc), address: input });
    return statusesIn(rc, await statusesOfKeys(jiraFor(rc), [key]));
  },
);

/** `jira/projects`: where the viewer may create work (and, for one project, its work types). */
export const jiraProjectsResolver = door(
  'jira/projects',
  jiraProjectsPayloadSchema,
  async (rc, input) => {
    if ('spaceId' in input) assertSameSpace(rc, { id: input.spaceId });
    else await mapLocationFor({ rc, client: clientFor(rc), address: input });
    return creatableIn(rc, await creatableWork({ jira: jiraFor(rc), project: input.project }));
  },
);

/**
 * `jira/spaceStatuses`: the statuses of the work the space index's maps link, in ONE JQL search
 * as the viewer (Jira answers only what the viewer may see; the keys come from summaries the
 * viewer just read, so nothing here reveals more than Jira would).
 */
export const jiraSpaceStatusesResolver = door(
  'jira/spaceStatuses',
  jiraSpaceStatusesPayloadSchema,
  async (rc, input) => {
    assertSameSpace(rc, { key: input.spaceKey });
    return statusesIn(rc, await statusesOfKeys(jiraFor(rc), input.keys));
  },
);

/** `jira/create`: one Jira create as the viewer, then the link recorded on the map. */
export const jiraCreateResolver = mapDoor(
  'jira/create',
  jiraCreatePayloadSchema,
  ({ rc, input, client, at }) => {
    const { pageId: _p, localId: _l, baseVersion, ...request } = input;
    return createWorkItem({
      client,
      jira: jiraFor(rc),
      at,
      request,
      baseVersion,
      accountId: rc.accountId,
      deps: rc.deps,
    });
  },
);

/** `jira/send`: the plan, and unless a preview, N creates + 1 map save. */
export const jiraSendResolver = mapDoor(
  'jira/send',
  jiraSendPayloadSchema,
  async ({ rc, input, client, at }) => {
    const spaceId = rc.invocation.module === 'macro' ? rc.invocation.space.id : null;
    if (!spaceId) throw new ResolverFailure('FORBIDDEN', msg('errors.jira.ownPageOnly'));
    const { pageId: _p, localId: _l, ...plan } = input;
    return sendWorkItems({
      t: await translatorFor(rc.locale),
      client,
      jira: jiraFor(rc),
      at,
      spaceId,
      ...plan,
      accountId: rc.accountId,
      deps: rc.deps,
    });
  },
);
