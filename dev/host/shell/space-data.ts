/**
 * Read-side data for the shell, straight from the emulator's store but always filtered by the
 * emulator's own permission rules, so the shell shows exactly what REST would let the viewer see
 * (reads here do not count as the app's REST calls in the emulator's request log).
 */
import type { EmulatorStore } from '../../emulator/store/store';
import { canEditPage, canEditSpace, canViewPage, canViewSpace } from '../../emulator/permissions';
import type { PageRecord, Principal, SpaceRecord } from '../../emulator/types';

/** A URL-friendly slug of a title, as Confluence puts in page URLs. */
export function slug(title: string): string {
  return encodeURIComponent(title.trim().replace(/\s+/g, '+')).replace(/%2B/g, '+');
}

/** The shell URL of a page. */
export function pageHref(space: SpaceRecord, page: PageRecord): string {
  const key = encodeURIComponent(space.key);
  if (page.type === 'blogpost') {
    // Confluence's blog URL: /wiki/spaces/KEY/blog/yyyy/mm/dd/id/slug (the posting day).
    const day = page.createdAt.slice(0, 10).replace(/-/g, '/');
    return `/wiki/spaces/${key}/blog/${day}/${page.id}/${slug(page.title)}`;
  }
  return `/wiki/spaces/${key}/pages/${page.id}/${slug(page.title)}`;
}

/** Spaces the principal can see, by name. */
export function visibleSpaces(store: EmulatorStore, principal: Principal): SpaceRecord[] {
  return [...store.all('spaces')]
    .filter((s) => canViewSpace(principal, s))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Current pages of a space the principal can see, in creation order. */
export function visiblePages(
  store: EmulatorStore,
  principal: Principal,
  space: SpaceRecord,
): PageRecord[] {
  return [...store.all('pages')]
    .filter(
      (p) => p.spaceId === space.id && p.status === 'current' && canViewPage(store, principal, p),
    )
    .sort((a, b) => Number(a.id) - Number(b.id));
}

/** A visible page (or undefined: missing and forbidden look the same, as in Confluence). */
export function visiblePage(
  store: EmulatorStore,
  principal: Principal,
  id: string,
): PageRecord | undefined {
  const page = store.get('pages', id);
  if (!page || page.status !== 'current' || !canViewPage(store, principal, page)) return undefined;
  return page;
}

/** The space of a key if the principal can see it. */
export function visibleSpace(
  store: EmulatorStore,
  principal: Principal,
  key: string,
): SpaceRecord | undefined {
  const space = store.spaceByKey(key);
  return space && canViewSpace(principal, space) ? space : undefined;
}

/** Whether the principal may edit the page. */
export function mayEditPage(store: EmulatorStore, principal: Principal, page: PageRecord): boolean {
  return canEditPage(store, principal, page);
}

/** Whether the principal may create pages in the space. */
export function mayCreateIn(principal: Principal, space: SpaceRecord): boolean {
  return canEditSpace(principal, space);
}

/** Display name of an account. */
export function displayName(store: EmulatorStore, accountId: string): string {
  return store.get('users', accountId)?.displayName ?? accountId;
}
