/** Write-up sections about the session and the journey: summary, photos, the map as a table. */
import { revealedDots } from '../session/dots';
import type { Card, JourneyMap, Lane, Person, Step } from '../model/schema';
import { stepsInJourneyOrder } from '../ranking/journey-order';
import { validatedShare } from '../ranking/validated-share';
import { formatSentiment } from './sentiment-chart';
import type { Child, Markup } from '../storage-format/markup';
import { el, fragment } from '../storage-format/markup';
import {
  IMPACT_LABELS,
  MOMENT_LABELS,
  STATE_LABELS,
  STEP_KIND_LABELS,
  evidenceLabel,
} from './labels';
import { attachedImage, paragraphs, statusLozenge } from '../storage-format/elements';

/** Where the map lives: photos are attachments of this page. */
export type MapPageRef = { title: string; spaceKey?: string };

function personName(p: Person | null): string {
  return p?.name.trim() ?? '';
}

function orDash(value: string): string {
  return value.trim() === '' ? '—' : value.trim();
}

/** Summary: persona, scenario, goal, state, date, people. */
export function summarySection(args: { map: JourneyMap; today: string }): Markup {
  const { map } = args;
  const s = map.session;
  const persona = [map.persona.name.trim(), map.persona.role.trim()].filter(Boolean).join(', ');
  const participants = s.participants.map((p) => p.name.trim()).filter(Boolean);
  const state = STATE_LABELS[map.state];
  const share = Math.round(validatedShare(map) * 100);
  const rows: [string, Child][] = [
    ['Persona', orDash(persona)],
    ['Scenario', orDash(map.scope.scenario)],
    ['Goal', orDash(map.scope.goal)],
    ['Journey starts', orDash(map.scope.start)],
    ['Journey ends', orDash(map.scope.end)],
    ['State', statusLozenge(state)],
    ['Session date', s.date ?? 'not set'],
    ['Facilitator', orDash(personName(s.facilitator))],
    ['Scribe', orDash(personName(s.scribe))],
    ['Participants', participants.length > 0 ? participants.join(', ') : '—'],
    ['Owning team', orDash(map.owningTeam)],
    [
      'Evidence',
      map.cards.length === 0
        ? 'No cards yet.'
        : `${share}% of ${map.cards.length} ${map.cards.length === 1 ? 'card is' : 'cards are'} validated; the rest are assumptions.`,
    ],
  ];
  return fragment(
    el('h2', {}, 'Summary'),
    el(
      'table',
      {},
      el(
        'tbody',
        {},
        rows.map(([label, value]) =>
          el('tr', {}, el('th', {}, el('p', {}, label)), el('td', {}, el('p', {}, value))),
        ),
      ),
    ),
    map.persona.goals.trim()
      ? el('p', {}, el('strong', {}, 'Persona goals: '), map.persona.goals)
      : null,
    map.backStory.story.trim()
      ? fragment(el('h3', {}, 'The story so far'), paragraphs(map.backStory.story))
      : null,
    s.notes.trim() ? fragment(el('h3', {}, 'Session notes'), paragraphs(s.notes)) : null,
  );
}

/** Photos of the wall: attachments of the map page, with caption and step. */
export function photosSection(args: { map: JourneyMap; mapPage: MapPageRef }): Markup {
  const { map, mapPage } = args;
  const steps = new Map(map.steps.map((s) => [s.id, s]));
  const photos = map.session.photos;
  return fragment(
    el('h2', {}, 'Photos'),
    photos.length === 0
      ? el('p', {}, 'No photos were added to this session.')
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
              step ? [' — step ', el('strong', {}, orDash(step.name))] : null,
            ),
          );
        }),
  );
}

