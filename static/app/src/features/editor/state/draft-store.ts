/**
 * Text being typed, kept as it is typed: every keystroke of an open text field is written to
 * localStorage per person and macro instance (a shared browser never shows one person's drafts to
 * the next), so a reload or a crashed tab loses nothing, and a card deleted
 * by someone else while it is being typed in keeps its text. A draft is removed when its text is
 * committed (then the pending-op store keeps it until the server has it) or explicitly discarded.
 */
import type { Card, CardKind } from '@domain/model/schema';
import type { KeyValueStorage } from './pending-store';

/**
 * Where a card draft belongs: enough to put the text back as a card, and the card as it was when
 * typing began (so a card deleted meanwhile can be restored whole; untrusted after a reload:
 * the restore op checks it like any other).
 */
export type DraftPlace = {
  cardId: string | null;
  laneId: string;
  stepId: string;
  kind: CardKind;
  card?: Card;
};

/** One field's unsent text. */
export type Draft = { text: string; place?: DraftPlace; at: string };

/** The drafts of one macro instance, observable. */
export type DraftStore = {
  get: (key: string) => Draft | null;
  set: (key: string, draft: Draft) => void;
  clear: (key: string) => void;
  all: () => Record<string, Draft>;
  /** Fields open in an editor now (their drafts are not "left behind"). */
  open: (key: string) => () => void;
  isOpen: (key: string) => boolean;
  subscribe: (listener: () => void) => () => void;
  /** Changes on every write (for `useSyncExternalStore`). */
  version: () => number;
};

/** The key of a card's text draft. */
export const cardDraftKey = (cardId: string): string => `card:${cardId}:text`;
/** The key of a new card being typed in a cell. */
export const newCardDraftKey = (laneId: string, stepId: string): string =>
  `new:${laneId}:${stepId}`;

/** The key of a map field's draft (`persona.goals`, `scope.scenario`). */
export const fieldDraftKey = (path: string): string => `field:${path}`;

/** Storage key of one person's drafts in a macro instance. */
export function draftsKey(args: { accountId: string; pageId: string; localId: string }): string {
  return `cjm:drafts:${args.accountId}:${args.pageId}:${args.localId}`;
}

/** Most drafts kept (oldest go first); a person has one or two open at a time. */
const MAX_DRAFTS = 50;

/** A draft store over Web Storage (memory only when storage is unavailable or full). */
export function createDraftStore(args: {
  storage: KeyValueStorage | null;
  /** Whose drafts: the viewer (`anonymous` without one). */
  accountId: string;
  pageId: string;
  localId: string;
}): DraftStore {
  const key = draftsKey(args);
  let drafts: Record<string, Draft> = load(args.storage, key);
  const openKeys = new Map<string, number>();
  const listeners = new Set<() => void>();
  let seq = 0;
  const changed = () => {
    seq++;
    for (const l of [...listeners]) l();
  };
  const persist = () => {
    try {
      if (Object.keys(drafts).length) args.storage?.setItem(key, JSON.stringify(drafts));
      else args.storage?.removeItem(key);
    } catch {
      // Full or unavailable storage: the drafts stay in memory for this tab.
    }
    changed();
  };
  return {
    get: (k) => drafts[k] ?? null,
    set(k, draft) {
      const next = { ...drafts, [k]: draft };
      const keys = Object.keys(next);
      for (const old of keys.slice(0, Math.max(0, keys.length - MAX_DRAFTS))) delete next[old];
      drafts = next;
      persist();
    },
    clear(k) {
      if (!(k in drafts)) return;
      const next = { ...drafts };
      delete next[k];
      drafts = next;
      persist();
    },
    all: () => drafts,
    open(k) {
      openKeys.set(k, (openKeys.get(k) ?? 0) + 1);
      changed();
      return () => {
        const n = (openKeys.get(k) ?? 1) - 1;
        if (n <= 0) openKeys.delete(k);
        else openKeys.set(k, n);
        changed();
      };
    },
    isOpen: (k) => openKeys.has(k),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => seq,
  };
}

function load(storage: KeyValueStorage | null, key: string): Record<string, Draft> {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const out: Record<string, Draft> = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (isDraft(v)) out[k] = v;
    }
    return out;
  } catch {
    return {};
  }
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Draft>;
  const p = v.place;
  return (
    typeof v.text === 'string' &&
    typeof v.at === 'string' &&
    (p === undefined ||
      (typeof p === 'object' &&
        p !== null &&
        (p.cardId === null || typeof p.cardId === 'string') &&
        typeof p.laneId === 'string' &&
        typeof p.stepId === 'string' &&
        typeof p.kind === 'string' &&
        (p.card === undefined || (typeof p.card === 'object' && p.card !== null))))
  );
}
