/**
 * The editor's state: the last map the server confirmed, the ops sent but not yet acknowledged,
 * the ops not yet sent, the optimistic map (confirmed + in flight + pending) and the undo
 * history. A pure reducer over domain ops; the sync engine drives the server-facing actions.
 */
import type { JourneyMap, WriteUpRef } from '@domain/model/schema';
import type { Op } from '@domain/operations/op-types';
import type { Capabilities, DroppedOp, LoggedSave, MapChange } from '@contract';
import type { applyAll as ApplyAllFn } from '@domain/operations/apply';
import type { History } from '@domain/operations/history';
import { jsonByteLength } from '@domain/codec/utf8';
import { createHistory, record, redo, undo } from '@domain/operations/history';
import { translateNow } from '../../../i18n/i18n-context';
import { describeField } from './describe-fields';
import { shareStructure } from './share-structure';

/**
 * The domain's `applyAll`, injected: the macro loads the operations module as a separate chunk
 * in parallel with the map (it carries zod through the domain's refs), keeping it out of the
 * initial bundle; tests pass the same real function.
 */
export type ApplyAll = typeof ApplyAllFn;

/** Most ops sent in one `map/apply` call. */
export const MAX_BATCH = 200;
/**
 * Most UTF-8 bytes of ops in one `map/apply` call: Forge refuses a front-end `invoke` payload
 * over 500 KB (limits-invocation), and the address, base version, batch id and locale need room
 * (decision 0053). 200 card texts at their limit in Chinese would be 1.2 MB.
 */
export const MAX_BATCH_BYTES = 400_000;

/** How many of `ops` one `map/apply` call sends: at least one, ≤ MAX_BATCH, ≤ MAX_BATCH_BYTES. */
export function batchSize(ops: readonly Op[]): number {
  let bytes = 2; // the array's brackets
  let n = 0;
  for (const op of ops) {
    if (n === MAX_BATCH) break;
    bytes += jsonByteLength(op) + (n > 0 ? 1 : 0);
    if (n > 0 && bytes > MAX_BATCH_BYTES) break;
    n++;
  }
  return n;
}

/** The size in bytes of the first op too large for any batch, or null when every op fits. */
function oversizedOp(ops: readonly Op[]): number | null {
  for (const op of ops) {
    const bytes = jsonByteLength(op) + 2;
    if (bytes > MAX_BATCH_BYTES) return bytes;
  }
  return null;
}
/** Undo steps kept. */
export const HISTORY_LIMIT = 200;

/** Where saving stands. */
export type SyncPhase = 'saved' | 'saving' | 'offline' | 'blocked';

/** Whether other people's edits arrive live (Forge Realtime) or by the slow poll. */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'off';

/**
 * A card text of mine that someone else's save replaced without having seen it: shown at the
 * card, by name, with both versions (keep theirs, use mine, keep both).
 */
export type CardConflict = {
  id: number;
  cardId: string;
  mine: string;
  theirs: string;
  /** Account id of who changed it ('' when not known: a change found by loading). */
  author: string;
};

/** How long a text I saved counts as "mine" for conflict detection on a full load (ms). */
export const MINE_WINDOW_MS = 20_000;

/** Something the person should know about a save: a conflict, a dropped edit, an error. */
export type Note = { id: number; kind: 'conflict' | 'dropped' | 'error'; message: string };

/** The whole editor state. */
export type EditorState = {
  /** The map as last confirmed by the server. */
  base: JourneyMap;
  version: number;
  /** Sent in the current `map/apply` call, awaiting the answer (or its resend after a failure). */
  inflight: Op[];
  inflightBase: number;
  /** The id of the batch in `inflight`: kept for every resend of it, so it is applied once. */
  inflightId: string | null;
  /** True when the last send of `inflight` failed: it waits to be resent exactly as it was. */
  inflightHeld: boolean;
  /** Not sent yet (including ops restored after a reload or kept after a failure). */
  pending: Op[];
  /** The server version the oldest pending op was made against. */
  pendingBase: number | null;
  /** What the person sees: base + inflight + pending. */
  map: JourneyMap;
  capabilities: Capabilities;
  /** Undo / redo stacks (the domain's history: typing in one field coalesces). */
  history: History;
  phase: SyncPhase;
  failures: number;
  lastError: string | null;
  notes: Note[];
  noteSeq: number;
  live: LiveState;
  conflicts: CardConflict[];
  /** Card texts I saved recently (card id → text, when), to notice someone overwriting them. */
  mine: Record<string, { text: string; at: number }>;
  /**
   * Cards where my text stands over someone else's and they were told (my save overwrote theirs,
   * or I chose "Use mine"): their next change of it answers that, so it is told to me like a
   * conflict (decision 0048), not taken as an edit made with my text in view.
   */
  contested: Record<string, true>;
  /** Who last changed each card remotely (card id → account id), for "X changed this". */
  remoteAuthors: Record<string, string>;
};

