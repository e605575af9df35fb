/** New maps start from one of the templates; the resolver and the UI's empty state use this. */
import type { JourneyMap } from '../model/schema';
import { SHORT_TEXT_MAX } from '../model/schema';
import {
  AWARENESS_TO_ADVOCACY_TITLE,
  awarenessToAdvocacyTemplate,
} from './awareness-to-advocacy-template';
import { BLANK_TITLE, blankTemplate } from './blank-template';
import type { TemplateName } from './template-ids';
import { WORKED_EXAMPLE_TITLE, workedExampleTemplate } from './worked-example-template';
import { clipText } from '../model/clip-text';

const BUILDERS: Record<TemplateName, { title: string; build: typeof blankTemplate }> = {
  blank: { title: BLANK_TITLE, build: blankTemplate },
  'awareness-to-advocacy': {
    title: AWARENESS_TO_ADVOCACY_TITLE,
    build: awarenessToAdvocacyTemplate,
  },
  'worked-example': { title: WORKED_EXAMPLE_TITLE, build: workedExampleTemplate },
} as const;

/**
 * A new map from a template. Deterministic: ids come from `newId` in a fixed order and `today`
 * (`YYYY-MM-DD`) starts the review cadence. A blank or missing title takes the template's.
 */
export function createFromTemplate(args: {
  template: TemplateName;
  title?: string;
  newId: () => string;
  today: string;
}): JourneyMap {
  const entry = BUILDERS[args.template];
  const title = clipText(args.title?.trim() ?? '', SHORT_TEXT_MAX) || entry.title;
  return entry.build({ title, newId: args.newId, today: args.today });
}
