/**
 * The resolver contract: every key the Custom UI may `invoke`, with its payload and result.
 * Type-only (the UI imports it with `import type`); a guardrail test checks that these keys,
 * the keys `resolver.define` registers and the UI's calls are one and the same set, and
 * contract-check.ts fails `tsc` when a payload here and its zod schema diverge.
 */
import type { FutureStateResult } from '../domain/future/future-state-result';
import type { AppLocale } from '../domain/i18n/locale';
import type { Message } from '../domain/i18n/message';
import type { LoggedSave as DomainLoggedSave } from '../domain/live/ops-since';
import type { JourneyMap } from '../domain/model/schema';
import type { DroppedOp } from '../domain/operations/apply';
import type { Op } from '../domain/operations/op-types';
import type { RoutingRules } from '../domain/routing';
import type { BylineLabel, MapSummary } from '../domain/summary';
import type { TemplateName } from '../domain/templates/template-ids';
import type { CreatableWork, SendRow, WorkItemRequest, WorkStatuses } from '../domain/work-items';
import type { GeneratedWriteUp } from '../domain/write-up/generated-write-up';

/** Error codes a resolver can answer with; each carries a message a person can act on. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'TOO_LARGE'
  | 'RATE_LIMITED'
  | 'CORRUPT'
  | 'ALREADY_EXISTS'
  | 'SERVER_ERROR';

/**
 * A typed failure: never a stack trace. `message` is in the locale the payload carried (English
 * without one); `key` and `params` name it in the catalogues (decision 0047), so a screen can
 * translate it too; errors built in the UI itself carry no key.
 */
export type ResolverError = {
  code: ErrorCode;
  message: string;
  key?: string;
  params?: Message['params'];
  /** The offending field, when the input was at fault. */
  field?: string;
};

/** Every resolver answers with this envelope. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

/** Identifies one macro instance: the page that holds it and its `localId`. */
export type MapAddress = { pageId: string; localId: string };

/** Templates a new map can start from (declared once, in src/domain/templates/template-ids.ts). */
export type TemplateId = TemplateName;

/** What the viewer may do with a map. */
export type Capabilities = { canEdit: boolean; reason?: string };

/** A repair `restore()` made while loading, reported to the UI (`said`: in catalogue words). */
export type RepairNote = { path: string; message: string; said?: Message };

/** An op the server dropped because its target no longer exists (declared in the domain). */
export type { DroppedOp };

/** A page attachment that is an image. */
export type PhotoInfo = {
  attachmentId: string;
  fileName: string;
  mediaType: string;
  fileSize: number;
  downloadPath: string;
};

/** The contract: key → payload and result. */
export type ResolverContract = {
  'map/load': {
    payload: MapAddress;
    result: Result<{
      /** Null when there is no map yet, or when it is too big to answer as JSON (`packed`). */
      map: JourneyMap | null;
      version: number;
      capabilities: Capabilities;
      repairs: RepairNote[];
      /**
       * A map too big for the app to save (written by an older version or over REST): its JSON
       * deflated and base64-encoded, so it still fits in one answer. It opens read-only.
       */
      packed?: string;
    }>;
  };
  'map/create': {
    payload: MapAddress & { template: TemplateId; title?: string };
    result: Result<{ map: JourneyMap; version: number }>;
  };
  'map/apply': {
    /**
     * `batchId` (8-64 of [A-Za-z0-9_-], e.g. a UUID) names the batch: a resend with the same id
     * is applied once and answered like the first time (with the latest map). The answer is
     * small (decision 0028): `change` turns the caller's map at `baseVersion` into `version`;
     * only when no change can say that exactly (a rebase, a resend) is the whole `map` sent.
     */
    payload: MapAddress & { baseVersion: number; batchId: string; ops: Op[] };
    result: Result<MapApplyAnswer>;
  };
  'map/version': {
    payload: MapAddress;
    result: Result<{ version: number }>;
  };
  'map/liveToken': {
    /**
     * A subscribe-only token of the map's Realtime channel (decision 0052), signed after the map's
     * head was read as the caller; `expiresAt` in epoch seconds; `version` the head's version then.
     */
    payload: MapAddress;
    result: Result<{ token: string; expiresAt: number; version: number }>;
  };
  'map/opsSince': {
    /**
     * The saves after `sinceVersion`, from the op log the map's head keeps (decision 0040): a
     * client that missed an event catches up with them (an inline map keeps a tail of its latest
     * saves: decision 0045). `saves` is null when the log does not reach back that far: then
     * the client loads the map.
     */
    payload: MapAddress & { sinceVersion: number };
    result: Result<{ version: number; saves: LoggedSave[] | null }>;
  };
  'map/import': {
    /** `map` is checked by `restore()` on the server; `baseVersion` must be the latest. */
    payload: MapAddress & { baseVersion: number; map: unknown };
    result: Result<{
      map: JourneyMap;
      version: number;
      /** The map the import replaced (null when there was none): "Undo import" imports it. */
      previous: JourneyMap | null;
      previousVersion: number;
      /** What `restore()` repaired and which page-bound references were kept. */
      repairs: RepairNote[];
    }>;
  };
  'photos/list': {
    payload: { pageId: string };
    result: Result<{ photos: PhotoInfo[] }>;
  };
  'photos/register': {
    /** An attachment the browser just uploaded: checked (bytes, size, type), then added. */
    payload: MapAddress & {
      baseVersion: number;
      attachmentId: string;
      caption?: string;
      stepId?: string | null;
    };
    result: Result<MapApplyData>;
  };
  'writeup/generate': {
    /** `spaceId`, when sent, must be the map page's space; `preview` renders without writing. */
    payload: MapAddress & {
      spaceId?: string;
      preview?: boolean;
      /** The map version the macro shows (unused since decision 0014: every generation reads as the user). */
      mapVersion?: number;
    };
    result: Result<GeneratedWriteUp>;
  };
  'index/list': {
    payload: { spaceKey: string; cursor?: string };
    result: Result<{
      entries: IndexEntry[];
      /** More maps remain: call again with it. */
      cursor?: string;
      /** Maps left out of pages whose summary was too large to list them all. */
      hiddenMaps: number;
    }>;
  };
  'routing/get': {
    payload: { spaceId: string };
    result: Result<RoutingState>;
  };
  'routing/set': {
    payload: { spaceId: string; rules: RoutingRules; baseVersion: number };
    result: Result<{ rules: RoutingRules; version: number }>;
  };
  'map/createFutureState': {
    /** The current-state map; its copy goes on the same page or on a new child page. */
    payload: MapAddress & { placement: 'samePage' | 'childPage' };
    result: Result<FutureStateResult>;
  };
  'jira/statuses': {
    /** Every linked work item of the map, in ONE JQL search as the viewer. */
    payload: MapAddress;
    result: Result<WorkStatuses>;
  };
  'jira/lookup': {
    /** A key or Jira URL typed to link existing work: is it there, and in what state? */
    payload: MapAddress & { ref: string };
    result: Result<WorkStatuses>;
  };
  'jira/projects': {
    /** Projects the viewer may create work in; with `project`, its work types and permission. */
    payload: (MapAddress | { spaceId: string }) & { project?: string };
    result: Result<JiraProjects>;
  };
  'jira/spaceStatuses': {
    /** The work the space index's maps link (keys from their summaries), in ONE JQL search. */
    payload: { spaceKey: string; keys: string[] };
    result: Result<WorkStatuses>;
  };
  'jira/create': {
    /** One work item for a card, created as the viewer, then linked on the map. */
    payload: MapAddress & WorkItemRequest & { baseVersion: number };
    result: Result<{ key: string; saved: MapApplyData }>;
  };
  'jira/send': {
    /** The top N pain points and opportunities to their teams (`preview`: the plan only). */
    payload: MapAddress & { baseVersion: number; topN: number; preview: boolean; pageUrl: string };
    result: Result<{ rows: SentRow[]; saved: MapApplyData | null }>;
  };
  'page/maps': {
    /** The page the module is on (checked against the context). */
    payload: { pageId: string };
    result: Result<PageMaps>;
  };
};

