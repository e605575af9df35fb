/**
 * Resolver wiring: one `new Resolver()` defining every live contract key. `createResolverHandler`
 * takes the injected deps (tests pass a fixed clock and ids); `handler` uses production deps.
 */
import type { ResolverKey } from './contract';
import type { ResolverContext } from './context';
import { contextFrom } from './context';
import type { ResolverDeps } from './deps';
import { defaultDeps } from './deps';
import { mapLiveTokenResolver } from './map-live-token';
import { applyMapResolver, createMapResolver, loadMapResolver, mapVersionResolver } from './map';
import { mapOpsSinceResolver } from './map-ops-since';
import { importMapResolver } from './map-import';
import { listIndexResolver } from './index-list';
import { registerPhotoResolver } from './photo-register';
import { listPhotos } from './photos';
import { getRoutingResolver, setRoutingResolver } from './routing';
import { generateWriteUpResolver } from './writeup';
import { createFutureStateResolver } from './future';
import {
  jiraCreateResolver,
  jiraLookupResolver,
  jiraProjectsResolver,
  jiraSendResolver,
  jiraSpaceStatusesResolver,
  jiraStatusesResolver,
} from './jira';
import { pageMapsResolver } from './page-maps';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../domain/codec/json-depth';
import { DEFAULT_LOCALE } from '../domain/i18n';
import { msg } from '../domain/i18n/message';
import { fail, refusal } from './result';
import { inLocale, splitLocale } from './locale-door';
import { Resolver } from './forge-resolver';

/** Every live key and its implementation (a missing key is a type error). */
const IMPLEMENTATIONS: Record<
  ResolverKey,
  (rc: ResolverContext, payload: unknown) => Promise<unknown>
> = {
  'map/load': loadMapResolver,
  'map/create': createMapResolver,
  'map/apply': applyMapResolver,
  'map/version': mapVersionResolver,
  'map/liveToken': mapLiveTokenResolver,
  'map/opsSince': mapOpsSinceResolver,
  'map/import': importMapResolver,
  'photos/list': listPhotos,
  'photos/register': registerPhotoResolver,
  'index/list': listIndexResolver,
  'routing/get': getRoutingResolver,
  'routing/set': setRoutingResolver,
  'writeup/generate': generateWriteUpResolver,
  'map/createFutureState': createFutureStateResolver,
  'jira/statuses': jiraStatusesResolver,
  'jira/lookup': jiraLookupResolver,
  'jira/projects': jiraProjectsResolver,
  'jira/create': jiraCreateResolver,
  'jira/send': jiraSendResolver,
  'jira/spaceStatuses': jiraSpaceStatusesResolver,
  'page/maps': pageMapsResolver,
};

/** The keys this build registers. */
export const REGISTERED_KEYS = Object.keys(IMPLEMENTATIONS) as ResolverKey[];

/** The handler Forge calls: `(event, runtimeContext) => Promise<result>`. */
export type ResolverHandler = ReturnType<InstanceType<typeof Resolver>['getDefinitions']>;

/** Builds the Forge resolver handler with the given dependencies. */
export function createResolverHandler(deps: ResolverDeps = defaultDeps): ResolverHandler {
  const bind =
    (key: ResolverKey) =>
    async ({ payload, context }: { payload: unknown; context: Record<string, unknown> }) => {
      const sent = splitLocale(payload);
      if (!sent.ok) return inLocale(fail(sent.error), DEFAULT_LOCALE);
      const rc = contextFrom({ deps, context: context ?? {}, locale: sent.locale });
      return inLocale(await IMPLEMENTATIONS[key](rc, sent.payload), sent.locale);
    };
  // Keys spelled out (not looped) so readers and guardrails see exactly what is registered.
  const resolver = new Resolver()
    .define('map/load', bind('map/load'))
    .define('map/create', bind('map/create'))
    .define('map/apply', bind('map/apply'))
    .define('map/version', bind('map/version'))
    .define('map/liveToken', bind('map/liveToken'))
    .define('map/opsSince', bind('map/opsSince'))
    .define('map/import', bind('map/import'))
    .define('photos/list', bind('photos/list'))
    .define('photos/register', bind('photos/register'))
    .define('index/list', bind('index/list'))
    .define('routing/get', bind('routing/get'))
    .define('routing/set', bind('routing/set'))
    .define('writeup/generate', bind('writeup/generate'))
    .define('map/createFutureState', bind('map/createFutureState'))
    .define('jira/statuses', bind('jira/statuses'))
    .define('jira/lookup', bind('jira/lookup'))
    .define('jira/projects', bind('jira/projects'))
    .define('jira/create', bind('jira/create'))
    .define('jira/send', bind('jira/send'))
    .define('jira/spaceStatuses', bind('jira/spaceStatuses'))
    .define('page/maps', bind('page/maps'));
  return atTheDoor(resolver.getDefinitions());
}

/**
 * Refuses what must not reach @forge/resolver or any resolver, with a typed error:
 * - an unknown function key: its lookup uses `in`, so "constructor" or "toString" would find
 *   Object.prototype's members and call them (echoing the payload and context back, or throwing);
 * - a payload nested deeper than any real one: every later step (zod, `JSON.stringify`,
 *   `structuredClone`, the SDK's own answer clone) recurses and would overflow the stack.
 */
function atTheDoor(definitions: ResolverHandler): ResolverHandler {
  return (event, runtime) => {
    const key: unknown = event?.call?.functionKey;
    const sent = splitLocale(event?.call?.payload);
    const locale = sent.ok ? sent.locale : DEFAULT_LOCALE;
    if (typeof key !== 'string' || !Object.hasOwn(IMPLEMENTATIONS, key)) {
      const said = msg('errors.server.unknownKey');
      return inLocale(fail(refusal({ code: 'INVALID_INPUT', said, field: 'functionKey' })), locale);
    }
    if (nestsDeeperThan(event.call.payload, MAX_JSON_DEPTH)) {
      const said = msg('errors.server.tooDeep', { depth: MAX_JSON_DEPTH });
      return inLocale(fail(refusal({ code: 'INVALID_INPUT', said, field: 'payload' })), locale);
    }
    return definitions(event, runtime);
  };
}

/** The resolver function the manifest names (`resolver` → `src/index.ts` `handler`). */
export const handler = createResolverHandler();
