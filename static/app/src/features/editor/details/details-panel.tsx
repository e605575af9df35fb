/**
 * The details panel for the selected card, step or lane: every field that does not fit on the
 * grid, plus "Move to…" (the menu alternative to dragging) and delete.
 */
import { useEffect, useRef } from 'react';
import { useT } from '../../../i18n';
import { useEditor } from '../editor-context';
import { useUi } from '../ui-state';
import { useValue } from '../value-store';
import { CardDetails } from './card-details';
import { LaneDetails } from './lane-details';
import { StepDetails } from './step-details';

/** The side panel; renders nothing without a selection. */
export function DetailsPanel() {
  const t = useT();
  const ui = useUi();
  const selection = useValue(ui.selection, (s) => s);
  const map = useEditor((s) => s.map);
  const heading = useRef<HTMLHeadingElement>(null);
  const key = selection ? `${selection.kind}:${selection.id}` : null;
  useEffect(() => {
    if (key) heading.current?.focus();
  }, [key]);
  if (!selection) return null;
  const close = () => {
    ui.selection.set(null);
    const el = document.querySelector<HTMLElement>(
      selection.kind === 'card'
        ? `[data-card-id="${CSS.escape(selection.id)}"]`
        : '.journey-grid [tabindex="0"]',
    );
    el?.focus();
  };
  const card = selection.kind === 'card' ? map.cards.find((c) => c.id === selection.id) : undefined;
  const step = selection.kind === 'step' ? map.steps.find((s) => s.id === selection.id) : undefined;
  const lane = selection.kind === 'lane' ? map.lanes.find((l) => l.id === selection.id) : undefined;
  const title = card
    ? t('editor.details.card')
    : step
      ? t('editor.details.step', { name: step.name })
      : lane
        ? t('editor.details.lane', { name: lane.name })
        : t('editor.details.removed');
  return (
    // Escape anywhere in the panel closes it: keyboard delegation, not a control of its own.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- see above
    <aside
      className="details-panel"
      aria-labelledby="details-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <header>
        <h3 id="details-title" ref={heading} tabIndex={-1}>
          {title}
        </h3>
        <button
          type="button"
          className="icon-button"
          aria-label={t('editor.details.close')}
          onClick={close}
        >
          ×
        </button>
      </header>
      {card && <CardDetails card={card} map={map} onDeleted={close} />}
      {step && <StepDetails step={step} map={map} onDeleted={close} />}
      {lane && <LaneDetails lane={lane} map={map} onDeleted={close} />}
      {!card && !step && !lane && <p>{t('editor.details.removedText')}</p>}
    </aside>
  );
}
