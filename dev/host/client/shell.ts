/*
 * The local Confluence shell's page script: the parent side of the Forge bridge. It sizes Forge
 * iframes, shows flags, opens modals, relays events between the iframes of this page, follows
 * navigation requests and switches theme and user. Messages are accepted only from our own
 * origin and from iframes this page created.
 * Served as a classic script: `dev/host/client-script.ts` strips the types and wraps it in a
 * function, so only `import type` may appear here.
 */
import type { Envelope, FlagMessage, FrameMessage, ModalMessage, ShellMessage } from './protocol';

type OpenModal = {
  /** The frame that opened it; null for a module the shell opened (byline item, ••• action). */
  opener: HTMLIFrameElement | null;
  overlay: HTMLElement;
  options: ModalMessage;
  /** Runs once it is closed (the byline item re-reads its title). */
  onClosed?: () => void;
};

const origin = window.location.origin;
const flagsEl = requireElement('jm-flags');
const modalsEl = requireElement('jm-modals');
const modals: Record<string, OpenModal> = {};

/** A payload field as text, as `String()` prints a primitive (these fields are primitives). */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return Object.prototype.toString.call(value);
  return String(value);
}

function requireElement(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The shell layout has no #${id}.`);
  return el;
}

function frames(): HTMLIFrameElement[] {
  return Array.from(document.querySelectorAll<HTMLIFrameElement>('iframe[data-frame-id]'));
}

function frameOf(source: MessageEventSource | null): HTMLIFrameElement | null {
  return frames().find((f) => f.contentWindow === source) ?? null;
}

/** A frame's origin: Forge's CDN here is the host's resource port, not this page's origin. */
function frameOrigin(iframe: HTMLIFrameElement): string {
  try {
    return new URL(iframe.src, `${origin}/`).origin;
  } catch {
    return origin;
  }
}

function send(iframe: HTMLIFrameElement | null, msg: ShellMessage): void {
  const envelope: Envelope<ShellMessage> = { ...msg, __jmForge: true };
  if (iframe && iframe.contentWindow)
    iframe.contentWindow.postMessage(envelope, frameOrigin(iframe));
}

function colorMode(): 'dark' | 'light' {
  return document.documentElement.getAttribute('data-color-mode') === 'dark' ? 'dark' : 'light';
}

// ---- flags -----------------------------------------------------------------------------------
const ICONS: Record<string, string> = {
  info: 'i',
  success: '\u2713',
  warning: '!',
  error: '\u00d7',
};

function showFlag(frame: HTMLIFrameElement, flag: FlagMessage): void {
  closeFlag(flag.id);
  const type = ICONS[flag.type] ? flag.type : 'info';
  const el = document.createElement('div');
  el.className = `jm-flag jm-flag-${type}`;
  el.setAttribute('role', type === 'error' || type === 'warning' ? 'alert' : 'status');
  el.setAttribute('data-flag-id', flag.id);
  const icon = document.createElement('span');
  icon.className = 'jm-flag-icon';
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = ICONS[type] ?? '';
  const body = document.createElement('div');
  body.className = 'jm-flag-body';
  const title = document.createElement('div');
  title.className = 'jm-flag-title';
  title.textContent = flag.title;
  body.appendChild(title);
  if (flag.description) {
    const desc = document.createElement('div');
    desc.className = 'jm-flag-description';
    desc.textContent = flag.description;
    body.appendChild(desc);
  }
  if (flag.actions && flag.actions.length) {
    const actions = document.createElement('div');
    actions.className = 'jm-flag-actions';
    flag.actions.forEach((text, index) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'jm-link-button';
      b.textContent = text;
      b.addEventListener('click', () => {
        send(frame, { type: 'flagAction', id: flag.id, index });
      });
      actions.appendChild(b);
    });
    body.appendChild(actions);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'jm-flag-close';
  close.setAttribute('aria-label', 'Dismiss');
  close.textContent = '\u00d7';
  close.addEventListener('click', () => closeFlag(flag.id));
  el.appendChild(icon);
  el.appendChild(body);
  el.appendChild(close);
  flagsEl.insertBefore(el, flagsEl.firstChild);
  if (flag.isAutoDismiss) setTimeout(() => closeFlag(flag.id), 8000);
}

