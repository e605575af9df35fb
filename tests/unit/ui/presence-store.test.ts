/**
 * Presence: people appear (named as Confluence names them, never as a message claims), show what
 * they edit, leave or expire; hostile messages are refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_PROFILE_LOOKUPS,
  PRESENCE_TTL_MS,
  PresenceStore,
  initialsOf,
  parsePresence,
} from '../../../static/app/src/features/editor/presence/presence-store';

const msg = (tab: string, accountId: string, name: string, editing: string | null = null) => ({
  kind: 'presence' as const,
  tab,
  accountId,
  name,
  avatar: null,
  editing,
  state: 'here' as const,
});

/** Confluence's profiles, as the viewer would get them. */
const DIRECTORY: Record<string, { displayName: string; avatar: string | null }> = {
  'acc-a': { displayName: 'Avery Admin', avatar: null },
  'acc-e': { displayName: 'Eddie Editor', avatar: 'https://site.example/wiki/pic/e.png' },
};
const lookup = (id: string) => Promise.resolve(DIRECTORY[id] ?? null);
const settled = () => new Promise((r) => setTimeout(r, 0));

describe('presence store', () => {
  it("shows Confluence's name and picture of an account, never what a message claims", async () => {
    const store = new PresenceStore('me', lookup);
    // Someone's browser claims to be Eddie, with a made-up name and picture.
    store.receive(
      { ...msg('t1', 'acc-e', 'IT Security (urgent)'), avatar: 'https://evil.example/p.png' },
      0,
    );
    // And an account Confluence does not know.
    store.receive(msg('t2', 'acc-invented', 'Avery Admin'), 0);
    await settled();
    expect(store.people().map((p) => [p.accountId, p.name, p.avatar])).toEqual([
      ['acc-e', 'Eddie Editor', 'https://site.example/wiki/pic/e.png'],
    ]);
    expect(store.nameOf('acc-e')).toBe('Eddie Editor');
    expect(store.nameOf('acc-invented')).toBeNull();
  });

  it('asks Confluence once per account, and at most MAX_PROFILE_LOOKUPS accounts', async () => {
    const asked: string[] = [];
    const store = new PresenceStore('me', (id) => {
      asked.push(id);
      return lookup(id);
    });
    for (let i = 0; i < MAX_PROFILE_LOOKUPS + 50; i++)
      store.receive(msg(`t${i}`, `acc-${i}`, 'X'), 0);
    store.receive(msg('again', 'acc-1', 'X'), 1);
    await settled();
    expect(asked).toHaveLength(MAX_PROFILE_LOOKUPS);
    expect(new Set(asked).size).toBe(MAX_PROFILE_LOOKUPS);
  });

  it('lists others (not itself), one entry per account, with what they edit', async () => {
    const store = new PresenceStore('me', lookup);
    expect(store.receive(msg('me', 'acc-me', 'Me'), 0)).toBe(false);
    expect(store.receive(msg('t1', 'acc-a', 'Avery Admin'), 0)).toBe(true);
    store.receive(msg('t2', 'acc-a', 'Avery Admin', 'card-1'), 0);
    store.receive(msg('t3', 'acc-e', 'Eddie Editor'), 0);
    await settled();
    expect(store.people().map((p) => [p.name, p.editing])).toEqual([
      ['Avery Admin', 'card-1'],
      ['Eddie Editor', null],
    ]);
    expect(store.nameOf('acc-e')).toBe('Eddie Editor');
  });

  it('drops a person who says "left", or who is silent past the TTL', async () => {
    const store = new PresenceStore('me', lookup);
    store.receive(msg('t1', 'acc-a', 'Avery'), 0);
    store.receive(msg('t2', 'acc-e', 'Eddie'), 0);
    store.receive({ ...msg('t1', 'acc-a', 'Avery'), state: 'left' }, 10);
    await settled();
    expect(store.people().map((p) => p.name)).toEqual(['Eddie Editor']);
    store.expire(PRESENCE_TTL_MS + 1);
    expect(store.people()).toEqual([]);
  });

  it('after a drop: forgets everyone, and answers whoever asks even when already known', async () => {
    const store = new PresenceStore('me', lookup);
    store.receive(msg('t1', 'acc-e', 'Eddie', 'card-1'), 0);
    // Known and not asking: no answer; known and asking (they reconnected): answer.
    expect(store.receive(msg('t1', 'acc-e', 'Eddie', 'card-1'), 1)).toBe(false);
    expect(store.receive({ ...msg('t1', 'acc-e', 'Eddie'), ask: true }, 2)).toBe(true);
    expect(parsePresence({ ...msg('t1', 'a', 'A'), ask: true })?.ask).toBe(true);
    expect(parsePresence({ ...msg('t1', 'a', 'A'), ask: 'yes' })?.ask).toBeUndefined();
    // Our own drop: the stale "editing card-1" outline goes until they say where they are.
    store.receive(msg('t1', 'acc-e', 'Eddie', 'card-1'), 3);
    store.reset();
    expect(store.people()).toEqual([]);
    store.receive(msg('t1', 'acc-e', 'Eddie'), 4);
    await settled();
    expect(store.people().map((p) => [p.name, p.editing])).toEqual([['Eddie Editor', null]]);
  });

  it.each([
    ['another kind', { ...msg('t', 'a', 'A'), kind: 'map' }],
    ['no tab', { ...msg('', 'a', 'A') }],
    ['a bad state', { ...msg('t', 'a', 'A'), state: 'gone' }],
    ['not JSON', '{oops'],
  ])('refuses %s', (_, payload) => {
    expect(parsePresence(payload)).toBeNull();
  });

  it('bounds every string it keeps, whatever arrives', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (name, tab) => {
        const parsed = parsePresence({ ...msg(tab, 'acc', `${name}x`), avatar: name });
        if (!parsed) return true;
        return parsed.name.length <= 120 && (parsed.avatar ?? '').length <= 500;
      }),
    );
    expect(initialsOf('Avery Admin')).toBe('AA');
    expect(initialsOf('  ')).toBe('?');
  });
});
