/**
 * Where the app puts a page it makes for a map (the write-up, the future-state page): under the
 * map's page; for a blog post, which cannot have child pages, under the space homepage
 * (docs/decisions/0015).
 */
import type { ConfluenceClient } from './client';
import type { ContentRef } from './content-ref';

/** The parent id for pages made for the map on `content` (null: the space root). */
export async function parentForMapPages(args: {
  client: ConfluenceClient;
  content: ContentRef;
  spaceId: string;
}): Promise<string | null> {
  if (args.content.type === 'page') return args.content.id;
  return (await args.client.getSpace(args.spaceId)).homepageId;
}