/** Everything that changes the editor state. */
export type EditorAction =
  | { type: 'edit'; ops: Op[]; at?: number }
  | { type: 'undo' }
  | { type: 'redo' }
  /** `batchId` names a new batch; a held batch is resent with its own id. */
  | { type: 'sendStart'; batchId: string }
  | ({
      type: 'sendOk';
      version: number;
      dropped: DroppedOp[];
      overwritten: string[];
      /** When the answer arrived (ms), to date the texts recorded in `mine`. */
      at?: number;
    } & (
      | { map: JourneyMap }
      /** The ops since `inflightBase` (ours as applied): the server sent no map (decision 0028). */
      | { change: MapChange }
    ))
  | { type: 'sendFailed'; message: string; retryable: boolean }
  | {
      type: 'remote';
      map: JourneyMap;
      version: number;
      capabilities: Capabilities;
      at?: number;
    }
  /** Someone else's committed save, one version ahead of ours (a Realtime event). */
  | {
      type: 'remoteOps';
      version: number;
      ops: Op[];
      updatedAt?: string | null;
      author: string;
      overwritten: string[];
    }
  /**
   * Saves someone else made after `fromVersion`, read from the map's op log (`map/opsSince`,
   * decisions 0040 and 0045) when an event was missed; applied only on exactly that version,
   * one by one like the events they replace (who saved, what they overwrote).
   */
  | { type: 'remoteSaves'; fromVersion: number; saves: LoggedSave[]; at?: number }
  | { type: 'live'; state: LiveState }
  /** A conflict's choice; `mine` ("Use mine") puts my text back over theirs, knowingly. */
  | { type: 'resolveConflict'; id: number; kept?: 'theirs' | 'mine' | 'both' }
  | { type: 'discardUnsent' }
  | { type: 'dismissNote'; id: number }
  /** The write-up page a generation recorded (page data, not a map edit: no version change). */
  | { type: 'writeUpRecorded'; writeUp: WriteUpRef };

/** Initial state after a load, with ops restored from a previous session queued to send. */
export function initialEditorState(args: {
  applyAll: ApplyAll;
  map: JourneyMap;
  version: number;
  capabilities: Capabilities;
  restored?: { baseVersion: number; ops: Op[]; batch?: { id: string; count: number } } | null;
}): EditorState {
  const restoredOps = args.capabilities.canEdit ? (args.restored?.ops ?? []) : [];
  const map = restoredOps.length ? args.applyAll(args.map, restoredOps).map : args.map;
  const restoredBase = args.restored?.baseVersion ?? args.version;
  // A batch that was sent before the reload may have been applied: resent with its id, as is.
  const batch = args.restored?.batch;
  const held = batch && batch.count > 0 && batch.count <= restoredOps.length ? batch : null;
  const inflight = held ? restoredOps.slice(0, held.count) : [];
  const pending = held ? restoredOps.slice(held.count) : restoredOps;
  return {
    base: args.map,
    version: args.version,
    inflight,
    inflightBase: held ? restoredBase : args.version,
    inflightId: held?.id ?? null,
    inflightHeld: held !== null,
    pending,
    pendingBase: pending.length ? restoredBase : null,
    map,
    capabilities: args.capabilities,
    history: createHistory(HISTORY_LIMIT),
    phase: restoredOps.length ? 'saving' : 'saved',
    failures: 0,
    lastError: null,
    notes: [],
    noteSeq: 0,
    live: 'connecting',
    conflicts: [],
    mine: {},
    contested: {},
    remoteAuthors: {},
  };
}

