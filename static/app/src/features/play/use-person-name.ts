/**
 * A person's display name for an account id the map records (who runs the vote, who ended the
 * play): the named facilitator's, a name presence already heard, else Confluence's (asked once).
 */
import { useEffect, useState } from 'react';
import { userProfile } from '../../bridge/client';
import { useEditor, useServices } from '../editor/editor-context';
import { useValue } from '../editor/value-store';

/** The name of `accountId`, or null while unknown (callers say "someone"). */
export function usePersonName(accountId: string | null): string | null {
  const facilitator = useEditor((s) => s.map.session.facilitator);
  const { presence } = useServices();
  const channel = useValue(presence, (c) => c);
  const [asked, setAsked] = useState<{ id: string; name: string | null } | null>(null);
  const known =
    accountId === null
      ? null
      : facilitator?.accountId === accountId
        ? facilitator.name
        : (channel?.store.nameOf(accountId) ?? null);
  useEffect(() => {
    if (accountId === null || known !== null || asked?.id === accountId) return undefined;
    let live = true;
    void userProfile(accountId).then((p) => {
      if (live) setAsked({ id: accountId, name: p?.displayName ?? null });
    });
    return () => {
      live = false;
    };
  }, [accountId, known, asked]);
  return known ?? (asked?.id === accountId ? asked.name : null);
}
