/**
 * Scribe mode: fast keyboard entry of cards during a mapping session. The flag lives in its own
 * context (one per editor), so toggling it re-renders only the cells and the toggle.
 */
import { createContext, useContext } from 'react';
import type { ValueStore } from '../value-store';

/** Context carrying the scribe-mode flag of one editor. */
export const ScribeContext = createContext<ValueStore<boolean> | null>(null);

/** The scribe-mode flag; throws outside an editor. */
export function useScribe(): ValueStore<boolean> {
  const scribe = useContext(ScribeContext);
  if (!scribe) throw new Error('useScribe outside <ScribeContext>');
  return scribe;
}
