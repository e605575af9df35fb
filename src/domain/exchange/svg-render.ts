/**
 * The map as a standalone SVG for slides: title, stages over their steps, lanes as rows (hidden
 * lanes left out) with the line of visibility before the back-stage lanes, cards coloured by
 * kind, the sentiment curve in the emotions lane and CSAT / CES / FCR in the metrics lane.
 * Pure and deterministic; every piece of user text goes through the write-up's escaping module.
 */
import { cardsByCell } from '../model/cells';
import type { Card, JourneyMap, Lane, Step } from '../model/schema';
import { curvePoints } from '../sentiment/curve-points';
import { escapeAttr, escapeText } from '../storage-format/escape';
import { IMPACT_LABEL } from '../vocabulary';
import { CARD_COLOURS, FRAME } from './svg-palette';
import { wrapText } from './wrap-text';
import type { Translate } from '../i18n/translate';

/** The rendered picture and its size in CSS pixels. */
export type MapSvg = { svg: string; width: number; height: number };

const PAD = 24;
const TITLE_H = 44;
const HEAD_W = 180;
const COL_W = 200;
const STAGE_H = 36;
const STEP_H = 44;
const CARD_GAP = 8;
const LINE_H = 16;
const CHARS = 27;
const MAX_LINES = 4;
const CURVE_H = 120;
const MIN_ROW = 56;
const FONT = 'font-family="-apple-system, \'Segoe UI\', Roboto, Helvetica, Arial, sans-serif"';

const cardHeight = (card: Card) =>
  12 +
  Math.max(1, wrapText(card.text, CHARS, MAX_LINES).length) * LINE_H +
  (card.painPoint ? LINE_H : 0);

function text(args: {
  x: number;
  y: number;
  value: string;
  size?: number;
  weight?: number;
  fill?: string;
  anchor?: string;
}): string {
  const anchor = args.anchor ? ` text-anchor="${args.anchor}"` : '';
  const weight = args.weight ? ` font-weight="${args.weight}"` : '';
  return `<text x="${args.x}" y="${args.y}" font-size="${args.size ?? 12}"${weight}${anchor} fill="${args.fill ?? FRAME.text}">${escapeText(args.value)}</text>`;
}

function rect(x: number, y: number, w: number, h: number, fill: string, extra = ''): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}"${extra}/>`;
}

/** Renders the map as SVG markup; the picture's own words (title fallback, line) in `t`'s language. */
export function renderMapSvg(map: JourneyMap, t: Translate): MapSvg {
  const steps = map.steps;
  const lanes = map.lanes.filter((l) => !l.hidden);
  const cardsIn = cardsByCell(map.cards);
  const rowHeight = (lane: Lane): number => {
    if (lane.type === 'emotions') return CURVE_H;
    const tallest = Math.max(
      0,
      ...steps.map((s) => cardsIn(lane.id, s.id).reduce((h, c) => h + cardHeight(c) + CARD_GAP, 0)),
    );
    return Math.max(MIN_ROW, tallest + CARD_GAP);
  };
  const width = PAD * 2 + HEAD_W + Math.max(1, steps.length) * COL_W;
  const gridTop = PAD + TITLE_H + STAGE_H + STEP_H;
  const out: string[] = [];
  const colX = (i: number) => PAD + HEAD_W + i * COL_W;

  out.push(
    text({
      x: PAD,
      y: PAD + 24,
      value: map.title || t('writeup.untitledMap'),
      size: 20,
      weight: 600,
    }),
  );
  const persona = [map.persona.name, map.scope.scenario].filter(Boolean).join(' · ');
  if (persona) out.push(text({ x: PAD, y: PAD + 40, value: persona, fill: FRAME.subtle }));
  out.push(...stageHeaders(map, steps, colX));
  steps.forEach((step, i) => {
    const y = PAD + TITLE_H + STAGE_H;
    out.push(rect(colX(i), y, COL_W, STEP_H, FRAME.stepFill, ` stroke="${FRAME.grid}"`));
    wrapText(step.name, CHARS, 2).forEach((line, k) =>
      out.push(text({ x: colX(i) + 8, y: y + 18 + k * 14, value: line, weight: 600 })),
    );
  });

  let y = gridTop;
  let previous: Lane | null = null;
  for (const lane of lanes) {
    const h = rowHeight(lane);
    if (previous?.zone === 'onstage' && lane.zone === 'backstage') {
      out.push(
        `<line x1="${PAD}" y1="${y}" x2="${width - PAD}" y2="${y}" stroke="${FRAME.visibility}" stroke-width="2" stroke-dasharray="8 6"/>`,
        text({
          x: width - PAD,
          y: y - 4,
          value: t('exchange.svg.lineOfVisibility'),
          size: 11,
          fill: FRAME.visibility,
          anchor: 'end',
        }),
      );
    }
    const fill = lane.zone === 'backstage' ? FRAME.backstageFill : FRAME.laneFill;
    out.push(rect(PAD, y, HEAD_W, h, fill, ` stroke="${FRAME.grid}"`));
    wrapText(lane.name, 22, 3).forEach((line, k) =>
      out.push(text({ x: PAD + 8, y: y + 20 + k * 15, value: line, weight: 600 })),
    );
    steps.forEach((step, i) => {
      out.push(rect(colX(i), y, COL_W, h, FRAME.page, ` stroke="${FRAME.grid}"`));
      if (lane.type === 'metrics') out.push(metricsText(step, colX(i), y));
      let cy = y + CARD_GAP;
      for (const card of cardsIn(lane.id, step.id)) {
        out.push(cardSvg(card, colX(i) + CARD_GAP, cy));
        cy += cardHeight(card) + CARD_GAP;
      }
    });
    if (lane.type === 'emotions') out.push(curveSvg(steps, colX, y));
    previous = lane;
    y += h;
  }
  const height = y + PAD;
  const label = `Journey map: ${map.title}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeAttr(label)}" ${FONT}>` +
    `<title>${escapeText(label)}</title>` +
    rect(0, 0, width, height, FRAME.page) +
    out.join('') +
    '</svg>';
  return { svg, width, height };
}

