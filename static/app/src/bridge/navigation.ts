/**
 * In-product navigation through the Forge bridge (`router`): a Custom UI iframe may not move
 * the Confluence window itself. Used by the lazily loaded screens only, so it stays out of the
 * macro's initial bundle.
 */
import { router } from '@forge/bridge/out/router';

/** Opens a site-relative path (`/wiki/…`) in the same tab, or a new one when asked. */
export async function navigateTo(
  path: string,
  options: { newTab?: boolean } = {},
): Promise<boolean> {
  try {
    await (options.newTab ? router.open(path) : router.navigate(path));
    return true;
  } catch {
    return false;
  }
}
