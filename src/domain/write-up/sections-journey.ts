/** Write-up sections about the session and the journey: summary, photos, the map as a table. */
import { revealedDots } from '../session/dots';
import type { Translate } from '../i18n/translate';
import { cardsByCell } from '../model/cells';
import type { Card, JourneyMap, Lane, Person, Step } from '../model/schema';
import { stepsInJourneyOrder } from '../ranking/journey-order';
import { validatedShare } from '../ranking/validated-share';
import { formatSentiment } from './sentiment-chart';
import type { Child, Markup } from '../storage-format/markup';
import { el, fragment } from '../storage-format/markup';
import { impactLozenge, stateLozenge, evidenceLabel } from './labels';
import { attachedImage, colgroup, paragraphs, statusLozenge } from '../storage-format/elements';

/** Where the map lives: photos are attachments of this page. */
export type MapPageRef = { title: string; spaceKey?: string };

function personName(p: Person | null): string {
  return p?.name.trim() ?? '';
}

function orDash(value: string): string {
  return value.trim() === '' ? '—' : value.trim();
}

/** Summary: persona, scenario, goal, state, date, people. */
export function summarySection(args: { map: JourneyMap; today: string; t: Translate }): Markup {
  const { map, t } = args;
  const s = map.session;
  const persona = [map.persona.name.trim(), map.persona.role.trim()].filter(Boolean).join(', ');
  const participants = s.participants.map((p) => p.name.trim()).filter(Boolean);
  const state = stateLozenge(t, map.state);
  const share = Math.round(validatedShare(map) * 100);
  const rows: [string, Child][] = [
    [t('writeup.summary.persona'), orDash(persona)],
    [t('writeup.summary.scenario'), orDash(map.scope.scenario)],
    [t('writeup.summary.goal'), orDash(map.scope.goal)],
    [t('writeup.summary.starts'), orDash(map.scope.start)],
    [t('writeup.summary.ends'), orDash(map.scope.end)],
    [t('writeup.summary.state'), statusLozenge(state)],
    [t('writeup.summary.sessionDate'), s.date ?? t('writeup.summary.notSet')],
    [t('writeup.summary.facilitator'), orDash(personName(s.facilitator))],
    [t('writeup.summary.scribe'), orDash(personName(s.scribe))],
    [t('writeup.summary.participants'), participants.length > 0 ? participants.join(', ') : '—'],
    [t('writeup.summary.owningTeam'), orDash(map.owningTeam)],
    [
      t('writeup.summary.evidence'),
      map.cards.length === 0
        ? t('writeup.summary.noCards')
        : t('writeup.summary.validatedShare', { share, count: map.cards.length }),
    ],
  ];
  return fragment(
    el('h2', {}, t('writeup.summary.heading')),
    el(
      'table',
      {},
      colgroup([140, null]),
      el(
        'tbody',
        {},
        rows.map(([label, value]) =>
          el('tr', {}, el('th', {}, el('p', {}, label)), el('td', {}, el('p', {}, value))),
        ),
      ),
    ),
    map.persona.goals.trim()
      ? el('p', {}, el('strong', {}, t('writeup.summary.personaGoals')), map.persona.goals)
      : null,
    map.backStory.story.trim()
      ? fragment(el('h3', {}, t('writeup.summary.story')), paragraphs(map.backStory.story))
      : null,
    s.notes.trim() ? fragment(el('h3', {}, t('writeup.summary.notes')), paragraphs(s.notes)) : null,
  );
}

/** Photos of the wall: attachments of the map page, with caption and step. */
export function photosSection(args: {
  map: JourneyMap;
  mapPage: MapPageRef;
  t: Translate;
}): Markup {
  const { map, mapPage, t } = args;
  const steps = new Map(map.steps.map((s) => [s.id, s]));
  const photos = map.session.photos;
  return fragment(
    el('h2', {}, t('writeup.photos.heading')),
    photos.length === 0
      ? el('p', {}, t('writeup.photos.none'))
      : photos.map((photo) => {
          const step = photo.stepId ? steps.get(photo.stepId) : undefined;
          const caption = photo.caption.trim();
          return fragment(
            el(
              'p',
              {},
              attachedImage({
                fileName: photo.fileName,
                alt: caption || photo.fileName,
                width: 600,
                page: mapPage,
              }),
            ),
            el(
              'p',
              {},
              caption ? el('em', {}, caption) : el('em', {}, photo.fileName),
              step ? [t('writeup.photos.step'), el('strong', {}, orDash(step.name))] : null,
            ),
          );
        }),
  );
}

