/*
 * The local Forge bridge, injected as the first script of every Custom UI resource page.
 * It defines `window.__bridge.callBridge(cmd, payload)` in the iframe's own realm (so payloads
 * that carry functions — onClose, flag actions, event callbacks, history listeners — keep
 * working) and talks to the host over two channels:
 *   - `POST /__forge/rpc` for invoke, fetchProduct, submit (identity = the shell's cookie only);
 *   - `postMessage` to the parent shell for flags, modals, navigation, events, theme and size.
 * `window.__forgeLocal` (set just before this code) carries the signed frame token and context.
 * Served as a classic script: `dev/host/client-script.ts` strips the types and wraps it in a
 * function, so only `import type` may appear here.
 */
import type { Envelope, FrameMessage, LocalConfig, ShellMessage } from './protocol';

type Bag = { readonly [key: string]: unknown };
type Listener = (payload: unknown) => void;
type HistoryLocation = {
  pathname: string;
  search: string;
  hash: string;
  state: unknown;
  key: string;
};
type HistoryListener = (location: HistoryLocation, action: string) => void;
type To = string | { pathname?: string; search?: string; hash?: string };
type Command = (payload: unknown) => unknown;
type BridgeWindow = Window & {
  __forgeLocal?: LocalConfig;
  __bridge?: { callBridge: (cmd: string, payload: unknown) => Promise<unknown> };
};

const bridgeWindow: BridgeWindow = window;
const cfg = requireConfig(bridgeWindow.__forgeLocal);
// The Confluence page's origin: the frame itself comes from another (Forge's CDN; here the
// host's resource port), so messages and navigation address the parent's.
const origin = cfg.parentOrigin;
const nativeFetch = window.fetch.bind(window);
let colorMode = text(bag(cfg.context.theme).colorMode || 'light');
let themingEnabled = false;
const listeners: Record<string, Listener[]> = {};
const flagActions: Record<string, unknown[]> = {};
const modalCallbacks: Record<string, Listener | null> = {};
const closeHandlers: (() => void)[] = [];
let historyListeners: HistoryListener[] = [];
let seq = 0;
let historyLocation = makeLocation(cfg.historyPath || '/');

/** A payload field as text, as `String()` prints a primitive (these fields are primitives). */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return Object.prototype.toString.call(value);
  return String(value);
}

function requireConfig(value: LocalConfig | undefined): LocalConfig {
  if (!value) throw new Error('window.__forgeLocal must be set before the local bridge runs.');
  return value;
}

/** The fields of a payload object (an empty bag for anything else). */
function bag(value: unknown): Bag {
  return typeof value === 'object' && value !== null ? (value as Bag) : {};
}

function bridgeError(message: string, details?: unknown): Error {
  const err: Error & { details?: unknown } = new Error(message);
  err.name = 'BridgeAPIError';
  if (details) err.details = details;
  return err;
}

function post(msg: FrameMessage): void {
  const envelope: Envelope<FrameMessage> = { ...msg, __jmForge: true, frameId: cfg.frameId };
  if (window.parent && window.parent !== window) window.parent.postMessage(envelope, origin);
}

function clone(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

async function rpc(cmd: string, payload: unknown): Promise<unknown> {
  const res = await nativeFetch(cfg.rpcUrl, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    // A small publish sent while the page unloads ("left") must still arrive.
    keepalive: cmd === 'realtimePublish',
    body: JSON.stringify({
      token: cfg.token,
      cmd,
      payload: payload === undefined ? null : payload,
    }),
  });
  const body: unknown = await res.json().catch(() => {
    throw bridgeError(`Local host answered ${res.status} without JSON for "${cmd}".`);
  });
  const answer = bag(body);
  if (answer.ok !== true) {
    const e = bag(answer.error);
    throw bridgeError(
      typeof e.message === 'string' && e.message ? e.message : `Local host failed on "${cmd}".`,
      e,
    );
  }
  return answer.data;
}

function contextNow(): unknown {
  const ctx = bag(clone(cfg.context));
  return { ...ctx, theme: { ...bag(ctx.theme), colorMode } };
}

// ---- theme ---------------------------------------------------------------------------------
function applyTheme(): void {
  if (!themingEnabled) return;
  const html = document.documentElement;
  html.setAttribute('data-theme', cfg.themeAttr);
  html.setAttribute('data-color-mode', colorMode);
  const head = document.head || html;
  cfg.tokenSheets.forEach((href) => {
    if (head.querySelector(`link[data-jm-tokens="${href}"]`)) return;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.setAttribute('data-jm-tokens', href);
    head.appendChild(link);
  });
}