function closeFlag(id: string): void {
  for (const el of Array.from(flagsEl.querySelectorAll('[data-flag-id]'))) {
    if (el.getAttribute('data-flag-id') === id) el.remove();
  }
}

// ---- modals ----------------------------------------------------------------------------------
const SIZES: Record<string, string> = {
  small: '400px',
  medium: '600px',
  large: '800px',
  xlarge: '968px',
  max: '100%',
  fullscreen: '100%',
};

function openModal(
  opener: HTMLIFrameElement | null,
  modal: ModalMessage,
  onClosed?: () => void,
): void {
  // As in Confluence, a modal dismisses the byline popup: it would be drawn over the modal.
  closePopups();
  const overlay = document.createElement('div');
  overlay.className = 'jm-modal-blanket';
  const dialog = document.createElement('div');
  dialog.className = 'jm-modal';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  const size = modal.size;
  if (size && typeof size === 'object') {
    dialog.style.width = text(size.width || '600px');
    if (size.height) dialog.style.height = text(size.height);
  } else {
    dialog.style.width = SIZES[size] || '600px';
    if (size === 'fullscreen' || size === 'max') {
      // As on Confluence: the whole viewport (fullscreen: 100vw x 100vh, title in a header;
      // max: the whole host area), no blanket padding, the frame sized by the dialog, not by
      // its content.
      dialog.style.height = '100%';
      overlay.classList.add(`is-${size}`);
      dialog.setAttribute('data-fills', 'true');
    }
  }
  if (modal.title) {
    const h = document.createElement('h2');
    h.className = 'jm-modal-title';
    h.textContent = modal.title;
    dialog.appendChild(h);
    dialog.setAttribute('aria-label', modal.title);
  }
  const iframe = document.createElement('iframe');
  // A module the shell opened (a ••• action) sizes to its content like Confluence's modal.
  iframe.className = `jm-forge-frame jm-modal-frame${opener ? '' : ' jm-module-frame'}`;
  iframe.setAttribute('data-frame-id', modal.id);
  iframe.setAttribute('data-modal', 'true');
  iframe.title = modal.title || 'Dialog';
  iframe.src = modal.src;
  dialog.appendChild(iframe);
  overlay.appendChild(dialog);
  overlay.addEventListener('mousedown', (e) => {
    if (e.target === overlay && modal.closeOnOverlayClick) closeModal(modal.id, undefined);
  });
  modalsEl.appendChild(overlay);
  modals[modal.id] = { opener, overlay, options: modal, ...(onClosed ? { onClosed } : {}) };
}

function closeModal(id: string | null, payload: unknown): void {
  const m = id === null ? undefined : modals[id];
  if (!m || id === null) return;
  delete modals[id];
  m.overlay.remove();
  send(m.opener, { type: 'modalClosed', modalId: id, payload });
  m.onClosed?.();
}

// ---- page-level modules: the byline item and the ••• menu -------------------------------------
/** Popup widths of the byline item's `viewportSize`. */
const POPUP_WIDTHS: Record<string, string> = {
  small: '360px',
  medium: '480px',
  large: '640px',
};

/** Opens the byline item's module in a popup anchored below it. */
function openPopup(trigger: HTMLElement, modal: ModalMessage, onClosed: () => void): void {
  const popup = document.createElement('div');
  popup.className = 'jm-popup';
  popup.setAttribute('role', 'dialog');
  popup.setAttribute('aria-label', modal.title);
  popup.setAttribute('data-testid', 'module-popup');
  const size = typeof modal.size === 'string' ? modal.size : 'small';
  popup.style.width = POPUP_WIDTHS[size] ?? '360px';
  const box = trigger.getBoundingClientRect();
  popup.style.left = `${Math.max(8, box.left + window.scrollX)}px`;
  popup.style.top = `${box.bottom + window.scrollY + 6}px`;
  const iframe = document.createElement('iframe');
  iframe.className = 'jm-forge-frame jm-modal-frame';
  iframe.setAttribute('data-frame-id', modal.id);
  iframe.setAttribute('data-modal', 'true');
  iframe.title = modal.title;
  // `__m` makes the popup's `view.close()` close it, as Confluence's popups do.
  iframe.src = `${modal.src}&__m=${encodeURIComponent(modal.id)}`;
  popup.appendChild(iframe);
  document.body.appendChild(popup);
  modals[modal.id] = { opener: null, overlay: popup, options: modal, onClosed };
}

