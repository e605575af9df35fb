import { useT } from '../../../i18n';
import type { CardSectionProps } from './card-section';

/** The channels a touchpoint card happens in. */
export function CardChannels({ card, map, patch, disabled }: CardSectionProps) {
  const t = useT();
  return (
    <fieldset className="field">
      <legend>{t('editor.details.channels')}</legend>
      <div className="checks">
        {map.channels.map((ch) => (
          <label key={ch.id}>
            <input
              type="checkbox"
              disabled={disabled}
              checked={card.channels.includes(ch.id)}
              onChange={(e) =>
                patch(
                  {
                    channels: e.target.checked
                      ? [...card.channels, ch.id]
                      : card.channels.filter((c) => c !== ch.id),
                  },
                  t('editor.op.changeChannels'),
                )
              }
            />{' '}
            <abbr title={ch.name}>{ch.initials}</abbr> {ch.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
