/**
 * Scribe mode's keys (issue #8): a printable key on a focused cell starts a card, Enter adds
 * it, Escape discards it, Tab / Shift+Tab go to the next / previous card lane (skipping the
 * sentiment and metrics lanes), and shortcuts are left to the rest of the editor.
 */
import { describe, expect, it } from 'vitest';
import { createLane } from '../../../src/domain/model/factories';
import type { ScribeKey } from '../../../static/app/src/features/editor/grid/scribe-keys';
import {
  nextCardLane,
  scribeAction,
} from '../../../static/app/src/features/editor/grid/scribe-keys';

const key = (k: string, mods: Partial<ScribeKey> = {}): ScribeKey => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('scribeAction on a focused cell', () => {
  it('starts a draft with a printable character', () => {
    expect(scribeAction(key('R'), false)).toEqual({ kind: 'start', text: 'R' });
    expect(scribeAction(key('é'), false)).toEqual({ kind: 'start', text: 'é' });
  });
  it('leaves space, named keys and shortcuts alone', () => {
    expect(scribeAction(key(' '), false)).toBeNull();
    expect(scribeAction(key('Enter'), false)).toBeNull();
    expect(scribeAction(key('ArrowDown'), false)).toBeNull();
    expect(scribeAction(key('z', { ctrlKey: true }), false)).toBeNull();
    expect(scribeAction(key('z', { metaKey: true }), false)).toBeNull();
  });
  it('moves lanes with Tab and Shift+Tab', () => {
    expect(scribeAction(key('Tab'), false)).toEqual({ kind: 'lane', dir: 1 });
    expect(scribeAction(key('Tab', { shiftKey: true }), false)).toEqual({ kind: 'lane', dir: -1 });
  });
});

describe('scribeAction in a draft', () => {
  it('commits on Enter, cancels on Escape, keeps Shift+Enter and letters as text', () => {
    expect(scribeAction(key('Enter'), true)).toEqual({ kind: 'commit' });
    expect(scribeAction(key('Escape'), true)).toEqual({ kind: 'cancel' });
    expect(scribeAction(key('Enter', { shiftKey: true }), true)).toBeNull();
    expect(scribeAction(key('a'), true)).toBeNull();
    expect(scribeAction(key('Tab'), true)).toEqual({ kind: 'lane', dir: 1 });
  });
});

describe('nextCardLane', () => {
  const rows = [
    createLane({ id: 'a', type: 'actions' }),
    createLane({ id: 'e', type: 'emotions' }),
    createLane({ id: 't', type: 'thoughts' }),
    createLane({ id: 'm', type: 'metrics' }),
  ];
  it('skips lanes without cards', () => {
    expect(nextCardLane(rows, 0, 1)).toBe(2);
    expect(nextCardLane(rows, 2, -1)).toBe(0);
  });
  it('is null at the edges (Tab then leaves the grid as usual)', () => {
    expect(nextCardLane(rows, 2, 1)).toBeNull();
    expect(nextCardLane(rows, 0, -1)).toBeNull();
  });
});
