/**
 * A simulated editor behaving like the UI's sync engine (static/app/src/features/editor/state):
 * it queues ops, sends them in batches with the last version it saw, keeps whatever was not
 * acknowledged and retries SERVER_ERROR / RATE_LIMITED / CONFLICT. Its own cards carry ids and
 * texts nobody else uses, so the expected final state of each of them is known exactly.
 */
import type { Op } from '../../../src/domain/operations/op-types';
import type { World } from '../../integration/resolvers/harness';

/** Codes the UI retries as they are (sync-engine.ts `RETRYABLE`). */
const RETRYABLE = new Set(['SERVER_ERROR', 'RATE_LIMITED', 'CONFLICT']);

/** A cell a card may be added to, with a kind valid for its lane. */
export type CardSlot = {
  laneId: string;
  stepId: string;
  kind: Extract<Op, { type: 'card/add' }>['kind'];
};

/** What one client did, for the final checks. */
export type ClientReport = {
  name: string;
  /** Own card id → expected text (null: deleted), as of the last acknowledged op. */
  expected: Map<string, string | null>;
  acked: number;
  sends: number;
  retries: number;
  failuresByCode: Record<string, number>;
  unexpected: string[];
};

/** Arguments of {@link runSimClient}. */
export type SimClientArgs = {
  world: World;
  name: string;
  accountId: string;
  at: { pageId: string; localId: string };
  slots: CardSlot[];
  stageIds: string[];
  ops: number;
  random: () => number;
};

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** The effect of one op on the client's own cards (null: no effect on them). */
function effectOf(op: Op): { id: string; text: string | null } | null {
  if (op.type === 'card/add') return { id: op.id, text: op.text };
  if (op.type === 'card/edit' && op.patch.text !== undefined)
    return { id: op.id, text: op.patch.text };
  if (op.type === 'card/delete') return { id: op.id, text: null };
  return null;
}

/** Runs one client to completion: `ops` random ops, then flushes until nothing is unsent. */
export async function runSimClient(args: SimClientArgs): Promise<ClientReport> {
  const { world, name, random } = args;
  const report: ClientReport = {
    name,
    expected: new Map(),
    acked: 0,
    sends: 0,
    retries: 0,
    failuresByCode: {},
    unexpected: [],
  };
  // The client's optimistic view of its own cards (what the UI would show).
  const local = new Map<string, string>();
  const laneOf = new Map<string, string>();
  const pending: Op[] = [];
  let baseVersion = 0;
  let counter = 0;
  let failures = 0;

  const load = await world.call('map/load', args.at, args.accountId);
  if (load.ok) baseVersion = load.data.version;

  const nextOp = (): Op => {
    const n = counter++;
    const own = [...local.keys()];
    const roll = random();
    if (own.length === 0 || roll < 0.45) {
      const slot = pick(args.slots, random);
      const id = `${name}-c${n}`;
      const text = `${name} added #${n}`;
      local.set(id, text);
      laneOf.set(id, slot.laneId);
      return {
        type: 'card/add',
        id,
        laneId: slot.laneId,
        stepId: slot.stepId,
        kind: slot.kind,
        text,
      };
    }
    const id = pick(own, random);
    if (roll < 0.8) {
      const text = `${name} edit #${n}`;
      local.set(id, text);
      return { type: 'card/edit', id, patch: { text } };
    }
    if (roll < 0.88) {
      local.delete(id);
      return { type: 'card/delete', id };
    }
    if (roll < 0.95) {
      // Within its lane, so the card's kind stays one the lane takes.
      const slot = pick(
        args.slots.filter((s) => s.laneId === laneOf.get(id)),
        random,
      );
      return { type: 'card/move', id, laneId: slot.laneId, stepId: slot.stepId, toIndex: 0 };
    }
    // A field everyone edits: last writer wins, nothing to check but that it never breaks a save.
    return { type: 'stage/rename', id: pick(args.stageIds, random), name: `${name} stage #${n}` };
  };

  let inflight: { id: string; ops: Op[] } | null = null;
  let batchSeq = 0;
  const flush = async (): Promise<void> => {
    // Like the UI: a batch that failed is resent as it was, with its id, until it is answered.
    inflight ??= {
      id: `${name}-b${(batchSeq++).toString(36)}`.padEnd(8, '_'),
      ops: pending.slice(0, 1 + Math.floor(random() * 6)),
    };
    const batch = inflight.ops;
    if (batch.length === 0) {
      inflight = null;
      return;
    }
    report.sends += 1;
    const res = await world.call(
      'map/apply',
      { ...args.at, baseVersion, batchId: inflight.id, ops: batch },
      args.accountId,
    );
    if (res.ok) {
      inflight = null;
      pending.splice(0, batch.length);
      baseVersion = res.data.version;
      failures = 0;
      for (const op of batch) {
        report.acked += 1;
        const effect = effectOf(op);
        if (effect) report.expected.set(effect.id, effect.text);
      }
      for (const d of res.data.dropped) {
        const op = batch[d.index];
        // A re-sent add after an ambiguous failure finds its id taken: the first send won.
        const resentAdd = op?.type === 'card/add' && d.reason.includes('taken');
        if (!resentAdd) {
          report.unexpected.push(`${name}: dropped ${d.type} (${d.reason})`);
        }
      }
      return;
    }
    const code = res.error.code;
    report.failuresByCode[code] = (report.failuresByCode[code] ?? 0) + 1;
    if (!RETRYABLE.has(code)) {
      report.unexpected.push(`${name}: ${code} ${res.error.message}`);
      inflight = null;
      pending.splice(0, batch.length);
      return;
    }
    report.retries += 1;
    failures += 1;
    // The UI backs off and, on a conflict, picks up the latest version before resending.
    await new Promise((r) => setTimeout(r, Math.min(50, 2 ** failures)));
    if (code === 'CONFLICT') {
      const v = await world.call('map/version', args.at, args.accountId);
      if (v.ok) baseVersion = v.data.version;
    }
  };

  for (let i = 0; i < args.ops; i++) {
    pending.push(nextOp());
    if (random() < 0.4) await flush();
    if (random() < 0.3) await new Promise((r) => setTimeout(r, Math.floor(random() * 3)));
  }
  for (let guard = 0; pending.length > 0; guard++) {
    if (guard > 10_000) {
      report.unexpected.push(`${name}: ${pending.length} ops never acknowledged`);
      break;
    }
    await flush();
  }
  return report;
}
