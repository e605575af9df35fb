/**
 * "Work in Jira" rows in the write-up preview (decision 0046): each pain point and opportunity
 * the write-up lists, in the write-up's order (same ranking functions), with its linked work and
 * the card details' controls (create through the shared form, link by key or URL, unlink).
 * Without Jira (one `jira/projects` look when the rows open) the list says why once, above the
 * rows, and offers no control.
 */
import { useEffect, useState } from 'react';
import type { Card } from '@domain/model/schema';
import { rankOpportunities } from '@domain/ranking/opportunities';
import { rankPainPoints } from '@domain/ranking/rank-pain-points';
import { formatScore } from '@domain/ranking/pain-point-score';
import { useT } from '../../../i18n';
import { useEditor, useServices } from '../editor-context';
import { CardWork } from './card-work';
import { jiraUnavailable } from './jira-presence';
import { useWorkStatuses } from './use-work-statuses';

type Row = { card: Card; kind: 'painPoint' | 'opportunity'; score: number };

/** The rows section; `onChanged` after work was created, linked or unlinked in it. */
export function WriteUpWork({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const map = useEditor((s) => s.map);
  const { statuses } = useWorkStatuses();
  const { transport, address } = useServices();
  // One look at Jira before any row offers to create work in it (jira-presence.ts).
  const [absent, setAbsent] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void jiraUnavailable(transport, address).then((reason) => {
      if (live) setAbsent(reason);
    });
    return () => {
      live = false;
    };
    // Once per opened preview.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const byId = new Map(map.cards.map((c) => [c.id, c]));
  const rows: Row[] = [
    ...rankPainPoints(map).map((p) => ({
      id: p.cardId,
      kind: 'painPoint' as const,
      score: p.score,
    })),
    ...rankOpportunities(map).map((o) => ({
      id: o.cardId,
      kind: 'opportunity' as const,
      score: o.priority,
    })),
  ].flatMap(({ id, kind, score }) => {
    const card = byId.get(id);
    return card ? [{ card, kind, score }] : [];
  });
  if (rows.length === 0) return null;
  const unavailable = (statuses && !statuses.available ? statuses.reason : null) ?? absent;
  return (
    <section className="write-up-work" aria-labelledby="write-up-work-heading">
      <h4 id="write-up-work-heading">{t('work.writeUp.heading')}</h4>
      {unavailable ? (
        <p className="hint" role="note">
          {unavailable}
        </p>
      ) : (
        <p className="subtle">{t('work.writeUp.explain')}</p>
      )}
      <table className="write-up-work-table">
        <thead>
          <tr>
            <th scope="col">{t('work.send.item')}</th>
            <th scope="col">{t('writeup.col.score')}</th>
            <th scope="col">{t('writeup.col.work')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ card, kind, score }) => {
            const text = card.text.trim() || t('session.writeUp.emptyCard');
            const label =
              kind === 'painPoint'
                ? t('work.send.painPoint', { text })
                : t('work.send.opportunity', { text });
            return (
              <tr key={card.id} data-card-id={card.id}>
                <th scope="row">{label}</th>
                <td>{formatScore(score)}</td>
                <td>
                  <CardWork
                    card={card}
                    map={map}
                    compact={{ label: t('work.writeUp.rowLabel', { item: label }), unavailable }}
                    onChanged={onChanged}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