// ---- navigation ----------------------------------------------------------------------------
function urlFor(location: unknown): string {
  if (typeof location === 'string') return absolute(location);
  if (!location || typeof location !== 'object') {
    throw bridgeError('A navigation location is required.');
  }
  const loc = bag(location);
  if (typeof loc.url === 'string') return absolute(loc.url);
  const spaceKey = text(loc.spaceKey || bag(bag(cfg.context.extension).space).key || '');
  const target = text(loc.target);
  switch (loc.target) {
    case 'contentView':
    case 'contentEdit':
      if (!loc.contentId) throw bridgeError(`${target} needs a contentId.`);
      return absolute(
        `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(text(loc.contentId))}`,
      );
    case 'spaceView':
    case 'contentList':
      if (!spaceKey) throw bridgeError(`${target} needs a spaceKey.`);
      return absolute(`/wiki/spaces/${encodeURIComponent(spaceKey)}`);
    case 'module':
      if (loc.moduleKey !== cfg.spacePage.moduleKey) {
        throw bridgeError(`The local host knows no page for module "${text(loc.moduleKey)}".`);
      }
      if (!spaceKey) throw bridgeError('module navigation needs a spaceKey here.');
      return absolute(`/wiki/spaces/${encodeURIComponent(spaceKey)}/apps/${cfg.spacePage.route}`);
    case 'userProfile':
      return absolute(`/wiki/people/${encodeURIComponent(text(loc.accountId || ''))}`);
    default:
      throw bridgeError(`Navigation target "${target}" is not supported by the local host.`);
  }
}

function absolute(url: string): string {
  const u = new URL(url, `${origin}/`);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw bridgeError('Only http(s) URLs can be navigated to.');
  }
  return u.href;
}

// ---- history (for the space page's own routes) ---------------------------------------------
function makeLocation(path: string): HistoryLocation {
  const u = new URL(path.startsWith('/') ? path : `/${path}`, 'http://x');
  seq += 1;
  return { pathname: u.pathname, search: u.search, hash: u.hash, state: null, key: text(seq) };
}

function hrefOf(to: To): string {
  return typeof to === 'string' ? to : (to.pathname || '/') + (to.search || '') + (to.hash || '');
}

function setHistory(to: To, state: unknown, replace: boolean): void {
  const path = hrefOf(to);
  historyLocation = makeLocation(path);
  historyLocation.state = state === undefined ? null : state;
  history.location = historyLocation;
  history.action = replace ? 'REPLACE' : 'PUSH';
  post({ type: 'history', path, replace });
  notifyHistory(history.action);
}

function notifyHistory(action: string): void {
  historyListeners.slice().forEach((fn) => fn(historyLocation, action));
}

const history = {
  action: 'POP',
  location: historyLocation,
  listen(fn: HistoryListener): () => void {
    historyListeners.push(fn);
    return () => {
      historyListeners = historyListeners.filter((f) => f !== fn);
    };
  },
  push(to: To, state?: unknown): void {
    setHistory(to, state, false);
  },
  replace(to: To, state?: unknown): void {
    setHistory(to, state, true);
  },
  go(n: number): void {
    post({ type: 'historyGo', delta: n });
  },
  back(): void {
    post({ type: 'historyGo', delta: -1 });
  },
  forward(): void {
    post({ type: 'historyGo', delta: 1 });
  },
  block(): () => void {
    return () => {};
  },
  createHref(to: To): string {
    return hrefOf(to);
  },
};

// ---- events ----------------------------------------------------------------------------------
function subscribe(scope: string, event: string, callback: unknown): { unsubscribe(): void } {
  const key = `${scope}:${event}`;
  const fn = callback as Listener;
  (listeners[key] ??= []).push(fn);
  return {
    unsubscribe() {
      listeners[key] = (listeners[key] ?? []).filter((f) => f !== fn);
    },
  };
}

