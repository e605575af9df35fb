/**
 * What `writeup/generate` learns besides the map, read as the user in this invocation and never
 * kept beyond it (decision 0014): the map page (title, space), whether the reader may edit it,
 * the space's routing rules once read, and the write-up page this invocation wrote.
 */
import type { PageInfo } from '../confluence/wire';
import type { RoutingRules } from '../domain/routing/routing-rules';

/** Facts about a map page, as one user read them in this invocation. */
export type PageFacts = {
  /** Who read them: `canEdit` is theirs alone. */
  accountId: string;
  page: PageInfo;
  canEdit: boolean;
  /** The space's rules; null until read (at most once an invocation). */
  rules: RoutingRules | null;
  /** The write-up page this invocation created or updated, if any. */
  writeUpPageId: string | null;
};
