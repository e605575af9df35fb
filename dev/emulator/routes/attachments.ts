/** Attachments: v1 multipart upload (create / create-or-update), v2 listing, download. */
import { HttpError } from '../errors';
import { canViewPage } from '../permissions';
import { pageByKey, v2ListBody } from '../pagination';
import { json, v1Attachment, v2Attachment } from '../shapes';
import type { AttachmentRecord } from '../types';
import type { Route, RouteContext } from './context';
import { actorId, editablePage, param, visiblePage } from './context';

type Upload = { fileName: string; mediaType: string; bytes: Uint8Array; comment: string };

/** Reads uploads from real multipart/form-data or from the bridge's JSON form. */
async function readUploads(ctx: RouteContext): Promise<{ files: Upload[]; minorEdit: boolean }> {
  const type = ctx.req.headers.get('content-type') ?? '';
  if (type.toLowerCase().startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await ctx.req.formData();
    } catch {
      throw new HttpError(400, 'Could not parse multipart body');
    }
    const comments = form.getAll('comment').map(String);
    const files: Upload[] = [];
    for (const entry of form.getAll('file')) {
      if (typeof entry === 'string') continue;
      files.push({
        fileName: entry.name,
        mediaType: entry.type || 'application/octet-stream',
        bytes: new Uint8Array(await entry.arrayBuffer()),
        comment: comments[files.length] ?? '',
      });
    }
    return { files, minorEdit: form.get('minorEdit') === 'true' };
  }
  if (type.toLowerCase().includes('json')) {
    const body = (await ctx.req.json().catch(() => null)) as Record<string, unknown> | null;
    const file = body?.file;
    const m = typeof file === 'string' ? /^data:([^;,]*)(;base64)?,(.*)$/s.exec(file) : null;
    if (!body || !m) throw new HttpError(400, 'Expected a file');
    const bytes = m[2]
      ? new Uint8Array(Buffer.from(m[3] ?? '', 'base64'))
      : new TextEncoder().encode(decodeURIComponent(m[3] ?? ''));
    const fileName = typeof body.__fileName === 'string' ? body.__fileName : 'file';
    const mediaType =
      (typeof body.__fileType === 'string' && body.__fileType) ||
      m[1] ||
      'application/octet-stream';
    return {
      files: [
        {
          fileName,
          mediaType,
          bytes,
          comment: typeof body.comment === 'string' ? body.comment : '',
        },
      ],
      minorEdit: body.minorEdit === 'true' || body.minorEdit === true,
    };
  }
  throw new HttpError(415, 'Unsupported Media Type: use multipart/form-data');
}

function xsrfOk(ctx: RouteContext): boolean {
  const token = (ctx.req.headers.get('x-atlassian-token') ?? '').toLowerCase();
  return token === 'no-check' || token === 'nocheck';
}

function upload(mode: 'create' | 'upsert') {
  return async (ctx: RouteContext): Promise<Response> => {
    if (!xsrfOk(ctx)) {
      // Confluence's XSRF filter answers before the REST layer, in plain text.
      return new Response('XSRF check failed', {
        status: 403,
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
      });
    }
    editablePage(ctx, param(ctx, 'id'));
    const { files, minorEdit } = await readUploads(ctx);
    // Checked again after the await: the page may have been trashed or locked meanwhile.
    const page = editablePage(ctx, param(ctx, 'id'));
    if (files.length === 0)
      throw new HttpError(400, 'At least one file is required (field "file")');
    const existing = ctx.store.attachmentsOf(page.id);
    if (mode === 'create') {
      for (const f of files) {
        if (existing.some((a) => a.title === f.fileName)) {
          throw new HttpError(
            400,
            'Cannot add a new attachment with same file name as an existing object. Try updating the attachment instead.',
          );
        }
      }
    }
    const created = files.map((f) =>
      ctx.store.addAttachment({
        pageId: page.id,
        fileName: f.fileName,
        mediaType: f.mediaType,
        bytes: f.bytes,
        comment: f.comment,
        authorId: actorId(ctx),
        minorEdit,
      }),
    );
    return json({
      results: created.map((a) => v1Attachment(ctx, a)),
      size: created.length,
      _links: { base: `${ctx.siteUrl}/wiki`, context: '/wiki' },
    });
  };
}

/** The attachments of the visible page `id`, narrowed by the `filename` and `mediaType` filters. */
function listedAttachments(ctx: RouteContext): AttachmentRecord[] {
  const page = visiblePage(ctx, param(ctx, 'id'));
  const filename = ctx.url.searchParams.get('filename');
  const mediaType = ctx.url.searchParams.get('mediaType');
  return ctx.store
    .attachmentsOf(page.id)
    .filter(
      (a) => (!filename || a.title === filename) && (!mediaType || a.mediaType === mediaType),
    );
}

