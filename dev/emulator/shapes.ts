/** Wire JSON of Confluence v2 and v1 for the emulator's records. */
import type { EmulatorStore } from './store/store';
import type {
  AttachmentRecord,
  PageRecord,
  PropertyRecord,
  SpaceRecord,
  UserRecord,
  VersionRecord,
} from './types';

/** Per-request information the serializers need. */
export type ShapeContext = { store: EmulatorStore; siteUrl: string };

/** A JSON response with Confluence's content type. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const h = new Headers(headers);
  h.set('content-type', 'application/json;charset=UTF-8');
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: h });
}

function slug(title: string): string {
  return encodeURIComponent(title.replace(/\s+/g, '+')).replace(/%2B/g, '+');
}

function tiny(id: string): string {
  return `/x/${Buffer.from(id).toString('base64url')}`;
}

/** The web UI path of a page. */
export function pageWebui(ctx: ShapeContext, page: PageRecord): string {
  const space = ctx.store.get('spaces', page.spaceId);
  if (page.type === 'blogpost') {
    // Confluence's blog URLs carry the posting day: /spaces/KEY/blog/yyyy/mm/dd/id/slug.
    const day = page.createdAt.slice(0, 10).replace(/-/g, '/');
    return `/spaces/${space?.key ?? ''}/blog/${day}/${page.id}/${slug(page.title)}`;
  }
  return `/spaces/${space?.key ?? ''}/pages/${page.id}/${slug(page.title)}`;
}

/** v2 version object. */
export function v2Version(v: VersionRecord): Record<string, unknown> {
  return {
    createdAt: v.createdAt,
    message: v.message,
    number: v.number,
    minorEdit: v.minorEdit,
    authorId: v.authorId,
  };
}

/** v2 ContentProperty / SpaceProperty. */
export function v2Property(p: PropertyRecord): Record<string, unknown> {
  if (p.owner === 'space') {
    return {
      id: p.id,
      key: p.key,
      value: p.value,
      createdAt: p.createdAt,
      authorId: p.version.authorId,
      version: {
        createdAt: p.version.createdAt,
        message: p.version.message,
        number: p.version.number,
        authorId: p.version.authorId,
      },
    };
  }
  return { id: p.id, key: p.key, value: p.value, version: v2Version(p.version) };
}

/** v2 Page. */
export function v2Page(
  ctx: ShapeContext,
  page: PageRecord,
  opts: {
    bodyFormat?: string | null;
    includeVersion?: boolean;
    /** Included collections (`properties`, `operations`, ...), placed before `_links`. */
    includes?: Record<string, unknown>;
  } = {},
): Record<string, unknown> {
  const parent = page.parentId ? ctx.store.get('pages', page.parentId) : undefined;
  const out: Record<string, unknown> = {
    id: page.id,
    status: page.status,
    title: page.title,
    spaceId: page.spaceId,
    ...(page.type === 'blogpost'
      ? {}
      : {
          parentId: page.parentId,
          parentType: parent ? 'page' : null,
          position: Number(page.id) % 10_000,
        }),
    authorId: page.authorId,
    // Blog posts have no owner fields in v2 (BlogPostSingle).
    ...(page.type === 'blogpost' ? {} : { ownerId: page.authorId, lastOwnerId: null }),
    createdAt: page.createdAt,
  };
  if (opts.includeVersion !== false) out.version = v2Version(page.version);
  out.body =
    opts.bodyFormat === 'storage'
      ? { storage: { representation: 'storage', value: page.body } }
      : {};
  Object.assign(out, opts.includes);
  out._links = {
    editui: `/pages/resumedraft.action?draftId=${page.id}`,
    webui: pageWebui(ctx, page),
    edituiv2: `/spaces/${ctx.store.get('spaces', page.spaceId)?.key ?? ''}/pages/edit-v2/${page.id}`,
    tinyui: tiny(page.id),
    base: `${ctx.siteUrl}/wiki`,
  };
  return out;
}

/** v2 Space (also SpaceSummary). */
export function v2Space(ctx: ShapeContext, s: SpaceRecord): Record<string, unknown> {
  return {
    id: s.id,
    key: s.key,
    name: s.name,
    type: 'global',
    status: 'current',
    authorId: s.authorId,
    spaceOwnerId: s.authorId,
    createdAt: s.createdAt,
    homepageId: s.homepageId ?? undefined,
    description: null,
    icon: null,
    _links: { webui: `/spaces/${s.key}`, base: `${ctx.siteUrl}/wiki` },
  };
}

/** The download path (relative to /wiki) Confluence hands out for an attachment. */
export function downloadPath(a: AttachmentRecord): string {
  const ms = Date.parse(a.version.createdAt);
  return `/download/attachments/${a.pageId}/${encodeURIComponent(a.title)}?version=${a.version.number}&modificationDate=${ms}&cacheVersion=1&api=v2`;
}

