/**
 * The future-state copy: a valid map (restore() repairs nothing), state future, linked back, ids
 * and content kept, session data left out; titles that fit whatever the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FUTURE_TITLE_SUFFIX,
  futurePageTitle,
  futureStateCopy,
  futureStateTitle,
} from '../../../../src/domain/future';
import { restore } from '../../../../src/domain/model/restore';
import { SHORT_TEXT_MAX } from '../../../../src/domain/model/schema';
import { arbMap } from '../arbitraries';
import { fixtureMap } from '../model/fixture';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NOW = new Date('2026-11-23T10:00:00.000Z');
const AT = { pageId: '4242', localId: 'abc-def' };

describe('futureStateCopy', () => {
  it('keeps the journey, links back, starts a fresh session', () => {
    const current = {
      ...fixtureMap(),
      writeUp: { pageId: '9', title: 'W', generatedAt: NOW.toISOString(), version: 2 },
      persona: { ...fixtureMap().persona, photo: { attachmentId: 'a1', fileName: 'p.png' } },
    };
    current.cards = current.cards.map((c) =>
      c.painPoint ? { ...c, painPoint: { ...c.painPoint, votes: 4 } } : c,
    );
    const copy = futureStateCopy({ current, currentAt: AT, samePage: false, now: NOW });
    expect(copy.state).toBe('future');
    expect(copy.linkedMap).toEqual(AT);
    expect(copy.title).toBe('Onboarding (future state)');
    expect(copy.steps).toEqual(current.steps);
    expect(copy.stages).toEqual(current.stages);
    expect(copy.lanes).toEqual(current.lanes);
    expect(copy.cards.map((c) => c.id)).toEqual(current.cards.map((c) => c.id));
    expect(copy.cards.every((c) => (c.painPoint?.votes ?? 0) === 0)).toBe(true);
    expect(copy.session.photos).toEqual([]);
    expect(copy.writeUp).toBeNull();
    expect(copy.persona.photo).toBeNull();
    expect(copy.updatedAt).toBe(NOW.toISOString());
    expect(copy.review.lastReviewed).toBe('2026-11-23');
    // The photo is a page attachment: on the same page it still resolves.
    expect(
      futureStateCopy({ current, currentAt: AT, samePage: true, now: NOW }).persona.photo,
    ).toEqual({
      attachmentId: 'a1',
      fileName: 'p.png',
    });
    // The original is not touched.
    expect(current.state).toBe('current');
    expect(current.session.photos).toHaveLength(1);
  });

  it('is a valid map for any valid map (restore repairs nothing)', () => {
    fc.assert(
      fc.property(arbMap, fc.boolean(), (map, samePage) => {
        const copy = futureStateCopy({ current: map, currentAt: AT, samePage, now: NOW });
        const restored = restore(JSON.parse(JSON.stringify(copy)));
        expect(restored.ok).toBe(true);
        if (restored.ok) expect(restored.repairs).toEqual([]);
        expect(copy.title.endsWith(FUTURE_TITLE_SUFFIX)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('titles', () => {
  it.each([
    ['Checkout', 1, 'Checkout (future state)'],
    ['Checkout', 3, 'Checkout (future state 3)'],
    ['   ', 1, 'Journey map (future state)'],
  ])('%j attempt %i → %j', (title, attempt, expected) => {
    expect(futurePageTitle(title, attempt)).toBe(expected);
  });

  it('always fit their limits and never split a character', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 400 }),
          fc.string({ unit: fc.constantFrom('😀', 'a', '\u05d0'), minLength: 100, maxLength: 300 }),
        ),
        fc.integer({ min: 1, max: 5 }),
        (t, n) => {
          const map = futureStateTitle(t);
          const page = futurePageTitle(t, n);
          expect(map.length).toBeLessThanOrEqual(SHORT_TEXT_MAX);
          expect(page.length).toBeLessThanOrEqual(255);
          expect(map).not.toMatch(LONE_SURROGATE);
          expect(page).not.toMatch(LONE_SURROGATE);
        },
      ),
    );
  });
});