function cardLine(
  card: Card,
  maps: { channelInitials: ReadonlyMap<string, string>; dots: ReadonlyMap<string, number> },
  t: Translate,
): Markup {
  const { channelInitials, dots } = maps;
  const prefix =
    card.kind === 'question' || card.kind === 'decision'
      ? el(
          'strong',
          {},
          t('writeup.card.kindPrefix', { kind: t(`vocabulary.stepKind.${card.kind}`) }),
        )
      : null;
  const details: Child[] = [];
  if (card.painPoint) {
    details.push(' ', statusLozenge(impactLozenge(t, card.painPoint.impact)));
    // Hand-counted votes plus the dots revealed in the app: what the impact score counts.
    const votes = card.painPoint.votes + (dots.get(card.id) ?? 0);
    if (votes > 0) details.push(t('writeup.card.votes', { count: votes }));
  }
  if (card.opportunity) {
    details.push(
      t('writeup.card.opportunity', {
        impact: card.opportunity.impact,
        feasibility: card.opportunity.feasibility,
      }),
    );
  }
  const channels = card.channels.map((c) => channelInitials.get(c)).filter(Boolean);
  if (channels.length > 0) details.push(` [${channels.join(' ')}]`);
  return el(
    'p',
    {},
    prefix,
    card.text.trim() || t('writeup.emptyCard'),
    details,
    el('small', {}, ` — ${evidenceLabel(t, card.evidence)}`),
    card.evidence.quote.trim() ? [el('br'), el('em', {}, `“${card.evidence.quote.trim()}”`)] : null,
  );
}

