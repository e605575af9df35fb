/**
 * Who ended the play, told to everyone with the map open (the server records the author of the
 * save that ended it: decision 0043). Each person may dismiss it; a new run clears it for all.
 */
import { useState } from 'react';
import { useT } from '../../i18n';
import { useAccountId } from './use-account-id';
import { usePersonName } from './use-person-name';

/** "The play was ended by Eddie." with a dismiss button. */
export function PlayEndedNote({ accountId }: { accountId: string }) {
  const t = useT();
  const me = useAccountId();
  const name = usePersonName(accountId);
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (dismissed === accountId) return null;
  const text =
    me === accountId
      ? t('play.endedByYou')
      : name
        ? t('play.endedBy', { name })
        : t('play.endedBySomeone');
  return (
    <p className="play-ended-note" role="status">
      <span>{text}</span>{' '}
      <button type="button" className="link-button" onClick={() => setDismissed(accountId)}>
        {t('play.dismiss')}
      </button>
    </p>
  );
}
