/**
 * The sentiment-line patterns the play asks a group to look for (seed 000, step 5): sawtooth
 * stretches, rapid drops, troughs and positive peaks. Input is one value per step in journey
 * order (−2 … +2, null where the step has not been charted); outputs refer to those indices.
 */

/** Patterns found in a sentiment line; every number is an index into the input values. */
export type SentimentPatterns = {
  /** Stretches with at least three consecutive changes of direction. */
  sawtooth: { from: number; to: number }[];
  /** Falls of 2 or more between consecutive charted steps (delta is negative). */
  rapidDrops: { from: number; to: number; delta: number }[];
  /** Local minima at −1 or below (every step of a low plateau). */
  troughs: number[];
  /** Local maxima at +1 or above (every step of a high plateau). */
  peaks: number[];
};

/** A fall of at least this much between consecutive charted steps is a rapid drop. */
export const RAPID_DROP = 2;
/** This many consecutive direction changes make a sawtooth stretch. */
export const SAWTOOTH_CHANGES = 3;

/**
 * Finds the patterns. Uncharted steps (null) are skipped: neighbours are the nearest charted
 * steps. A flat segment breaks a sawtooth run. Plateaus (equal consecutive values) count as one
 * point for troughs and peaks, and every index of the plateau is reported. A line's first or
 * last point counts when its one neighbour is higher (trough) or lower (peak); a line without
 * any change has no troughs or peaks.
 */
export function sentimentPatterns(values: readonly (number | null)[]): SentimentPatterns {
  const charted: { index: number; value: number }[] = [];
  values.forEach((value, index) => {
    if (typeof value === 'number' && Number.isFinite(value)) charted.push({ index, value });
  });

  const rapidDrops: SentimentPatterns['rapidDrops'] = [];
  const signs: number[] = [];
  for (let k = 1; k < charted.length; k++) {
    const a = charted[k - 1];
    const b = charted[k];
    if (!a || !b) continue;
    const delta = b.value - a.value;
    signs.push(Math.sign(delta));
    if (delta <= -RAPID_DROP) rapidDrops.push({ from: a.index, to: b.index, delta });
  }

  const sawtooth: SentimentPatterns['sawtooth'] = [];
  let runStart = 0;
  const closeRun = (runEnd: number): void => {
    const changes = runEnd - runStart;
    const from = charted[runStart];
    const to = charted[runEnd + 1];
    if (changes >= SAWTOOTH_CHANGES && from && to)
      sawtooth.push({ from: from.index, to: to.index });
  };
  for (let j = 1; j < signs.length; j++) {
    const prev = signs[j - 1] ?? 0;
    const cur = signs[j] ?? 0;
    if (!(prev !== 0 && cur !== 0 && prev === -cur)) {
      closeRun(j - 1);
      runStart = j;
    }
  }
  if (signs.length > 0) closeRun(signs.length - 1);

  const plateaus: { value: number; indices: number[] }[] = [];
  for (const point of charted) {
    const last = plateaus[plateaus.length - 1];
    if (last && last.value === point.value) last.indices.push(point.index);
    else plateaus.push({ value: point.value, indices: [point.index] });
  }
  const troughs: number[] = [];
  const peaks: number[] = [];
  if (plateaus.length > 1) {
    plateaus.forEach((p, i) => {
      const left = plateaus[i - 1]?.value;
      const right = plateaus[i + 1]?.value;
      const lowerThanNeighbours =
        (left === undefined || left > p.value) && (right === undefined || right > p.value);
      const higherThanNeighbours =
        (left === undefined || left < p.value) && (right === undefined || right < p.value);
      if (p.value <= -1 && lowerThanNeighbours) troughs.push(...p.indices);
      if (p.value >= 1 && higherThanNeighbours) peaks.push(...p.indices);
    });
  }
  return { sawtooth, rapidDrops, troughs, peaks };
}
