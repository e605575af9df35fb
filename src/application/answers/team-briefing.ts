/**
 * What each team should know across a space: the pain points and opportunities routed to it
 * (src/domain/routing) from every map of the space the asking person can see, heaviest first.
 * Reads the maps' pages one property list each, at most MAX_BRIEFING_PAGES of them, so one
 * answer stays within the REST budget; the answer says when maps were left out.
 */
import type { ConfluenceClient } from '../../confluence/client';
import { readRoutingRules } from '../../confluence/routing-store';
import { mapsOnPage } from '../../confluence/summary-store';
import { sanitizeLocalId } from '../../domain/codec';
import type { RouteReason } from '../../domain/routing';
import { routeItems } from '../../domain/routing';
import { clip } from './clip';
import { spaceMapEntries } from './space-maps';

/** Pages whose maps one briefing reads (one REST call each). */
export const MAX_BRIEFING_PAGES = 20;

/** One item routed to a team. */
export type BriefingItem = {
  kind: 'painPoint' | 'opportunity';
  text: string;
  score: number;
  because: string;
  reason: RouteReason;
  map: string;
  path: string;
};

/** One team and what is routed to it. */
export type TeamBriefing = { team: string; totalScore: number; items: BriefingItem[] };

/** The briefing of a space. */
export type BriefingAnswer = {
  teams: TeamBriefing[];
  mapsRead: number;
  /** Maps of the space this answer did not read (over the page budget). */
  mapsLeftOut: number;
};

/** Per team, the items routed to it across the space's maps (`team` narrows to one team). */
export async function teamBriefing(args: {
  client: ConfluenceClient;
  spaceKey: string;
  team?: string;
  itemsPerTeam: number;
}): Promise<BriefingAnswer> {
  const { entries, truncated } = await spaceMapEntries(args);
  const pageIds = [...new Set(entries.map((e) => e.pageId))];
  const read = pageIds.slice(0, MAX_BRIEFING_PAGES);
  const first = read[0];
  if (first === undefined) return { teams: [], mapsRead: 0, mapsLeftOut: 0 };
  // Every listed page is in the space asked about: its rules route every map.
  const spaceId = (await args.client.findContent(first)).page.spaceId;
  const rules = (await readRoutingRules(args.client, spaceId)).rules;
  const teams = new Map<string, TeamBriefing>();
  let mapsRead = 0;
  for (const pageId of read) {
    const listed = entries.filter((e) => e.pageId === pageId);
    const wanted = new Set(listed.map((e) => e.map.localId));
    const content = { type: listed[0]?.contentType ?? 'page', id: pageId } as const;
    const properties = await args.client.listProperties(content);
    for (const { localId, map } of mapsOnPage(properties)) {
      if (!wanted.has(sanitizeLocalId(localId))) continue;
      mapsRead++;
      const entry = listed.find((e) => e.map.localId === sanitizeLocalId(localId));
      const path = entry ? `${entry.pageUrl}#${encodeURIComponent(entry.macroId)}` : '';
      for (const rec of routeItems({ map, rules })) {
        if (args.team && rec.team.toLowerCase() !== args.team.trim().toLowerCase()) continue;
        const key = rec.unassigned ? '\u0000' : rec.team.toLowerCase();
        const team = teams.get(key) ?? { team: clip(rec.team, 80), totalScore: 0, items: [] };
        teams.set(key, team);
        team.totalScore = Math.round((team.totalScore + rec.totalScore) * 10_000) / 10_000;
        team.items.push(
          ...rec.items.map((i) => ({
            kind: i.kind,
            text: clip(i.text),
            score: i.score,
            because: clip(i.because, 160),
            reason: i.reason,
            map: clip(map.title, 120),
            path,
          })),
        );
      }
    }
  }
  const out = [...teams.values()]
    .map((t) => ({
      ...t,
      items: t.items.sort((a, b) => b.score - a.score).slice(0, args.itemsPerTeam),
    }))
    .sort((a, b) => b.totalScore - a.totalScore || a.team.localeCompare(b.team));
  const leftOut = entries.filter((e) => !read.includes(e.pageId)).length;
  return { teams: out, mapsRead, mapsLeftOut: leftOut + (truncated ? 1 : 0) };
}
