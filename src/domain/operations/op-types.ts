/**
 * Intent operations: the only way a journey map changes. Each op names its targets by id, so
 * it can be re-applied on a newer map (rebase); an op whose target is gone is dropped, never a
 * crash. The same ops run in the browser (optimistic edits) and in the resolver (authoritative).
 * The types are derived from the op definitions (registry.ts); this module holds no code, so the
 * UI can import them without loading the definitions.
 */
export type { Op, OpType } from './registry';
export type { BackStoryList } from './ops/back-story';
export type { CardPatch } from './ops/cards';
export type { ClearedRefs, PlacedCard } from './op-fields';