function cardLine(
  card: Card,
  channelInitials: ReadonlyMap<string, string>,
  dots: ReadonlyMap<string, number>,
): Markup {
  const prefix =
    card.kind === 'question' || card.kind === 'decision'
      ? el('strong', {}, `${STEP_KIND_LABELS[card.kind]}: `)
      : null;
  const details: Child[] = [];
  if (card.painPoint) {
    details.push(' ', statusLozenge(IMPACT_LABELS[card.painPoint.impact]));
    // Hand-counted votes plus the dots revealed in the app: what the impact score counts.
    const votes = card.painPoint.votes + (dots.get(card.id) ?? 0);
    if (votes > 0) details.push(` ${votes} ${votes === 1 ? 'vote' : 'votes'}`);
  }
  if (card.opportunity) {
    details.push(
      ` impact ${card.opportunity.impact} × feasibility ${card.opportunity.feasibility}`,
    );
  }
  const channels = card.channels.map((c) => channelInitials.get(c)).filter(Boolean);
  if (channels.length > 0) details.push(` [${channels.join(' ')}]`);
  return el(
    'p',
    {},
    prefix,
    card.text.trim() || '(empty card)',
    details,
    el('small', {}, ` — ${evidenceLabel(card.evidence)}`),
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
  step: Step;
  channelNames: ReadonlyMap<string, { name: string; initials: string }>;
  pathLabels: ReadonlyMap<string, string>;
}): Markup {
  const { step } = args;
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
      STEP_KIND_LABELS[step.kind],
      step.sentiment !== null ? ` · sentiment ${formatSentiment(step.sentiment)}` : '',
      path ? ` · path “${path}”` : '',
    ),
    channels.length > 0 ? el('p', {}, `Channels: ${channels.join(', ')}`) : null,
    step.moment
      ? el(
          'p',
          {},
          'Moment of truth: ',
          statusLozenge({ colour: 'Purple', title: MOMENT_LABELS[step.moment] }),
        )
      : null,
    step.paths.length > 0
      ? el('p', {}, `Branches: ${step.paths.map((p) => `“${p.label}”`).join(', ')}`)
      : null,
  );
}

/** The map as a table: one row per step (grouped by stage), one column per visible lane. */
export function mapTableSection(map: JourneyMap): Markup {
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
  const cells = new Map<string, Card[]>();
  for (const card of map.cards) {
    const key = `${card.stepId}|${card.laneId}`;
    const list = cells.get(key);
    if (list) list.push(card);
    else cells.set(key, [card]);
  }
  if (steps.length === 0) {
    return fragment(el('h2', {}, 'The journey map'), el('p', {}, 'The map has no steps yet.'));
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
      el('p', {}, el('small', {}, lane.zone === 'onstage' ? 'on-stage' : 'back-stage')),
    );
  const rows = steps.map((step, i) => {
    const run = stageRuns.get(i);
    const stage = stages.get(step.stageId);
    const laneCells = lanes.map((lane) => {
      const cards = cells.get(`${step.id}|${lane.id}`) ?? [];
      const metrics = lane.type === 'metrics' ? metricsLine(step) : null;
      const content: Child[] = [
        metrics ? el('p', {}, metrics) : null,
        cards.map((c) => cardLine(c, channelInitials, dots)),
      ];
      return el('td', {}, cards.length === 0 && !metrics ? el('p', {}, '') : content);
    });
    return el(
      'tr',
      {},
      run !== undefined
        ? el('th', { rowspan: run > 1 ? run : undefined }, el('p', {}, orDash(stage?.name ?? '')))
        : null,
      el('td', {}, stepCell({ step, channelNames, pathLabels })),
      laneCells,
    );
  });
  return fragment(
    el('h2', {}, 'The journey map'),
    el(
      'p',
      {},
      `${steps.length} ${steps.length === 1 ? 'step' : 'steps'} in ${map.stages.length} ${map.stages.length === 1 ? 'stage' : 'stages'}, ${map.cards.length} ${map.cards.length === 1 ? 'card' : 'cards'}. Channels are shown as initials; each card says whether it is validated or an assumption.`,
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
          el('th', {}, el('p', {}, 'Stage')),
          el('th', {}, el('p', {}, 'Step')),
          lanes.map(laneHeader),
        ),
        rows,
      ),
    ),
    channelsUsed.length > 0
      ? el(
          'p',
          {},
          el('strong', {}, 'Channels: '),
          channelsUsed.map((c) => `${c.initials} = ${c.name}`).join(' · '),
        )
      : null,
    empty.length > 0
      ? el(
          'p',
          {},
          el('strong', {}, 'Lanes without cards (not shown): '),
          empty.map((l) => l.name.trim() || l.type).join(', '),
        )
      : null,
  );
}
