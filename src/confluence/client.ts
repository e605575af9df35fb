/**
 * The Confluence client: typed operations over pages, properties, space properties, attachments
 * and search. Built on an injected requester so every caller states whether it acts as the user
 * (the default, `asUser()`) or, with a written reason, as the app.
 */
import { asApp, asUser } from '@forge/api';
import { z } from 'zod';
import type { Route } from '@forge/api';
import type { HttpCall, HttpDeps } from './http';
import type { ContentRef, ContentType } from './content-ref';
import { isContentType } from './content-ref';
import { NotFoundError, ServerError, asTitleTaken } from './errors';
import { send, sendForBytes } from './http';
import { multipartBody } from './multipart';
import { newPageBody, pageUpdateBody } from './page-bodies';
import { routes } from './routes';
import type { AttachmentInfo, PageInfo, SearchHit, StoredProperty } from './wire';
import {
  attachmentWire,
  listWire,
  nextCursor,
  operationWire,
  pageWire,
  parseWire,
  propertyWire,
  searchWire,
  toStored,
} from './wire';

/** Largest page the v2 list endpoints accept. */
export const MAX_LIST_LIMIT = 250;
/** Pages of results followed before giving up (a guard against runaway cursors). */
const MAX_PAGES = 40;

/** A page together with its properties and whether the caller may edit it. */
export type PageState = {
  page: PageInfo;
  properties: StoredProperty[];
  canEdit: boolean;
};

/** Options of the client. */
export type ClientOptions = Omit<HttpDeps, 'requester'>;

/** Typed Confluence operations; the only code that knows REST paths (via routes.ts). */
export class ConfluenceClient {
  constructor(private readonly deps: HttpDeps) {}

  /** Sends `call` and reads the answer with `wire`; `label` names it when the shape is wrong. */
  private async request<T extends z.ZodType>(
    call: HttpCall,
    wire: T,
    label: string = call.what,
  ): Promise<z.infer<T>> {
    return parseWire(wire, await send(this.deps, call), label);
  }

  /** Sends a DELETE (the answer has no body worth reading). */
  private async remove(url: Route, what: string): Promise<void> {
    await send(this.deps, { url, method: 'DELETE', what });
  }

  /**
   * Every item of a cursor-paginated v2 list, following `_links.next` at most MAX_PAGES times;
   * `complete` is false when the list still had a next page then.
   */
  private async listAll<T extends z.ZodType>(args: {
    url: (cursor: string | undefined) => Route;
    item: T;
    what: string;
    label?: string;
  }): Promise<{ items: z.infer<T>[]; complete: boolean }> {
    const items: z.infer<T>[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const list = await this.request(
        { url: args.url(cursor), what: args.what },
        listWire(args.item),
        args.label,
      );
      items.push(...list.results);
      cursor = nextCursor(list._links?.next);
      if (!cursor) return { items, complete: true };
    }
    return { items, complete: false };
  }

  /** The property `key` in a filtered property list (content or space), or null. */
  private async propertyIn(url: Route, key: string, what: string): Promise<StoredProperty | null> {
    const list = await this.request({ url, what }, listWire(propertyWire));
    const found = list.results.find((p) => p.key === key);
    return found ? toStored(found) : null;
  }

  /**
   * A page or blog post with up to 50 properties and the caller's permitted operations in ONE
   * call; follows up with the properties list only when it has more properties than fit.
   */
  async getPageState(content: ContentRef): Promise<PageState> {
    const url = routes.content(content, {
      'include-properties': true,
      'include-operations': true,
      'include-version': false,
    });
    const page = await this.request({ url, what: 'the page' }, pageWire);
    const included = page.properties;
    // Use the included properties only when they are complete and carry their values.
    const usable =
      included !== undefined &&
      included.meta?.hasMore !== true &&
      included.results.every((p) => p.value !== undefined);
    const properties = usable ? included.results.map(toStored) : await this.listProperties(content);
    // Without the included operations (an older API), ask the operations endpoint instead.
    const canEdit = page.operations
      ? canUpdate(page.operations.results)
      : await this.canEditPage(content);
    return { page, properties, canEdit };
  }

  /** Whether the caller may edit the page (v2 permitted operations). */
  async canEditPage(content: ContentRef): Promise<boolean> {
    const url = routes.contentOperations(content);
    const parsed = await this.request(
      { url, what: 'the page' },
      operationsWire,
      'the page permissions',
    );
    return canUpdate(parsed.operations ?? []);
  }

