/**
 * Who is looking: the account chosen in the shell's user switcher (cookie `jm_user`) and the
 * colour mode (cookie `jm_theme`). Nothing an iframe sends can change either.
 */
import type { IncomingMessage } from 'node:http';
import type { Principal } from '../emulator/types';
import type { EmulatorStore } from '../emulator/store/store';
import { parseCookies } from './http';

/** Cookie holding the viewing user's account id. */
export const USER_COOKIE = 'jm_user';
/** Cookie holding `light` or `dark`. */
export const THEME_COOKIE = 'jm_theme';
/** The account the shell uses before anyone picks one. */
export const DEFAULT_ACCOUNT_ID = 'acc-admin';

/** The viewing user and their theme. */
export type Viewer = {
  /** Null for an anonymous (unknown) viewer. */
  accountId: string | null;
  displayName: string;
  colorMode: 'light' | 'dark';
  /** The person's Confluence locale (their profile's language), given to frames as `locale`. */
  locale: string;
};

/** Reads the viewer from the request's cookies. */
export function viewerOf(req: IncomingMessage, store: EmulatorStore): Viewer {
  const cookies = parseCookies(req);
  const wanted = cookies[USER_COOKIE] ?? DEFAULT_ACCOUNT_ID;
  const user = store.get('users', wanted);
  return {
    accountId: user ? user.accountId : null,
    displayName: user ? user.displayName : 'Anonymous',
    colorMode: cookies[THEME_COOKIE] === 'dark' ? 'dark' : 'light',
    locale: user?.locale ?? 'en-US',
  };
}

/** The emulator principal of a viewer. */
export function principalOf(viewer: Viewer): Principal {
  return viewer.accountId ? { kind: 'user', accountId: viewer.accountId } : { kind: 'anonymous' };
}