/** Closes every open popup (not the modals), except one holding `inside`. */
function closePopups(inside?: Element): void {
  for (const [id, m] of Object.entries(modals)) {
    if (!m.overlay.classList.contains('jm-popup')) continue;
    if (inside && m.overlay.contains(inside)) continue;
    closeModal(id, undefined);
  }
}

/** Re-reads the byline item's dynamic title and tooltip (after its popup closed). */
function refreshByline(trigger: HTMLElement): void {
  const url = trigger.getAttribute('data-byline-refresh');
  if (!url) return;
  void fetch(url, { credentials: 'same-origin' })
    .then((r) =>
      r.ok ? (r.json() as Promise<{ title?: unknown; tooltip?: unknown; icon?: unknown }>) : null,
    )
    .then((next) => {
      if (!next) return;
      const title = trigger.querySelector('.jm-byline-title');
      if (title && typeof next.title === 'string') title.textContent = next.title;
      if (typeof next.tooltip === 'string') trigger.title = next.tooltip;
      const icon = trigger.querySelector('img.jm-byline-icon-img');
      if (icon && typeof next.icon === 'string') icon.setAttribute('src', next.icon);
    })
    .catch(() => undefined);
}

/** Opens the module a byline item or a ••• menu entry names (its signed frame URL). */
function openModule(trigger: HTMLElement): void {
  const id = trigger.getAttribute('data-module-id') ?? '';
  const src = trigger.getAttribute('data-module-src') ?? '';
  if (!id || !src) return;
  if (modals[id]) {
    closeModal(id, undefined);
    return;
  }
  const modal: ModalMessage = {
    id,
    src,
    size: trigger.getAttribute('data-viewport-size') ?? 'medium',
    title: trigger.getAttribute('data-module-title') ?? '',
    closeOnEscape: true,
    closeOnOverlayClick: true,
  };
  const isByline = trigger.hasAttribute('data-byline-refresh');
  const onClosed = (): void => {
    if (isByline) refreshByline(trigger);
  };
  if (trigger.getAttribute('data-viewport-container') === 'popup') {
    openPopup(trigger, modal, onClosed);
  } else {
    // Confluence draws no header over a content action: the module shows its own heading.
    openModal(null, { ...modal, title: '' }, onClosed);
  }
}

function closeMenus(except?: Element): void {
  for (const menu of Array.from(document.querySelectorAll('.jm-more-actions'))) {
    if (menu === except) continue;
    const list = menu.querySelector('.jm-menu');
    if (list instanceof HTMLElement) list.hidden = true;
    menu.querySelector('[aria-haspopup="menu"]')?.setAttribute('aria-expanded', 'false');
  }
}

document.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target : null;
  const moduleTrigger = target?.closest<HTMLElement>('[data-module-src]');
  if (moduleTrigger) {
    closeMenus();
    openModule(moduleTrigger);
    return;
  }
  const menuButton = target?.closest<HTMLElement>('.jm-more-actions [aria-haspopup="menu"]');
  if (menuButton) {
    const wrap = menuButton.closest('.jm-more-actions') ?? undefined;
    closeMenus(wrap);
    const list = wrap?.querySelector('.jm-menu');
    if (list instanceof HTMLElement) {
      list.hidden = !list.hidden;
      menuButton.setAttribute('aria-expanded', list.hidden ? 'false' : 'true');
    }
    return;
  }
  closeMenus();
  // A click outside an open popup closes it, as Confluence's byline popups do.
  if (target) closePopups(target);
});

document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  const last = Object.keys(modals).at(-1);
  if (last && modals[last]?.options.closeOnEscape) closeModal(last, undefined);
});