  /** Every content property of a page or blog post (250 per call; most need one call). */
  async listProperties(content: ContentRef): Promise<StoredProperty[]> {
    const { items } = await this.listAll({
      url: (cursor) => routes.contentProperties(content, { limit: MAX_LIST_LIMIT, cursor }),
      item: propertyWire,
      what: 'the page properties',
    });
    return items.map(toStored);
  }

  /** One content property by key (the `key` filter is exact), or null. */
  async getPropertyByKey(content: ContentRef, key: string): Promise<StoredProperty | null> {
    return this.propertyIn(routes.contentProperties(content, { key }), key, 'the page property');
  }

  /** Creates a content property (version 1). A duplicate key is an InvalidRequestError. */
  async createProperty(args: {
    content: ContentRef;
    key: string;
    value: unknown;
    what: string;
  }): Promise<StoredProperty> {
    const url = routes.contentProperties(args.content);
    const body = { key: args.key, value: args.value };
    return toStored(
      await this.request({ url, method: 'POST', body, what: args.what }, propertyWire),
    );
  }

  /** Updates a content property by id to `version + 1`; a stale version is a ConflictError. */
  async updateProperty(args: {
    content: ContentRef;
    property: { id: string; key: string; version: number };
    value: unknown;
    what: string;
  }): Promise<StoredProperty> {
    const url = routes.contentProperty(args.content, args.property.id);
    const body = {
      key: args.property.key,
      value: args.value,
      version: { number: args.property.version + 1, message: '' },
    };
    return toStored(
      await this.request({ url, method: 'PUT', body, what: args.what }, propertyWire),
    );
  }

  /** Deletes a content property by id. */
  async deleteProperty(args: {
    content: ContentRef;
    propertyId: string;
    what: string;
  }): Promise<void> {
    await this.remove(routes.contentProperty(args.content, args.propertyId), args.what);
  }

  /** A page or blog post, optionally with its storage body. */
  async getPage(content: ContentRef, opts: { body?: boolean } = {}): Promise<PageInfo> {
    const url = routes.content(content, opts.body ? { 'body-format': 'storage' } : {});
    return this.request({ url, what: 'the page' }, pageWire);
  }

  /**
   * A page (or blog post) with one of its content properties (null when it has none), in one
   * call while it has at most 50 properties (they come included), else one more for the property.
   */
  async getPageWithProperty(
    content: ContentRef,
    key: string,
    opts: { body?: boolean } = {},
  ): Promise<{ page: PageInfo; property: StoredProperty | null }> {
    const url = routes.content(content, {
      'include-properties': true,
      ...(opts.body ? { 'body-format': 'storage' } : {}),
    });
    const page = await this.request({ url, what: 'the page' }, pageWire);
    const included = page.properties;
    const hit = included?.results.find((p) => p.key === key && p.value !== undefined);
    if (hit) return { page, property: toStored(hit) };
    const complete = included !== undefined && included.meta?.hasMore !== true;
    return { page, property: complete ? null : await this.getPropertyByKey(content, key) };
  }

  /**
   * Creates a page in storage format: a child of `parentId`, or (null) of the space homepage,
   * where Confluence puts a page created without a parent.
   */
  async createChildPage(args: {
    spaceId: string;
    parentId: string | null;
    title: string;
    storage: string;
  }): Promise<PageInfo> {
    return this.writePage(
      { url: routes.contentList('page'), method: 'POST', body: newPageBody(args) },
      args.title,
      'the new page',
    );
  }

  /** Moves a page to the trash (undoes a page this app just created when a later step failed). */
  async deletePage(content: ContentRef): Promise<void> {
    await this.remove(routes.contentUpdate(content), 'the page');
  }

  /** Replaces the title and storage body of a page or blog post, as `version + 1`. */
  async updatePage(args: {
    content: ContentRef;
    title: string;
    storage: string;
    version: number;
  }): Promise<PageInfo> {
    const body = pageUpdateBody({
      ...args,
      id: args.content.id,
      message: 'Updated by Journey Maps',
    });
    return this.writePage(
      { url: routes.contentUpdate(args.content), method: 'PUT', body },
      args.title,
      'the updated page',
    );
  }

