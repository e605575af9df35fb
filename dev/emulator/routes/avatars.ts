/**
 * Profile pictures (`profilePicture.path` of a v1 User, `/wiki/aa-avatar/<accountId>`), as a
 * Confluence site serves them to a browser: a 48 × 48 image per known account, 404 otherwise.
 * Each person gets a picture of their own (a head and shoulders on a colour from their account
 * id), so a page that shows them can be told from initials.
 */
import { HttpError } from '../errors';
import type { Route, RouteContext } from './context';

const COLOURS = ['#0c66e4', '#1f845a', '#ae2e24', '#6e5dc6', '#a54800', '#206a83', '#943d73'];

function colourOf(accountId: string): string {
  let h = 0;
  for (const ch of accountId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COLOURS[h % COLOURS.length] ?? '#0c66e4';
}

/** The picture of one account (SVG: the emulator draws it instead of storing uploads). */
export function avatarSvg(accountId: string): string {
  const bg = colourOf(accountId);
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48">' +
    `<rect width="48" height="48" fill="${bg}"/>` +
    '<circle cx="24" cy="19" r="9" fill="#fff" fill-opacity="0.9"/>' +
    '<path d="M8 48c0-10 7-16 16-16s16 6 16 16z" fill="#fff" fill-opacity="0.9"/></svg>'
  );
}

function getAvatar(ctx: RouteContext): Response {
  const accountId = decodeURIComponent(ctx.params.accountId ?? '');
  if (!ctx.store.get('users', accountId)) throw new HttpError(404, 'No such avatar');
  return new Response(avatarSvg(accountId), {
    headers: { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' },
  });
}

/** The avatar route. */
export const avatarRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/wiki/aa-avatar/{accountId}',
    name: 'users.avatar',
    handler: getAvatar,
  },
];