/** Ops not yet confirmed by the server, oldest first. */
export function unsentOps(state: EditorState): Op[] {
  return state.inflight.length ? [...state.inflight, ...state.pending] : state.pending;
}

function queue(state: EditorState, ops: Op[], map: JourneyMap): EditorState {
  return {
    ...state,
    map,
    pending: [...state.pending, ...ops],
    pendingBase: state.pendingBase ?? state.version,
    phase: state.phase === 'saved' ? 'saving' : state.phase,
  };
}

/** Builds the editor reducer: optimistic edits with the domain ops, undo/redo, save results. */
export function createEditorReducer(applyAll: ApplyAll) {
  return function editorReducer(state: EditorState, action: EditorAction): EditorState {
    switch (action.type) {
      case 'edit': {
        if (!state.capabilities.canEdit || action.ops.length === 0) return state;
        const tooLarge = oversizedOp(action.ops);
        if (tooLarge !== null) return addNote(state, 'error', tooLargeMessage(tooLarge));
        const result = applyAll(state.map, action.ops);
        if (result.dropped.length === action.ops.length) return state;
        const history = record(state.history, {
          ops: action.ops,
          inverse: result.inverse,
          ...(action.at === undefined ? {} : { at: action.at }),
        });
        return { ...queue(state, action.ops, result.map), history };
      }
      case 'undo':
      case 'redo': {
        if (!state.capabilities.canEdit) return state;
        const step = action.type === 'undo' ? undo(state.history) : redo(state.history);
        if (!step) return state;
        // Not undone rather than never saved: the history stays as it was.
        const tooLarge = oversizedOp(step.ops);
        if (tooLarge !== null) return addNote(state, 'error', tooLargeMessage(tooLarge));
        const result = applyAll(state.map, step.ops);
        return { ...queue(state, step.ops, result.map), history: step.history };
      }
      case 'sendStart': {
        if (state.inflightHeld) return { ...state, inflightHeld: false, phase: 'saving' };
        if (state.inflight.length || !state.pending.length) return state;
        const count = batchSize(state.pending);
        const inflight = state.pending.slice(0, count);
        const rest = state.pending.slice(count);
        return {
          ...state,
          inflight,
          inflightBase: state.pendingBase ?? state.version,
          inflightId: action.batchId,
          inflightHeld: false,
          pending: rest,
          pendingBase: rest.length ? (state.pendingBase ?? state.version) : null,
          phase: 'saving',
        };
      }
      case 'sendOk': {
        const base = shareStructure(state.map, confirmedMap(state, action, applyAll));
        const map = state.pending.length ? applyAll(base, state.pending).map : base;
        let next: EditorState = {
          ...state,
          base,
          version: action.version,
          inflight: [],
          inflightBase: action.version,
          inflightId: null,
          inflightHeld: false,
          pendingBase: state.pending.length ? action.version : null,
          map,
          phase: state.pending.length ? 'saving' : 'saved',
          failures: 0,
          lastError: null,
          mine: recordMine(state.mine, state.inflight, action.at),
          contested: withCards(state.contested, cardsOfFields(action.overwritten)),
        };
        if (action.overwritten.length) {
          next = addNote(next, 'conflict', overwrittenMessage(action.overwritten, next.map));
        }
        if (action.dropped.length) {
          next = addNote(next, 'dropped', droppedMessage(action.dropped.length));
        }
        return next;
      }
      case 'sendFailed': {
        // The batch may have been applied (the answer may be what was lost): it is held and
        // resent as it was, with its id, never merged with later edits into a new batch.
        return {
          ...state,
          inflightHeld: state.inflight.length > 0,
          phase: action.retryable ? 'offline' : 'blocked',
          failures: state.failures + 1,
          lastError: action.message,
        };
      }
      case 'remote': {
        // Only merged while no call is out, so `base` never races an unanswered save; a held
        // batch is replayed on the newer map like the pending ops.
        if ((state.inflight.length && !state.inflightHeld) || action.version <= state.version) {
          return action.capabilities.canEdit === state.capabilities.canEdit
            ? state
            : { ...state, capabilities: action.capabilities };
        }
        const base = shareStructure(state.map, action.map);
        const unsent = unsentOps(state);
        const map = unsent.length ? applyAll(base, unsent).map : base;
        // Without the event we do not know who or whether they saw mine: only a very recent
        // text of mine that changed under us counts as overwritten, or one of a contested card.
        const recent = Object.entries(state.mine).filter(
          ([id, m]) =>
            action.at === undefined || action.at - m.at <= MINE_WINDOW_MS || state.contested[id],
        );
        return withConflicts(
          {
            ...state,
            base,
            version: action.version,
            map,
            capabilities: action.capabilities,
          },
          recent.map(([cardId]) => cardId),
          '',
        );
      }
      case 'remoteOps': {
        // Applied only on exactly the version it follows, and not under an unanswered save
        // (its answer carries the merged map); the sync engine loads otherwise.
        if (state.inflight.length && !state.inflightHeld) return state;
        if (action.version !== state.version + 1) return state;
        const applied = applyAll(state.base, action.ops).map;
        const base =
          action.updatedAt === undefined ? applied : { ...applied, updatedAt: action.updatedAt };
        const unsent = unsentOps(state);
        const map = unsent.length ? applyAll(base, unsent).map : base;
        const touched = cardsOf(action.ops);
        const remoteAuthors = { ...state.remoteAuthors };
        for (const id of touched) remoteAuthors[id] = action.author;
        const told = new Set(cardsOfFields(action.overwritten));
        const overwrote = touched.filter((id) => told.has(id) || state.contested[id]);
        return withConflicts(
          {
            ...state,
            base,
            version: action.version,
            map,
            remoteAuthors,
            contested: withoutCards(state.contested, touched),
          },
          overwrote,
          action.author,
        );
      }
      case 'remoteSaves': {
        if (!action.saves.length || action.fromVersion !== state.version) return state;
        // Each logged save as the event it replaces: its ops, who made it, what it overwrote.
        return action.saves.reduce<EditorState>(
          (s, save) =>
            editorReducer(s, {
              type: 'remoteOps',
              version: save.version,
              ops: save.ops,
              updatedAt: save.updatedAt,
              author: save.author ?? '',
              overwritten: save.overwritten ?? recentlyMine(s, save.ops, action.at),
            }),
          state,
        );
      }
      case 'live':
        return state.live === action.state ? state : { ...state, live: action.state };
      case 'resolveConflict': {
        const resolved = state.conflicts.find((c) => c.id === action.id);
        if (!resolved) return state;
        const conflicts = state.conflicts.filter((c) => c.id !== action.id);
        // "Use mine" replaces their text after they were told theirs stood: their answer to it
        // is told to me in turn.
        return action.kept === 'mine'
          ? { ...state, conflicts, contested: withCards(state.contested, [resolved.cardId]) }
          : { ...state, conflicts };
      }
      case 'writeUpRecorded': {
        const writeUp = action.writeUp;
        return {
          ...state,
          base: { ...state.base, writeUp },
          map: { ...state.map, writeUp },
        };
      }
      case 'discardUnsent': {
        // A held batch is unsent too; a batch whose call is out stays (its answer will come).
        const inflight = state.inflightHeld ? [] : state.inflight;
        return {
          ...state,
          inflight,
          inflightId: inflight.length ? state.inflightId : null,
          inflightHeld: false,
          pending: [],
          pendingBase: null,
          map: inflight.length ? applyAll(state.base, inflight).map : state.base,
          phase: inflight.length ? 'saving' : 'saved',
          lastError: null,
          history: createHistory(HISTORY_LIMIT),
        };
      }
      case 'dismissNote':
        return { ...state, notes: state.notes.filter((n) => n.id !== action.id) };
    }
  };
}

