import type { Card, JourneyMap } from '@domain/model/schema';
import type { CardPatch } from '@domain/operations/op-types';

/** What each section of the card details gets. */
export type CardSectionProps = {
  card: Card;
  map: JourneyMap;
  patch: (p: CardPatch) => void;
  disabled: boolean;
};
