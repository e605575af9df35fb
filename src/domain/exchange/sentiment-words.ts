/**
 * Reading an "Emotion" cell of a team's sheet as the step's sentiment (−2…+2): numbers on the
 * column's own scale (−2…2, 1–5, 0–10, 1–10, 0–100), words people write ("frustrated",
 * "delighted", "困惑") and face emoji.
 */

/** A numeric scale a sheet's emotion column uses: its lowest and highest values. */
export type SentimentScale = { lo: number; hi: number };

/** The model's own scale. */
export const NATIVE_SCALE: SentimentScale = { lo: -2, hi: 2 };

// Scales tried in order: the first holding every number of the column wins.
const SCALES: readonly SentimentScale[] = [
  NATIVE_SCALE,
  { lo: 1, hi: 5 },
  { lo: -3, hi: 3 },
  { lo: 1, hi: 10 },
  { lo: 0, hi: 10 },
  { lo: 0, hi: 100 },
];

const WORDS: Readonly<Record<string, number>> = {
  ...spread(
    2,
    'delighted delight ecstatic thrilled excited love loves amazing great awesome elated overjoyed verypositive veryhappy 惊喜 兴奋 非常满意 喜爱',
  ),
  ...spread(
    1,
    'happy pleased satisfied positive good glad relieved confident hopeful curious interested content optimistic 满意 开心 高兴 期待 放心',
  ),
  ...spread(0, 'neutral ok okay fine indifferent meh mixed calm 一般 中立 平静'),
  ...spread(
    -1,
    'confused unsure uncertain annoyed worried anxious disappointed negative bad impatient bored sceptical skeptical unhappy sad irritated nervous doubtful 困惑 担心 失望 焦虑 不满',
  ),
  ...spread(
    -2,
    'frustrated frustrating angry furious upset terrible awful hate hates stressed desperate verynegative veryunhappy outraged 沮丧 生气 愤怒 崩溃',
  ),
};

const EMOJI: ReadonlyArray<readonly [RegExp, number]> = [
  [/[\u{1F60D}\u{1F929}\u{1F601}\u{1F604}\u{1F603}\u{1F600}]/u, 2],
  [/[\u{1F642}\u{1F60A}\u{263A}]/u, 1],
  [/[\u{1F610}\u{1F611}\u{1F636}]/u, 0],
  [/[\u{1F615}\u{1F641}\u{1F61F}\u{1F614}\u{1F61E}\u{2639}]/u, -1],
  [/[\u{1F620}\u{1F621}\u{1F92C}\u{1F62B}\u{1F629}\u{1F624}\u{1F62D}]/u, -2],
];

function spread(value: number, words: string): Record<string, number> {
  return Object.fromEntries(words.split(' ').map((w) => [w, value]));
}

/** The number a cell holds ("+1", "4", "−2" with a true minus), or null. */
function numberOf(cell: string): number | null {
  const t = cell
    .trim()
    .replace(/^\u2212/, '-')
    .replace(/^\+/, '');
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

/** The scale that holds every number among `cells`; the native one when there are none. */
export function sentimentScaleOf(cells: readonly string[]): SentimentScale | null {
  const numbers = cells.map(numberOf).filter((n): n is number => n !== null);
  if (numbers.length === 0) return NATIVE_SCALE;
  const lo = Math.min(...numbers);
  const hi = Math.max(...numbers);
  return SCALES.find((s) => lo >= s.lo && hi <= s.hi) ?? null;
}

/** What a cell says: a sentiment, `word` when read from a word inside longer text, or nothing. */
export type SentimentRead =
  { kind: 'empty' } | { kind: 'value'; value: number; fromWord: boolean } | { kind: 'unknown' };

/** Reads one cell on `scale` (numbers) or by its words and emoji. */
export function readSentiment(cell: string, scale: SentimentScale | null): SentimentRead {
  const t = cell.trim();
  if (t === '') return { kind: 'empty' };
  const n = numberOf(t);
  if (n !== null) {
    const s = scale ?? NATIVE_SCALE;
    const clamped = Math.min(s.hi, Math.max(s.lo, n));
    const value = Math.round(((clamped - s.lo) / (s.hi - s.lo)) * 4 - 2);
    return { kind: 'value', value: value === 0 ? 0 : value, fromWord: false };
  }
  const whole = WORDS[wordKey(t)];
  if (whole !== undefined) return { kind: 'value', value: whole, fromWord: false };
  for (const [pattern, value] of EMOJI) {
    if (pattern.test(t)) return { kind: 'value', value, fromWord: /\p{L}/u.test(t) };
  }
  for (const word of t.split(/[^\p{L}]+/u)) {
    const value = WORDS[wordKey(word)];
    if (value !== undefined) return { kind: 'value', value, fromWord: true };
  }
  // Chinese has no spaces: look for a known word anywhere in the text.
  for (const [word, value] of Object.entries(WORDS)) {
    if (/\p{Script=Han}/u.test(word) && t.includes(word)) {
      return { kind: 'value', value, fromWord: true };
    }
  }
  return { kind: 'unknown' };
}

function wordKey(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}]+/gu, '');
}
