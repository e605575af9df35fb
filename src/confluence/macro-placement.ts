/**
 * Placing another journey-map macro: in the body of the page that holds a map, or on a new child
 * page. Forge macros are stored as an `ac:adf-extension` block whose extension key names the app
 * and environment (`<appId>/<environmentId>/static/journey-map`), which a resolver does not know
 * reliably, so the new macro is a clone of the existing macro's block with new local ids (the
 * parameter local-id and the node local-id): it carries exactly the key, type, parameters and
 * fallback Confluence wrote. See docs/decisions/0012 and 0019.
 */
import {
  el,
  findForgeMacros,
  fragment,
  parseStorage,
  serialize,
  serializeStorage,
  text,
  withFreshIds,
} from '../domain/storage-format';
import type { ContentRef } from './content-ref';
import type { ConfluenceClient } from './client';
import { ConflictError } from './errors';
import { isJourneyMapMacro, journeyMapMacros } from './macro-presence';
import type { PageInfo } from './wire';

/** The page body holds no journey-map macro with that local id (nothing to copy the form of). */
export class MacroNotInBodyError extends Error {
  override readonly name = 'MacroNotInBodyError';
}

/** Page-body edits retried after someone else saved the page in between. */
const MAX_BODY_ATTEMPTS = 3;

/** The storage block of the journey-map macro with this local id, with its offset, or null. */
export function findMacroBlock(
  storage: string,
  localId: string,
): { start: number; block: string } | null {
  const found = journeyMapMacros(storage).find((f) => f.macro.localId === localId);
  const span = found?.element.span;
  return span ? { start: span.start, block: storage.slice(span.start, span.end) } : null;
}

/**
 * A copy of a macro block that Confluence sees as a new macro: its parameter local-id becomes
 * `localId` (the new map's key) and its node local-ids become `nodeLocalId`; the extension key,
 * extension id, environment, title, layout, config and fallback are kept.
 */
export function cloneMacroBlock(args: {
  block: string;
  localId: string;
  nodeLocalId: string;
}): string {
  const found = findForgeMacros(parseStorage(args.block)).find((f) => isJourneyMapMacro(f.macro));
  if (!found) throw new MacroNotInBodyError('The journey map macro is not in the page body.');
  return serializeStorage([
    withFreshIds(found.element, { localId: args.localId, nodeLocalId: args.nodeLocalId }),
  ]);
}

/** The body with `addition` inserted right after the macro block found at `at`. */
export function insertAfterBlock(
  storage: string,
  at: { start: number; block: string },
  addition: string,
): string {
  const end = at.start + at.block.length;
  return storage.slice(0, end) + addition + storage.slice(end);
}

/** A heading paragraph before the copied macro, so readers of the page see what it is. */
function captionOf(caption: string): string {
  return serialize(el('p', {}, el('strong', {}, text(caption))));
}

/**
 * Adds a clone of the macro `localId` (with `newLocalId`) to the same page, right after it, with
 * a caption. One GET of the body and one PUT (version + 1); a page saved by someone else in
 * between is re-read and the insert repeated (bounded). Answers the updated page.
 */
export async function addMacroToPage(args: {
  client: ConfluenceClient;
  content: ContentRef;
  localId: string;
  newLocalId: string;
  /** The new macro node's own local-id (differs from `newLocalId`, as on a real site). */
  newNodeLocalId: string;
  caption: string;
  /** The page with its body as just read (see {@link readPageWithMacro}): saves the first GET. */
  page?: PageInfo;
}): Promise<PageInfo> {
  let known = args.page;
  for (let attempt = 1; ; attempt++) {
    const page = known ?? (await args.client.getPage(args.content, { body: true }));
    known = undefined;
    const storage = page.body?.storage?.value ?? '';
    const at = findMacroBlock(storage, args.localId);
    if (!at) throw new MacroNotInBodyError('The journey map macro is not in the page body.');
    const clone = cloneMacroBlock({
      block: at.block,
      localId: args.newLocalId,
      nodeLocalId: args.newNodeLocalId,
    });
    try {
      return await args.client.updatePage({
        content: args.content,
        title: page.title,
        storage: insertAfterBlock(storage, at, captionOf(args.caption) + clone),
        version: page.version?.number ?? 1,
      });
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= MAX_BODY_ATTEMPTS) throw error;
    }
  }
}

/**
 * The page with its body, when it holds the macro `localId` (one GET); else MacroNotInBodyError.
 * Read before anything is written, so a refusal leaves no trace to clean up.
 */
export async function readPageWithMacro(args: {
  client: ConfluenceClient;
  content: ContentRef;
  localId: string;
}): Promise<PageInfo> {
  const page = await args.client.getPage(args.content, { body: true });
  if (!findMacroBlock(page.body?.storage?.value ?? '', args.localId)) {
    throw new MacroNotInBodyError('The journey map macro is not in the page body.');
  }
  return page;
}

/** The macro block of `localId` on a page, cloned for `newLocalId` (one GET of the body). */
export async function cloneMacroFromPage(args: {
  client: ConfluenceClient;
  content: ContentRef;
  localId: string;
  newLocalId: string;
  /** The new macro node's own local-id. */
  newNodeLocalId: string;
}): Promise<{ page: PageInfo; block: string }> {
  const page = await args.client.getPage(args.content, { body: true });
  const at = findMacroBlock(page.body?.storage?.value ?? '', args.localId);
  if (!at) throw new MacroNotInBodyError('The journey map macro is not in the page body.');
  return {
    page,
    block: cloneMacroBlock({
      block: at.block,
      localId: args.newLocalId,
      nodeLocalId: args.newNodeLocalId,
    }),
  };
}

/** The body of a child page holding one macro: a line linking back to the parent, then the macro. */
export function childPageBody(args: { parentTitle: string; intro: string; block: string }): string {
  // Without a link body Confluence shows the linked page's current title, renamed or not.
  const link = el('ac:link', {}, el('ri:page', { 'ri:content-title': args.parentTitle }));
  return serialize(fragment(el('p', {}, text(args.intro), ' ', link, '.'))) + args.block;
}
