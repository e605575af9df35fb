/**
 * Every lane type a map can hold. Zod-free on purpose: the macro's first load (labels,
 * factories) reads it without the schema module, which would pull zod into the initial bundle.
 */
export const laneTypes = [
  'actions',
  'touchpoints',
  'goals',
  'thoughts',
  'emotions',
  'painPoints',
  'opportunities',
  'backstage',
  'metrics',
  'text',
] as const;
