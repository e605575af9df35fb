/**
 * The map's first viewport, read-only, drawn from `map/load`'s answer before the editor can run
 * (its language, its theme-dependent panels and the domain-ops chunk are still loading): the
 * same classes and column geometry as the editor's grid, at the place the editor's grid will
 * take (first-paint-place.ts), so the swap to the editor draws over it without moving it. It
 * needs no translations (map content and glyphs only) and nothing beyond the entry chunk.
 * Hidden from assistive technology: the editor that replaces it is the accessible grid.
 */
import { useLayoutEffect, useMemo } from 'react';
import type { Card, Channel, JourneyMap, Lane, Step } from '@domain/model/schema';
import { afterNextPaint } from '../after-next-paint';
import { CARD_GLYPH, MOMENT_GLYPH } from '../labels';
import { buildCellIndex, cellCards } from '../grid/cell-index';
import { COLUMN_WIDTH, CORNER_WIDTH, gridWidth } from '../grid/grid-geometry';
import { GridCols } from '../grid/grid-cols';
import type { Column } from '../grid/grid-model';
import { buildColumns, visibleLanes } from '../grid/grid-model';
import type { Track } from '../grid/decision-tracks';
import { decisionTracks } from '../grid/decision-tracks';
import { gridLeadAt } from './first-paint-place';

let marked = false;
let painted: () => void = () => undefined;
const paintedOnce = new Promise<void>((resolve) => (painted = resolve));

/** Resolves once the first paint's frame is on screen (its `cjm:first-card-painted` mark). */
export function whenFirstCardPainted(): Promise<void> {
  return paintedOnce;
}

/** Lane rows drawn: more than the page view's height holds. */
const ROWS = 8;

/**
 * Less than any card's height (padding, the kind line and one line of text are more): a column
 * whose drawn cards number `height / MIN_CARD` already reaches below the frame's bottom edge.
 */
const MIN_CARD = 32;

/**
 * The cards of each drawn cell, down to the frame's bottom edge and no further (decision 0051):
 * in each column, once the cards drawn above hold `height / MIN_CARD`, the rest lie below the
 * frame, so leaving them out changes nothing in view (only the height of rows out of view).
 */
export function cardsInView(args: {
  lanes: readonly Lane[];
  columns: readonly Column[];
  cells: ReturnType<typeof buildCellIndex>;
  height: number;
}): Map<string, readonly Card[]> {
  const out = new Map<string, readonly Card[]>();
  const room = Math.ceil(Math.max(0, args.height) / MIN_CARD) + 1;
  const left = args.columns.map(() => room);
  for (const lane of args.lanes) {
    args.columns.forEach((col, i) => {
      if (col.kind !== 'step') return;
      const all = cellCards(args.cells, lane.id, col.step.id);
      const take = Math.min(all.length, left[i] ?? 0);
      left[i] = (left[i] ?? 0) - take;
      out.set(`${lane.id} ${col.step.id}`, take === all.length ? all : all.slice(0, take));
    });
  }
  return out;
}

const channelsOf = (ids: readonly string[], all: readonly Channel[]) =>
  ids.map((id) => all.find((c) => c.id === id)).filter((c): c is Channel => Boolean(c));

