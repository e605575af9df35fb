/** The play's scaffold: default lanes, one stage and the first thing the persona does. */
import type { JourneyMap } from '../model/schema';
import type { TemplateArgs } from './template-builder';
import { createTemplateBuilder } from './template-builder';

/** Default title of a blank map. */
export const BLANK_TITLE = 'Untitled journey map';

/** A blank map: default lanes, stage "Journey" with step "First thing the persona does". */
export function blankTemplate(args: TemplateArgs): JourneyMap {
  const b = createTemplateBuilder(args);
  const stageId = b.stage('Journey');
  b.step(stageId, 'First thing the persona does');
  return b.map;
}
