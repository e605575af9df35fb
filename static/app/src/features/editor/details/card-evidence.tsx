import type { EvidenceSource } from '@domain/model/schema';
import { InlineText } from '../inline-text';
import { SOURCE_LABEL, keysOf } from '../labels';
import type { CardSectionProps } from './card-section';

/** Evidence: validated or assumed, its source and a quote. */
export function CardEvidence({ card, patch, disabled }: CardSectionProps) {
  const canEdit = !disabled;
  return (
    <fieldset className="field">
      <legend>Evidence</legend>
      <div className="checks">
        {(['assumption', 'validated'] as const).map((s) => (
          <label key={s}>
            <input
              type="radio"
              name="evidence"
              disabled={disabled}
              checked={card.evidence.status === s}
              onChange={() => patch({ evidence: { status: s } }, 'Change evidence')}
            />{' '}
            {s === 'validated' ? '✓ Validated' : '? Assumption'}
          </label>
        ))}
      </div>
      <label htmlFor="evidence-source">Source</label>
      <select
        id="evidence-source"
        disabled={disabled}
        value={card.evidence.source ?? ''}
        onChange={(e) =>
          patch(
            { evidence: { source: (e.target.value || null) as EvidenceSource | null } },
            'Change source',
          )
        }
      >
        <option value="">No source</option>
        {keysOf(SOURCE_LABEL).map((s) => (
          <option key={s} value={s}>
            {SOURCE_LABEL[s]}
          </option>
        ))}
      </select>
      <span className="field-label">Quote</span>
      <InlineText
        label="Evidence quote"
        value={card.evidence.quote}
        readOnly={!canEdit}
        multiline
        placeholder="What a customer said"
        onCommit={(quote) => patch({ evidence: { quote } }, 'Edit quote')}
      />
    </fieldset>
  );
}
