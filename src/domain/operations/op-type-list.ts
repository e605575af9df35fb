/**
 * Every op type at runtime (for validating an op's `type` and for exhaustive tests); the
 * `satisfies` check below fails to compile when op-types.ts gains a type this list lacks.
 */
import type { OpType } from './op-types';

/** All op types, intent ops first, then the internal restore ops. */
export const OP_TYPES = [
  'map/setTitle',
  'map/setState',
  'map/setLinkedMap',
  'map/setOwningTeam',
  'map/setScope',
  'map/setReview',
  'map/setWriteUp',
  'persona/set',
  'backStory/addSticky',
  'backStory/editSticky',
  'backStory/deleteSticky',
  'backStory/moveSticky',
  'backStory/set',
  'channel/add',
  'channel/edit',
  'channel/delete',
  'stage/add',
  'stage/rename',
  'stage/move',
  'stage/delete',
  'step/add',
  'step/rename',
  'step/setKind',
  'step/move',
  'step/delete',
  'step/setChannels',
  'step/setSentiment',
  'step/setMoment',
  'step/setMetrics',
  'step/addPath',
  'step/renamePath',
  'step/deletePath',
  'step/setPath',
  'lane/add',
  'lane/rename',
  'lane/move',
  'lane/setHidden',
  'lane/setZone',
  'lane/delete',
  'card/add',
  'card/edit',
  'card/move',
  'card/delete',
  'card/vote',
  'card/setImpact',
  'card/link',
  'session/set',
  'session/setPeople',
  'session/setAnalysis',
  'session/addPhoto',
  'session/editPhoto',
  'session/removePhoto',
  'session/setAgenda',
  'session/revealVotes',
  'session/castDot',
  'channel/restore',
  'stage/restore',
  'step/restore',
  'step/restorePath',
  'lane/restore',
  'card/restore',
  'card/place',
  'card/restoreLinks',
  'session/restorePhoto',
] as const satisfies readonly OpType[];

type Missing = Exclude<OpType, (typeof OP_TYPES)[number]>;
// Compile-time exhaustiveness: `Missing` must be empty.
const exhaustive: Missing extends never ? true : false = true;
void exhaustive;

/** True for a known op type. */
export function isOpType(value: unknown): value is OpType {
  return typeof value === 'string' && (OP_TYPES as readonly string[]).includes(value);
}
