/** Template maps with deterministic ids for the domain tests. */
import type { JourneyMap } from '../../src/domain/model/schema';
import { createFromTemplate } from '../../src/domain/templates';
import { createTemplateBuilder } from '../../src/domain/templates/template-builder';

/** Counts ids `${prefix}0`, `${prefix}1`, … afresh for each map. */
function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${n++}`;
}

/** The worked example (Alana evaluates Confluence), ids `${prefix}0…`, made on `today`. */
export function workedExampleMap(args: { prefix?: string; today?: string } = {}): JourneyMap {
  return createFromTemplate({
    template: 'worked-example',
    newId: counter(args.prefix ?? 'id'),
    today: args.today ?? '2026-11-23',
  });
}

/** A template builder for a map titled 't', ids `id0…`, made on 2026-01-01. */
export function testBuilder(): ReturnType<typeof createTemplateBuilder> {
  return createTemplateBuilder({ title: 't', newId: counter('id'), today: '2026-01-01' });
}