function attachmentWebui(a: AttachmentRecord): string {
  return `/pages/viewpageattachments.action?pageId=${a.pageId}&preview=%2F${a.pageId}%2F${a.id}%2F${encodeURIComponent(a.title)}`;
}

/** v2 Attachment. */
export function v2Attachment(ctx: ShapeContext, a: AttachmentRecord): Record<string, unknown> {
  return {
    id: a.id,
    status: 'current',
    title: a.title,
    createdAt: a.createdAt,
    pageId: a.pageId,
    mediaType: a.mediaType,
    mediaTypeDescription: a.mediaType.startsWith('image/') ? 'Image' : 'File',
    comment: a.comment,
    fileId: a.fileId,
    fileSize: a.fileSize,
    webuiLink: attachmentWebui(a),
    downloadLink: downloadPath(a),
    version: v2Version(a.version),
    _links: { webui: attachmentWebui(a), download: downloadPath(a), base: `${ctx.siteUrl}/wiki` },
  };
}

/** v1 User. */
export function v1User(ctx: ShapeContext, u: UserRecord): Record<string, unknown> {
  return {
    type: 'known',
    accountId: u.accountId,
    accountType: 'atlassian',
    email: u.email,
    publicName: u.displayName,
    profilePicture: {
      path: `/wiki/aa-avatar/${u.accountId}`,
      width: 48,
      height: 48,
      isDefault: false,
    },
    displayName: u.displayName,
    isExternalCollaborator: false,
    isGuest: false,
    accountStatus: 'active',
    _expandable: { operations: '', personalSpace: '' },
    _links: {
      self: `${ctx.siteUrl}/wiki/rest/api/user?accountId=${encodeURIComponent(u.accountId)}`,
      base: `${ctx.siteUrl}/wiki`,
      context: '/wiki',
    },
  };
}

function unknownUser(accountId: string): Record<string, unknown> {
  return { type: 'known', accountId, accountType: 'app', displayName: 'App', publicName: 'App' };
}

function v1Version(
  ctx: ShapeContext,
  v: VersionRecord,
  contentId: string,
): Record<string, unknown> {
  const user = ctx.store.get('users', v.authorId);
  return {
    by: user ? v1User(ctx, user) : unknownUser(v.authorId),
    when: v.createdAt,
    friendlyWhen: new Date(v.createdAt).toUTCString(),
    message: v.message,
    number: v.number,
    minorEdit: v.minorEdit,
    contentTypeModified: false,
    _expandable: { collaborators: '', content: `/rest/api/content/${contentId}` },
    _links: { self: `${ctx.siteUrl}/wiki/rest/api/content/${contentId}/version/${v.number}` },
  };
}

/** v1 Space (short form, as embedded in content). */
export function v1Space(ctx: ShapeContext, s: SpaceRecord): Record<string, unknown> {
  return {
    id: Number(s.id),
    key: s.key,
    name: s.name,
    type: 'global',
    status: 'current',
    _expandable: {
      settings: `/rest/api/space/${s.key}/settings`,
      metadata: '',
      operations: '',
      lookAndFeel: `/rest/api/settings/lookandfeel?spaceKey=${s.key}`,
      identifiers: '',
      permissions: '',
      icon: '',
      description: '',
      theme: `/rest/api/space/${s.key}/theme`,
      history: '',
      homepage: s.homepageId ? `/rest/api/content/${s.homepageId}` : '',
    },
    _links: { webui: `/spaces/${s.key}`, self: `${ctx.siteUrl}/wiki/rest/api/space/${s.key}` },
  };
}

/** The expansions requested with `expand=` (dotted paths, comma separated). */
export class Expand {
  private readonly paths: string[];
  constructor(raw: string | null, prefix = '') {
    this.paths = (raw ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.startsWith(prefix))
      .map((s) => s.slice(prefix.length));
  }
  /** Whether `path` (or something under it) was requested. */
  has(path: string): boolean {
    return this.paths.some((p) => p === path || p.startsWith(`${path}.`));
  }
  /** Names requested directly under `path` (e.g. property keys under metadata.properties). */
  under(path: string): string[] {
    return this.paths
      .filter((p) => p.startsWith(`${path}.`))
      .map((p) => p.slice(path.length + 1).split('.')[0] ?? '')
      .filter(Boolean);
  }
}

function v1Property(
  ctx: ShapeContext,
  p: PropertyRecord,
  contentId: string,
): Record<string, unknown> {
  return {
    id: p.id,
    key: p.key,
    value: p.value,
    version: {
      when: p.version.createdAt,
      message: p.version.message,
      number: p.version.number,
      minorEdit: p.version.minorEdit,
      contentTypeModified: false,
    },
    _links: { self: `${ctx.siteUrl}/wiki/rest/api/content/${contentId}/property/${p.key}` },
    _expandable: { content: `/rest/api/content/${contentId}`, additionalProperties: '' },
  };
}