function metricsLine(step: Step): string | null {
  const m = step.metrics;
  const parts = [
    m.csat !== null ? `CSAT ${m.csat}%` : null,
    m.ces !== null ? `CES ${m.ces}` : null,
    m.fcr !== null ? `FCR ${m.fcr}%` : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}

function stepCell(args: {
  t: Translate;
  step: Step;
  channelNames: ReadonlyMap<string, { name: string; initials: string }>;
  pathLabels: ReadonlyMap<string, string>;
}): Markup {
  const { step, t } = args;
  const channels = step.channels
    .map((c) => args.channelNames.get(c))
    .filter((c): c is { name: string; initials: string } => c !== undefined)
    .map((c) => `${c.initials} (${c.name})`);
  const path = step.pathId ? args.pathLabels.get(step.pathId) : undefined;
  return fragment(
    el('p', {}, el('strong', {}, orDash(step.name))),
    el(
      'p',
      {},
      t(`vocabulary.stepKind.${step.kind}`),
      step.sentiment !== null
        ? t('writeup.step.sentiment', { value: formatSentiment(step.sentiment) })
        : '',
      path ? t('writeup.step.path', { path }) : '',
    ),
    channels.length > 0
      ? el('p', {}, t('writeup.step.channels', { channels: channels.join(', ') }))
      : null,
    step.moment
      ? el(
          'p',
          {},
          t('writeup.step.moment'),
          statusLozenge({ colour: 'Purple', title: t(`vocabulary.moment.${step.moment}`) }),
        )
      : null,
    step.paths.length > 0
      ? el(
          'p',
          {},
          t('writeup.step.branches', {
            branches: step.paths.map((p) => `“${p.label}”`).join(', '),
          }),
        )
      : null,
  );
}

/** The map as a table: one row per step (grouped by stage), one column per visible lane. */
export function mapTableSection(map: JourneyMap, t: Translate): Markup {
  const withCards = new Set(map.cards.map((c) => c.laneId));
  const hasMetrics = map.steps.some((s) => metricsLine(s) !== null);
  const visible = map.lanes.filter((l) => !l.hidden);
  // Empty lanes would only widen an already wide table; they are named below it instead.
  const lanes = visible.filter((l) => withCards.has(l.id) || (l.type === 'metrics' && hasMetrics));
  const empty = visible.filter((l) => !lanes.includes(l));
  const usedChannels = new Set([
    ...map.steps.flatMap((s) => s.channels),
    ...map.cards.flatMap((c) => c.channels),
  ]);
  const channelsUsed = map.channels.filter((c) => usedChannels.has(c.id));
  const steps = stepsInJourneyOrder(map);
  const stages = new Map(map.stages.map((s) => [s.id, s]));
  const channelInitials = new Map(map.channels.map((c) => [c.id, c.initials]));
  const dots = revealedDots(map.session);
  const channelNames = new Map(map.channels.map((c) => [c.id, c]));
  const pathLabels = new Map(
    map.steps.flatMap((s) => s.paths.map((p) => [p.id, p.label] as const)),
  );
  const cardsIn = cardsByCell(map.cards);
  if (steps.length === 0) {
    return fragment(el('h2', {}, t('writeup.map.heading')), el('p', {}, t('writeup.map.noSteps')));
  }
  // Rows of one stage share a stage cell (rowspan); key = index of the stage's first row.
  const stageRuns = new Map<number, number>();
  let runStart = 0;
  steps.forEach((step, i) => {
    if (i > 0 && steps[i - 1]?.stageId !== step.stageId) runStart = i;
    stageRuns.set(runStart, (stageRuns.get(runStart) ?? 0) + 1);
  });
  const laneHeader = (lane: Lane): Markup =>
    el(
      'th',
      {},
      el('p', {}, lane.name.trim() || lane.type),
      el('p', {}, el('small', {}, t(`writeup.map.zone.${lane.zone}`))),
    );
  const rows = steps.map((step, i) => {
    const run = stageRuns.get(i);
    const stage = stages.get(step.stageId);
    const laneCells = lanes.map((lane) => {
      const cards = cardsIn(lane.id, step.id);
      const metrics = lane.type === 'metrics' ? metricsLine(step) : null;
      const content: Child[] = [
        metrics ? el('p', {}, metrics) : null,
        cards.map((c) => cardLine(c, { channelInitials, dots }, t)),
      ];
      return el('td', {}, cards.length === 0 && !metrics ? el('p', {}, '') : content);
    });
    return el(
      'tr',
      {},
      run !== undefined
        ? el('th', { rowspan: run > 1 ? run : undefined }, el('p', {}, orDash(stage?.name ?? '')))
        : null,
      el('td', {}, stepCell({ t, step, channelNames, pathLabels })),
      laneCells,
    );
  });
  return fragment(
    el('h2', {}, t('writeup.map.heading')),
    el(
      'p',
      {},
      t('writeup.map.counts', {
        steps: t('writeup.count.steps', { count: steps.length }),
        stages: t('writeup.count.stages', { count: map.stages.length }),
        cards: t('writeup.count.cards', { count: map.cards.length }),
      }),
    ),
    el(
      'table',
      // Confluence shows the many lane columns across the full page width.
      { 'data-layout': 'full-width' },
      el(
        'tbody',
        {},
        el(
          'tr',
          {},
          el('th', {}, el('p', {}, t('writeup.col.stage'))),
          el('th', {}, el('p', {}, t('writeup.col.step'))),
          lanes.map(laneHeader),
        ),
        rows,
      ),
    ),
    channelsUsed.length > 0
      ? el(
          'p',
          {},
          el('strong', {}, t('writeup.map.channelsLegend')),
          channelsUsed.map((c) => `${c.initials} = ${c.name}`).join(' · '),
        )
      : null,
    empty.length > 0
      ? el(
          'p',
          {},
          el('strong', {}, t('writeup.map.emptyLanes')),
          empty.map((l) => l.name.trim() || l.type).join(', '),
        )
      : null,
  );
}
