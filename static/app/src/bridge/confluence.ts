/**
 * The Custom UI's direct Confluence calls (through the bridge's `requestConfluence`, as the
 * viewer): photo download, photo upload, people search. This module owns their REST paths and
 * checks each answer's shape with a type guard (no zod here: it stays out of the initial bundle).
 */
// Per-API entry of the real @forge/bridge (see client.ts): keeps the initial bundle small.
import { requestConfluence } from '@forge/bridge/out/fetch';
import { translateNow } from '../i18n/i18n-context';

/** The REST paths the UI calls; the guardrail tests/guardrails/rest-scopes.test.ts lists them. */
const PATHS = {
  attachments: (pageId: string) =>
    `/wiki/rest/api/content/${encodeURIComponent(pageId)}/child/attachment`,
  userSearch: (cql: string, limit: number) =>
    `/wiki/rest/api/search/user?cql=${encodeURIComponent(cql)}&limit=${limit}`,
  user: (accountId: string) => `/wiki/rest/api/user?accountId=${encodeURIComponent(accountId)}`,
} as const;

/** Downloads a page attachment (a persona photo) as the viewing user; answers an object URL. */
export async function fetchAttachmentUrl(downloadPath: string): Promise<string | null> {
  try {
    const res = await requestConfluence(downloadPath, { method: 'GET' });
    if (!res.ok) return null;
    return URL.createObjectURL(await res.blob());
  } catch {
    return null;
  }
}

/** An attachment stored by `uploadAttachment`. */
export type UploadedAttachment = { attachmentId: string; fileName: string };

/** What an upload answered: the attachment, or a message a person can act on. */
export type UploadResult =
  { ok: true; attachment: UploadedAttachment } | { ok: false; status: number; message: string };

/**
 * Uploads one file to the page's attachments as the viewing user (create-or-update by file
 * name). The bridge sends the `file` field base64 with `__fileName/__fileType`.
 */
export async function uploadAttachment(args: {
  pageId: string;
  file: File;
  comment?: string;
}): Promise<UploadResult> {
  const form = new FormData();
  form.append('file', args.file, args.file.name);
  form.append('minorEdit', 'true');
  if (args.comment) form.append('comment', args.comment);
  try {
    const res = await requestConfluence(PATHS.attachments(args.pageId), {
      method: 'PUT',
      headers: { 'X-Atlassian-Token': 'no-check' },
      body: form,
    });
    const text = await res.text();
    if (!res.ok) return { ok: false, status: res.status, message: uploadError(res.status, text) };
    const first = firstResult(parseJson(text));
    if (!first || typeof first.id !== 'string') {
      return { ok: false, status: res.status, message: translateNow('errors.upload.noFile') };
    }
    const fileName = typeof first.title === 'string' ? first.title : args.file.name;
    return { ok: true, attachment: { attachmentId: first.id, fileName } };
  } catch (err) {
    return {
      ok: false,
      status: 0,
      message: translateNow('errors.upload.unreachable', {
        reason: err instanceof Error ? err.message : String(err),
      }),
    };
  }
}

function uploadError(status: number, body: string): string {
  if (status === 403 || status === 401) {
    return translateNow('errors.upload.forbidden');
  }
  if (status === 404) return translateNow('errors.upload.notFound');
  if (status === 413) return translateNow('errors.upload.tooLarge');
  const parsed = parseJson(body);
  const message = isRecord(parsed) ? parsed.message : undefined;
  return typeof message === 'string' && message
    ? translateNow('errors.upload.refusedWhy', { status, message })
    : translateNow('errors.upload.refused', { status });
}

/**
 * The picture's address on the site: Confluence gives a site-relative path (`/wiki/aa-avatar/…`),
 * which the app's frame (served from another origin on Forge) must ask the site for. Only http(s).
 */
function pictureUrl(path: string, base: string | null): string | null {
  try {
    const url = new URL(path, base ?? window.location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The viewer's name and picture (for presence); null when Confluence does not say. */
export async function userProfile(
  accountId: string,
): Promise<{ displayName: string; avatar: string | null } | null> {
  try {
    const res = await requestConfluence(PATHS.user(accountId), {
      method: 'GET',
      headers: { Accept: 'application/json' },
    });
    if (!res.ok) return null;
    const body = parseJson(await res.text());
    if (!isRecord(body) || typeof body.displayName !== 'string') return null;
    const pic = isRecord(body.profilePicture) ? body.profilePicture.path : null;
    const base = isRecord(body._links) ? body._links.base : null;
    return {
      displayName: body.displayName,
      avatar:
        typeof pic === 'string' ? pictureUrl(pic, typeof base === 'string' ? base : null) : null,
    };
  } catch {
    return null;
  }
}

/** A Confluence user found by the people picker. */
export type FoundUser = { accountId: string; displayName: string };

/** Finds site users whose full name matches `query` (the v1 user search, as the viewer). */
export async function searchUsers(query: string, limit = 8): Promise<FoundUser[]> {
  const term = query.trim().replace(/["\\]/g, ' ').trim();
  if (!term) return [];
  const cql = `type=user AND user.fullname~"${term}"`;
  try {
    const res = await requestConfluence(PATHS.userSearch(cql, limit), {
      method: 'GET',
      headers: { Accept: 'application/json' },
    });
    if (!res.ok) return [];
    const users: FoundUser[] = [];
    for (const r of resultsOf(parseJson(await res.text()))) {
      const user = isRecord(r) ? r.user : undefined;
      if (!isRecord(user)) continue;
      const { accountId, displayName } = user;
      if (typeof accountId === 'string' && typeof displayName === 'string') {
        users.push({ accountId, displayName });
      }
    }
    return users;
  } catch {
    return [];
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `results` array of a v1 list answer; empty when the answer has none. */
function resultsOf(body: unknown): unknown[] {
  return isRecord(body) && Array.isArray(body.results) ? (body.results as unknown[]) : [];
}

function firstResult(body: unknown): Record<string, unknown> | null {
  const first = resultsOf(body)[0];
  return isRecord(first) ? first : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
