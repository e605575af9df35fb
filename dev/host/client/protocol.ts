/**
 * The messages between the shell page (`shell.ts`) and the bridge in each Forge iframe
 * (`bridge.ts`), and the frame configuration the host writes before the bridge. Types only: the
 * browser scripts import them with `import type`, so nothing of this file is served.
 */

/** What `window.__forgeLocal` carries into a frame (written by `dev/host/resources.ts`). */
export type LocalConfig = {
  token: string | null;
  frameId: string;
  modalId: string | null;
  historyPath: string;
  /** The Confluence page's origin (the frame is served from another one, as on Forge's CDN). */
  parentOrigin: string;
  rpcUrl: string;
  realtimeUrl: string;
  context: FrameContext;
  themeAttr: string;
  tokenSheets: string[];
  spacePage: { moduleKey: string; route: string };
};

/** A frame's Forge context (`dev/host/context.ts`); the bridge reads its theme and space. */
export type FrameContext = Record<string, unknown>;

/** A modal's size: a Forge preset name or explicit width/height. */
export type ModalSize = string | { width?: unknown; height?: unknown };

/** A flag as the shell draws it. */
export type FlagMessage = {
  id: string;
  title: string;
  description: string;
  type: string;
  appearance: unknown;
  isAutoDismiss: boolean;
  actions: string[];
};

/** A modal as the shell opens it. */
export type ModalMessage = {
  id: string;
  src: string;
  size: ModalSize;
  title: string;
  closeOnEscape: boolean;
  closeOnOverlayClick: boolean;
};

/** A message from a frame's bridge to the shell. */
export type FrameMessage =
  | { type: 'hello' }
  | { type: 'resize'; height: number }
  | { type: 'showFlag'; flag: FlagMessage }
  | { type: 'closeFlag'; id: string }
  | { type: 'openModal'; modal: ModalMessage }
  | { type: 'closeModal'; modalId: string | null; payload: unknown }
  | { type: 'emit'; scope: string; event: string; payload: unknown }
  | { type: 'navigate'; url: string; newTab: boolean }
  | { type: 'title'; title: string }
  | { type: 'refresh'; payload: unknown }
  | { type: 'reload' }
  | { type: 'history'; path: string; replace: boolean }
  | { type: 'historyGo'; delta: number };

/** A message from the shell to a frame's bridge. */
export type ShellMessage =
  | { type: 'ping' }
  | { type: 'theme'; colorMode: string }
  | { type: 'event'; scope: string; event: string; payload: unknown }
  | { type: 'flagAction'; id: string; index: number }
  | { type: 'modalClosed'; modalId: string; payload: unknown }
  | { type: 'historyPop'; path: string };

/** Every message on the wire carries this marker (other postMessage traffic is ignored). */
export type Envelope<M> = M & { __jmForge: true; frameId?: string };