// ---- commands ------------------------------------------------------------------------------
function flagOf(payload: unknown): FrameMessage {
  const opts = bag(payload);
  if (!opts.id) throw bridgeError('"id" must be defined in flag options');
  const id = text(opts.id);
  const actions = Array.isArray(opts.actions) ? (opts.actions as unknown[]) : [];
  flagActions[id] = actions;
  return {
    type: 'showFlag',
    flag: {
      id,
      title: opts.title == null ? '' : text(opts.title),
      description: opts.description == null ? '' : text(opts.description),
      type: typeof opts.type === 'string' && opts.type ? opts.type : 'info',
      appearance: opts.appearance || null,
      isAutoDismiss: !!opts.isAutoDismiss,
      actions: actions.map((a) => text(bag(a).text)),
    },
  };
}

async function openModal(payload: unknown): Promise<boolean> {
  const opts = bag(payload);
  seq += 1;
  const modalId = `${cfg.frameId}-m${seq}`;
  const res = bag(
    await rpc('modalToken', {
      resource: opts.resource || null,
      context: clone(opts.context) || {},
    }),
  );
  modalCallbacks[modalId] = typeof opts.onClose === 'function' ? (opts.onClose as Listener) : null;
  post({
    type: 'openModal',
    modal: {
      id: modalId,
      src: `${text(res.src)}&__f=${encodeURIComponent(modalId)}&__m=${encodeURIComponent(modalId)}`,
      size: opts.size || 'medium',
      title: opts.title ? text(opts.title) : '',
      closeOnEscape: opts.closeOnEscape !== false,
      closeOnOverlayClick: opts.closeOnOverlayClick !== false,
    },
  });
  return true;
}

function subscribeRealtime(payload: unknown): Promise<unknown> {
  const p = bag(payload);
  const options = bag(p.options);
  const overrides = Array.isArray(options.contextOverrides)
    ? `&overrides=${encodeURIComponent(options.contextOverrides.map((o) => text(o)).join(','))}`
    : '';
  const token = typeof options.token === 'string' ? `&rt=${encodeURIComponent(options.token)}` : '';
  const url = `${cfg.realtimeUrl}?t=${encodeURIComponent(cfg.token ?? '')}&channel=${encodeURIComponent(
    text(p.channelName),
  )}&global=${p.isGlobal ? '1' : '0'}${overrides}${token}`;
  return new Promise((resolve, reject) => {
    const source = new EventSource(url);
    let opened = false;
    source.onopen = () => {
      opened = true;
      resolve({
        unsubscribe() {
          source.close();
          return Promise.resolve();
        },
      });
    };
    source.onerror = () => {
      source.close();
      if (!opened) {
        reject(bridgeError(`Could not subscribe to realtime channel "${text(p.channelName)}".`));
      } else if (typeof p.onEvent === 'function') {
        // The channel dropped: the callback's second argument says so; the app subscribes again.
        const dropped = bridgeError(`Realtime channel "${text(p.channelName)}" disconnected.`);
        (p.onEvent as (payload: unknown, error?: unknown) => void)(undefined, dropped);
      }
    };
    source.onmessage = (ev: MessageEvent<string>) => {
      const data = bag(JSON.parse(ev.data));
      if (typeof p.onEvent === 'function') (p.onEvent as Listener)(data.payload);
    };
  });
}

const commands: Record<string, Command> = {
  getContext: () => contextNow(),
  invoke: (p) => rpc('invoke', p),
  fetchProduct: (p) => rpc('fetchProduct', p),
  submit: async (p) => {
    if (cfg.modalId) return closeModal(p);
    await rpc('submit', p);
    // The new config is in the page body: re-render the page so the frame gets it.
    post({ type: 'reload' });
    return true;
  },
  close: (p) => (cfg.modalId ? closeModal(p) : false),
  onClose: (fn) => {
    if (typeof fn === 'function') closeHandlers.push(fn as () => void);
    return true;
  },
  open: () => false,
  refresh: (p) => {
    post({ type: 'refresh', payload: clone(p) });
    return true;
  },
  reload: () => {
    post({ type: 'reload' });
  },
  createHistory: () => history,
  enableTheming: () => {
    themingEnabled = true;
    applyTheme();
  },
  changeWindowTitle: (title) => {
    post({ type: 'title', title: text(title) });
  },
  navigate: (loc) => {
    const url = urlFor(loc);
    post({ type: 'navigate', url, newTab: bag(loc).type === 'new-tab' });
  },
  getUrl: (loc) => urlFor(loc),
  showFlag: (opts) => {
    post(flagOf(opts));
    return true;
  },
  closeFlag: (p) => {
    post({ type: 'closeFlag', id: text(bag(p).id) });
    return true;
  },
  openModal,
  emit: (p) => {
    const { event, payload } = bag(p);
    post({ type: 'emit', scope: 'app', event: text(event), payload: clone(payload) });
  },
  on: (p) => subscribe('app', text(bag(p).event), bag(p).callback),
  emitPublic: (p) => {
    const { event, payload } = bag(p);
    post({ type: 'emit', scope: 'public', event: text(event), payload: clone(payload) });
  },
  onPublic: (p) => subscribe('public', text(bag(p).event), bag(p).callback),
  publishRealtimeChannel: (payload) => {
    const p = bag(payload);
    return rpc('realtimePublish', {
      channelName: text(p.channelName),
      eventPayload: clone(p.eventPayload),
      isGlobal: !!p.isGlobal,
      contextOverrides: bag(p.options).contextOverrides,
      token: bag(p.options).token,
    });
  },
  subscribeRealtimeChannel: subscribeRealtime,
  emitReadyEvent: () => undefined,
  getFrameId: () => cfg.frameId,
};

