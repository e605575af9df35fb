/**
 * The sentiment curve of the write-up: a PNG drawn by the resolver (attached to the write-up
 * page), its text alternative, and the highs and lows the play asks the group to look for
 * (seed 000 step 5). Pure and deterministic.
 */
import type { Translate } from '../i18n/translate';
import type { JourneyMap, Stage, Step } from '../model/schema';
import { stepsInJourneyOrder } from '../ranking/journey-order';
import { SENTIMENT_MAX, SENTIMENT_MIN, curvePoints } from '../sentiment/curve-points';
import { sentimentPatterns } from '../sentiment/sentiment-patterns';
import { encodePng } from './png';
import type { Rgb } from './raster';
import { createCanvas, dashedHLine, fillDisc, fillRect, strokeLine } from './raster';
import type { Canvas } from './raster';
import { digitsWidth, drawDigits } from './pixel-digits';

/** File name of the chart attachment (the resolver makes it per map with {@link chartFileName}). */
export const CHART_FILE_NAME = 'journey-sentiment-curve.png';

/** The chart's file name for one map (several maps can share the page that holds the chart). */
export function chartFileName(sanitizedLocalId: string): string {
  return `journey-sentiment-curve-${sanitizedLocalId}.png`;
}

/** One high or low of the curve, as a sentence. */
export type SentimentHighlight = {
  kind: 'peak' | 'trough' | 'rapidDrop' | 'sawtooth';
  text: string;
};

/** The rendered chart (null bytes when no step is charted) with its text alternative. */
export type SentimentChart = {
  fileName: string;
  /** The page that holds the attachment, when it is not the page showing it. */
  page?: { title: string };
  mediaType: 'image/png';
  width: number;
  height: number;
  /** The PNG, or null when nothing is charted (then nothing is uploaded). */
  png: Uint8Array | null;
  /** The text alternative: the whole curve in words. */
  alt: string;
  highlights: SentimentHighlight[];
};

const HEIGHT = 200;
const PAD_X = 12;
const PAD_Y = 16;
const MIN_WIDTH = 480;
const MAX_WIDTH = 1200;
const COLUMN = 44;
/** Left gutter holding the axis values (+2 … −2). */
const AXIS = 26;
/** Band under the plot holding the step numbers (the page lists the steps by number). */
const STEP_LABELS = 18;
const LABEL_SCALE = 2;

const WHITE: Rgb = [255, 255, 255];
const POSITIVE_BAND: Rgb = [235, 247, 240];
const NEGATIVE_BAND: Rgb = [253, 238, 236];
const GRID: Rgb = [223, 225, 230];
const ZERO: Rgb = [137, 147, 164];
const STAGE_RULE: Rgb = [193, 199, 208];
const LINE: Rgb = [12, 102, 228];
const GOOD: Rgb = [34, 160, 107];
const NEUTRAL: Rgb = [98, 111, 134];
const BAD: Rgb = [201, 55, 44];
const LABEL: Rgb = [68, 84, 111];

/** "+2", "0", "−1" (true minus sign). */
export function formatSentiment(value: number): string {
  // At most one decimal: an average of −2…+2 scores reads as −1.3, not −1.3333.
  const v = Math.round(value * 10) / 10;
  if (v > 0) return `+${v}`;
  if (v < 0) return `−${Math.abs(v)}`;
  return '0';
}

function colourOf(value: number): Rgb {
  if (value >= 1) return GOOD;
  if (value <= -1) return BAD;
  return NEUTRAL;
}

function describeStep(step: Step, stages: ReadonlyMap<string, Stage>, t: Translate): string {
  const stage = stages.get(step.stageId);
  const name = step.name.trim() || t('writeup.untitledStep');
  return stage && stage.name.trim() ? `“${name}” (${stage.name.trim()})` : `“${name}”`;
}

function listSteps(
  indices: readonly number[],
  describe: (i: number) => string,
  t: Translate,
): string {
  const names = indices.map(describe);
  if (names.length <= 1) return names.join('');
  return t('writeup.chart.list', {
    first: names.slice(0, -1).join(t('writeup.chart.listSeparator')),
    last: names[names.length - 1] ?? '',
  });
}

/** Highs and lows of the line, in journey order within each kind. */
function highlightsOf(args: {
  values: readonly (number | null)[];
  describe: (i: number) => string;
  t: Translate;
}): SentimentHighlight[] {
  const { values, describe, t } = args;
  const patterns = sentimentPatterns(values);
  const out: SentimentHighlight[] = [];
  for (const i of patterns.peaks) {
    out.push({
      kind: 'peak',
      text: t('writeup.chart.peak', { value: formatSentiment(values[i] ?? 0), step: describe(i) }),
    });
  }
  for (const i of patterns.troughs) {
    out.push({
      kind: 'trough',
      text: t('writeup.chart.trough', {
        value: formatSentiment(values[i] ?? 0),
        step: describe(i),
      }),
    });
  }
  for (const d of patterns.rapidDrops) {
    out.push({
      kind: 'rapidDrop',
      text: t('writeup.chart.rapidDrop', {
        delta: Math.abs(d.delta),
        from: describe(d.from),
        to: describe(d.to),
      }),
    });
  }
  for (const s of patterns.sawtooth) {
    out.push({
      kind: 'sawtooth',
      text: t('writeup.chart.sawtooth', { from: describe(s.from), to: describe(s.to) }),
    });
  }
  return out;
}

