/** Where a linked map lives, as a site-relative path the host can navigate to. */
import type { MapLink } from '@domain/model/schema';

/** The page that holds a map (Confluence scrolls to the macro only by its own anchors). */
export function mapPagePath(link: MapLink): string {
  return `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(link.pageId)}`;
}
