import type { CardSectionProps } from './card-section';
import { ChannelChecks } from './fields';

/** The channels a touchpoint card happens in. */
export function CardChannels({ card, map, patch }: CardSectionProps) {
  return (
    <ChannelChecks
      channels={map.channels}
      chosen={card.channels}
      onChange={(channels) => patch({ channels })}
    />
  );
}
