/**
 * `POST /__forge/rpc`: the server half of the injected bridge. The frame token says where the
 * iframe is; the cookie says who is looking; nothing else from the iframe is trusted.
 *   invoke       → the real resolver `handler` via invokeResolver, as the viewing user
 *   fetchProduct → the emulator as the viewing user (multipart rebuilt from the bridge's JSON)
 *   submit       → stores macro config in the page body (version + 1, as the user)
 *   modalToken   → a signed token for a modal of the same app
 *   realtimePublish → fans a payload out to the channel's subscribers (see realtime.ts)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Emulator } from '../emulator/index';
import { EMULATOR_ORIGIN } from '../forge-runtime/constants';
import { scopeRefusal } from '../forge-runtime/install';
import { invokeResolver } from '../forge-runtime/invoke';
import { manifestScopes } from '../forge-runtime/manifest-scopes';
import type { ResolverHandler } from '../forge-runtime/invoke';
import { RestError, updatePageBody } from './confluence-client';
import { buildContext } from './context';
import type { FrameRef, FrameTokens } from './frame-token';
import { isSameOrigin, readBody, sendJson } from './http';
import type { InvocationLog } from './invocation-log';
import type { HostManifest } from './manifest';
import type { RealtimeHub } from './realtime';
import { overridesError } from './realtime';
import { resourceEntryUrl } from './resources';
import { replaceMacroConfig, toStorageConfig } from './storage/macro';
import type { Viewer } from './viewer';
import { principalOf } from './viewer';

/** What the RPC endpoint needs from the host. */
export type RpcDeps = {
  emulator: Emulator;
  tokens: FrameTokens;
  manifest: HostManifest;
  loadHandler: () => Promise<ResolverHandler>;
  viewer: Viewer;
  siteUrl: string;
  /** Where frames are served from (Forge's CDN here): a modal's frame opens there. */
  resourceOrigin: string;
  realtime: RealtimeHub;
  /** Every invocation is recorded here (budgets count them). */
  invocations?: InvocationLog;
};

type RpcRequest = { token?: unknown; cmd?: unknown; payload?: unknown };

/**
 * Forge's front-end invocation limits (limits-invocation: "Front-end invocation request payload
 * size 500KB", "response payload size 5MB"), in UTF-8 bytes of the JSON that crosses the wire;
 * the decimal reading, the stricter of the two (decision 0053).
 */
export const INVOKE_REQUEST_MAX_BYTES = 500_000;
/** See {@link INVOKE_REQUEST_MAX_BYTES}. */
export const INVOKE_RESPONSE_MAX_BYTES = 5_000_000;

/** UTF-8 bytes of `value` as JSON (what the bridge sends), not its UTF-16 length. */
function wireBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

class RpcError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Handles one RPC request. */
export async function handleRpc(
  req: IncomingMessage,
  res: ServerResponse,
  deps: RpcDeps,
): Promise<void> {
  try {
    if (req.method !== 'POST') throw new RpcError(405, 'POST only');
    if (!isSameOrigin(req)) throw new RpcError(403, 'Cross-origin bridge calls are refused.');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new RpcError(415, 'Bridge calls are JSON.');
    }
    const body = JSON.parse((await readBody(req, 12 * 1024 * 1024)).toString('utf8')) as RpcRequest;
    const ref = deps.tokens.verify(body.token);
    if (!ref) throw new RpcError(403, 'Invalid or stale frame token; reload the page.');
    const data = await dispatch(String(body.cmd), body.payload, ref, deps);
    sendJson(res, 200, { ok: true, data });
  } catch (error) {
    const status = error instanceof RpcError ? error.status : 500;
    const message = error instanceof Error ? error.message : String(error);
    sendJson(res, status, { ok: false, error: { message } });
  }
}

async function dispatch(
  cmd: string,
  payload: unknown,
  ref: FrameRef,
  deps: RpcDeps,
): Promise<unknown> {
  const context = buildContext({ ref, viewer: deps.viewer, siteUrl: deps.siteUrl });
  switch (cmd) {
    case 'invoke':
      // The frame's signed ref doubles as the Realtime context token of the invocation.
      return invoke(payload, context, { ...deps, realtimeContextToken: deps.tokens.sign(ref) });
    case 'fetchProduct':
      return fetchProduct(payload, deps);
    case 'submit':
      return submit(payload, ref, deps);
    case 'modalToken':
      return modalToken(payload, ref, deps);
    case 'realtimePublish':
      return publishFromFrame({ payload, ref, realtime: deps.realtime });
    default:
      throw new RpcError(400, `Unknown host command "${cmd}".`);
  }
}

/**
 * The bridge's `realtime.publish` from a frame, into the frame's channel scope. Forge's docs
 * (apis-reference/ui-api-bridge/realtime, `publish()`): "The payload must be a string, so make
 * sure to stringify any objects before passing them as arguments"; anything else is refused.
 */