/** The card ids an op list edits. */
function cardsOf(ops: readonly Op[]): string[] {
  const ids = new Set<string>();
  for (const op of ops) if (op.type === 'card/edit') ids.add(op.id);
  return [...ids];
}

/** The card ids of overwritten field paths (`cards.<id>.text`, or the whole `cards.<id>`). */
function cardsOfFields(fields: readonly string[]): string[] {
  const ids: string[] = [];
  for (const f of fields) {
    const m = /^cards\.([^.]+)(?:\.text)?$/.exec(f);
    if (m?.[1]) ids.push(m[1]);
  }
  return ids;
}

/** `set` with `ids` added (the same object when nothing changes). */
function withCards(set: Record<string, true>, ids: readonly string[]): Record<string, true> {
  const fresh = ids.filter((id) => !set[id]);
  if (!fresh.length) return set;
  const next = { ...set };
  for (const id of fresh) next[id] = true;
  return next;
}

/** `set` without `ids` (the same object when nothing changes). */
function withoutCards(set: Record<string, true>, ids: readonly string[]): Record<string, true> {
  if (!ids.some((id) => set[id])) return set;
  const next = { ...set };
  for (const id of ids) delete next[id];
  return next;
}

/**
 * When a logged save no longer says what it overwrote: the text fields of mine it changed that I
 * saved very recently (as after a load), so a conflict is still told.
 */
