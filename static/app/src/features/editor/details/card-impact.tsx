import { useId } from 'react';
import type { Impact } from '@domain/model/schema';
import { voteAuthority } from '@domain/session/vote-authority';
import { voteCounts } from '@domain/session/vote-counts';
import { IMPACT_LABEL, keysOf } from '../labels';
import { useServices } from '../editor-context';
import { voteText } from '../vote-text';
import { useAccountId } from '../../play/use-account-id';
import { usePersonName } from '../../play/use-person-name';
import { useT } from '../../../i18n';
import type { CardSectionProps } from './card-section';

/**
 * A pain point's impact and its votes: the session's dots and the hand tally, in the same words
 * as the card face. Only the person running the vote sets the hand tally (decision 0043; the
 * server refuses anyone else); others see the buttons disabled and why.
 */
export function CardImpact({ card, map, disabled }: CardSectionProps) {
  const t = useT();
  const { store } = useServices();
  const me = useAccountId();
  const runner = voteAuthority(map.session);
  const runnerName = usePersonName(runner);
  const reasonId = useId();
  const { painPoint } = card;
  const counts = voteCounts(map.session, card);
  if (!painPoint || !counts) return null;
  const notMine = runner !== null && runner !== me;
  const tallyDisabled = disabled || notMine;
  return (
    <fieldset className="field">
      <legend>{t('editor.card.impact')}</legend>
      <div className="checks">
        {keysOf(IMPACT_LABEL).map((i: Impact) => (
          <label key={i}>
            <input
              type="radio"
              name="impact"
              disabled={disabled}
              checked={card.painPoint?.impact === i}
              onChange={() =>
                store.dispatch({
                  type: 'edit',
                  ops: [{ type: 'card/setImpact', id: card.id, impact: i }],
                })
              }
            />{' '}
            {t(`vocabulary.impact.${i}`)}
          </label>
        ))}
      </div>
      <p className="vote-summary">{voteText(counts, t)}</p>
      <div className="votes" role="group" aria-label={t('votes.handTally')}>
        <span>
          {t('votes.handTally')}: {painPoint.votes}
        </span>
        <button
          type="button"
          disabled={tallyDisabled}
          aria-describedby={notMine ? reasonId : undefined}
          aria-label={t('editor.card.addVote')}
          onClick={() =>
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'card/vote', id: card.id, delta: 1 }],
            })
          }
        >
          +1
        </button>
        <button
          type="button"
          disabled={tallyDisabled || painPoint.votes === 0}
          aria-describedby={notMine ? reasonId : undefined}
          aria-label={t('editor.card.removeVote')}
          onClick={() =>
            store.dispatch({
              type: 'edit',
              ops: [{ type: 'card/vote', id: card.id, delta: -1 }],
            })
          }
        >
          −1
        </button>
      </div>
      {notMine && !disabled && (
        <p id={reasonId} className="subtle vote-tally-reason">
          {runnerName
            ? t('votes.onlyRunnerTally', { name: runnerName })
            : t('votes.onlyRunnerTallyUnnamed')}
        </p>
      )}
    </fieldset>
  );
}
