/** Sentiment read off a map: the line in journey order and the average per stage. */
import type { JourneyMap } from '../model/schema';
import { stepsInJourneyOrder } from '../ranking/journey-order';

/** The sentiment line: step ids and values (null = not charted) in journey order. */
export function journeySentiment(map: JourneyMap): {
  stepIds: string[];
  values: (number | null)[];
} {
  const steps = stepsInJourneyOrder(map);
  return { stepIds: steps.map((s) => s.id), values: steps.map((s) => s.sentiment) };
}

/** Average sentiment of one stage. */
export type StageSentiment = {
  stageId: string;
  stageName: string;
  /** Mean of the charted steps, rounded to 2 decimals; null when none is charted. */
  average: number | null;
  charted: number;
  steps: number;
};

/** Average sentiment per stage, in stage order (stages without steps included, average null). */
export function sentimentByStage(map: JourneyMap): StageSentiment[] {
  return map.stages.map((stage) => {
    const steps = map.steps.filter((s) => s.stageId === stage.id);
    const values = steps.map((s) => s.sentiment).filter((v): v is number => v !== null);
    const average =
      values.length === 0
        ? null
        : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
    return {
      stageId: stage.id,
      stageName: stage.name,
      average,
      charted: values.length,
      steps: steps.length,
    };
  });
}