export function publishFromFrame(args: {
  payload: unknown;
  ref: FrameRef;
  realtime: RealtimeHub;
}): { eventId: string; eventTimestamp: string } {
  const p = (args.payload ?? {}) as {
    channelName?: unknown;
    eventPayload?: unknown;
    isGlobal?: unknown;
    contextOverrides?: unknown;
    token?: unknown;
  };
  if (typeof p.channelName !== 'string' || p.channelName === '') {
    throw new RpcError(400, 'A realtime channel name is required.');
  }
  if (typeof p.eventPayload !== 'string') {
    throw new RpcError(400, 'The realtime payload must be a string (stringify objects first).');
  }
  const invalid = overridesError(p.contextOverrides);
  if (invalid) throw new RpcError(400, invalid);
  const target = args.realtime.frameKey({
    ref: args.ref,
    channel: p.channelName,
    isGlobal: p.isGlobal === true,
    ...(p.contextOverrides ? { overrides: p.contextOverrides as string[] } : {}),
    token: p.token,
    use: 'publish',
  });
  if (!target.ok) throw new RpcError(403, target.reason);
  const event = args.realtime.publish(target.key, p.eventPayload);
  if (!event) throw new RpcError(429, 'RATE_LIMIT_EXCEEDED');
  return event;
}

/** The bridge's `invoke`: the real resolver handler as the viewer, within Forge's size limits. */
export async function invoke(
  payload: unknown,
  context: Record<string, unknown>,
  deps: Pick<RpcDeps, 'loadHandler' | 'viewer' | 'invocations'> & {
    realtimeContextToken?: string;
  },
): Promise<unknown> {
  const p = (payload ?? {}) as {
    functionKey?: unknown;
    payload?: unknown;
    metadata?: unknown;
    invokeType?: unknown;
  };
  if (typeof p.functionKey !== 'string') throw new RpcError(400, 'functionKey must be a string!');
  if (p.invokeType !== undefined) {
    throw new RpcError(
      400,
      `invokeType ${JSON.stringify(p.invokeType)} (Forge remote/service) is not emulated.`,
    );
  }
  if (wireBytes(p.payload ?? {}) > INVOKE_REQUEST_MAX_BYTES) {
    throw new RpcError(413, 'The invoke payload is larger than Forge allows (500 KB).');
  }
  deps.invocations?.add(p.functionKey);
  const handler = await deps.loadHandler();
  let result: unknown;
  try {
    result = await invokeResolver({
      handler,
      functionKey: p.functionKey,
      payload: p.payload ?? {},
      context,
      accountId: deps.viewer.accountId,
      ...(deps.realtimeContextToken ? { realtimeContextToken: deps.realtimeContextToken } : {}),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new RpcError(500, `There was an error invoking the function - ${message}`);
  }
  if (wireBytes(result ?? null) > INVOKE_RESPONSE_MAX_BYTES) {
    throw new RpcError(500, 'The resolver response is larger than Forge allows (5 MB).');
  }
  return p.metadata ? { body: result, metadata: {} } : result;
}

type FetchPayload = {
  product?: unknown;
  restPath?: unknown;
  fetchRequestInit?: { method?: unknown; headers?: unknown; body?: unknown };
  isMultipartFormData?: unknown;
};

/** Rebuilds the multipart body @forge/bridge flattened to JSON (`file` + `__fileName/__fileType`). */
export function rebuildMultipart(json: string): FormData {
  const fields = JSON.parse(json) as Record<string, unknown>;
  const form = new FormData();
  const companion = (k: string): boolean => {
    const m = /^__(.+)(Name|Type)$/.exec(k);
    return !!m && m[1] !== undefined && m[1] in fields;
  };
  for (const [key, value] of Object.entries(fields)) {
    if (companion(key)) continue;
    const fileName = fields[`__${key}Name`];
    if (typeof fileName === 'string' && typeof value === 'string') {
      const type =
        typeof fields[`__${key}Type`] === 'string' ? (fields[`__${key}Type`] as string) : '';
      form.append(key, new File([dataUrlBytes(value)], fileName, { type }));
    } else {
      form.append(key, typeof value === 'string' ? value : JSON.stringify(value));
    }
  }
  return form;
}

function dataUrlBytes(dataUrl: string): ArrayBuffer {
  const comma = dataUrl.indexOf(',');
  const meta = dataUrl.startsWith('data:') && comma >= 0 ? dataUrl.slice(5, comma) : ';base64';
  const data = dataUrl.startsWith('data:') && comma >= 0 ? dataUrl.slice(comma + 1) : dataUrl;
  const buf = meta.endsWith(';base64')
    ? Buffer.from(data, 'base64')
    : Buffer.from(decodeURIComponent(data), 'utf8');
  const out = new ArrayBuffer(buf.byteLength);
  new Uint8Array(out).set(buf);
  return out;
}

function isTextType(contentType: string): boolean {
  if (contentType === '') return true;
  return /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)|application\/[\w.+-]+\+(json|xml))/i.test(
    contentType,
  );
}