/** The journey maps of one page, from its summary (byline panel and page actions). */
export type PageMaps = {
  pageId: string;
  pageTitle: string;
  /** Site-relative path of the page. */
  pageUrl: string;
  /**
   * One entry per map still in the body, in creation order (empty: the page has no map), with
   * `macroId`: the macro's own localId (the summary keeps a sanitised one), which requests use.
   */
  maps: (MapSummary & { macroId: string })[];
  /** Maps the summary left out (very many maps on one page). */
  hiddenMaps: number;
  /** What the byline item says about the page. */
  byline: BylineLabel;
};

/** What a save answers with the whole map (photos/register, a Jira link recorded). */
export type MapApplyData = {
  map: JourneyMap;
  version: number;
  dropped: DroppedOp[];
  /** True when someone else's edits were merged in before these ops were applied. */
  rebased: boolean;
  /** Fields this save overwrote that another person changed since `baseVersion`. */
  overwritten: string[];
};

/**
 * One logged save (`src/domain/live/ops-since.ts`): the version it made, its ops (as applied),
 * the map's `updatedAt` after it, who saved and what it overwrote (null when not known).
 */
export type LoggedSave = Omit<DomainLoggedSave, 'ops'> & { ops: Op[] };

/** Ops (as applied) and the save time that turn the map at `baseVersion` into the saved one. */
export type MapChange = { ops: Op[]; updatedAt: string | null };

/** What `map/apply` answers: the change since the caller's base, or the map when none can say it. */
export type MapApplyAnswer = Omit<MapApplyData, 'map'> &
  ({ change: MapChange; map: null } | { change: null; map: JourneyMap });

/** Statuses of linked work, or why Jira cannot say (the map works on without it). */
export type { WorkStatuses };

/** Where the viewer may create work. */
export type JiraProjects = CreatableWork;

/** One row of a send's report. */
export type SentRow = SendRow & { key?: string; error?: string };

/** What `map/createFutureState` made (declared once, in src/domain/future/future-state-result.ts). */
export type { FutureStateResult };

/** One map in the space index: its page and the map's summary entry. */
export type IndexEntry = {
  pageId: string;
  pageTitle: string;
  /** Site-relative path of the page (`/wiki/spaces/…`). */
  pageUrl: string;
  /** The macro's localId as it appears on the page (anchors the link to the map). */
  macroId: string;
  map: MapSummary;
};

/** The space's team routing rules and whether the viewer may change them. */
export type RoutingState = {
  rules: RoutingRules;
  /** Version a change must build on (0: none stored yet). */
  version: number;
  canEdit: boolean;
  /** Why the viewer cannot edit, or that the stored value was unreadable. */
  reason?: string;
};

/** A key of the contract. */
export type ResolverKey = keyof ResolverContract;
/** The payload of a key. */
export type PayloadOf<K extends ResolverKey> = ResolverContract[K]['payload'];

/**
 * What travels: a key's payload plus the person's locale (decision 0047), which the UI client
 * adds to every call; the resolver door takes it off before the key's schema sees the payload.
 */
export type SentPayloadOf<K extends ResolverKey> = PayloadOf<K> & { locale?: AppLocale };
/** The result of a key. */
export type ResultOf<K extends ResolverKey> = ResolverContract[K]['result'];
