/** The Jira component tests' start: the worked example on a CX page, opened as one person. */
import type { JourneyMap } from '../../../src/domain/model/schema';
import type { ComponentWorld } from '../harness';
import { createEmulatorWorld, openScreen } from '../harness';

/** A component world whose macro `localId` holds the worked example (made by acc-editor). */
export async function openWorkedExample(args: {
  localId: string;
  accountId?: string;
}): Promise<{ world: ComponentWorld; pageId: string; map: JourneyMap; version: number }> {
  const base = await createEmulatorWorld();
  const pageId = base.emulator.store.createPage({
    spaceKey: 'CX',
    title: 'Trial to purchase journey',
    authorId: 'acc-editor',
  }).id;
  const world = await openScreen({
    ...base,
    where: { module: 'journey-map', pageId, localId: args.localId },
    accountId: args.accountId ?? 'acc-editor',
  });
  const made = await world.call(
    'map/create',
    { pageId, localId: args.localId, template: 'worked-example' },
    'acc-editor',
  );
  if (!made.ok) throw new Error(made.error.message);
  return { world, pageId, map: made.data.map, version: made.data.version };
}
