import type { EvidenceSource } from '@domain/model/schema';
import { InlineText } from '../inline-text';
import { EVIDENCE_SOURCES } from '../labels';
import { useT } from '../../../i18n';
import type { CardSectionProps } from './card-section';

/** Evidence: validated or assumed, its source and a quote. */
export function CardEvidence({ card, patch, disabled }: CardSectionProps) {
  const t = useT();
  const canEdit = !disabled;
  return (
    <fieldset className="field">
      <legend>{t('editor.card.evidence')}</legend>
      <div className="checks">
        {(['assumption', 'validated'] as const).map((s) => (
          <label key={s}>
            <input
              type="radio"
              name="evidence"
              disabled={disabled}
              checked={card.evidence.status === s}
              onChange={() => patch({ evidence: { status: s } })}
            />{' '}
            {s === 'validated' ? t('editor.card.validated') : t('editor.card.assumption')}
          </label>
        ))}
      </div>
      <label htmlFor="evidence-source">{t('editor.card.source')}</label>
      <select
        id="evidence-source"
        disabled={disabled}
        value={card.evidence.source ?? ''}
        onChange={(e) =>
          patch({ evidence: { source: (e.target.value || null) as EvidenceSource | null } })
        }
      >
        <option value="">{t('editor.card.noSource')}</option>
        {EVIDENCE_SOURCES.map((s) => (
          <option key={s} value={s}>
            {t(`editor.source.${s}`)}
          </option>
        ))}
      </select>
      <span className="field-label">{t('editor.card.quote')}</span>
      <InlineText
        label={t('editor.card.quoteLabel')}
        value={card.evidence.quote}
        readOnly={!canEdit}
        multiline
        placeholder={t('editor.card.quotePlaceholder')}
        onCommit={(quote) => patch({ evidence: { quote } })}
      />
    </fieldset>
  );
}
