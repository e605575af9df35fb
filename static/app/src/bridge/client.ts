/**
 * The ONLY module the screens call the backend and the host through: `invoke` here, direct
 * Confluence calls (`requestConfluence`) in confluence.ts. Resolver calls are typed by the
 * contract; a thrown bridge error (network, host) is turned into the contract's error envelope
 * so callers handle one shape.
 */
// Per-API entries of the real @forge/bridge (aliased in static/vite.config.ts): the package
// index would pull every bridge API into the macro's initial bundle.
import type { FullContext } from '@forge/bridge';
import { showFlag } from '@forge/bridge/out/flag';
import { invoke } from '@forge/bridge/out/invoke';
import { view } from '@forge/bridge/out/view';
import type { PayloadOf, ResolverKey, ResultOf, SentPayloadOf } from '@contract';
import type { Transport } from './transport';
import { localeNow, translateNow } from '../i18n/i18n-context';

// Direct Confluence calls live in their own typed module; screens keep importing them from here.
export { fetchAttachmentUrl, searchUsers, uploadAttachment, userProfile } from './confluence';
export type { FoundUser, UploadResult, UploadedAttachment } from './confluence';
export { bridgeLive } from './live';
export type { LiveChannels, LiveHandlers } from './live';

/**
 * Calls a resolver through the Forge bridge, with the person's locale (decision 0047: Forge
 * gives resolvers none; the door answers errors, and the write-up and byline, in it).
 */
export function call<K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<ResultOf<K>> {
  const sent: SentPayloadOf<K> = { ...payload, locale: localeNow() };
  return settleInvoke<K>(invoke(key, sent));
}

/** The contract envelope of a bridge `invoke` of `K` already in flight (bridge/early-start.ts). */
export async function settleInvoke<K extends ResolverKey>(
  pending: Promise<unknown>,
): Promise<ResultOf<K>> {
  try {
    const body: unknown = await pending;
    if (isEnvelope(body)) return body as ResultOf<K>;
    return {
      ok: false,
      error: { code: 'SERVER_ERROR', message: translateNow('errors.client.badShape') },
    } as ResultOf<K>;
  } catch (err) {
    return {
      ok: false,
      error: {
        code: 'SERVER_ERROR',
        message: translateNow('errors.client.unreachable', {
          reason: err instanceof Error ? err.message : String(err),
        }),
      },
    } as ResultOf<K>;
  }
}

/** The bridge-backed transport used by the running app. */
export const bridgeTransport: Transport = { call };

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
