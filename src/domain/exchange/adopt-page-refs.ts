/**
 * What an imported map may not bring along. References to things of a page (the write-up page,
 * the linked current/future map, attachments used as photos) belong to the page the macro is
 * on, not to the file: an imported write-up reference could make the next "Generate write-up"
 * overwrite any page, and attachment ids of another page show nothing here. So those are kept
 * from the map being replaced, as is the dot vote (adopt-vote.ts); everything else comes from
 * the file.
 */
import { msg } from '../i18n/message';
import type { JourneyMap } from '../model/schema';
import { adoptVote } from './adopt-vote';
import type { ImportNote } from './import-outcome';

/** The imported map with the page-bound references of `current` (or none for a new map). */
export function adoptPageRefs(
  imported: JourneyMap,
  current: JourneyMap | null,
): { map: JourneyMap; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const stepIds = new Set(imported.steps.map((s) => s.id));
  const photos = (current?.session.photos ?? []).map((p) =>
    p.stepId !== null && !stepIds.has(p.stepId) ? { ...p, stepId: null } : p,
  );
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(imported.writeUp, current?.writeUp ?? null) && imported.writeUp !== null) {
    notes.push({
      path: 'writeUp',
      message: "the file's write-up link was not imported; this map keeps its own",
      said: msg('exchange.repair.writeUpKept'),
    });
  }
  if (!same(imported.linkedMap, current?.linkedMap ?? null) && imported.linkedMap !== null) {
    notes.push({
      path: 'linkedMap',
      message: "the file's link to another map was not imported",
      said: msg('exchange.repair.linkedMapKept'),
    });
  }
  if (!same(imported.session.photos, photos) && imported.session.photos.length > 0) {
    notes.push({
      path: 'session.photos',
      message: "the file's photos belong to another page; this page's photos are kept",
      said: msg('exchange.repair.photosKept'),
    });
  }
  if (!same(imported.persona.photo, current?.persona.photo ?? null) && imported.persona.photo) {
    notes.push({
      path: 'persona.photo',
      message: "the file's persona photo belongs to another page; not imported",
      said: msg('exchange.repair.personaPhotoKept'),
    });
  }
  // Dot voting is this page's too: no ballots, reveal or facilitator from a file.
  const vote = adoptVote(imported, current);
  return {
    map: {
      ...vote.map,
      writeUp: current?.writeUp ?? null,
      linkedMap: current?.linkedMap ?? null,
      persona: { ...imported.persona, photo: current?.persona.photo ?? null },
      session: { ...vote.map.session, photos },
    },
    notes: [...notes, ...vote.notes],
  };
}
