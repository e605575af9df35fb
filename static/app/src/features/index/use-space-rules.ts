/**
 * The space's routing rules for the index's team impact (the write-up's measure needs them):
 * read once per load through `routing/get`; until they arrive (or when they cannot be read),
 * items are weighed for the teams set on their cards only.
 */
import { useEffect, useState } from 'react';
import type { RoutingRules } from '@domain/routing/routing-rules';
import { emptyRules } from '@domain/routing/routing-rules';
import { call } from '../../bridge/client';

/** The rules of space `spaceId` (`emptyRules` until read). */
export function useSpaceRules(spaceId: string | null, attempt: number): RoutingRules {
  const [rules, setRules] = useState<RoutingRules>(emptyRules);
  useEffect(() => {
    if (!spaceId) return;
    let live = true;
    void call('routing/get', { spaceId }).then((res) => {
      if (live && res.ok) setRules(res.data.rules);
    });
    return () => {
      live = false;
    };
  }, [spaceId, attempt]);
  return rules;
}
