/** The write-up's storage output: golden file, structure, hostile text, determinism, speed. */
import { englishT } from '../../../support/i18n';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../../../src/domain/model/schema';
import { emptyRules } from '../../../../src/domain/routing/routing-rules';
import { SCORE_FORMULA_TEXT } from '../../../../src/domain/ranking/pain-point-score';
import { renderSentimentChart } from '../../../../src/domain/write-up/sentiment-chart';
import { renderWriteUp } from '../../../../src/domain/write-up/render-write-up';
import { escapeText } from '../../../../src/domain/storage-format/escape';
import { generateMap } from '../../../support/generate-map';
import {
  GENERATED_AT,
  HOSTILE,
  TODAY,
  WORKED_EXAMPLE_PAGE,
  WORKED_EXAMPLE_RULES,
  workedExampleSession,
} from './fixtures';
import { checkStorage } from './xml-check';

const here = dirname(fileURLToPath(import.meta.url));
const GOLDEN_DIR = resolve(here, '../../../fixtures/golden/write-up');

function render(map: JourneyMap, rules = WORKED_EXAMPLE_RULES): string {
  return renderWriteUp({
    map,
    rules,
    mapPage: WORKED_EXAMPLE_PAGE,
    chart: renderSentimentChart(map, englishT),
    today: TODAY,
    generatedAt: GENERATED_AT,
    t: englishT,
  });
}

/** Compares with the golden file; `UPDATE_GOLDEN=1` rewrites it (review the diff!). */
function expectGolden(name: string, actual: string): void {
  const file = resolve(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
    if (process.env.UPDATE_GOLDEN !== '1')
      throw new Error(`golden file ${name} was missing; wrote it`);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** One block element per line so the golden file diffs readably; joined back, it is the output. */
function readable(storage: string): string {
  return storage.replace(/(<\/(?:p|h2|h3|tr|table|ul|li|ac:structured-macro)>)/g, '$1\n');
}

describe('renderWriteUp (worked example)', () => {
  const storage = render(workedExampleSession());

  it('matches the golden storage file', () => {
    expectGolden('worked-example.storage.xml', readable(storage));
    expect(readable(storage).replace(/\n/g, '')).toBe(storage);
  });

  it('matches the golden chart (PNG bytes, by hash)', () => {
    const chart = renderSentimentChart(workedExampleSession(), englishT);
    const hash = createHash('sha256')
      .update(chart.png ?? new Uint8Array())
      .digest('hex');
    expectGolden('worked-example.chart.sha256', `${hash}\n`);
    if (process.env.UPDATE_GOLDEN === '1' && chart.png) {
      writeFileSync(resolve(GOLDEN_DIR, 'worked-example.chart.png'), chart.png);
    }
  });

  it('is well-formed storage with every section, in order', () => {
    checkStorage(storage);
    const headings = [...storage.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Summary',
      'Sentiment curve',
      'Pain points ranked by impact',
      'Opportunities by quadrant',
      'Teams that should know',
      'Analysis',
      'Next review',
      'Photos',
      'The journey map',
    ]);
  });

  it('labels the chart: the step key lists every step by its number on the chart', () => {
    const key = storage.slice(storage.indexOf('<h3>Steps on the chart</h3>'));
    expect(storage).toContain('from −2 (very negative) to +2 (very positive)');
    const numbers = [...(key.split('</table>')[0] ?? '').matchAll(/<tr><td><p>(\d+)<\/p>/g)].map(
      (m) => Number(m[1]),
    );
    expect(numbers).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
  });

  it('shows scores in tables and headings with at most one decimal', () => {
    const cells = [...storage.matchAll(/<strong>(\d+(?:\.\d+)?)<\/strong>/g)].map((m) => m[1]);
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c).toMatch(/^\d+(\.\d)?$/);
    const teams = [...storage.matchAll(/summed impact (\d+(?:\.\d+)?)/g)].map((m) => m[1]);
    expect(teams.length).toBeGreaterThan(0);
    for (const c of teams) expect(c).toMatch(/^\d+(\.\d)?$/);
  });

  it.each([
    [false, 0],
    [true, 3],
  ])('counts dots in the map table only once revealed (revealed: %s)', (revealed, extra) => {
    const map = workedExampleSession();
    const pain = map.cards.find((c) => c.painPoint && map.steps.some((s) => s.id === c.stepId));
    if (!pain?.painPoint) throw new Error('the worked example has a placed pain point');
    const hand = pain.painPoint.votes;
    const withDots: JourneyMap = {
      ...map,
      session: {
        ...map.session,
        votesRevealed: revealed,
        ballots: [
          { voter: 'acc-a', cardId: pain.id, dots: 2 },
          { voter: 'acc-b', cardId: pain.id, dots: 1 },
        ],
      },
    };
    const total = hand + extra;
    const storage = render(withDots);
    // The map table's line of that card: its text, the impact lozenge, then the vote count.
    const text = escapeText(pain.text);
    // The ranking comes first; the map table is the section after the "The journey map" heading.
    const at = storage.indexOf(`${text} `, storage.indexOf('<h2>The journey map</h2>'));
    expect(at).toBeGreaterThan(0);
    const after = storage.slice(at + text.length).split('<small>')[0] ?? '';
    expect(after).toMatch(new RegExp(`</ac:structured-macro> ${total} votes?$`));
  });

  it('states the formula and ranks pain points by score', () => {
    expect(storage).toContain(escapeText(SCORE_FORMULA_TEXT));
    const section = storage.slice(storage.indexOf('Pain points ranked by impact'));
    const scores = [
      ...section
        .slice(0, section.indexOf('<h2>Opportunities'))
        .matchAll(/<td><p><strong>([\d.]+)<\/strong>/g),
    ].map((m) => Number(m[1]));
    expect(scores.length).toBeGreaterThan(2);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('references each photo on the map page, with its caption and step', () => {
    expect(storage).toContain(
      '<ac:image ac:alt="The whole wall" ac:title="The whole wall" ac:width="600"><ri:attachment ri:filename="wall-overview.jpg"><ri:page ri:content-title="Alana evaluates Confluence"/></ri:attachment></ac:image>',
    );
    expect(storage).toContain('<em>Sign-up stickies</em> — step <strong>');
    // No caption: the file name stands in, as alt text and caption.
    expect(storage).toContain('ac:alt="pain-points.png"');
  });

  it('attaches the chart to this page with a text alternative, and lists highs and lows', () => {
    expect(storage).toMatch(
      /<ac:image ac:alt="Sentiment curve over \d+ steps[^"]*" [^>]*><ri:attachment ri:filename="journey-sentiment-curve.png"\/><\/ac:image>/,
    );
    expect(storage).toContain('<h3>Highs and lows</h3>');
    expect(storage).toMatch(/Trough −2 at/);
  });

  it('lists teams with summed impact and why each item went there', () => {
    expect(storage).toMatch(/<h3>[^<]+ — summed impact [\d.]+<\/h3>/);
    expect(storage).toContain('owns the channel Web');
  });

  it('is deterministic', () => {
    expect(render(workedExampleSession())).toBe(storage);
  });
});

const USER_TEXT_KEYS = new Set([
  'title',
  'name',
  'role',
  'age',
  'familyStatus',
  'professionalGoals',
  'personalInterests',
  'goals',
  'details',
  'text',
  'topGoal',
  'story',
  'scenario',
  'goal',
  'start',
  'end',
  'label',
  'quote',
  'notes',
  'caption',
  'fileName',
  'confusion',
  'shortfalls',
  'unmetNeeds',
  'complication',
  'opportunities',
  'owningTeam',
]);

/** The map with every user-written string (and team name) replaced by `pick(i)`. */
function withUserText(map: JourneyMap, pick: (i: number) => string): JourneyMap {
  let i = 0;
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return USER_TEXT_KEYS.has(key) ? pick(i++) : value;
    if (Array.isArray(value)) {
      return value.map((v) =>
        key === 'teams' && typeof v === 'string' ? pick(i++) : walk(v, key),
      );
    }
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  return walk(map, '') as JourneyMap;
}

function macroCount(elements: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of elements) if (name.includes(':')) out[name] = (out[name] ?? 0) + 1;
  return out;
}

