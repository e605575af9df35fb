/** Drafts kept as typed: they survive a new store over the same storage, and bad stored data is ignored. */
import { describe, expect, it } from 'vitest';
import {
  cardDraftKey,
  createDraftStore,
  draftsKey,
} from '../../../static/app/src/features/editor/state/draft-store';
import { MemoryStorage } from './fixtures';

const at = '2026-12-06T12:00:00.000Z';
const place = { cardId: 'c1', laneId: 'l1', stepId: 's1', kind: 'action' as const };

describe('draft store', () => {
  it('keeps a draft across a reload (a new store on the same storage) until cleared', () => {
    const storage = new MemoryStorage();
    const a = createDraftStore({ storage, pageId: 'p', localId: 'm' });
    a.set(cardDraftKey('c1'), { text: 'half a thought', at, place });
    const b = createDraftStore({ storage, pageId: 'p', localId: 'm' });
    expect(b.get(cardDraftKey('c1'))).toEqual({ text: 'half a thought', at, place });
    b.clear(cardDraftKey('c1'));
    expect(createDraftStore({ storage, pageId: 'p', localId: 'm' }).all()).toEqual({});
  });

  it('another macro on the page has its own drafts', () => {
    const storage = new MemoryStorage();
    createDraftStore({ storage, pageId: 'p', localId: 'm1' }).set('k', { text: 'x', at });
    expect(createDraftStore({ storage, pageId: 'p', localId: 'm2' }).all()).toEqual({});
  });

  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['a draft without text', JSON.stringify({ k: { at } })],
    ['a bad place', JSON.stringify({ k: { text: 'x', at, place: { laneId: 1 } } })],
  ])('ignores stored %s', (_, raw) => {
    const storage = new MemoryStorage();
    storage.setItem(draftsKey('p', 'm'), raw);
    expect(createDraftStore({ storage, pageId: 'p', localId: 'm' }).all()).toEqual({});
  });

  it('tracks which drafts are open in an editor, and notifies on each change', () => {
    const store = createDraftStore({ storage: null, pageId: 'p', localId: 'm' });
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