function closeModal(payload: unknown): boolean {
  closeHandlers.slice().forEach((fn) => {
    try {
      fn();
    } catch (e) {
      console.error(e);
    }
  });
  post({ type: 'closeModal', modalId: cfg.modalId, payload: clone(payload) });
  return true;
}

bridgeWindow.__bridge = {
  callBridge(cmd: string, payload: unknown): Promise<unknown> {
    const handler = Object.prototype.hasOwnProperty.call(commands, cmd) ? commands[cmd] : null;
    if (!handler) {
      return Promise.reject(
        bridgeError(`The local Forge host does not support the bridge command "${text(cmd)}".`),
      );
    }
    try {
      return Promise.resolve(handler(payload));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(text(e)));
    }
  },
};

// ---- messages from the shell ---------------------------------------------------------------
function isShellMessage(value: unknown): value is Envelope<ShellMessage> {
  return typeof value === 'object' && value !== null && bag(value).__jmForge === true;
}

function onShellMessage(m: ShellMessage): void {
  if (m.type === 'ping') {
    // The shell's script may start after this frame: say hello again and resend the size.
    post({ type: 'hello' });
    lastHeight = -1;
    reportSize();
  } else if (m.type === 'theme') {
    colorMode = m.colorMode === 'dark' ? 'dark' : 'light';
    applyTheme();
  } else if (m.type === 'event') {
    (listeners[`${m.scope}:${m.event}`] ?? []).slice().forEach((fn) => {
      try {
        fn(m.payload);
      } catch (e) {
        console.error(e);
      }
    });
  } else if (m.type === 'flagAction') {
    const action = bag((flagActions[m.id] ?? [])[m.index]);
    if (typeof action.onClick === 'function') (action.onClick as () => void)();
  } else if (m.type === 'modalClosed') {
    const cb = modalCallbacks[m.modalId];
    delete modalCallbacks[m.modalId];
    if (cb) cb(m.payload);
  } else if (m.type === 'historyPop') {
    historyLocation = makeLocation(m.path || '/');
    history.location = historyLocation;
    history.action = 'POP';
    notifyHistory('POP');
  }
}

window.addEventListener('message', (ev: MessageEvent<unknown>) => {
  if (ev.origin !== origin || ev.source !== window.parent) return;
  if (isShellMessage(ev.data)) onShellMessage(ev.data);
});

// ---- auto-height: the shell sizes the iframe to the document --------------------------------
let lastHeight = -1;
function reportSize(): void {
  const body = document.body;
  if (!body) return;
  const style = window.getComputedStyle(body);
  let h = Math.ceil(
    body.getBoundingClientRect().height +
      (parseFloat(style.marginTop) || 0) +
      (parseFloat(style.marginBottom) || 0),
  );
  h = Math.max(h, body.scrollHeight);
  if (h !== lastHeight) {
    lastHeight = h;
    post({ type: 'resize', height: h });
  }
}
function startSizing(): void {
  reportSize();
  if (typeof ResizeObserver === 'function') {
    const ro = new ResizeObserver(reportSize);
    ro.observe(document.body);
    ro.observe(document.documentElement);
  }
  window.addEventListener('load', reportSize);
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startSizing);
else startSizing();
post({ type: 'hello' });
