/**
 * Starts what the macro's first card waits for as soon as the host context is known, before
 * React, theming and the language load (docs/PERFORMANCE.md "The whole map"): the `map/load`
 * call, or takes the one the inline boot script already started (bridge/early-calls.ts, 0057). Its answer feeds the read-only first paint (first-paint/first-paint-grid.tsx) and
 * `MacroScreen`, which takes the started call for its first attempt. The domain-ops chunk the
 * editor needs is fetched after the first card is on screen (or when the editor asks first).
 */
import type { MapAddress, ResultOf } from '@contract';
import type { JourneyMap } from '@domain/model/schema';
import type { HostContext } from '../../bridge/client';
import { pageIdOf, settleInvoke } from '../../bridge/client';
import { takeStartedLoad } from '../../bridge/early-start';
import { focusRequestOf } from '../../bridge/focus-request';
import type { Transport } from '../../bridge/transport';
import type { ApplyAll } from './state/editor-state';

type MapLoad = Promise<ResultOf<'map/load'>>;

let started: { key: string; load: MapLoad } | null = null;
/** What the first paint draws: the map and whether this person may edit it. */
export type EarlyMap = { map: JourneyMap; canEdit: boolean };

let answered: (EarlyMap & { key: string }) | null = null;
let domainOps: Promise<ApplyAll> | null = null;

const keyOf = (a: MapAddress): string => `${a.pageId}\u0000${a.localId}`;

/** The domain operations, as their own chunk (see `ApplyAll`); fetched once. */
export function loadDomainOps(): Promise<ApplyAll> {
  domainOps ??= import('@domain/operations/apply').then(
    (m) => m.applyAll,
    (err: unknown) => {
      domainOps = null; // a failed fetch is tried again by the next caller
      throw err;
    },
  );
  return domainOps;
}

/** The map this frame shows (the macro's own, or the one a focus modal was opened for). */
export function macroAddressOf(context: HostContext): MapAddress | null {
  const focus = focusRequestOf(context);
  if (focus) return { pageId: focus.pageId, localId: focus.localId };
  if (context.moduleKey !== 'journey-map') return null;
  const pageId = pageIdOf(context);
  return pageId ? { pageId, localId: context.localId } : null;
}

/**
 * Starts `map/load` when this frame shows a map; resolves with the map once answered (null
 * when there is none to draw early: no map yet, an error, a packed map, no macro).
 */
export function startEarlyLoad(
  context: HostContext,
  transport: Transport,
): Promise<EarlyMap | null> {
  const address = macroAddressOf(context);
  if (!address) return Promise.resolve(null);
  const key = keyOf(address);
  // The call the boot script started as soon as the context answered, if it did (0057).
  const raw = takeStartedLoad(address);
  const load = raw ? settleInvoke<'map/load'>(raw) : transport.call('map/load', address);
  started = { key, load };
  return load.then(
    (res) => {
      if (!res.ok || !res.data.map) return null;
      answered = { key, map: res.data.map, canEdit: res.data.capabilities.canEdit };
      return answered;
    },
    () => null,
  );
}

/** The `map/load` started for `address`, once (later attempts call again); null if none. */
export function takeEarlyMapLoad(address: MapAddress): MapLoad | null {
  if (!started || started.key !== keyOf(address)) return null;
  const { load } = started;
  started = null;
  return load;
}

/** The map the early `map/load` answered for `address`, if it has (for the first paint). */
export function earlyMapOf(address: MapAddress): EarlyMap | null {
  return answered && answered.key === keyOf(address) ? answered : null;
}
