/**
 * One step's service metrics (seed 001): CSAT %, CES 1–7, FCR %, each edited in place.
 */
import { memo, useEffect, useRef, useState } from 'react';
import type { Metrics } from '@domain/model/schema';
import { useEdit } from '../editor-context';
import { useT } from '../../../i18n';
import { cellPos, enterFocuses } from './cell-pos';

/** Props of a metrics cell. */
export type MetricsCellProps = {
  stepId: string;
  stepName: string;
  metrics: Metrics;
  canEdit: boolean;
  row: number;
  col: number;
};

const FIELDS: readonly {
  key: keyof Metrics;
  min: number;
  max: number;
  unit: string;
}[] = [
  { key: 'csat', min: 0, max: 100, unit: '%' },
  { key: 'ces', min: 1, max: 7, unit: '' },
  { key: 'fcr', min: 0, max: 100, unit: '%' },
];

/** A gridcell of the metrics lane. */
export const MetricsCell = memo(function MetricsCell(props: MetricsCellProps) {
  const t = useT();
  const edit = useEdit();
  const set = (key: keyof Metrics, value: number | null) =>
    edit([{ type: 'step/setMetrics', id: props.stepId, patch: { [key]: value } }]);
  return (
    <td
      role="gridcell"
      tabIndex={-1}
      {...cellPos({ row: props.row, colStart: props.col })}
      className="cell metrics-cell"
      onKeyDown={enterFocuses('input')}
    >
      <dl>
        {FIELDS.map((f) => (
          <div key={f.key} className="metric">
            <dt>{t(`editor.metrics.${f.key}`)}</dt>
            <dd>
              {props.canEdit ? (
                <NumberField
                  label={t('editor.metrics.label', {
                    metric: t(`editor.metrics.${f.key}`),
                    step: props.stepName,
                    range: f.unit || `${f.min}–${f.max}`,
                  })}
                  value={props.metrics[f.key]}
                  min={f.min}
                  max={f.max}
                  onCommit={(v) => set(f.key, v)}
                />
              ) : (
                <span>
                  {props.metrics[f.key] ?? '—'}
                  {props.metrics[f.key] !== null ? f.unit : ''}
                </span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </td>
  );
});

function NumberField(props: {
  label: string;
  value: number | null;
  min: number;
  max: number;
  onCommit(v: number | null): void;
}) {
  const [draft, setDraft] = useState(props.value === null ? '' : String(props.value));
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setDraft(props.value === null ? '' : String(props.value));
  }, [props.value]);
  return (
    <input
      type="number"
      tabIndex={-1}
      inputMode="decimal"
      aria-label={props.label}
      min={props.min}
      max={props.max}
      value={draft}
      onFocus={() => (focused.current = true)}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          setDraft(props.value === null ? '' : String(props.value));
          e.currentTarget.closest<HTMLElement>('[data-pos]')?.focus();
        }
      }}
      onBlur={() => {
        focused.current = false;
        const n = draft.trim() === '' ? null : Number(draft);
        const v =
          n === null || Number.isNaN(n) ? null : Math.max(props.min, Math.min(props.max, n));
        setDraft(v === null ? '' : String(v));
        if (v !== props.value) props.onCommit(v);
      }}
    />
  );
}
