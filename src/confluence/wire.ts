/**
 * The wire JSON this adapter reads, validated leniently (unknown fields pass) so a response we
 * do not understand becomes a clear ServerError instead of undefined behaviour further in.
 */
import { z } from 'zod';
import { ServerError } from './errors';

/** `version` of pages, properties and attachments. */
export const versionWire = z
  .object({ number: z.number().int(), authorId: z.string().optional() })
  .loose();

/** A content or space property. */
export const propertyWire = z
  .object({ id: z.coerce.string(), key: z.string(), value: z.unknown(), version: versionWire })
  .loose();

/** A cursor-paginated v2 list. */
export const listWire = <T extends z.ZodType>(item: T) =>
  z
    .object({
      results: z.array(item),
      _links: z.object({ next: z.string().optional() }).loose().optional(),
    })
    .loose();

/** One permitted operation. */
export const operationWire = z
  .object({ operation: z.string(), targetType: z.string().optional() })
  .loose();

/** A page, as v2 returns it (optionally with body, properties and operations included). */
export const pageWire = z
  .object({
    id: z.coerce.string(),
    title: z.string(),
    spaceId: z.coerce.string(),
    parentId: z.coerce.string().nullish(),
    authorId: z.string().optional(),
    status: z.string().optional(),
    version: versionWire.optional(),
    body: z
      .object({ storage: z.object({ value: z.string() }).loose().optional() })
      .loose()
      .optional(),
    properties: z
      .object({
        results: z.array(propertyWire),
        meta: z.object({ hasMore: z.boolean().optional() }).loose().optional(),
      })
      .loose()
      .optional(),
    operations: z
      .object({ results: z.array(operationWire) })
      .loose()
      .optional(),
    _links: z.object({ webui: z.string().optional() }).loose().optional(),
  })
  .loose();

/** An attachment (v2). */
export const attachmentWire = z
  .object({
    id: z.coerce.string(),
    title: z.string(),
    pageId: z.coerce.string().optional(),
    mediaType: z.string().optional().default(''),
    fileSize: z.number().optional().default(0),
    downloadLink: z.string().optional(),
    _links: z.object({ download: z.string().optional() }).loose().optional(),
  })
  .loose();

/** One v1 search result (CQL). */
export const searchResultWire = z
  .object({
    content: z
      .object({ id: z.coerce.string(), type: z.string().optional(), title: z.string().optional() })
      .loose()
      .optional(),
    title: z.string().optional(),
    url: z.string().optional(),
    lastModified: z.string().optional(),
  })
  .loose();

/** The v1 search envelope. */
export const searchWire = z
  .object({
    results: z.array(searchResultWire),
    _links: z.object({ next: z.string().optional() }).loose().optional(),
  })
  .loose();

/** A stored property, as the rest of the backend sees it. */
export type StoredProperty = { id: string; key: string; value: unknown; version: number };
/** A page, as the rest of the backend sees it. */
export type PageInfo = z.infer<typeof pageWire>;
/** An attachment, as the rest of the backend sees it. */
export type AttachmentInfo = z.infer<typeof attachmentWire>;
/** A CQL search hit. */
export type SearchHit = z.infer<typeof searchResultWire>;

/** Parses wire JSON or throws a ServerError naming what was malformed. */
export function parseWire<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ServerError(`Confluence answered with an unexpected shape for ${what}.`, 200);
  }
  return parsed.data;
}

/** Converts a wire property to the backend's shape. */
export function toStored(p: z.infer<typeof propertyWire>): StoredProperty {
  return { id: p.id, key: p.key, value: p.value, version: p.version.number };
}

/** The `cursor` query parameter of a `_links.next` URL, if any. */
export function nextCursor(next: string | undefined): string | undefined {
  if (!next) return undefined;
  const q = next.indexOf('?');
  if (q < 0) return undefined;
  return new URLSearchParams(next.slice(q + 1)).get('cursor') ?? undefined;
}
