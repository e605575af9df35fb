/**
 * The viewer's Confluence account id, from the host context (the same id the resolver receives
 * from Forge), so the voting panel can show "your" dots and send ops the server will accept.
 */
import { useEffect, useState } from 'react';
import { getContext } from '../../bridge/client';

/** The account id of the viewer; null while unknown or for anonymous viewers. */
export function useAccountId(): string | null {
  const [accountId, setAccountId] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getContext()
      .then((context) => {
        if (live && typeof context.accountId === 'string') setAccountId(context.accountId);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return accountId;
}