  /** Creates or replaces a page; Confluence's "title already exists" becomes TitleTakenError. */
  private async writePage(
    call: Omit<HttpCall, 'what'>,
    title: string,
    label: string,
  ): Promise<PageInfo> {
    const body = await send(this.deps, { ...call, what: `the page "${title}"` }).catch(
      (error: unknown) => {
        throw asTitleTaken(error);
      },
    );
    return parseWire(pageWire, body, label);
  }

  /** The current page with this exact title in a space (optionally with its body), or null. */
  async findPageByTitle(args: {
    spaceId: string;
    title: string;
    body?: boolean;
  }): Promise<PageInfo | null> {
    const url = routes.contentList('page', {
      'space-id': args.spaceId,
      title: args.title,
      status: 'current',
      limit: 5,
      ...(args.body ? { 'body-format': 'storage' } : {}),
    });
    const list = await this.request({ url, what: 'the page' }, listWire(pageWire), 'the pages');
    return list.results.find((p) => p.title === args.title) ?? null;
  }

  /** One space property by key, or null. */
  async getSpaceProperty(spaceId: string, key: string): Promise<StoredProperty | null> {
    return this.propertyIn(routes.spaceProperties(spaceId, { key }), key, 'the space property');
  }

  /**
   * The first of `keys` (in order of preference) stored on the space, in ONE call for spaces
   * with up to 250 properties (unfiltered list); more properties fall back to one call per key.
   */
  async findSpaceProperty(
    spaceId: string,
    keys: readonly string[],
  ): Promise<StoredProperty | null> {
    const url = routes.spaceProperties(spaceId, { limit: MAX_LIST_LIMIT });
    const list = await this.request({ url, what: 'the space property' }, listWire(propertyWire));
    for (const key of keys) {
      const found = list.results.find((p) => p.key === key);
      if (found) return toStored(found);
    }
    if (nextCursor(list._links?.next) === undefined) return null;
    for (const key of keys) {
      const found = await this.getSpaceProperty(spaceId, key);
      if (found) return found;
    }
    return null;
  }

  /** Creates or updates (`version + 1`) a space property. */
  async putSpaceProperty(args: {
    spaceId: string;
    key: string;
    value: unknown;
    current: { id: string; version: number } | null;
  }): Promise<StoredProperty> {
    const { key, value, current } = args;
    const call: HttpCall = current
      ? {
          url: routes.spaceProperty(args.spaceId, current.id),
          method: 'PUT',
          body: { key, value, version: { number: current.version + 1 } },
          what: 'the space settings',
        }
      : {
          url: routes.spaceProperties(args.spaceId),
          method: 'POST',
          body: { key, value },
          what: 'the space settings',
        };
    return toStored(await this.request(call, propertyWire));
  }

  /** Every attachment of a page or blog post (250 per call). */
  async listAttachments(content: ContentRef): Promise<AttachmentInfo[]> {
    const { items } = await this.listAll({
      url: (cursor) => routes.contentAttachments(content, { limit: MAX_LIST_LIMIT, cursor }),
      item: attachmentWire,
      what: 'the page attachments',
    });
    return items;
  }

  /**
   * One page of CQL search results with one content property of each hit expanded (v1 caps
   * `limit` at 200 when anything is expanded). `property` is null when the page has none.
   */
  async searchWithProperty(args: {
    cql: string;
    /** Expanded in one call; a hit carries the first of them the page has. */
    propertyKeys: readonly string[];
    limit: number;
    cursor?: string;
  }): Promise<{ results: PropertyHit[]; cursor?: string }> {
    const url = routes.search({
      cql: args.cql,
      limit: args.limit,
      cursor: args.cursor,
      expand: args.propertyKeys.map((k) => `content.metadata.properties.${k}`).join(','),
    });
    const parsed = await this.request({ url, what: 'the search' }, propertySearchWire);
    const results: PropertyHit[] = [];
    for (const hit of parsed.results) {
      const content = hit.content;
      if (!content) continue;
      // Search reports `type` on every hit; one without it is a page (older answers).
      const type = content.type ?? 'page';
      if (!isContentType(type)) continue;
      const props = content.metadata?.properties;
      const key = args.propertyKeys.find((k) => props?.[k]);
      const prop = key === undefined ? undefined : props?.[key];
      results.push({
        id: content.id,
        type,
        title: content.title ?? hit.title ?? '',
        url: hit.url ?? content._links?.webui ?? '',
        property: prop ? { value: prop.value, version: prop.version?.number ?? 0 } : null,
      });
    }
    const cursor = nextCursor(parsed._links?.next);
    return cursor ? { results, cursor } : { results };
  }

