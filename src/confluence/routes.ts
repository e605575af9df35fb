/**
 * Every Confluence REST path the backend uses, in one place (v2 unless marked v1). Path
 * parameters go through `route`, which rejects path manipulation; query parameters are passed as
 * URLSearchParams so they are encoded once.
 */
import type { Route } from '@forge/api';
import { route } from '@forge/api';
import type { ContentRef, ContentType } from './content-ref';

/** Query parameters as plain pairs; `undefined` values are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

function params(query: Query): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) out.set(k, String(v));
  return out;
}

/** The v2 collection of a content type: `pages` or `blogposts` (same shapes, different paths). */
function collection(type: ContentType): 'pages' | 'blogposts' {
  return type === 'blogpost' ? 'blogposts' : 'pages';
}

/** The routes, by resource. */
export const routes = {
  /** GET a page or blog post (optionally with body, properties and permitted operations). */
  content: (c: ContentRef, query: Query = {}): Route =>
    c.type === 'blogpost'
      ? route`/wiki/api/v2/blogposts/${c.id}?${params(query)}`
      : route`/wiki/api/v2/pages/${c.id}?${params(query)}`,
  /** PUT / DELETE a page or blog post. */
  contentUpdate: (c: ContentRef): Route =>
    c.type === 'blogpost'
      ? route`/wiki/api/v2/blogposts/${c.id}`
      : route`/wiki/api/v2/pages/${c.id}`,
  /** GET pages or blog posts (by id, space, title); POST one. */
  contentList: (type: ContentType, query: Query = {}): Route =>
    collection(type) === 'blogposts'
      ? route`/wiki/api/v2/blogposts?${params(query)}`
      : route`/wiki/api/v2/pages?${params(query)}`,
  /** GET the caller's permitted operations on a page or blog post. */
  contentOperations: (c: ContentRef): Route =>
    c.type === 'blogpost'
      ? route`/wiki/api/v2/blogposts/${c.id}/operations`
      : route`/wiki/api/v2/pages/${c.id}/operations`,
  /** GET (list, filter by exact key) / POST content properties. */
  contentProperties: (c: ContentRef, query: Query = {}): Route =>
    c.type === 'blogpost'
      ? route`/wiki/api/v2/blogposts/${c.id}/properties?${params(query)}`
      : route`/wiki/api/v2/pages/${c.id}/properties?${params(query)}`,
  /** GET / PUT / DELETE one content property by its id. */
  contentProperty: (c: ContentRef, propertyId: string): Route =>
    c.type === 'blogpost'
      ? route`/wiki/api/v2/blogposts/${c.id}/properties/${propertyId}`
      : route`/wiki/api/v2/pages/${c.id}/properties/${propertyId}`,
  /** GET the attachments of a page or blog post. */
  contentAttachments: (c: ContentRef, query: Query = {}): Route =>
    c.type === 'blogpost'
      ? route`/wiki/api/v2/blogposts/${c.id}/attachments?${params(query)}`
      : route`/wiki/api/v2/pages/${c.id}/attachments?${params(query)}`,
  /** GET one space (its homepage id: where pages made for a blog post go). */
  space: (spaceId: string): Route => route`/wiki/api/v2/spaces/${spaceId}`,
  /** GET (list, filter by key) / POST space properties. */
  spaceProperties: (spaceId: string, query: Query = {}): Route =>
    route`/wiki/api/v2/spaces/${spaceId}/properties?${params(query)}`,
  /** GET / PUT / DELETE one space property by its id. */
  spaceProperty: (spaceId: string, propertyId: string): Route =>
    route`/wiki/api/v2/spaces/${spaceId}/properties/${propertyId}`,
  /** GET the caller's permitted operations in a space. */
  spaceOperations: (spaceId: string): Route => route`/wiki/api/v2/spaces/${spaceId}/operations`,
  /**
   * PUT (create or update by file name) / POST attachments of any content (v1: v2 has no
   * upload; the v1 content id works for pages and blog posts alike).
   */
  contentAttachmentUpload: (contentId: string): Route =>
    route`/wiki/rest/api/content/${contentId}/child/attachment`,
  /** GET one attachment (v2: its page, title, media type and size); DELETE it. */
  attachment: (attachmentId: string): Route => route`/wiki/api/v2/attachments/${attachmentId}`,
  /** GET the documented download of an attachment's bytes (v1; redirects to the binary). */
  attachmentDownload: (contentId: string, attachmentId: string): Route =>
    route`/wiki/rest/api/content/${contentId}/child/attachment/${attachmentId}/download`,
  /** GET the calling user (v1); its `locale` is the person's Confluence language. */
  currentUser: (): Route => route`/wiki/rest/api/user/current`,
  /** GET CQL search (v1: CQL has no v2 endpoint). */
  search: (query: Query): Route => route`/wiki/rest/api/search?${params(query)}`,
} as const;
