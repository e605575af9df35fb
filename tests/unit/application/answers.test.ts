/** Pure parts of the Rovo answers: text clipping and change descriptions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANSWER_TEXT_MAX, clip } from '../../../src/application/answers/clip';
import { describeField } from '../../../src/application/answers/map-changes';
import { workedExampleMap } from '../../support/template-maps';

describe('clip', () => {
  it.each([
    ['short text stays', 'Price hidden', 'Price hidden'],
    ['control characters become spaces', 'a\u0000b\u001bc', 'a b c'],
    ['markup stays text', '<script>x</script>', '<script>x</script>'],
    ['newlines stay', 'a\nb', 'a\nb'],
  ])('%s', (_, input, expected) => {
    expect(clip(input)).toBe(expected);
  });

  it('never answers more than the budget, and keeps short text whole', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 1000 }), (s) => {
        const out = clip(s);
        return (
          out.length <= ANSWER_TEXT_MAX && (s.length > ANSWER_TEXT_MAX || out.length === s.length)
        );
      }),
    );
  });
});

describe('describeField', () => {
  const map = workedExampleMap({ prefix: 'w' });
  const card = map.cards[0]!;
  const step = map.steps[0]!;
  it.each([
    ['title', 'title'],
    [
      `cards.${card.id}.text`,
      `card "${card.text.slice(0, 79)}${card.text.length > 80 ? '…' : card.text.slice(79)}" text`,
    ],
    [`steps.${step.id}.sentiment`, `step "${step.name}" sentiment`],
    ['cards.gone.text', 'card (removed) text'],
    ['cards.order', 'cards.order'],
    ['scope.goal', 'scope.goal'],
  ])('%s', (path, expected) => {
    expect(describeField(map, path)).toBe(expected);
  });
});
