/**
 * What a macro can live in: a page or a blog post. Confluence gives both the same kind of id,
 * but v2 addresses them under different paths (`/pages/{id}`, `/blogposts/{id}`), so every call
 * that addresses content carries its type (docs/decisions/0015).
 */

/** The content types a journey map can be stored on. */
export type ContentType = 'page' | 'blogpost';

/** A piece of content: its type and id. */
export type ContentRef = { type: ContentType; id: string };

/** The content types, for validation. */
export const CONTENT_TYPES: readonly ContentType[] = ['page', 'blogpost'];

/** Whether a value from the outside world (context, search) is a content type we support. */
export function isContentType(value: unknown): value is ContentType {
  return value === 'page' || value === 'blogpost';
}

/** A page reference. */
export function pageRef(id: string): ContentRef {
  return { type: 'page', id };
}

/** The content of a map location (`pageId` is the id of the page or blog post). */
export function contentOf(at: { pageId: string; contentType: ContentType }): ContentRef {
  return { type: at.contentType, id: at.pageId };
}
