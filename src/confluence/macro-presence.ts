/**
 * Which journey-map macros a page body (storage format) still holds. A map's properties stay on
 * the page when someone deletes its macro in the editor, so the space index checks the body.
 */
import { sanitizeLocalId } from '../domain/codec';
import type { ForgeMacro, FoundMacro } from '../domain/storage-format';
import { findForgeMacros, parseStorage } from '../domain/storage-format';

/** The macro's module key; Forge writes `<app>/<environment>/static/<moduleKey>` as the extension key. */
export const MACRO_KEY = 'journey-map';

/** Whether a macro read from storage is one of ours (any app id / environment of this app). */
export function isJourneyMapMacro(macro: ForgeMacro): boolean {
  return macro.moduleKey === MACRO_KEY;
}

/** Our macros in a storage body, with their elements, in document order. */
export function journeyMapMacros(storage: string): FoundMacro[] {
  return findForgeMacros(parseStorage(storage)).filter((f) => isJourneyMapMacro(f.macro));
}

/**
 * The journey-map macros in a storage body: sanitised localId (as in property keys and the
 * summary) → the raw localId the macro's context carries (its PARAMETER local-id, not the node's).
 * Reads the `ac:adf-extension` form Forge macros are stored in (full or trimmed) and hand-written
 * `ac:structured-macro ac:name="journey-map"`.
 */
export function macroLocalIds(storage: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const { macro } of journeyMapMacros(storage)) {
    found.set(sanitizeLocalId(macro.localId), macro.localId);
  }
  return found;
}