/** The first viewport of `map` as the editor will draw it; marks `cjm:first-card-painted`. */
export function FirstPaintGrid(props: {
  map: JourneyMap;
  canEdit: boolean;
  width: number;
  /** The frame's height: cards below it are not drawn. */
  height: number;
}) {
  const { map, canEdit, width, height } = props;
  const lead = gridLeadAt(width);
  const shape = useMemo(() => {
    const { columns, spans } = buildColumns(map);
    const shown = Math.min(columns.length, Math.ceil((width - CORNER_WIDTH) / COLUMN_WIDTH) + 1);
    const { onstage, backstage } = visibleLanes(map.lanes);
    const lanes = [...onstage, ...backstage].slice(0, ROWS);
    const cells = buildCellIndex(map.cards, null);
    return {
      columns,
      spans,
      shown: columns.slice(0, shown),
      lanes,
      // The grid starts below the lead (its min-height), so no more than the rest is in view.
      cards: cardsInView({
        lanes,
        columns: columns.slice(0, shown),
        cells,
        height: height - lead.lead,
      }),
      tracks: decisionTracks(columns.slice(0, shown)),
    };
  }, [map, width, height, lead.lead]);

  // The first card is on screen after this frame (the bench's "first card visible"); marked
  // once, not again when the macro screen takes the first paint over.
  // Not cancelled on unmount: the frame that painted it still painted it when the macro screen
  // replaced main.tsx's tree with its own copy in between.
  useLayoutEffect(() => {
    afterNextPaint(() => {
      if (marked) return;
      marked = true;
      performance.mark('cjm:first-card-painted');
      painted();
    });
  }, []);

  const rest = shape.columns.length - shape.shown.length;
  return (
    <div className="editor view-page first-paint" aria-hidden="true">
      <div className="grid-lead" style={{ minHeight: lead.lead }} />
      <div className="grid-area">
        <div className="grid-scroller">
          <div className="grid-zoom">
            <table
              className={`journey-grid${map.cards.length > 200 ? ' is-large' : ''}`}
              style={{ width: gridWidth(shape.columns.length) }}
            >
              <GridCols count={shape.columns.length} />
              <thead>
                <tr>
                  <th className="corner" />
                  {stageSpansShown(shape.spans, shape.shown).map(({ id, name, span }) => (
                    <th key={id} className="stage-header" colSpan={span}>
                      <div className="header-row">
                        <NameBox value={name} className="stage-name" rows={1} canEdit={canEdit} />
                        {canEdit && (
                          <span className="header-actions">
                            <span className="subtle-button first-paint-button">{NBSP}</span>
                          </span>
                        )}
                      </div>
                    </th>
                  ))}
                  {rest > 0 && <th colSpan={rest} />}
                </tr>
                <tr>
                  <th className="corner" />
                  {shape.shown.map((col, i) =>
                    col.kind === 'step' ? (
                      <StepHead
                        key={col.key}
                        step={col.step}
                        map={map}
                        canEdit={canEdit}
                        track={shape.tracks[i] ?? null}
                      />
                    ) : (
                      <th key={col.key} className="step-header is-empty" />
                    ),
                  )}
                  {rest > 0 && <th colSpan={rest} />}
                </tr>
              </thead>
              <tbody>
                {shape.lanes.map((lane) => (
                  <tr key={lane.id} className={`lane-row zone-${lane.zone}`}>
                    <th className={`lane-header lane-${lane.type}`}>
                      <NameBox value={lane.name} className="lane-name" rows={2} canEdit={canEdit} />
                    </th>
                    {shape.shown.map((col) => (
                      <td key={col.key} className={`cell lane-${lane.type} zone-${lane.zone}`}>
                        {col.kind === 'step' && (
                          <CardsOf
                            lane={lane}
                            cards={shape.cards.get(`${lane.id} ${col.step.id}`) ?? []}
                            channels={map.channels}
                          />
                        )}
                      </td>
                    ))}
                    {rest > 0 && <td colSpan={rest} />}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

/** Words the editor shows from its catalogue take one line here (`NBSP`): the same height. */
const NBSP = '\u00a0';

/**
 * A header's name in the box the editor's `InlineText` gives it (a field for an editor, text for
 * a viewer), read-only and out of the tab order.
 */
function NameBox(props: { value: string; className: string; rows: number; canEdit: boolean }) {
  const { value, rows, canEdit } = props;
  if (!canEdit)
    return <span className={`inline-text is-readonly ${props.className}`}>{value}</span>;
  const common = {
    className: `inline-text ${props.className}`,
    value,
    readOnly: true,
    tabIndex: -1,
    dir: 'auto',
  } as const;
  return rows > 1 ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />;
}

/** The decision track's lines as the editor draws them (decision-track-view.tsx), notes blank. */
function TrackLines({ track }: { track: Track }) {
  const height = 6 + 8 * (track.paths.length - 1);
  const note =
    track.role === 'fork' ||
    track.role === 'rejoin' ||
    (track.role === 'on' && track.starts && track.paths[track.active]);
  return (
    <div className={`decision-track is-${track.role}`}>
      <svg viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" height={height} />
      {note && <span className="track-note">{NBSP}</span>}
    </div>
  );
}

function StepHead(props: { step: Step; map: JourneyMap; track: Track | null; canEdit: boolean }) {
  const { step, map, track } = props;
  const owner = step.pathId
    ? map.steps.find((s) => s.paths.some((p) => p.id === step.pathId))
    : undefined;
  const pathLabel = owner?.paths.find((p) => p.id === step.pathId)?.label;
  return (
    <th className={`step-header kind-${step.kind}`}>
      {track && <TrackLines track={track} />}
      {owner && pathLabel !== undefined && (
        <div className="path-label">
          ↳ {owner.name}: {pathLabel}
        </div>
      )}
      <div className="header-row">
        <span className={`step-kind kind-${step.kind}`}>
          {step.kind === 'question' ? '?' : step.kind === 'decision' ? '◆' : '▶'}
        </span>
        <NameBox value={step.name} className="step-name" rows={2} canEdit={props.canEdit} />
        <span className="icon-button first-paint-button">⋯</span>
      </div>
      <div className="step-meta">
        {step.moment && (
          <span className={`moment is-${step.moment}`}>{MOMENT_GLYPH[step.moment]}</span>
        )}
        {channelsOf(step.channels, map.channels).map((c) => (
          <abbr key={c.id} className="channel-chip">
            {c.initials}
          </abbr>
        ))}
        {step.kind === 'decision' && step.paths.length > 0 && (
          <span className="paths first-paint-line">{NBSP}</span>
        )}
      </div>
    </th>
  );
}

function CardsOf(props: { lane: Lane; cards: readonly Card[]; channels: readonly Channel[] }) {
  if (props.lane.type === 'emotions' || props.lane.type === 'metrics') return null;
  return (
    <div className="cell-cards">
      {props.cards.map((card) => (
        <div key={card.id} className={`card kind-${card.kind}`} data-first-paint-card="">
          <div className="card-head">
            <span className="kind-tag">
              <span className="glyph">{CARD_GLYPH[card.kind]}</span>
            </span>
            {channelsOf(card.channels, props.channels).length > 0 && (
              <span className="channels">
                {channelsOf(card.channels, props.channels).map((c) => (
                  <abbr key={c.id}>{c.initials}</abbr>
                ))}
              </span>
            )}
          </div>
          <p className="card-text" dir="auto">
            {card.text}
          </p>
          <div className="card-foot">
            <span className={`evidence is-${card.evidence.status}`}>{NBSP}</span>
            {card.painPoint && <span className={`impact is-${card.painPoint.impact}`}>{NBSP}</span>}
            {card.opportunity && <span className="score">{NBSP}</span>}
          </div>
        </div>
      ))}
    </div>
  );
}

/** The stage headers over the columns drawn, each spanning only its columns among them. */
function stageSpansShown(
  spans: readonly { stage: { id: string; name: string }; span: number }[],
  shown: readonly Column[],
): { id: string; name: string; span: number }[] {
  const out: { id: string; name: string; span: number }[] = [];
  let left = shown.length;
  for (const s of spans) {
    if (left <= 0) break;
    const span = Math.min(s.span, left);
    out.push({ id: s.stage.id, name: s.stage.name, span });
    left -= span;
  }
  return out;
}
