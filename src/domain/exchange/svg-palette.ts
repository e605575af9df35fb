/**
 * Colours of the exported picture. A file for slides cannot use the app's CSS design tokens, so
 * these are the Atlassian palette values behind the light-theme tokens; every text colour has a
 * contrast of at least 4.5:1 on its fill (WCAG AA).
 */
import type { CardKind } from '../model/schema';

/** Fill, border and text colour of a card of each kind. */
export const CARD_COLOURS: Readonly<
  Record<CardKind, { fill: string; border: string; text: string }>
> = {
  action: { fill: '#E9F2FF', border: '#0C66E4', text: '#172B4D' },
  question: { fill: '#F3F0FF', border: '#6E5DC6', text: '#172B4D' },
  decision: { fill: '#F3F0FF', border: '#5E4DB2', text: '#172B4D' },
  touchpoint: { fill: '#E7F9FF', border: '#1D7F8C', text: '#172B4D' },
  goal: { fill: '#FFF7D6', border: '#B38600', text: '#172B4D' },
  thought: { fill: '#F7F8F9', border: '#626F86', text: '#172B4D' },
  painPoint: { fill: '#FFECEB', border: '#C9372C', text: '#172B4D' },
  opportunity: { fill: '#DCFFF1', border: '#1F845A', text: '#172B4D' },
  process: { fill: '#F1F2F4', border: '#44546F', text: '#172B4D' },
  note: { fill: '#FFFFFF', border: '#8590A2', text: '#172B4D' },
};

/** Colours of the frame: page, headers, grid lines, text. */
export const FRAME = {
  page: '#FFFFFF',
  stageFill: '#DFE1E6',
  stepFill: '#F1F2F4',
  laneFill: '#F7F8F9',
  backstageFill: '#EEF0F3',
  grid: '#DCDFE4',
  text: '#172B4D',
  subtle: '#44546F',
  visibility: '#C9372C',
  curve: '#0C66E4',
} as const;