// ---- navigation ------------------------------------------------------------------------------
function safeHttpUrl(url: string): string | null {
  try {
    const u = new URL(url, `${origin}/`);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function historyBase(frame: HTMLIFrameElement): string | null {
  return frame.getAttribute('data-history-base') || null;
}

// ---- the message pump ------------------------------------------------------------------------
function isFrameMessage(value: unknown): value is Envelope<FrameMessage> {
  return typeof value === 'object' && value !== null && Reflect.get(value, '__jmForge') === true;
}

function resize(frame: HTMLIFrameElement, height: unknown): void {
  const h = Math.max(0, Math.min(Number(height) || 0, 20000));
  if (frame.closest('[data-fills="true"]')) {
    // A fullscreen / max modal's frame fills its dialog whatever its content's height.
  } else if (frame.getAttribute('data-modal') === 'true') {
    frame.style.height = `${Math.min(h, window.innerHeight * 0.8)}px`;
  } else {
    const min = Number(frame.getAttribute('data-min-height') || 0);
    frame.style.height = `${Math.max(h, min)}px`;
  }
}

function followHistory(frame: HTMLIFrameElement, rawPath: unknown, replace: boolean): void {
  const base = historyBase(frame);
  if (!base) return;
  const path = text(rawPath || '/');
  const target = base.replace(/\/$/, '') + (path === '/' ? '' : path);
  if (replace) window.history.replaceState({ jmPath: path }, '', target);
  else window.history.pushState({ jmPath: path }, '', target);
}

function onFrameMessage(frame: HTMLIFrameElement, m: FrameMessage): void {
  switch (m.type) {
    case 'hello':
      frame.setAttribute('data-bridge-ready', 'true');
      break;
    case 'resize':
      resize(frame, m.height);
      break;
    case 'showFlag':
      showFlag(frame, m.flag);
      break;
    case 'closeFlag':
      closeFlag(m.id);
      break;
    case 'openModal':
      openModal(frame, m.modal);
      break;
    case 'closeModal':
      closeModal(frame.getAttribute('data-frame-id'), m.payload);
      break;
    case 'emit':
      frames().forEach((f) => {
        if (f !== frame) {
          send(f, { type: 'event', scope: m.scope, event: m.event, payload: m.payload });
        }
      });
      break;
    case 'navigate': {
      const url = safeHttpUrl(m.url);
      if (!url) return;
      if (m.newTab) window.open(url, '_blank', 'noopener');
      else window.location.assign(url);
      break;
    }
    case 'title':
      document.title = String(m.title);
      break;
    case 'refresh':
      frame.setAttribute('src', frame.getAttribute('src') || 'about:blank');
      break;
    case 'reload':
      window.location.reload();
      break;
    case 'history':
      followHistory(frame, m.path, !!m.replace);
      break;
    case 'historyGo':
      window.history.go(Number(m.delta) || 0);
      break;
    default:
      break;
  }
}

window.addEventListener('message', (ev: MessageEvent<unknown>) => {
  if (!isFrameMessage(ev.data)) return;
  const frame = frameOf(ev.source);
  // Only from a frame this page created, at the origin its address names.
  if (frame && ev.origin === frameOrigin(frame)) onFrameMessage(frame, ev.data);
});

window.addEventListener('popstate', () => {
  frames().forEach((f) => {
    const base = historyBase(f);
    if (!base) return;
    const path = window.location.pathname.slice(base.replace(/\/$/, '').length) || '/';
    send(f, { type: 'historyPop', path: path + window.location.search + window.location.hash });
  });
});

// Frames that loaded before this script missed our listener: ask them to say hello again.
frames().forEach((f) => send(f, { type: 'ping' }));

// ---- theme and user switchers ------------------------------------------------------------------
const toggle = document.getElementById('jm-theme-toggle');
if (toggle) {
  toggle.addEventListener('click', () => {
    const next = colorMode() === 'dark' ? 'light' : 'dark';
    document.documentElement.setAttribute('data-color-mode', next);
    document.cookie = `jm_theme=${next}; path=/; SameSite=Lax; max-age=31536000`;
    toggle.setAttribute('aria-pressed', next === 'dark' ? 'true' : 'false');
    toggle.textContent = next === 'dark' ? 'Light mode' : 'Dark mode';
    frames().forEach((f) => send(f, { type: 'theme', colorMode: next }));
  });
}
const userSelect = document.getElementById('jm-user-select');
if (userSelect instanceof HTMLSelectElement) {
  userSelect.addEventListener('change', () => userSelect.form?.submit());
  const submit = document.getElementById('jm-user-submit');
  if (submit) submit.hidden = true;
}