  /**
   * Current pages or blog posts by id (at most 250 ids), optionally with storage bodies.
   * Follows `_links.next` (bounded): Confluence may answer fewer than `limit` results a reply,
   * and a page missing from the first reply is not a trashed page.
   */
  async listContentById(args: {
    type: ContentType;
    ids: readonly string[];
    body?: boolean;
  }): Promise<PageInfo[]> {
    if (args.ids.length === 0) return [];
    if (args.ids.length > MAX_LIST_LIMIT) {
      throw new Error(`listContentById takes at most ${MAX_LIST_LIMIT} ids per call.`);
    }
    const { items, complete } = await this.listAll({
      url: (cursor) =>
        routes.contentList(args.type, {
          id: args.ids.join(','),
          status: 'current',
          limit: MAX_LIST_LIMIT,
          cursor,
          ...(args.body ? { 'body-format': 'storage' } : {}),
        }),
      item: pageWire,
      what: args.type === 'blogpost' ? 'the blog posts' : 'the pages',
      label: 'the pages',
    });
    if (!complete) {
      throw new ServerError('Confluence kept answering more pages than were asked for.', 200);
    }
    return items;
  }

  /**
   * Content by id when its type is not known (the space page addresses maps by id): the page,
   * else the blog post; a NotFoundError when the caller can see neither.
   */
  async findContent(id: string): Promise<{ content: ContentRef; page: PageInfo }> {
    for (const type of ['page', 'blogpost'] as const) {
      try {
        const page = await this.getPage({ type, id });
        return { content: { type, id }, page };
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    throw new NotFoundError('This page does not exist, or you cannot see it.', 404);
  }

  /** A space's id, key and homepage id (pages made for a blog post go under the homepage). */
  async getSpace(spaceId: string): Promise<SpaceInfo> {
    const parsed = await this.request({ url: routes.space(spaceId), what: 'the space' }, spaceWire);
    return { id: parsed.id, key: parsed.key, homepageId: parsed.homepageId ?? null };
  }

  /**
   * The calling person's Confluence locale (v1 `user/current`'s `locale`, as the Forge i18n docs
   * name it for functions that get no locale), or null when Confluence gives none.
   */
  async getCurrentUserLocale(): Promise<string | null> {
    const url = routes.currentUser();
    return (await this.request({ url, what: 'your profile' }, currentUserWire)).locale ?? null;
  }

  /** The caller's permitted operations in a space (v2). */
  async getSpaceOperations(
    spaceId: string,
  ): Promise<{ operation: string; targetType?: string | undefined }[]> {
    const url = routes.spaceOperations(spaceId);
    const parsed = await this.request(
      { url, what: 'the space' },
      operationsWire,
      'the space permissions',
    );
    return parsed.operations ?? [];
  }

  /**
   * Uploads a file to a page, replacing the attachment of the same name if there is one
   * (v1 `PUT …/child/attachment`, multipart, one call). Returns the attachment's id.
   */
  async upsertAttachment(args: {
    pageId: string;
    fileName: string;
    mediaType: string;
    bytes: Uint8Array;
    comment: string;
  }): Promise<{ id: string; version: number }> {
    const multipart = await multipartBody({
      fields: { comment: args.comment, minorEdit: 'true' },
      file: {
        field: 'file',
        fileName: args.fileName,
        mediaType: args.mediaType,
        bytes: args.bytes,
      },
    });
    const what = `the attachment "${args.fileName}"`;
    const url = routes.contentAttachmentUpload(args.pageId);
    const parsed = await this.request({ url, method: 'PUT', multipart, what }, v1AttachmentsWire);
    const first = parsed.results[0];
    if (!first) throw new ServerError(`Confluence did not return ${what}.`, 200);
    return { id: first.id, version: first.version?.number ?? 1 };
  }

  /** Deletes an attachment (v2, to the trash): undoes an upload the server refused. */
  async deleteAttachment(attachmentId: string): Promise<void> {
    await this.remove(routes.attachment(attachmentId), 'the attachment');
  }

  /** One attachment's facts (v2), or null when it is gone or hidden. */
  async getAttachment(attachmentId: string): Promise<AttachmentInfo | null> {
    try {
      const url = routes.attachment(attachmentId);
      return await this.request({ url, what: 'the attachment' }, attachmentWire);
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /**
   * An attachment's bytes through the documented download endpoint, at most `maxBytes + 1` of
   * them kept (enough to tell that a file is too large).
   */
  async downloadAttachment(args: {
    pageId: string;
    attachmentId: string;
    maxBytes: number;
  }): Promise<Uint8Array> {
    const bytes = await sendForBytes(this.deps, {
      url: routes.attachmentDownload(args.pageId, args.attachmentId),
      what: 'the attachment',
    });
    return bytes.length > args.maxBytes + 1 ? bytes.subarray(0, args.maxBytes + 1) : bytes;
  }

  /** One page of CQL search results. */
  async searchCql(args: {
    cql: string;
    limit: number;
    cursor?: string;
  }): Promise<{ results: SearchHit[]; cursor?: string }> {
    const url = routes.search({ cql: args.cql, limit: args.limit, cursor: args.cursor });
    const parsed = await this.request({ url, what: 'the search' }, searchWire);
    const cursor = nextCursor(parsed._links?.next);
    return cursor ? { results: parsed.results, cursor } : { results: parsed.results };
  }
}

const v1AttachmentsWire = z
  .object({
    results: z.array(
      z
        .object({
          id: z.coerce.string(),
          version: z.object({ number: z.number() }).loose().optional(),
        })
        .loose(),
    ),
  })
  .loose();

const operationsWire = z.object({ operations: z.array(operationWire).optional() }).loose();

/** A space, as the backend needs it. */
export type SpaceInfo = { id: string; key: string; homepageId: string | null };

const spaceWire = z
  .object({
    id: z.coerce.string(),
    key: z.string(),
    homepageId: z.coerce.string().nullish(),
  })
  .loose();

/** The calling user, as far as the locale goes (other fields are left unread). */
const currentUserWire = z.object({ locale: z.string().nullish() }).loose();

/** A CQL hit with one expanded content property (`content.metadata.properties.<key>`). */
export type PropertyHit = {
  id: string;
  type: ContentType;
  title: string;
  /** The page's web UI path relative to `/wiki`, as search returns it. */
  url: string;
  property: { value: unknown; version: number } | null;
};

const propertySearchWire = z
  .object({
    results: z.array(
      z
        .object({
          content: z
            .object({
              id: z.coerce.string(),
              type: z.string().optional(),
              title: z.string().optional(),
              metadata: z
                .object({
                  properties: z
                    .record(
                      z.string(),
                      z
                        .object({
                          value: z.unknown(),
                          version: z.object({ number: z.number() }).loose().optional(),
                        })
                        .loose(),
                    )
                    .optional(),
                })
                .loose()
                .optional(),
              _links: z.object({ webui: z.string().optional() }).loose().optional(),
            })
            .loose()
            .optional(),
          title: z.string().optional(),
          url: z.string().optional(),
        })
        .loose(),
    ),
    _links: z.object({ next: z.string().optional() }).loose().optional(),
  })
  .loose();

function canUpdate(
  ops: ReadonlyArray<{ operation: string; targetType?: string | undefined }>,
): boolean {
  // Blog posts answer `targetType: 'blogpost'`.
  return ops.some(
    (o) => o.operation === 'update' && ['page', 'blogpost'].includes(o.targetType ?? 'page'),
  );
}

/** A client acting as the invoking user (the default for reads and writes). */
export function userClient(options: ClientOptions = {}): ConfluenceClient {
  return new ConfluenceClient({ ...options, requester: asUser().requestConfluence });
}

/**
 * A client acting as the app. Only where no user can act (e.g. an export without a user) and
 * after the caller checked that the target came from the platform, not from client input.
 */
export function appClient(args: ClientOptions & { reason: string }): ConfluenceClient {
  if (args.reason.trim().length < 10) {
    throw new Error('asApp() needs a stated reason (why no user can act here).');
  }
  const { reason: _reason, ...options } = args;
  return new ConfluenceClient({ ...options, requester: asApp().requestConfluence });
}
