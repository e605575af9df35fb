/**
 * A map whose every user text field holds a hostile text (cycling through the list), so one
 * write-up or one editor view shows all of them; `placed` lists what went where.
 */
import type { JourneyMap } from '../../../src/domain/model/schema';

/** The map and, per field path, the text placed there. */
export type HostileMap = { map: JourneyMap; placed: { path: string; text: string }[] };

/** Fills every user text field of `base` (a filled template) with `texts`, in order, cycling. */
export function hostileMap(
  base: JourneyMap,
  texts: readonly string[],
  photo: { attachmentId: string; fileName: string },
): HostileMap {
  const map = structuredClone(base);
  const placed: HostileMap['placed'] = [];
  let i = 0;
  const next = (path: string): string => {
    const text = texts[i % texts.length] ?? '';
    i += 1;
    placed.push({ path, text });
    return text;
  };
  map.title = next('title');
  map.owningTeam = next('owningTeam');
  for (const k of ['scenario', 'goal', 'start', 'end'] as const) map.scope[k] = next(`scope.${k}`);
  for (const k of [
    'name',
    'role',
    'age',
    'familyStatus',
    'professionalGoals',
    'personalInterests',
    'goals',
    'details',
  ] as const) {
    map.persona[k] = next(`persona.${k}`);
  }
  for (const list of ['painPoints', 'requirements', 'outcomes'] as const) {
    if (map.backStory[list].length === 0) map.backStory[list].push({ id: `bs-${list}`, text: '' });
    for (const s of map.backStory[list]) s.text = next(`backStory.${list}.${s.id}`);
  }
  map.backStory.topGoal = next('backStory.topGoal');
  map.backStory.story = next('backStory.story');
  for (const c of map.channels) c.name = next(`channels.${c.id}.name`);
  for (const s of map.stages) s.name = next(`stages.${s.id}.name`);
  for (const s of map.steps) {
    s.name = next(`steps.${s.id}.name`);
    for (const p of s.paths) p.label = next(`steps.${s.id}.paths.${p.id}`);
  }
  for (const l of map.lanes) l.name = next(`lanes.${l.id}.name`);
  for (const c of map.cards) {
    c.text = next(`cards.${c.id}.text`);
    c.teams = [next(`cards.${c.id}.teams`)];
    c.evidence = { status: 'validated', source: 'interview', quote: next(`cards.${c.id}.quote`) };
  }
  const person = (path: string) => ({ accountId: null, name: next(path) });
  map.session.facilitator = person('session.facilitator');
  map.session.scribe = person('session.scribe');
  map.session.participants = [person('session.participants.0'), person('session.participants.1')];
  map.session.notes = next('session.notes');
  for (const k of [
    'confusion',
    'shortfalls',
    'unmetNeeds',
    'complication',
    'opportunities',
  ] as const) {
    map.session.analysis[k] = next(`session.analysis.${k}`);
  }
  map.session.photos = [
    {
      attachmentId: photo.attachmentId,
      fileName: photo.fileName,
      caption: next('session.photos.0.caption'),
      stepId: map.steps[0]?.id ?? null,
    },
  ];
  return { map, placed };
}