/** v1 Content for a page, with the requested expansions. */
export function v1Page(
  ctx: ShapeContext,
  page: PageRecord,
  expand: Expand,
): Record<string, unknown> {
  const space = ctx.store.get('spaces', page.spaceId);
  const out: Record<string, unknown> = {
    id: page.id,
    type: page.type ?? 'page',
    status: page.status,
    title: page.title,
  };
  const expandable: Record<string, string> = {
    container: `/rest/api/space/${space?.key ?? ''}`,
    metadata: '',
    restrictions: `/rest/api/content/${page.id}/restriction/byOperation`,
    history: `/rest/api/content/${page.id}/history`,
    body: '',
    version: '',
    descendants: `/rest/api/content/${page.id}/descendant`,
    space: `/rest/api/space/${space?.key ?? ''}`,
    childTypes: '',
    operations: '',
    schedulePublishDate: '',
    children: `/rest/api/content/${page.id}/child`,
    ancestors: '',
  };
  if (expand.has('space') && space) {
    out.space = v1Space(ctx, space);
    delete expandable.space;
  }
  if (expand.has('version')) {
    out.version = v1Version(ctx, page.version, page.id);
    delete expandable.version;
  }
  if (expand.has('history')) {
    const author = ctx.store.get('users', page.authorId);
    out.history = {
      latest: page.status === 'current',
      createdBy: author ? v1User(ctx, author) : unknownUser(page.authorId),
      createdDate: page.createdAt,
      _links: { self: `${ctx.siteUrl}/wiki/rest/api/content/${page.id}/history` },
    };
    delete expandable.history;
  }
  if (expand.has('ancestors')) {
    out.ancestors = ctx.store
      .ancestorsOf(page)
      .map((a) => ({ id: a.id, type: 'page', status: a.status, title: a.title }));
    delete expandable.ancestors;
  }
  if (expand.has('body')) {
    out.body = {
      storage: { value: page.body, representation: 'storage', embeddedContent: [] },
      _expandable: { view: '', export_view: '', styled_view: '', editor: '', atlas_doc_format: '' },
    };
    delete expandable.body;
  }
  if (expand.has('metadata')) {
    const properties: Record<string, unknown> = {};
    for (const key of expand.under('metadata.properties')) {
      const p = ctx.store.propertyByKey('page', page.id, key);
      if (p) properties[key] = v1Property(ctx, p, page.id);
    }
    out.metadata = { properties, _expandable: { currentuser: '', labels: '', frontend: '' } };
    delete expandable.metadata;
  }
  out.extensions = { position: Number(page.id) % 10_000 };
  out._expandable = expandable;
  out._links = {
    webui: pageWebui(ctx, page),
    edit: `/pages/resumedraft.action?draftId=${page.id}`,
    tinyui: tiny(page.id),
    self: `${ctx.siteUrl}/wiki/rest/api/content/${page.id}`,
  };
  return out;
}

/** v1 Content for an attachment (as returned by the upload endpoints). */
export function v1Attachment(ctx: ShapeContext, a: AttachmentRecord): Record<string, unknown> {
  const page = ctx.store.get('pages', a.pageId);
  return {
    id: a.id,
    type: 'attachment',
    status: 'current',
    title: a.title,
    version: v1Version(ctx, a.version, a.id),
    container: page
      ? {
          id: page.id,
          type: page.type ?? 'page',
          status: page.status,
          title: page.title,
          _links: {
            webui: pageWebui(ctx, page),
            self: `${ctx.siteUrl}/wiki/rest/api/content/${page.id}`,
          },
        }
      : undefined,
    metadata: {
      mediaType: a.mediaType,
      comment: a.comment || undefined,
      _expandable: { currentuser: '', properties: '', frontend: '', labels: '' },
    },
    extensions: {
      mediaType: a.mediaType,
      fileSize: a.fileSize,
      comment: a.comment,
      mediaTypeDescription: a.mediaType.startsWith('image/') ? 'Image' : 'File',
      fileId: a.fileId,
      collectionName: `contentId-${a.pageId}`,
    },
    _expandable: {
      childTypes: '',
      operations: '',
      schedulePublishDate: '',
      children: `/rest/api/content/${a.id}/child`,
      restrictions: `/rest/api/content/${a.id}/restriction/byOperation`,
      history: `/rest/api/content/${a.id}/history`,
      ancestors: '',
      body: '',
      descendants: `/rest/api/content/${a.id}/descendant`,
      space: '',
    },
    _links: {
      webui: attachmentWebui(a),
      self: `${ctx.siteUrl}/wiki/rest/api/content/${a.id}`,
      download: downloadPath(a),
    },
  };
}
