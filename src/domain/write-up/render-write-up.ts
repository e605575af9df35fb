/**
 * The session write-up page in Confluence storage format (seed 000: "capture notes and photos
 * … a write-up of your analysis and recommendations"). Pure and deterministic: the same map,
 * rules, page, chart and dates always give the same string. All markup comes from the element
 * builder, so every user string is escaped in one place (`escape.ts`).
 */
import type { Translate } from '../i18n/translate';
import type { JourneyMap } from '../model/schema';
import { rankOpportunities } from '../ranking/opportunities';
import { rankPainPoints } from '../ranking/rank-pain-points';
import type { RoutingRules } from '../routing/routing-rules';
import { routeItems } from '../routing/route-items';
import { el, fragment, serialize } from '../storage-format/markup';
import {
  analysisSection,
  opportunitiesSection,
  painPointsSection,
  reviewSection,
  sentimentSection,
  teamsSection,
} from './sections-analysis';
import type { MapPageRef } from './sections-journey';
import { mapTableSection, photosSection, summarySection } from './sections-journey';
import type { SentimentChart } from './sentiment-chart';
import type { WriteUpWork } from './work-column';
import { workColumn } from './work-column';
import { pageLink, panel } from '../storage-format/elements';

/** Everything the write-up is made from. */
export type WriteUpInput = {
  map: JourneyMap;
  /** The space's routing rules (`cjm_routing`). */
  rules: RoutingRules;
  /** The page holding the map (photos are its attachments). */
  mapPage: MapPageRef;
  /** The rendered sentiment chart (attached as `chart.fileName` to `chart.page`, else this page). */
  chart: SentimentChart;
  /** Calendar day of the generation, `YYYY-MM-DD` (review status is judged against it). */
  today: string;
  /** Instant of the generation (ISO 8601), printed in the footer. */
  generatedAt: string;
  /** The reader's language (the generating person's locale). */
  t: Translate;
  /** Statuses of the map's linked Jira work (one search); absent = not read. */
  work?: WriteUpWork;
};

/** "2026-11-23 10:00 UTC" for a UTC ISO instant; anything else as given. */
function readableInstant(instant: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(instant);
  return m ? `${m[1] ?? ''} ${m[2] ?? ''} UTC` : instant;
}

/** Renders the write-up body (storage format XHTML). */
export function renderWriteUp(input: WriteUpInput): string {
  const { map, rules, mapPage, chart, today, generatedAt, t } = input;
  const painPoints = rankPainPoints(map);
  const opportunities = rankOpportunities(map);
  const teams = routeItems({ map, rules });
  const work = workColumn({ links: map.workItems, work: input.work ?? { available: false }, t });
  return serialize(
    fragment(
      panel({
        kind: 'note',
        body: el(
          'p',
          {},
          t('writeup.note.before'),
          pageLink({ title: mapPage.title }),
          t('writeup.note.after'),
        ),
      }),
      summarySection({ map, today, t }),
      // What the group decided comes first; the photos and the full map table are the record
      // behind it, for those who want to check (issue 15).
      sentimentSection({ map, chart, t }),
      painPointsSection({ ranked: painPoints, t, work }),
      opportunitiesSection({ ranked: opportunities, t, work }),
      teamsSection(teams, t),
      analysisSection(map, t),
      reviewSection({ map, today, t }),
      photosSection({ map, mapPage, t }),
      mapTableSection(map, t),
      el('hr'),
      el(
        'p',
        {},
        el(
          'small',
          {},
          t('writeup.footer', {
            when: readableInstant(generatedAt),
            title: map.title.trim() || t('writeup.untitledMap'),
          }),
        ),
      ),
    ),
  );
}
