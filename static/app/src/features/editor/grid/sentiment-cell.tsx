/**
 * One step's slice of the sentiment curve. Each cell draws the half-segments to its
 * neighbours, so the cells together show one continuous line while each stays a grid cell.
 * The point is a slider: drag it, or use the arrow keys (−2…+2), Delete to clear.
 */
import { memo, useRef, useState } from 'react';
import { useEdit, useServices } from '../editor-context';
import { cellPos, enterFocuses } from './cell-pos';
import { useT } from '../../../i18n';

/** Props of a sentiment cell. */
export type SentimentCellProps = {
  stepId: string;
  stepName: string;
  value: number | null;
  prev: number | null;
  next: number | null;
  markers: readonly string[];
  canEdit: boolean;
  row: number;
  col: number;
};

const H = 96;
const PAD = 10;
const y = (v: number) => PAD + ((2 - v) / 4) * (H - 2 * PAD);
const clamp = (v: number) => Math.max(-2, Math.min(2, Math.round(v)));
// Catalogue names of the sentiment values −2 … +2.
const LEVELS = ['veryNegative', 'negative', 'neutral', 'positive', 'veryPositive'] as const;

/** A gridcell of the sentiment lane. */
export const SentimentCell = memo(function SentimentCell(props: SentimentCellProps) {
  const t = useT();
  const { announce } = useServices();
  const edit = useEdit();
  const describe = (v: number) =>
    t('editor.sentiment.value', {
      label: t(`editor.sentiment.level.${LEVELS[v + 2] ?? 'neutral'}`),
      value: `${v > 0 ? '+' : ''}${v}`,
    });
  const [dragValue, setDragValue] = useState<number | null>(null);
  const dragging = useRef(false);
  const box = useRef<HTMLDivElement>(null);
  const value = dragValue ?? props.value;

  const commit = (next: number | null) => {
    if (next === props.value) return;
    edit([{ type: 'step/setSentiment', id: props.stepId, sentiment: next }]);
    announce(
      next === null
        ? t('editor.sentiment.cleared', { step: props.stepName })
        : t('editor.sentiment.set', { step: props.stepName, value: describe(next) }),
    );
  };

  const fromPointer = (clientY: number) => {
    const rect = box.current?.getBoundingClientRect();
    if (!rect) return 0;
    const rel = ((clientY - rect.top) / rect.height) * H;
    return clamp(2 - ((rel - PAD) / (H - 2 * PAD)) * 4);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const base = props.value ?? 0;
    let next: number | null | undefined;
    if (e.key === 'ArrowUp' || e.key === 'ArrowRight')
      next = props.value === null ? 0 : clamp(base + 1);
    else if (e.key === 'ArrowDown' || e.key === 'ArrowLeft')
      next = props.value === null ? 0 : clamp(base - 1);
    else if (e.key === 'Home') next = -2;
    else if (e.key === 'End') next = 2;
    else if (e.key === 'Delete' || e.key === 'Backspace') next = null;
    else if (e.key === 'Escape') {
      e.stopPropagation();
      e.currentTarget.closest<HTMLElement>('[data-pos]')?.focus();
      return;
    }
    if (next === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    if (props.canEdit) commit(next);
  };

  // The CSS variables token('color.border.bold') / token('color.chart.brand') resolve to; written
  // out so the token-name table (~5 KB gzip) stays out of the initial bundle.
  const stroke = 'var(--ds-border-bold, #758195)';
  const line = 'var(--ds-chart-brand, #1D7AFC)';
  const mid = value === null ? null : y(value);
  const valueText = value === null ? t('editor.sentiment.notCharted') : describe(value);

  return (
    <td
      role="gridcell"
      tabIndex={-1}
      {...cellPos({ row: props.row, colStart: props.col })}
      className="cell sentiment-cell"
      onKeyDown={enterFocuses('[role="slider"]')}
    >
      <div
        ref={box}
        className={`curve${props.canEdit ? ' is-editable' : ''}`}
        onPointerDown={(e) => {
          if (!props.canEdit) return;
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          setDragValue(fromPointer(e.clientY));
        }}
        onPointerMove={(e) => {
          if (dragging.current) setDragValue(fromPointer(e.clientY));
        }}
        onPointerUp={(e) => {
          if (!dragging.current) return;
          dragging.current = false;
          const v = fromPointer(e.clientY);
          setDragValue(null);
          commit(v);
        }}
        onPointerCancel={() => {
          dragging.current = false;
          setDragValue(null);
        }}
      >
        <svg
          viewBox={`0 0 100 ${H}`}
          preserveAspectRatio="none"
          aria-hidden="true"
          focusable="false"
        >
          <line
            x1="0"
            x2="100"
            y1={y(0)}
            y2={y(0)}
            stroke={stroke}
            strokeDasharray="2 3"
            vectorEffect="non-scaling-stroke"
          />
          {mid !== null && props.prev !== null && (
            <line
              x1="0"
              x2="50"
              y1={y((props.prev + (value ?? 0)) / 2)}
              y2={mid}
              stroke={line}
              strokeWidth="3"
              vectorEffect="non-scaling-stroke"
            />
          )}
          {mid !== null && props.next !== null && (
            <line
              x1="50"
              x2="100"
              y1={mid}
              y2={y(((value ?? 0) + props.next) / 2)}
              stroke={line}
              strokeWidth="3"
              vectorEffect="non-scaling-stroke"
            />
          )}
        </svg>
        <div
          role="slider"
          tabIndex={-1}
          aria-label={t('editor.sentiment.at', { step: props.stepName })}
          aria-valuemin={-2}
          aria-valuemax={2}
          aria-valuenow={value ?? undefined}
          aria-valuetext={valueText}
          aria-readonly={!props.canEdit || undefined}
          className={`point${value === null ? ' is-empty' : ''} s${value ?? 'x'}`}
          style={{ top: `${((mid ?? y(0)) / H) * 100}%` }}
          onKeyDown={onKeyDown}
        >
          <span aria-hidden="true">{value === null ? '·' : value > 0 ? `+${value}` : value}</span>
        </div>
      </div>
      {props.markers.length > 0 && (
        <ul className="markers" aria-label={t('editor.sentiment.patterns')}>
          {props.markers.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </td>
  );
});
