/**
 * Who may see and change what. Space viewers/editors plus page restrictions (view restrictions
 * inherit down the tree, edit restrictions apply to the page itself), as in Confluence.
 * The app principal (asApp) has access to every space, but page restrictions bind it like any
 * user, as on a real site: it passes a restriction only when its account (`APP_ACCOUNT_ID`) is
 * listed in it.
 */
import type { EmulatorStore } from './store/store';
import type { PageRecord, Principal, SpaceRecord } from './types';

/** The account id of the app user (the actor of asApp writes; listed to admit the app). */
export const APP_ACCOUNT_ID = 'app-emulator';

/** The account a restriction is checked against, or null for anonymous. */
function restrictionAccount(principal: Principal): string | null {
  if (principal.kind === 'app') return APP_ACCOUNT_ID;
  return principal.kind === 'user' ? principal.accountId : null;
}

/** May the principal see the space? */
export function canViewSpace(principal: Principal, space: SpaceRecord): boolean {
  if (principal.kind === 'app') return true;
  if (principal.kind !== 'user') return false;
  return space.viewers.includes(principal.accountId) || space.editors.includes(principal.accountId);
}

/** May the principal see the page (space access + view restrictions up the tree)? */
export function canViewPage(store: EmulatorStore, principal: Principal, page: PageRecord): boolean {
  const space = store.get('spaces', page.spaceId);
  if (!space || !canViewSpace(principal, space)) return false;
  const account = restrictionAccount(principal);
  if (account === null) return false;
  for (const p of [...store.ancestorsOf(page), page]) {
    if (p.viewRestriction.length > 0 && !p.viewRestriction.includes(account)) return false;
  }
  return true;
}

/** May the principal change the page, its properties and its attachments? */
export function canEditPage(store: EmulatorStore, principal: Principal, page: PageRecord): boolean {
  if (!canViewPage(store, principal, page)) return false;
  const account = restrictionAccount(principal);
  if (account === null) return false;
  const space = store.get('spaces', page.spaceId);
  if (principal.kind === 'user' && !space?.editors.includes(account)) return false;
  return page.editRestriction.length === 0 || page.editRestriction.includes(account);
}

/** May the principal create content in the space? */
export function canEditSpace(principal: Principal, space: SpaceRecord): boolean {
  if (principal.kind === 'app') return true;
  return principal.kind === 'user' && space.editors.includes(principal.accountId);
}

/**
 * Does the principal hold the space's Admin permission (needed to write space properties, per
 * the v2 spec)? The app never does: an installed app is not made admin of every space.
 */
export function canAdministerSpace(principal: Principal, space: SpaceRecord): boolean {
  return principal.kind === 'user' && (space.admins ?? []).includes(principal.accountId);
}

/** One permitted operation, as v2 lists them. */
export type PermittedOperation = { operation: string; targetType: string };

/**
 * What the principal may do to the page, limited to the operations the emulator implements
 * (read = GET, update = PUT, delete = trash); empty when the page is invisible.
 */
export function pageOperations(
  store: EmulatorStore,
  principal: Principal,
  page: PageRecord,
): PermittedOperation[] {
  if (!canViewPage(store, principal, page)) return [];
  const targetType = page.type ?? 'page';
  const ops: PermittedOperation[] = [{ operation: 'read', targetType }];
  if (canEditPage(store, principal, page)) {
    ops.push({ operation: 'update', targetType }, { operation: 'delete', targetType });
  }
  return ops;
}
