/**
 * Presence names the field being typed in, not only a card (decision 0054): field paths are read
 * strictly, the store and the channel carry them, a client from before sends a card id only and
 * still shows, and a change of target is one message.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LiveChannels } from '../../../static/app/src/bridge/live';
import {
  itemField,
  parseFieldPath,
} from '../../../static/app/src/features/editor/presence/field-path';
import { PresenceChannel } from '../../../static/app/src/features/editor/presence/presence-channel';
import {
  PRESENCE_TTL_MS,
  PresenceStore,
  parsePresence,
} from '../../../static/app/src/features/editor/presence/presence-store';

const here = (over: Record<string, unknown> = {}) => ({
  kind: 'presence',
  tab: 't1',
  accountId: 'acc-a',
  name: 'Avery Admin',
  avatar: null,
  editing: null,
  state: 'here',
  ...over,
});

/** Confluence's profiles, as the viewer would get them (names never come from a message). */
const DIRECTORY: Record<string, { displayName: string; avatar: string | null }> = {
  'acc-a': { displayName: 'Avery Admin', avatar: null },
  'acc-e': { displayName: 'Eddie', avatar: null },
};
const lookup = (id: string) => Promise.resolve(DIRECTORY[id] ?? null);
const settled = () => new Promise((r) => setTimeout(r, 0));

/** An in-memory channel hub: what one side publishes, every subscriber gets (as Realtime does). */
function hub() {
  const subs = new Map<string, Set<(p: unknown) => void>>();
  const sent: Record<string, unknown>[] = [];
  const channels: LiveChannels = {
    subscribe(channel, handlers) {
      const set = subs.get(channel) ?? new Set();
      subs.set(channel, set);
      const deliver = (p: unknown) => handlers.onEvent(p);
      set.add(deliver);
      return Promise.resolve(() => set.delete(deliver));
    },
    publish(channel, payload) {
      sent.push(payload);
      for (const fn of subs.get(channel) ?? []) fn(structuredClone(payload));
      return Promise.resolve(true);
    },
  };
  return { channels, sent };
}

const env = { setTimer: () => () => undefined, isHidden: () => false, now: () => new Date(0) };

describe('field paths', () => {
  it('reads known paths and item ids, nothing else', () => {
    for (const ok of ['title', 'persona.name', 'scope.scenario', 'backStory.story', 'step:s-1']) {
      expect(parseFieldPath(ok)).toBe(ok);
    }
    expect(itemField('lane', 'lane_2')).toBe('lane:lane_2');
    for (const bad of [
      'persona.photo',
      'persona.__proto__',
      'scope.other',
      'card:c1',
      'step:',
      'step:a b',
      'step:<img src=x>',
      `step:${'x'.repeat(65)}`,
      ' title',
      'title\n',
      42,
      null,
      { field: 'title' },
    ]) {
      expect(parseFieldPath(bad)).toBeNull();
    }
  });

  it('never lets anything through that is not a known path or kind:id, whatever arrives', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (x) => {
        const p = parseFieldPath(x);
        return p === null || (p.length <= 80 && /^[A-Za-z.]+$|^[a-z]+:[A-Za-z0-9_-]+$/.test(p));
      }),
    );
  });
});

describe('presence with fields', () => {
  it('keeps a valid field, drops a hostile or oversized one (the person still shows)', () => {
    expect(parsePresence(here({ field: 'persona.name' }))?.field).toBe('persona.name');
    expect(parsePresence(here({ field: `step:${'a'.repeat(5_000)}` }))?.field).toBeNull();
    expect(parsePresence(here({ field: { toString: 'title' } }))?.field).toBeNull();
    expect(parsePresence(here({ field: 'javascript:alert(1)' }))?.field).toBeNull();
    // A client from before field presence: no `field` at all, its card still reads.
    const old = parsePresence(here({ editing: 'card-1' }));
    expect([old?.editing, old?.field]).toEqual(['card-1', null]);
  });

  it('the store lists who types in which field, prefers a busy tab, and forgets it', async () => {
    const store = new PresenceStore('me', lookup);
    const read = (p: unknown) => {
      const m = parsePresence(p);
      if (!m) throw new Error('refused');
      return m;
    };
    store.receive(read(here({ tab: 't1' })), 0);
    store.receive(read(here({ tab: 't2', field: 'step:s1' })), 0);
    store.receive(read(here({ tab: 't3', accountId: 'acc-e', name: 'Eddie', editing: 'c1' })), 0);
    await settled();
    expect(store.people().map((p) => [p.name, p.editing, p.field])).toEqual([
      ['Avery Admin', null, 'step:s1'],
      ['Eddie', 'c1', null],
    ]);
    // Blur: the same tab says it types nowhere.
    store.receive(read(here({ tab: 't2', field: null })), 1);
    expect(store.people().map((p) => p.field)).toEqual([null, null]);
    store.receive(read(here({ tab: 't2', field: 'persona.name' })), 2);
    store.expire(2 + PRESENCE_TTL_MS + 1);
    expect(store.people()).toEqual([]);
  });

  it('one message per change of target; old and new readers both understand it', async () => {
    const { channels, sent } = hub();
    const self = (tab: string, accountId: string, name: string) => ({
      tab,
      accountId,
      name,
      avatar: null,
    });
    const avery = new PresenceChannel({
      channels,
      channel: 'p',
      self: self('ta', 'acc-a', 'Avery Admin'),
      env,
      lookup,
    });
    const eddie = new PresenceChannel({
      channels,
      channel: 'p',
      self: self('te', 'acc-e', 'Eddie'),
      env,
      lookup,
    });
    avery.start();
    eddie.start();
    await new Promise((r) => setTimeout(r, 0));
    sent.length = 0;
    avery.setEditing({ card: null, field: 'persona.name' });
    avery.setEditing({ card: null, field: 'persona.name' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ editing: null, field: 'persona.name', state: 'here' });
    expect(eddie.store.people().map((p) => [p.name, p.field])).toEqual([
      ['Avery Admin', 'persona.name'],
    ]);
    avery.setEditing({ card: 'c1', field: null });
    // A reader from before field presence reads `editing` only: the card is there.
    expect(sent[1]).toMatchObject({ editing: 'c1', field: null });
    avery.setEditing({ card: null, field: null });
    expect(sent).toHaveLength(3);
    expect(eddie.store.people().map((p) => [p.editing, p.field])).toEqual([[null, null]]);
    // Leaving says nothing is typed in, whatever was.
    avery.setEditing({ card: null, field: 'step:s1' });
    avery.stop();
    expect(sent.at(-1)).toMatchObject({ state: 'left', editing: null, field: null });
    expect(eddie.store.people()).toEqual([]);
    eddie.stop();
  });
});