/** The curve in words, for the image's alt text and for readers who cannot see it. */
function altText(args: {
  values: readonly (number | null)[];
  describe: (i: number) => string;
  t: Translate;
}): string {
  const { values, describe, t } = args;
  const charted = values
    .map((v, i) => ({ v, i }))
    .filter((x): x is { v: number; i: number } => x.v !== null);
  if (charted.length === 0) return t('writeup.chart.notCharted');
  const first = charted[0];
  const last = charted[charted.length - 1];
  const max = Math.max(...charted.map((c) => c.v));
  const min = Math.min(...charted.map((c) => c.v));
  const at = (target: number): string =>
    listSteps(
      charted.filter((c) => c.v === target).map((c) => c.i),
      describe,
      t,
    );
  const parts = [
    charted.length < values.length
      ? t('writeup.chart.overPartly', {
          steps: t('writeup.count.steps', { count: values.length }),
          charted: charted.length,
        })
      : t('writeup.chart.over', { steps: t('writeup.count.steps', { count: values.length }) }),
  ];
  if (first && last) {
    parts.push(
      t('writeup.chart.startsEnds', {
        first: formatSentiment(first.v),
        firstStep: describe(first.i),
        last: formatSentiment(last.v),
        lastStep: describe(last.i),
      }),
    );
  }
  parts.push(t('writeup.chart.highest', { value: formatSentiment(max), steps: at(max) }));
  if (min !== max) {
    parts.push(t('writeup.chart.lowest', { value: formatSentiment(min), steps: at(min) }));
  }
  return parts.join(t('writeup.chart.sentenceSeparator'));
}

/**
 * Step numbers (1-based, journey order) centred under their columns; on crowded charts every
 * k-th, with the first and last always numbered, so no two labels touch.
 */
function drawStepNumbers(args: {
  canvas: Canvas;
  count: number;
  left: number;
  columnWidth: number;
}): void {
  const { canvas, count, left, columnWidth } = args;
  const scale = digitsWidth(String(count), LABEL_SCALE) + 6 <= columnWidth ? LABEL_SCALE : 1;
  const every = Math.max(1, Math.ceil((digitsWidth(String(count), scale) + 6) / columnWidth));
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    if (i % every !== 0 && !last) continue;
    if (!last && i + every > count - 1 && count - 1 - i < every) continue;
    const text = String(i + 1);
    const cx = left + (i + 0.5) * columnWidth;
    drawDigits(canvas, {
      text,
      x: cx - digitsWidth(text, scale) / 2,
      y: HEIGHT + (STEP_LABELS - 5 * scale) / 2,
      scale,
      colour: LABEL,
    });
  }
}

/** Renders the chart of the map's sentiment line (journey order). */
export function renderSentimentChart(map: JourneyMap, t: Translate): SentimentChart {
  const steps = stepsInJourneyOrder(map);
  const stages = new Map(map.stages.map((s) => [s.id, s]));
  const values = steps.map((s) => s.sentiment);
  const describe = (i: number): string => {
    const step = steps[i];
    return step ? describeStep(step, stages, t) : t('writeup.chart.stepN', { n: i + 1 });
  };
  const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, steps.length * COLUMN + 2 * PAD_X + AXIS));
  const base = {
    fileName: CHART_FILE_NAME,
    mediaType: 'image/png' as const,
    width,
    height: HEIGHT + STEP_LABELS,
    alt: altText({ values, describe, t }),
    highlights: highlightsOf({ values, describe, t }),
  };
  if (!values.some((v) => v !== null)) return { ...base, png: null };

  const left = AXIS + PAD_X;
  const plotWidth = width - AXIS - 2 * PAD_X;
  const curve = curvePoints({ values, width: plotWidth, height: HEIGHT, padding: PAD_Y });
  const canvas = createCanvas({ width, height: HEIGHT + STEP_LABELS, background: WHITE });
  fillRect(canvas, { x: AXIS, y: 0, width, height: curve.zeroY }, POSITIVE_BAND);
  fillRect(canvas, { x: AXIS, y: curve.zeroY, width, height: HEIGHT - curve.zeroY }, NEGATIVE_BAND);
  const span = HEIGHT - 2 * PAD_Y;
  for (let level = SENTIMENT_MIN; level <= SENTIMENT_MAX; level++) {
    const y = PAD_Y + ((SENTIMENT_MAX - level) / (SENTIMENT_MAX - SENTIMENT_MIN)) * span;
    if (level === 0) dashedHLine(canvas, { y, x1: AXIS, x2: width, dash: 6 }, ZERO);
    else fillRect(canvas, { x: AXIS, y: Math.round(y), width, height: 1 }, GRID);
    const text = formatSentiment(level);
    drawDigits(canvas, {
      text,
      x: AXIS - 4 - digitsWidth(text, LABEL_SCALE),
      y: y - (5 * LABEL_SCALE) / 2,
      scale: LABEL_SCALE,
      colour: LABEL,
    });
  }
  // A thin rule where a new stage begins, so the curve reads against the map's columns.
  steps.forEach((step, i) => {
    const prev = steps[i - 1];
    if (i > 0 && prev && prev.stageId !== step.stageId) {
      const x = left + i * curve.columnWidth;
      fillRect(canvas, { x: Math.round(x), y: 0, width: 1, height: HEIGHT }, STAGE_RULE);
    }
  });
  drawStepNumbers({ canvas, count: steps.length, left, columnWidth: curve.columnWidth });
  const points = curve.points.map((p) => ({ ...p, x: p.x + left }));
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1];
    const b = points[k];
    if (a && b) strokeLine(canvas, { x1: a.x, y1: a.y, x2: b.x, y2: b.y, width: 3 }, LINE);
  }
  const radius = Math.max(3, Math.min(6, curve.columnWidth / 5));
  for (const p of points) {
    fillDisc(canvas, { cx: p.x, cy: p.y, r: radius + 1.5 }, WHITE);
    fillDisc(canvas, { cx: p.x, cy: p.y, r: radius }, colourOf(p.value));
  }
  return { ...base, png: encodePng(canvas) };
}
