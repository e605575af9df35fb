/**
 * The wide sheet layout teams start from: one row per step, one column per lane (`Phase,
 * Touchpoint, Customer action, Pain point, Emotion`). Each header names what its column holds;
 * a header no lane type matches becomes a new Notes lane of that name, never dropped.
 */
import type { Lane, LaneType } from '../model/schema';
import { LANE_TYPE_INFO } from '../model/factories';
import { headerField, normaliseHeader } from './columns';
import { byName } from './sheet-structure';

/** What one column of a wide sheet holds. */
export type WideColumn =
  | { role: 'stage' | 'step' | 'emotion' | 'channels' }
  /** Cards of a lane: an existing one (`laneId`) or one created on its first value. */
  | { role: 'lane'; header: string; type: LaneType; laneId: string | null; known: boolean };

// Normalised header words naming each card lane type (the lane's own name matches too).
const LANE_WORDS: Readonly<Record<string, LaneType>> = {
  ...words(
    'actions',
    'action actions customeraction customeractions useraction useractions doing does customerdoes whatthecustomerdoes 行为 用户行为 客户行为 行动',
  ),
  ...words(
    'goals',
    'goal goals customergoal customergoals usergoal usergoals need needs customerneeds expectation expectations 目标 需求',
  ),
  ...words(
    'thoughts',
    'thought thoughts thinking thinks customerthoughts thinksandfeels thinkingandfeeling 想法',
  ),
  ...words(
    'painPoints',
    'painpoint painpoints pain pains frustration frustrations problem problems issue issues friction 痛点',
  ),
  ...words(
    'opportunities',
    'opportunity opportunities idea ideas improvement improvements solution solutions 机会 机会点',
  ),
  ...words(
    'backstage',
    'backstage backstageprocess backstageprocesses backstageactions backoffice internalprocess internalprocesses behindthescenes process processes supportprocess 后台 后台流程',
  ),
  ...words('touchpoints', 'touchpoint touchpoints 触点'),
  ...words('text', 'notes note comment comments remarks 备注'),
};

const EMOTION_WORDS = new Set(
  'emotion emotions sentiment feeling feelings mood emotionalstate emotionscore sentimentscore 情绪 情感 感受 心情'.split(
    ' ',
  ),
);

// Lane types whose column alone says "this is the wide layout" (touchpoints and notes also
// name the long layout's text column).
const WIDE_SIGNS: ReadonlySet<LaneType> = new Set([
  'actions',
  'goals',
  'thoughts',
  'painPoints',
  'opportunities',
  'backstage',
]);

function words(type: LaneType, list: string): Record<string, LaneType> {
  return Object.fromEntries(list.split(' ').map((w) => [w, type]));
}

/**
 * The columns of `header` read as the wide layout, or null when it is the long one (a lane or
 * kind column, or no lane column at all) or has neither a stage nor a step column.
 */
export function findWideColumns(
  header: readonly string[],
  lanes: readonly Lane[],
): WideColumn[] | null {
  const fields = header.map(headerField);
  if (fields.includes('lane') || fields.includes('kind')) return null;
  const hasStep = fields.includes('step');
  const claimed = new Set<string>();
  const seen = new Set<'stage' | 'step' | 'emotion' | 'channels'>();
  let wide = false;
  const columns = header.map((cell, i): WideColumn => {
    const key = normaliseHeader(cell);
    const single = (role: 'stage' | 'step' | 'emotion' | 'channels'): WideColumn | null => {
      if (seen.has(role)) return null;
      seen.add(role);
      return { role };
    };
    const field = fields[i];
    const named = key === '' ? undefined : byName(lanes, cell);
    let fixed: WideColumn | null = null;
    if (field === 'stage' || field === 'step' || field === 'channels') fixed = single(field);
    else if (!hasStep && LANE_WORDS[key] === 'touchpoints') fixed = single('step');
    else if (EMOTION_WORDS.has(key) || named?.type === 'emotions') {
      fixed = single('emotion');
      wide = wide || fixed !== null;
    }
    if (fixed) return fixed;
    const title = cell.trim() || `Column ${i + 1}`;
    const usable = named && LANE_TYPE_INFO[named.type].cardKind !== null ? named : undefined;
    const type = usable?.type ?? LANE_WORDS[key];
    if (!type) return { role: 'lane', header: title, type: 'text', laneId: null, known: false };
    if (WIDE_SIGNS.has(type)) wide = true;
    // The first column of a type takes the map's lane of that type; later ones get their own.
    const lane =
      usable && !claimed.has(usable.id)
        ? usable
        : lanes.find((l) => l.type === type && !claimed.has(l.id));
    if (lane) claimed.add(lane.id);
    return { role: 'lane', header: title, type, laneId: lane?.id ?? null, known: true };
  });
  if (!wide || !(seen.has('stage') || seen.has('step'))) return null;
  return columns;
}
