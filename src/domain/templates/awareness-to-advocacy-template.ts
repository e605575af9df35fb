/** Seed 004's five stages of a customer journey, each with its first steps named. */
import type { JourneyMap } from '../model/schema';
import type { TemplateArgs } from './template-builder';
import { createTemplateBuilder } from './template-builder';

/** Default title of the awareness-to-advocacy template. */
export const AWARENESS_TO_ADVOCACY_TITLE = 'Customer journey: awareness to advocacy';

/** Stage names and step names, as seed 004 describes each stage. */
const STAGES: readonly { name: string; steps: readonly string[] }[] = [
  { name: 'Awareness', steps: ['Discovers a need or a problem', 'Finds a possible solution'] },
  { name: 'Interest', steps: ['Looks into the product as a solution to the problem'] },
  {
    name: 'Consideration',
    steps: ['Tries the product', 'Reads reviews and asks peers on social media'],
  },
  { name: 'Purchase', steps: ['Buys the product'] },
  { name: 'Advocacy', steps: ['Recommends the product to others'] },
];

/** Awareness → Interest → Consideration → Purchase → Advocacy, 1–2 steps each. */
export function awarenessToAdvocacyTemplate(args: TemplateArgs): JourneyMap {
  const b = createTemplateBuilder(args);
  b.map.scope = {
    scenario: '',
    goal: '',
    start: 'The persona discovers a need or a problem.',
    end: 'The persona recommends the product to others.',
  };
  for (const stage of STAGES) {
    const stageId = b.stage(stage.name);
    for (const step of stage.steps) b.step(stageId, step);
  }
  return b.map;
}
