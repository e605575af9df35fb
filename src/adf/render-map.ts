/**
 * A journey map as an ADF document, for the macro's PDF/Word export: the title, the persona, and
 * one table with the stages and steps as columns and the visible lanes as rows (cards as bullet
 * points, sentiment and metrics as text, since an export cannot draw the curve).
 */
import type { CellCards } from '../domain/model/cells';
import { cardsByCell } from '../domain/model/cells';
import type { Card, JourneyMap, Lane, Metrics, Step } from '../domain/model/schema';
import type { AdfBlock, AdfCell, AdfCellBlock, AdfDoc, AdfParagraph, AdfRow } from './nodes';
import { bulletList, cell, heading, paragraph, text } from './nodes';

const SENTIMENT_LABEL: Record<number, string> = {
  [-2]: 'very negative',
  [-1]: 'negative',
  0: 'neutral',
  1: 'positive',
  2: 'very positive',
};

const IMPACT_LABEL: Record<string, string> = {
  trivial: 'trivial',
  workaround: 'needs a workaround',
  abandon: 'causes abandonment',
};

const KIND_LABEL: Record<Step['kind'], string> = {
  action: 'Action',
  question: 'Question',
  decision: 'Decision',
};

/** The sentiment of a step as words, e.g. "−1 (negative)". */
export function sentimentText(value: number | null): string {
  if (value === null) return 'not charted';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${Math.abs(value)} (${SENTIMENT_LABEL[value] ?? 'unknown'})`;
}

function metricsText(m: Metrics): string {
  const parts = [
    m.csat !== null ? `CSAT ${m.csat}%` : '',
    m.ces !== null ? `CES ${m.ces}` : '',
    m.fcr !== null ? `FCR ${m.fcr}%` : '',
  ].filter(Boolean);
  return parts.join(' · ');
}

function cardParagraph(card: Card, channelInitials: Map<string, string>): AdfParagraph {
  const extras: string[] = [];
  if (card.painPoint) {
    const votes = card.painPoint.votes;
    extras.push(IMPACT_LABEL[card.painPoint.impact] ?? card.painPoint.impact);
    if (votes > 0) extras.push(`${votes} vote${votes === 1 ? '' : 's'}`);
  }
  if (card.opportunity) {
    extras.push(
      `impact ${card.opportunity.impact}/5, feasibility ${card.opportunity.feasibility}/5`,
    );
  }
  const channels = card.channels
    .map((id) => channelInitials.get(id))
    .filter((c): c is string => !!c);
  if (channels.length > 0) extras.push(channels.join(' '));
  if (card.evidence.status === 'validated') extras.push('validated');
  return paragraph(
    text(card.text || '(empty card)'),
    extras.length > 0 ? text(` (${extras.join('; ')})`, [{ type: 'em' }]) : [],
  );
}

/** Steps in column order: stage by stage, journey order within a stage. */
function orderedColumns(map: JourneyMap): { stageName: string; steps: Step[] }[] {
  return map.stages
    .map((stage) => ({
      stageName: stage.name,
      steps: map.steps.filter((s) => s.stageId === stage.id),
    }))
    .filter((g) => g.steps.length > 0);
}

function laneRow(args: {
  lane: Lane;
  steps: Step[];
  cardsIn: CellCards;
  channelInitials: Map<string, string>;
}): AdfRow {
  const { lane, steps } = args;
  const cells: AdfCell[] = [
    cell('tableHeader', [paragraph(text(lane.name || lane.type, [{ type: 'strong' }]))]),
  ];
  for (const step of steps) {
    let blocks: AdfCellBlock[] = [];
    if (lane.type === 'emotions') {
      blocks = [paragraph(text(sentimentText(step.sentiment)))];
    } else if (lane.type === 'metrics') {
      blocks = [paragraph(text(metricsText(step.metrics)))];
    } else {
      const cards = args.cardsIn(lane.id, step.id);
      const list = bulletList(cards.map((c) => cardParagraph(c, args.channelInitials)));
      blocks = list ? [list] : [];
    }
    cells.push(cell('tableCell', blocks));
  }
  return { type: 'tableRow', content: cells };
}

/** The export document of a map. */
export function renderMapAdf(map: JourneyMap): AdfDoc {
  const content: AdfBlock[] = [heading(2, map.title || 'Journey map')];
  const persona = map.persona;
  const personaLine = [persona.name, persona.role].filter(Boolean).join(', ');
  content.push(
    paragraph(
      text('Persona: ', [{ type: 'strong' }]),
      text(personaLine || 'not set'),
      text(map.state === 'future' ? ' · future state' : ' · current state', [{ type: 'em' }]),
    ),
  );
  if (map.scope.scenario) {
    content.push(paragraph(text('Scenario: ', [{ type: 'strong' }]), text(map.scope.scenario)));
  }

  const columns = orderedColumns(map);
  const steps = columns.flatMap((c) => c.steps);
  if (steps.length === 0) {
    content.push(paragraph(text('This journey has no stages or steps yet.', [{ type: 'em' }])));
    return { type: 'doc', version: 1, content };
  }

  const channelInitials = new Map(map.channels.map((c) => [c.id, c.initials]));
  const cardsIn = cardsByCell(map.cards);

  const stageRow: AdfRow = {
    type: 'tableRow',
    content: [
      cell('tableHeader', [paragraph(text('Stage', [{ type: 'strong' }]))]),
      ...columns.map((c) =>
        cell(
          'tableHeader',
          [paragraph(text(c.stageName || 'Untitled stage', [{ type: 'strong' }]))],
          {
            ...(c.steps.length > 1 ? { colspan: c.steps.length } : {}),
          },
        ),
      ),
    ],
  };
  const stepRow: AdfRow = {
    type: 'tableRow',
    content: [
      cell('tableHeader', [paragraph(text('Step', [{ type: 'strong' }]))]),
      ...steps.map((s) =>
        cell('tableHeader', [
          paragraph(text(s.name || 'Untitled step', [{ type: 'strong' }])),
          paragraph(text(KIND_LABEL[s.kind], [{ type: 'em' }])),
        ]),
      ),
    ],
  };
  const laneRows = map.lanes
    .filter((lane) => !lane.hidden)
    .map((lane) => laneRow({ lane, steps, cardsIn, channelInitials }));
  // The curve cannot be exported; a sentiment row keeps the values even without an emotions lane.
  const hasEmotions = map.lanes.some((l) => !l.hidden && l.type === 'emotions');
  const sentimentRow: AdfRow[] = hasEmotions
    ? []
    : [
        laneRow({
          lane: { id: '-', type: 'emotions', name: 'Sentiment', zone: 'onstage', hidden: false },
          steps,
          cardsIn,
          channelInitials,
        }),
      ];

  content.push({
    type: 'table',
    attrs: { isNumberColumnEnabled: false, layout: 'full-width' },
    content: [stageRow, stepRow, ...laneRows, ...sentimentRow],
  });
  return { type: 'doc', version: 1, content };
}

/** A short document that says why there is no map to show. */
export function messageAdf(message: string): AdfDoc {
  return {
    type: 'doc',
    version: 1,
    content: [paragraph(text('Journey map', [{ type: 'strong' }])), paragraph(text(message))],
  };
}