function recentlyMine(state: EditorState, ops: readonly Op[], at: number | undefined): string[] {
  return cardsOf(ops)
    .filter((id) => {
      const mine = state.mine[id];
      return mine && (at === undefined || at - mine.at <= MINE_WINDOW_MS);
    })
    .map((id) => `cards.${id}.text`);
}

/** `mine` with the card texts of a confirmed batch. */
function recordMine(
  mine: EditorState['mine'],
  ops: readonly Op[],
  at: number | undefined,
): EditorState['mine'] {
  let next = mine;
  for (const op of ops) {
    if (op.type !== 'card/edit' || op.patch.text === undefined) continue;
    next = { ...next, [op.id]: { text: op.patch.text, at: at ?? 0 } };
  }
  return next;
}

/** The server's map after a save: sent whole, or our base with the answer's change applied. */
function confirmedMap(
  state: EditorState,
  action: Extract<EditorAction, { type: 'sendOk' }>,
  applyAll: ApplyAll,
): JourneyMap {
  if ('map' in action) return action.map;
  const applied = applyAll(state.base, action.change.ops).map;
  const { updatedAt } = action.change;
  return updatedAt === null ? applied : { ...applied, updatedAt };
}

/**
 * Adds a conflict for each of `cardIds` whose confirmed text is no longer the one I saved;
 * that card stops counting as mine (the conflict now speaks for it).
 */
function withConflicts(state: EditorState, cardIds: string[], author: string): EditorState {
  let next = state;
  for (const cardId of cardIds) {
    const mine = next.mine[cardId];
    const theirs = next.base.cards.find((c) => c.id === cardId)?.text;
    if (!mine || theirs === undefined || theirs === mine.text) continue;
    const id = next.noteSeq + 1;
    const rest = { ...next.mine };
    delete rest[cardId];
    next = {
      ...next,
      noteSeq: id,
      mine: rest,
      contested: withoutCards(next.contested, [cardId]),
      conflicts: [
        ...next.conflicts.filter((c) => c.cardId !== cardId),
        { id, cardId, mine: mine.text, theirs, author },
      ],
    };
  }
  return next;
}

function addNote(state: EditorState, kind: Note['kind'], message: string): EditorState {
  const id = state.noteSeq + 1;
  return { ...state, noteSeq: id, notes: [...state.notes.slice(-4), { id, kind, message }] };
}

function overwrittenMessage(fields: string[], map: JourneyMap): string {
  const shown = fields
    .slice(0, 3)
    .map((f) => describeField(f, map))
    .join(', ');
  return fields.length > 3
    ? translateNow('editor.notice.overwrittenMore', { fields: shown, more: fields.length - 3 })
    : translateNow('editor.notice.overwritten', { fields: shown });
}

function tooLargeMessage(bytes: number): string {
  return translateNow('editor.notice.changeTooLarge', {
    size: Math.ceil(bytes / 1000),
    limit: MAX_BATCH_BYTES / 1000,
  });
}

function droppedMessage(count: number): string {
  return translateNow('editor.notice.dropped', { count });
}