function stageHeaders(map: JourneyMap, steps: Step[], colX: (i: number) => number): string[] {
  const out: string[] = [];
  const y = PAD + TITLE_H;
  for (const stage of map.stages) {
    const first = steps.findIndex((s) => s.stageId === stage.id);
    if (first < 0) continue;
    const span = steps.filter((s) => s.stageId === stage.id).length;
    out.push(
      rect(colX(first), y, span * COL_W, STAGE_H, FRAME.stageFill, ` stroke="${FRAME.page}"`),
    );
    const line = wrapText(stage.name, Math.floor((span * COL_W) / 8), 1)[0] ?? '';
    out.push(text({ x: colX(first) + 8, y: y + 23, value: line, size: 14, weight: 700 }));
  }
  return out;
}

function cardSvg(card: Card, x: number, y: number): string {
  const c = CARD_COLOURS[card.kind];
  const w = COL_W - CARD_GAP * 2;
  const h = cardHeight(card);
  const parts = [
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4" fill="${c.fill}" stroke="${c.border}" stroke-width="1.5"/>`,
    `<rect x="${x}" y="${y}" width="4" height="${h}" rx="2" fill="${c.border}"/>`,
  ];
  const lines = wrapText(card.text, CHARS, MAX_LINES);
  lines.forEach((line, k) =>
    parts.push(text({ x: x + 10, y: y + 18 + k * LINE_H, value: line, fill: c.text })),
  );
  if (card.painPoint) {
    const n = card.painPoint.votes;
    const votes = n === 0 ? '' : ` · ${n} ${n === 1 ? 'vote' : 'votes'}`;
    const impact = IMPACT_LABEL[card.painPoint.impact];
    parts.push(
      text({
        x: x + 10,
        y: y + 18 + Math.max(1, lines.length) * LINE_H,
        value: impact + votes,
        size: 11,
        weight: 600,
        fill: c.text,
      }),
    );
  }
  return `<g>${parts.join('')}</g>`;
}

function metricsText(step: Step, x: number, y: number): string {
  const m = step.metrics;
  const parts = [
    m.csat === null ? null : `CSAT ${m.csat}%`,
    m.ces === null ? null : `CES ${m.ces}`,
    m.fcr === null ? null : `FCR ${m.fcr}%`,
  ].filter((p): p is string => p !== null);
  return parts.length
    ? text({ x: x + 8, y: y + 24, value: parts.join(' · '), fill: FRAME.subtle })
    : '';
}

function curveSvg(steps: Step[], colX: (i: number) => number, top: number): string {
  const mid = top + CURVE_H / 2;
  // The geometry the editor and the write-up's chart use: +2 at the top, one column per step.
  const curve = curvePoints({
    values: steps.map((s) => s.sentiment),
    width: steps.length * COL_W,
    height: CURVE_H,
    padding: 14,
  });
  const points = curve.points.map((p) => ({ x: colX(0) + p.x, y: top + p.y, v: p.value }));
  const parts = [
    `<line x1="${colX(0)}" y1="${mid}" x2="${colX(steps.length)}" y2="${mid}" stroke="${FRAME.grid}" stroke-dasharray="4 4"/>`,
  ];
  if (points.length > 1) {
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
    parts.push(
      `<path d="${d}" fill="none" stroke="${FRAME.curve}" stroke-width="3" stroke-linejoin="round"/>`,
    );
  }
  for (const p of points) {
    parts.push(
      `<circle cx="${p.x}" cy="${p.y}" r="5" fill="${FRAME.curve}"><title>Sentiment ${p.v > 0 ? '+' : ''}${p.v}</title></circle>`,
    );
  }
  return `<g>${parts.join('')}</g>`;
}
