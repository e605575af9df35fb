/** Drafts kept as typed: they survive a new store over the same storage, and bad stored data is ignored. */
import { describe, expect, it } from 'vitest';
import {
  cardDraftKey,
  createDraftStore,
  draftsKey,
} from '../../../static/app/src/features/editor/state/draft-store';
import { createPendingStore } from '../../../static/app/src/features/editor/state/pending-store';
import { MemoryStorage } from './fixtures';

const at = '2026-12-06T12:00:00.000Z';
const place = { cardId: 'c1', laneId: 'l1', stepId: 's1', kind: 'action' as const };

describe('draft store', () => {
  it('keeps a draft across a reload (a new store on the same storage) until cleared', () => {
    const storage = new MemoryStorage();
    const a = createDraftStore({ storage, accountId: 'acc-a', pageId: 'p', localId: 'm' });
    a.set(cardDraftKey('c1'), { text: 'half a thought', at, place });
    const b = createDraftStore({ storage, accountId: 'acc-a', pageId: 'p', localId: 'm' });
    expect(b.get(cardDraftKey('c1'))).toEqual({ text: 'half a thought', at, place });
    b.clear(cardDraftKey('c1'));
    expect(
      createDraftStore({ storage, accountId: 'acc-a', pageId: 'p', localId: 'm' }).all(),
    ).toEqual({});
  });

  it("a second person on the same browser sees none of the first one's drafts, nor their unsent ops", () => {
    const storage = new MemoryStorage();
    const address = { pageId: 'p', localId: 'm' };
    createDraftStore({ storage, accountId: 'acc-a', ...address }).set(cardDraftKey('c1'), {
      text: 'private note of A',
      at,
      place,
    });
    const ops = [{ type: 'map/setTitle' as const, title: 'A typed this offline' }];
    createPendingStore({ storage, accountId: 'acc-a', ...address }).save({
      baseVersion: 3,
      ops,
      savedAt: at,
    });
    // B opens the same macro in the same browser profile (the app's frame origin is shared).
    expect(createDraftStore({ storage, accountId: 'acc-b', ...address }).all()).toEqual({});
    expect(createPendingStore({ storage, accountId: 'acc-b', ...address }).load()).toBeNull();
    // A gets both back.
    const mine = createDraftStore({ storage, accountId: 'acc-a', ...address });
    expect(mine.get(cardDraftKey('c1'))?.text).toBe('private note of A');
    expect(createPendingStore({ storage, accountId: 'acc-a', ...address }).load()?.ops).toEqual(
      ops,
    );
  });

  it('another macro on the page has its own drafts', () => {
    const storage = new MemoryStorage();
    createDraftStore({ storage, accountId: 'acc-a', pageId: 'p', localId: 'm1' }).set('k', {
      text: 'x',
      at,
    });
    expect(
      createDraftStore({ storage, accountId: 'acc-a', pageId: 'p', localId: 'm2' }).all(),
    ).toEqual({});
  });

  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['a draft without text', JSON.stringify({ k: { at } })],
    ['a bad place', JSON.stringify({ k: { text: 'x', at, place: { laneId: 1 } } })],
  ])('ignores stored %s', (_, raw) => {
    const storage = new MemoryStorage();
    storage.setItem(draftsKey({ accountId: 'acc-a', pageId: 'p', localId: 'm' }), raw);
    expect(
      createDraftStore({ storage, accountId: 'acc-a', pageId: 'p', localId: 'm' }).all(),
    ).toEqual({});
  });

  it('tracks which drafts are open in an editor, and notifies on each change', () => {
    const store = createDraftStore({
      storage: null,
      accountId: 'acc-a',
      pageId: 'p',
      localId: 'm',
    });
    let n = 0;
    store.subscribe(() => n++);
    const close = store.open('k');
    expect(store.isOpen('k')).toBe(true);
    store.set('k', { text: 'x', at });
    close();
    expect(store.isOpen('k')).toBe(false);
    expect(store.get('k')?.text).toBe('x');
    expect(n).toBe(3);
  });
});
