/**
 * Entry points named by manifest.yml: the resolver `handler`, the macro's `adfExport`, the
 * byline item's `dynamicProperties` and the Rovo actions.
 */
// First: zod must be jitless before any schema is built (see the module).
import './domain/zod-jitless';
export { handler } from './resolvers';
export { adfExport } from './adf';
export { bylineProperties } from './resolvers/byline-properties';
export {
  rovoChanges,
  rovoListMaps,
  rovoPainPoints,
  rovoReviewsDue,
  rovoTeamBriefing,
} from './resolvers/rovo/actions';
