/**
 * Every Confluence REST path the backend uses, in one place (v2 unless marked v1). Path
 * parameters go through `route`, which rejects path manipulation; query parameters are passed as
 * URLSearchParams so they are encoded once.
 */
import type { Route } from '@forge/api';
import { route } from '@forge/api';

/** Query parameters as plain pairs; `undefined` values are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

function params(query: Query): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) out.set(k, String(v));
  return out;
}

/** The routes, by resource. */
export const routes = {
  /** GET a page (optionally with body, properties and the caller's permitted operations). */
  page: (pageId: string, query: Query = {}): Route =>
    route`/wiki/api/v2/pages/${pageId}?${params(query)}`,
  /** PUT a page (title/body update with version + 1). */
  pageUpdate: (pageId: string): Route => route`/wiki/api/v2/pages/${pageId}`,
  /** GET pages by space and title; POST a page. */
  pages: (query: Query = {}): Route => route`/wiki/api/v2/pages?${params(query)}`,
  /** GET the caller's permitted operations on a page. */
  pageOperations: (pageId: string): Route => route`/wiki/api/v2/pages/${pageId}/operations`,
  /** GET (list, filter by exact key) / POST content properties of a page. */
  pageProperties: (pageId: string, query: Query = {}): Route =>
    route`/wiki/api/v2/pages/${pageId}/properties?${params(query)}`,
  /** GET / PUT / DELETE one content property by its id. */
  pageProperty: (pageId: string, propertyId: string): Route =>
    route`/wiki/api/v2/pages/${pageId}/properties/${propertyId}`,
  /** GET (list, filter by key) / POST space properties. */
  spaceProperties: (spaceId: string, query: Query = {}): Route =>
    route`/wiki/api/v2/spaces/${spaceId}/properties?${params(query)}`,
  /** GET / PUT / DELETE one space property by its id. */
  spaceProperty: (spaceId: string, propertyId: string): Route =>
    route`/wiki/api/v2/spaces/${spaceId}/properties/${propertyId}`,
  /** GET the attachments of a page. */
  pageAttachments: (pageId: string, query: Query = {}): Route =>
    route`/wiki/api/v2/pages/${pageId}/attachments?${params(query)}`,
  /** GET the caller's permitted operations in a space. */
  spaceOperations: (spaceId: string): Route => route`/wiki/api/v2/spaces/${spaceId}/operations`,
  /** PUT (create or update by file name) / POST attachments of a page (v1: v2 has no upload). */
  pageAttachmentUpload: (pageId: string): Route =>
    route`/wiki/rest/api/content/${pageId}/child/attachment`,
  /** GET one attachment (v2: its page, title, media type and size). */
  attachment: (attachmentId: string): Route => route`/wiki/api/v2/attachments/${attachmentId}`,
  /** GET the documented download of an attachment's bytes (v1; redirects to the binary). */
  attachmentDownload: (pageId: string, attachmentId: string): Route =>
    route`/wiki/rest/api/content/${pageId}/child/attachment/${attachmentId}/download`,
  /** GET CQL search (v1: CQL has no v2 endpoint). */
  search: (query: Query): Route => route`/wiki/rest/api/search?${params(query)}`,
} as const;