describe('renderWriteUp with hostile text', () => {
  const base = workedExampleSession();
  const baseline = macroCount(checkStorage(render(withUserText(base, () => 'plain text'))));

  it('keeps every hostile sample inert (escaped, and no extra ac:/ri: element)', () => {
    const map = withUserText(base, (i) => HOSTILE[i % HOSTILE.length] ?? '');
    const storage = render(map);
    expect(macroCount(checkStorage(storage))).toEqual(baseline);
    expect(storage).not.toContain('<script');
    expect(storage).not.toContain('<ac:structured-macro ac:name="html"');
  });

  it('property: no user string escapes its element or opens a macro', () => {
    const unit = fc.oneof(
      fc.constantFrom(...HOSTILE),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('<', '>', '&', '"', "'", ']]>', '<ac:', '<ri:', '/>'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit, minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 20 }),
        (texts) => {
          const map = withUserText(base, (i) => texts[i % texts.length] ?? 'x');
          expect(macroCount(checkStorage(render(map)))).toEqual(baseline);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('renderWriteUp edge cases', () => {
  it('renders an empty map without failing', () => {
    const map = withUserText(workedExampleSession(), () => '');
    const empty: JourneyMap = { ...map, stages: [], steps: [], cards: [], lanes: [] };
    const storage = render(empty, emptyRules);
    checkStorage(storage);
    expect(storage).toContain('The map has no steps yet.');
    expect(storage).toContain('No pain points were mapped.');
    expect(storage).toContain('The sentiment line has not been charted yet.');
    expect(storage).not.toContain('journey-sentiment-curve.png');
  });
});

describe('renderWriteUp speed (≤ 200 ms for 1,000 cards)', () => {
  it('renders a 1,000-card map, chart included, well within a generous bound', () => {
    const map = generateMap({ cards: 1000, seed: 7 });
    const run = (): number => {
      const t = performance.now();
      const chart = renderSentimentChart(map, englishT);
      renderWriteUp({
        map,
        rules: emptyRules,
        mapPage: { title: 'Big' },
        chart,
        today: TODAY,
        generatedAt: GENERATED_AT,
        t: englishT,
      });
      return performance.now() - t;
    };
    const cold = run();
    const warm = Array.from({ length: 7 }, run).sort((a, b) => a - b);
    const median = warm[3] ?? 0;
    console.info(
      `write-up render, 1,000 cards: cold ${cold.toFixed(0)} ms, warm median ${median.toFixed(0)} ms`,
    );
    // Generous: CI machines are slower and busier than the budget's reference.
    expect(median).toBeLessThan(1000);
  });
});