function v1List(ctx: RouteContext): Response {
  const items = listedAttachments(ctx);
  const start = Math.max(0, Number(ctx.url.searchParams.get('start') ?? 0) || 0);
  const limit = Math.min(200, Math.max(1, Number(ctx.url.searchParams.get('limit') ?? 25) || 25));
  const results = items.slice(start, start + limit);
  return json({
    results: results.map((a) => v1Attachment(ctx, a)),
    start,
    limit,
    size: results.length,
    _links: { base: `${ctx.siteUrl}/wiki`, context: '/wiki' },
  });
}

function v2List(ctx: RouteContext): Response {
  const items = listedAttachments(ctx);
  const paged = pageByKey(items, ctx.url, { def: 50, max: 250, key: (a) => Number(a.id.slice(3)) });
  const out = v2ListBody(
    { results: paged.results.map((a) => v2Attachment(ctx, a)), next: paged.next },
    ctx.siteUrl,
  );
  return json(out.body, 200, out.headers);
}

function visibleAttachment(ctx: RouteContext, id: string): AttachmentRecord {
  const att = ctx.store.get('attachments', id);
  const page = att ? ctx.store.get('pages', att.pageId) : undefined;
  if (!att || !page || page.status === 'trashed' || !canViewPage(ctx.store, ctx.principal, page)) {
    throw new HttpError(404, `No attachment found with id: ${id}`);
  }
  return att;
}

function deleteAttachment(ctx: RouteContext): Response {
  const att = visibleAttachment(ctx, param(ctx, 'id'));
  editablePage(ctx, att.pageId);
  ctx.store.del('attachments', att.id);
  return json(null, 204);
}

function download(ctx: RouteContext): Response {
  const page = visiblePage(ctx, param(ctx, 'pageId'));
  const name = param(ctx, 'fileName');
  const att = ctx.store.attachmentsOf(page.id).find((a) => a.title === name);
  const bytes = att ? ctx.store.readBlob(att.blob) : null;
  if (!att || !bytes) throw new HttpError(404, `No attachment '${name}' on page ${page.id}`);
  return new Response(new Blob([new Uint8Array(bytes)]), {
    status: 200,
    headers: {
      'content-type': att.mediaType,
      'content-length': String(bytes.byteLength),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(att.title)}`,
    },
  });
}

/**
 * The documented download (v1 `GET …/child/attachment/{attachmentId}/download`): 404 when the
 * page is not visible or holds no such attachment, 400 for a version that is not a positive
 * integer up to the latest, else 302 to where the bytes are served (on a real site a signed
 * media URL the platform fetch follows; here the emulator's download servlet path).
 */
function documentedDownload(ctx: RouteContext): Response {
  const page = visiblePage(ctx, param(ctx, 'id'));
  const id = param(ctx, 'attachmentId');
  const att = ctx.store.attachmentsOf(page.id).find((a) => a.id === id);
  if (!att) throw new HttpError(404, `No attachment ${id} on content ${page.id}`);
  const version = ctx.url.searchParams.get('version');
  if (version !== null) {
    const n = Number(version);
    if (!/^\d+$/.test(version) || n < 1 || n > att.version.number) {
      throw new HttpError(400, `Invalid attachment version: ${version}`);
    }
  }
  const location = `/wiki/download/attachments/${encodeURIComponent(page.id)}/${encodeURIComponent(att.title)}?version=${att.version.number}&api=v2`;
  return new Response(null, { status: 302, headers: { location } });
}

const V1 = '/wiki/rest/api/content/{id}/child/attachment';

/** Attachment routes. */
export const attachmentRoutes: Route[] = [
  { method: 'POST', pattern: V1, name: 'attachments.create', handler: upload('create') },
  { method: 'PUT', pattern: V1, name: 'attachments.upsert', handler: upload('upsert') },
  { method: 'GET', pattern: V1, name: 'attachments.v1list', handler: v1List },
  {
    method: 'GET',
    pattern: '/wiki/api/v2/pages/{id}/attachments',
    name: 'attachments.list',
    handler: v2List,
  },
  {
    method: 'GET',
    pattern: '/wiki/api/v2/blogposts/{id}/attachments',
    name: 'blogpostAttachments.list',
    handler: v2List,
  },
  {
    method: 'GET',
    pattern: '/wiki/api/v2/attachments/{id}',
    name: 'attachments.get',
    handler: (ctx) => json(v2Attachment(ctx, visibleAttachment(ctx, param(ctx, 'id')))),
  },
  {
    method: 'DELETE',
    pattern: '/wiki/api/v2/attachments/{id}',
    name: 'attachments.delete',
    handler: deleteAttachment,
  },
  {
    method: 'GET',
    pattern: `${V1}/{attachmentId}/download`,
    name: 'attachments.v1download',
    handler: documentedDownload,
  },
  {
    // Where the documented download redirects to (a real site's media host); never called by
    // the app itself.
    method: 'GET',
    pattern: '/wiki/download/attachments/{pageId}/{fileName}',
    name: 'attachments.download',
    handler: download,
  },
];
