/**
 * The ONLY module that calls `invoke` / `requestConfluence`. Resolver calls are typed by the
 * contract; a thrown bridge error (network, host) is turned into the contract's error envelope
 * so callers handle one shape.
 */
// Per-API entries of the real @forge/bridge (aliased in static/vite.config.ts): the package
// index would pull every bridge API into the macro's initial bundle.
import type { FullContext } from '@forge/bridge';
import { requestConfluence } from '@forge/bridge/out/fetch';
import { showFlag } from '@forge/bridge/out/flag';
import { invoke } from '@forge/bridge/out/invoke';
import { view } from '@forge/bridge/out/view';
import type { PayloadOf, ResolverKey, ResultOf } from '@contract';
import type { Transport } from './transport';

/** Calls a resolver through the Forge bridge. */
export async function call<K extends ResolverKey>(
  key: K,
  payload: PayloadOf<K>,
): Promise<ResultOf<K>> {
  try {
    const body: unknown = await invoke(key, payload);
    if (isEnvelope(body)) return body as ResultOf<K>;
    return {
      ok: false,
      error: { code: 'SERVER_ERROR', message: 'The app answered in an unexpected shape.' },
    } as ResultOf<K>;
  } catch (err) {
    return {
      ok: false,
      error: {
        code: 'SERVER_ERROR',
        message: `Could not reach the app: ${err instanceof Error ? err.message : String(err)}`,
      },
    } as ResultOf<K>;
  }
}

/** The bridge-backed transport used by the running app. */
export const bridgeTransport: Transport = { call };

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
    const res = await requestConfluence(
      `/wiki/rest/api/content/${encodeURIComponent(args.pageId)}/child/attachment`,
      { method: 'PUT', headers: { 'X-Atlassian-Token': 'no-check' }, body: form },
    );
    const text = await res.text();
    if (!res.ok) return { ok: false, status: res.status, message: uploadError(res.status, text) };
    const first = parseJson<{ results?: { id?: unknown; title?: unknown }[] }>(text)?.results?.[0];
    if (typeof first?.id !== 'string') {
      return { ok: false, status: res.status, message: 'Confluence answered without the file.' };
    }
    const fileName = typeof first.title === 'string' ? first.title : args.file.name;
    return { ok: true, attachment: { attachmentId: first.id, fileName } };
  } catch (err) {
    return {
      ok: false,
      status: 0,
      message: `Could not reach Confluence: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}

function uploadError(status: number, body: string): string {
  if (status === 403 || status === 401) {
    return 'You cannot add attachments to this page. Ask for edit access to the page.';
  }
  if (status === 404) return 'The page was not found (it may have been deleted or moved).';
  if (status === 413) return 'Confluence refused the file as too large.';
  const message = parseJson<{ message?: unknown }>(body)?.message;
  return typeof message === 'string' && message
    ? `Confluence refused the upload (${status}): ${message}`
    : `Confluence refused the upload (${status}).`;
}

/** A Confluence user found by the people picker. */
export type FoundUser = { accountId: string; displayName: string };

/** Finds site users whose full name matches `query` (the v1 user search, as the viewer). */
export async function searchUsers(query: string, limit = 8): Promise<FoundUser[]> {
  const term = query.trim().replace(/["\\]/g, ' ').trim();
  if (!term) return [];
  const cql = `type=user AND user.fullname~"${term}"`;
  try {
    const res = await requestConfluence(
      `/wiki/rest/api/search/user?cql=${encodeURIComponent(cql)}&limit=${limit}`,
      { method: 'GET', headers: { Accept: 'application/json' } },
    );
    if (!res.ok) return [];
    const body = parseJson<{
      results?: { user?: { accountId?: unknown; displayName?: unknown } }[];
    }>(await res.text());
    const users: FoundUser[] = [];
    for (const r of body?.results ?? []) {
      const { accountId, displayName } = r.user ?? {};
      if (typeof accountId === 'string' && typeof displayName === 'string') {
        users.push({ accountId, displayName });
      }
    }
    return users;
  } catch {
    return [];
  }
}

/** Shows a Confluence flag (toast); never throws (a host without flags just shows nothing). */
export function flag(options: {
  id: string;
  title: string;
  description?: string;
  type?: 'info' | 'success' | 'warning' | 'error';
  actions?: { text: string; onClick: () => void }[];
}): void {
  try {
    showFlag({ ...options, isAutoDismiss: options.type !== 'error' });
  } catch {
    // Nothing to do: the message is also shown in the panel.
  }
}

function parseJson<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

function isEnvelope(body: unknown): body is { ok: boolean } {
  return (
    typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean'
  );
}

/** The host context of a module instance, as the screens see it. */
export type HostContext = FullContext;

/** The id of the page a macro sits on, or null while the page is unsaved (no content id yet). */
export function pageIdOf(context: HostContext): string | null {
  const ext = context.extension as { content?: { id?: unknown } };
  const id = ext.content?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/** The host context of this module instance (module key, page, localId, theme). */
export async function getContext(): Promise<HostContext> {
  return view.getContext();
}

/** Asks the host to apply Atlassian theming to this frame; false when the host refuses. */
export async function enableTheming(): Promise<boolean> {
  try {
    await view.theme.enable();
    return true;
  } catch {
    return false;
  }
}
