/**
 * Draws the overview on a canvas: stage bands, each lane's cells in the kind colour of their
 * cards (stronger with more cards) and the sentiment line in the sentiment lane. Colours are
 * the Atlassian tokens the cards use (light and dark theme), read once per draw.
 */
import type { CardKind } from '@domain/model/schema';
import type { Overview } from './minimap-model';

// The token and fallback of each kind's colour: the cards' border colours (editor.css).
const KIND_COLOURS: Readonly<Record<CardKind, readonly [string, string]>> = {
  action: ['--ds-border-accent-blue', '#357de8'],
  question: ['--ds-border-accent-purple', '#af59e1'],
  decision: ['--ds-border-accent-yellow', '#b38600'],
  touchpoint: ['--ds-border-accent-teal', '#2898bd'],
  goal: ['--ds-border-accent-green', '#22a06b'],
  thought: ['--ds-border-accent-magenta', '#cd519d'],
  painPoint: ['--ds-border-accent-red', '#e2483d'],
  opportunity: ['--ds-border-accent-lime', '#6a9a23'],
  process: ['--ds-border-accent-gray', '#7d818a'],
  note: ['--ds-border-accent-orange', '#e06c00'],
};

/** Heights (CSS px) of the stage band and of the sentiment lane relative to a card lane. */
export const STAGE_BAND = 6;
const SENTIMENT_WEIGHT = 3;

/** The y-range of each lane row in a canvas of height `height`. */
export function laneRows(overview: Overview, height: number): { top: number; h: number }[] {
  const weights = overview.lanes.map((l) => (l.type === 'emotions' ? SENTIMENT_WEIGHT : 1));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const unit = (height - STAGE_BAND) / total;
  let top = STAGE_BAND;
  return weights.map((w) => {
    const row = { top, h: w * unit };
    top += w * unit;
    return row;
  });
}

/** Paints `overview` into `canvas` at its CSS size × devicePixelRatio. */
export function drawOverview(canvas: HTMLCanvasElement, overview: Overview): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const style = getComputedStyle(canvas);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const colours = Object.fromEntries(
    Object.entries(KIND_COLOURS).map(([k, [name, fallback]]) => [k, token(name, fallback)]),
  ) as Record<CardKind, string>;
  const col = width / Math.max(1, overview.steps);
  const gap = col > 4 ? 1 : 0;

  ctx.clearRect(0, 0, width, height);
  // Stage bands: alternate shades, a line where each stage starts.
  const starts = [...overview.stageStarts, overview.steps];
  const band = [
    token('--ds-background-accent-gray-subtler', '#dddee1'),
    token('--ds-background-accent-gray-subtlest', '#f0f1f2'),
  ];
  starts.slice(0, -1).forEach((start, i) => {
    const end = starts[i + 1] ?? overview.steps;
    ctx.fillStyle = band[i % 2] ?? '#ddd';
    ctx.fillRect(start * col, 0, (end - start) * col, STAGE_BAND);
  });
  const rows = laneRows(overview, height);
  overview.lanes.forEach((lane, li) => {
    const row = rows[li];
    if (!row || lane.type === 'emotions') return;
    lane.cells.forEach((cell, si) => {
      if (!cell.kind || cell.count === 0) return;
      ctx.globalAlpha = Math.min(1, 0.35 + cell.count * 0.15);
      ctx.fillStyle = colours[cell.kind];
      ctx.fillRect(si * col, row.top + 1, Math.max(1, col - gap), Math.max(1, row.h - 2));
    });
  });
  ctx.globalAlpha = 1;
  // The sentiment line through the steps that have one.
  const emotions = overview.lanes.findIndex((l) => l.type === 'emotions');
  const row = rows[emotions];
  if (row) {
    ctx.strokeStyle = token('--ds-border-accent-blue', '#357de8');
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    let drawing = false;
    overview.sentiment.forEach((s, i) => {
      if (s === null) {
        drawing = false;
        return;
      }
      const x = (i + 0.5) * col;
      const y = row.top + row.h / 2 - (s / 2) * (row.h / 2 - 1);
      if (drawing) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
      drawing = true;
    });
    ctx.stroke();
  }
  // Stage boundaries over everything.
  ctx.fillStyle = token('--ds-border', '#0b120e24');
  for (const start of overview.stageStarts.slice(1)) ctx.fillRect(start * col, 0, 1, height);
}