/** Redirect statuses the product fetch follows. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The bridge's `fetchProduct`: a Confluence REST call to the emulator as the viewer. */
export async function fetchProduct(
  payload: unknown,
  deps: Pick<RpcDeps, 'emulator' | 'viewer'>,
): Promise<unknown> {
  const p = (payload ?? {}) as FetchPayload;
  if (p.product !== 'confluence') {
    throw new RpcError(
      400,
      `Only Confluence is emulated (requested product: ${String(p.product)}).`,
    );
  }
  if (typeof p.restPath !== 'string' || !p.restPath.startsWith('/wiki/')) {
    throw new RpcError(400, 'restPath must start with /wiki/.');
  }
  const init = p.fetchRequestInit ?? {};
  const method = typeof init.method === 'string' ? init.method.toUpperCase() : 'GET';
  const headers = new Headers();
  if (Array.isArray(init.headers)) {
    for (const pair of init.headers as unknown[]) {
      if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string') {
        headers.append(pair[0], pair[1]);
      }
    }
  }
  let body: BodyInit | undefined;
  if (typeof init.body === 'string' && method !== 'GET' && method !== 'HEAD') {
    if (p.isMultipartFormData === true) {
      body = rebuildMultipart(init.body);
      // The Request sets its own multipart boundary.
      headers.delete('content-type');
      headers.delete('content-length');
    } else {
      body = init.body;
    }
  }
  const request = new Request(EMULATOR_ORIGIN + p.restPath, { method, headers, body });
  const principal = principalOf(deps.viewer);
  // The bridge's product calls are held to the manifest's scopes too, as in Forge.
  let response =
    scopeRefusal(method, p.restPath, manifestScopes()) ??
    (await deps.emulator.handle(request, principal));
  // Forge's product fetch follows a download's redirect and answers the bytes (the documented
  // `…/child/attachment/{id}/download` is a 302); only same-site GET redirects exist here.
  for (let hops = 0; hops < 3 && REDIRECTS.has(response.status) && method === 'GET'; hops++) {
    const location = response.headers.get('location') ?? '';
    if (!location.startsWith('/wiki/')) break;
    response = await deps.emulator.handle(new Request(EMULATOR_ORIGIN + location), principal);
  }
  const contentType = response.headers.get('content-type') ?? '';
  const bytes = Buffer.from(await response.arrayBuffer());
  const isAttachment = bytes.byteLength > 0 && !isTextType(contentType);
  return {
    status: response.status,
    statusText: response.statusText,
    headers: Object.fromEntries(response.headers.entries()),
    body:
      bytes.byteLength === 0
        ? undefined
        : isAttachment
          ? bytes.toString('base64')
          : bytes.toString('utf8'),
    isAttachment,
  };
}

async function submit(payload: unknown, ref: FrameRef, deps: RpcDeps): Promise<unknown> {
  const content = ref.extension.content as { id?: unknown } | undefined;
  if (ref.extension.type !== 'macro' || typeof content?.id !== 'string') {
    throw new RpcError(400, "this resource's view is not submittable.");
  }
  const config = toStorageConfig((payload as { config?: unknown } | null)?.config ?? payload);
  try {
    await updatePageBody({
      emulator: deps.emulator,
      principal: principalOf(deps.viewer),
      id: content.id,
      message: 'Updated journey map settings',
      transform: (storage) => {
        const next = replaceMacroConfig({ storage, localId: ref.localId, config });
        if (!next.found) throw new RpcError(404, 'The macro is no longer on this page.');
        return next.storage;
      },
    });
  } catch (error) {
    if (error instanceof RestError) throw new RpcError(error.status, error.message);
    throw error;
  }
  return true;
}

function modalToken(payload: unknown, ref: FrameRef, deps: RpcDeps): { src: string } {
  const p = (payload ?? {}) as { resource?: unknown; context?: unknown };
  const resourceKey = typeof p.resource === 'string' && p.resource ? p.resource : ref.resourceKey;
  if (!deps.manifest.resources.has(resourceKey)) {
    throw new RpcError(400, `No resource "${resourceKey}" in manifest.yml.`);
  }
  const modal: FrameRef = {
    ...ref,
    resourceKey,
    extension: { ...ref.extension, modal: p.context ?? {} },
  };
  return {
    src: resourceEntryUrl({ ref: modal, tokens: deps.tokens, origin: deps.resourceOrigin }),
  };
}
