/**
 * A small builder the templates share: every id comes from the injected `newId`, in call order,
 * so a template is deterministic for a given id sequence.
 */
import {
  createCard,
  createEmptyMap,
  createStage,
  createStep,
  DEFAULT_LANE_TYPES,
  LANE_TYPE_INFO,
} from '../model/factories';
import type {
  Card,
  CardKind,
  EvidenceSource,
  Impact,
  JourneyMap,
  LaneType,
  Metrics,
  Moment,
  Step,
  StepKind,
} from '../model/schema';

/** Options of a step beyond its stage and name. */
export type StepOptions = {
  kind?: StepKind;
  channels?: string[];
  sentiment?: number | null;
  moment?: Moment | null;
  metrics?: Partial<Metrics>;
  pathId?: string | null;
};

/** Options of a card beyond its lane, step and text. */
export type CardOptions = {
  kind?: CardKind;
  channels?: string[];
  teams?: string[];
  validated?: { source: EvidenceSource; quote?: string };
  painPoint?: { impact: Impact; votes: number };
  opportunity?: { impact: number; feasibility: number; painPointIds: string[] };
};

/** What every template is built from: the title, an id generator and today's date. */
export type TemplateArgs = { title: string; newId: () => string; today: string };

/** Builds a map from an empty one with the default lanes, stage by stage. */
export function createTemplateBuilder(args: TemplateArgs) {
  const { newId } = args;
  const map: JourneyMap = createEmptyMap({
    title: args.title,
    laneIds: DEFAULT_LANE_TYPES.map(() => newId()),
  });
  // Creation counts as the first review, so the cadence starts today.
  map.review = { cadence: 'quarterly', lastReviewed: args.today };
  const laneId = (type: LaneType): string => map.lanes.find((l) => l.type === type)?.id ?? '';

  return {
    map,
    newId,
    /** Adds a stage and returns its id. */
    stage(name: string): string {
      const id = newId();
      map.stages.push(createStage(id, name));
      return id;
    },
    /** Adds a step at the end of its stage and returns it. */
    step(stageId: string, name: string, options: StepOptions = {}): Step {
      const step = createStep({ id: newId(), stageId, name, kind: options.kind ?? 'action' });
      step.channels = options.channels ?? [];
      step.sentiment = options.sentiment ?? null;
      step.moment = options.moment ?? null;
      step.metrics = { ...step.metrics, ...options.metrics };
      step.pathId = options.pathId ?? null;
      map.steps.push(step);
      return step;
    },
    /** Adds a card in the lane of `laneType` under `step` and returns it. */
    card(laneType: LaneType, step: Step, text: string, options: CardOptions = {}): Card {
      const card = createCard({
        id: newId(),
        laneId: laneId(laneType),
        stepId: step.id,
        kind: options.kind ?? LANE_TYPE_INFO[laneType].cardKind ?? 'note',
        text,
      });
      card.channels = options.channels ?? [];
      card.teams = options.teams ?? [];
      if (options.validated) {
        card.evidence = {
          status: 'validated',
          source: options.validated.source,
          quote: options.validated.quote ?? '',
        };
      }
      if (options.painPoint) card.painPoint = { ...options.painPoint };
      if (options.opportunity) card.opportunity = { ...options.opportunity };
      map.cards.push(card);
      return card;
    },
  };
}

/** The builder's type. */
export type TemplateBuilder = ReturnType<typeof createTemplateBuilder>;
