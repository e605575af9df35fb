/**
 * Dot voting on pain points. Everyone who can edit spends their own dots (never more than the
 * allowance; a dot can be taken back); before the reveal each person sees only their own dots
 * and how many were cast in all. Only the person running the vote (the session's facilitator,
 * else whoever started it) sets the allowance and reveals the totals, which then feed the impact
 * score; a reveal is final. Everyone else sees why those controls are not theirs.
 */
import { useId, useMemo } from 'react';
import { MAX_VOTES_PER_PERSON } from '@domain/model/schema';
import { dotsCast, dotsSpent, mostDotsSpent } from '@domain/session/dots';
import { voteAuthority } from '@domain/session/vote-authority';
import { useCanEdit, useEdit, useEditor, useServices } from '../editor/editor-context';
import { voteText } from '../editor/vote-text';
import { useAccountId } from './use-account-id';
import { usePersonName } from './use-person-name';
import { votingRows } from './voting-rows';
import { useT } from '../../i18n';

/** The dot-voting panel. */
export function DotVotingPanel() {
  const t = useT();
  const canEdit = useCanEdit();
  const voter = useAccountId();
  const map = useEditor((s) => s.map);
  const edit = useEdit();
  const { announce } = useServices();
  const allowanceId = useId();
  const session = map.session;
  const rows = useMemo(() => votingRows(map, voter), [map, voter]);
  const spent = voter === null ? 0 : dotsSpent(session.ballots, voter);
  const left = Math.max(0, session.votesPerPerson - spent);
  const cast = dotsCast(session.ballots);
  const revealed = session.votesRevealed;
  const canVote = canEdit && voter !== null && !revealed;
  const runner = voteAuthority(session);
  const runsVote = canEdit && voter !== null && (runner === null || runner === voter);
  const runnerName = usePersonName(runner) ?? t('play.voting.theStarter');

  const castDot = (cardId: string, text: string, delta: 1 | -1) => {
    if (voter === null) return;
    edit([{ type: 'session/castDot', voter, cardId, delta }]);
    const total = session.votesPerPerson;
    announce(
      delta > 0
        ? t('play.voting.placedOn', { text, left: left - 1, total })
        : t('play.voting.takenFrom', { text, left: left + 1, total }),
    );
  };

  return (
    <section id="dot-voting-panel" className="dot-voting" aria-labelledby="dot-voting-title">
      <div className="dot-voting-head">
        <h2 id="dot-voting-title">{t('play.voting.dotVoting')}</h2>
        <p className="dot-voting-status" role="status">
          {voter !== null && canEdit && (
            <>
              {t('play.voting.youHave')} <strong>{left}</strong>{' '}
              {t('play.voting.dotsLeft', { total: session.votesPerPerson })}{' '}
            </>
          )}
          {t('play.voting.castCount', { count: cast })}
          {revealed ? t('play.voting.resultsRevealed') : t('play.voting.totalsStayHiddenUntil')}
        </p>
        {canEdit && !runsVote && (
          <p className="subtle dot-voting-reason">
            {t('play.voting.onlyRunner', { name: runnerName })}
          </p>
        )}
        {runsVote && !revealed && (
          <div className="dot-voting-facilitator">
            <label htmlFor={allowanceId}>{t('play.voting.dotsPerPerson')}</label>
            <input
              id={allowanceId}
              type="number"
              min={mostDotsSpent(session.ballots)}
              max={MAX_VOTES_PER_PERSON}
              value={session.votesPerPerson}
              onChange={(e) => {
                const value = Number(e.target.value);
                if (!Number.isFinite(value) || e.target.value === '') return;
                edit([{ type: 'session/set', votesPerPerson: value }]);
              }}
            />
            <button
              type="button"
              className="is-primary"
              title={t('play.voting.revealsEveryTotalAnd')}
              onClick={() => {
                edit([{ type: 'session/revealVotes', revealed: true }]);
                announce(t('play.voting.revealedAnnounce'));
              }}
            >
              {t('play.voting.revealResults')}
            </button>
          </div>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="subtle">{t('play.voting.noPainPointsYet')}</p>
      ) : (
        <ol className="dot-voting-list">
          {rows.map((row) => (
            <li key={row.cardId} className="dot-voting-row" data-card-id={row.cardId}>
              <span className="dot-voting-text">
                {row.text || <em>{t('play.voting.noText')}</em>}
                <span className="subtle"> — {row.where}</span>
              </span>
              <span className="dot-voting-mine" title={t('play.voting.yourDots')}>
                <span aria-hidden="true">{'●'.repeat(row.mine)}</span>
                <span className="visually-hidden">
                  {t('play.voting.yourDotsN', { n: row.mine })}
                </span>
              </span>
              <span className="dot-voting-total vote-summary">{voteText(row.counts, t)}</span>
              {canVote && (
                <span className="dot-voting-buttons">
                  <button
                    type="button"
                    disabled={left === 0}
                    onClick={() => castDot(row.cardId, row.text, 1)}
                  >
                    {t('play.voting.placeDot')}
                    <span className="visually-hidden">
                      {t('play.voting.onText', { text: row.text })}
                    </span>
                  </button>
                  <button
                    type="button"
                    disabled={row.mine === 0}
                    onClick={() => castDot(row.cardId, row.text, -1)}
                  >
                    {t('play.voting.takeBack')}
                    <span className="visually-hidden">
                      {t('play.voting.fromText', { text: row.text })}
                    </span>
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
