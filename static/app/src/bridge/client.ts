/**
 * The ONLY module that calls `invoke` / `requestConfluence`. Resolver calls are typed by the
 * contract; a thrown bridge error (network, host) is turned into the contract's error envelope
 * so callers handle one shape.
 */
// Per-API entries of the real @forge/bridge (aliased in static/vite.config.ts): the package
// index would pull every bridge API into the macro's initial bundle.
import type { FullContext } from '@forge/bridge';
import { requestConfluence } from '@forge/bridge/out/fetch';
import { invoke } from '@forge/bridge/out/invoke';
import { view } from '@forge/bridge/out/view';
import type { PayloadOf, ResolverKey, ResultOf } from '../../../../src/resolvers/contract';
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

function isEnvelope(body: unknown): body is { ok: boolean } {
  return (
    typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean'
  );
}

/** The host context of this module instance (module key, page, localId, theme). */
export async function getContext(): Promise<FullContext> {
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
