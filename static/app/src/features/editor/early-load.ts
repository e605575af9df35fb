/**
 * Starts what the macro's first card waits for as soon as the host context is known, before
 * React, theming and the language load (docs/PERFORMANCE.md "The whole map"): the `map/load`
 * call and the domain-ops chunk. `MacroScreen` takes the started call for its first attempt.
 */
import type { MapAddress, ResultOf } from '@contract';
import type { HostContext } from '../../bridge/client';
import { pageIdOf } from '../../bridge/client';
import { focusRequestOf } from '../../bridge/focus-request';
import type { Transport } from '../../bridge/transport';
import type { ApplyAll } from './state/editor-state';

type MapLoad = Promise<ResultOf<'map/load'>>;

let started: { key: string; load: MapLoad } | null = null;
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

/** Starts `map/load` and the domain-ops chunk when this frame shows a map. */
export function startEarlyLoad(context: HostContext, transport: Transport): void {
  const address = macroAddressOf(context);
  if (!address) return;
  started = { key: keyOf(address), load: transport.call('map/load', address) };
  void loadDomainOps().catch(() => undefined);
}

/** The `map/load` started for `address`, once (later attempts call again); null if none. */
export function takeEarlyMapLoad(address: MapAddress): MapLoad | null {
  if (!started || started.key !== keyOf(address)) return null;
  const { load } = started;
  started = null;
  return load;
}
