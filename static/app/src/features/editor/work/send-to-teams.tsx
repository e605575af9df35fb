/**
 * "Send the top N to their teams": a preview of the work items that would be created (one per
 * item per routed team with a Jira project, linked ones skipped), then a report of what was
 * created and what Jira refused.
 */
import { useState } from 'react';
import type { SentRow } from '@contract';
import { getContext } from '../../../bridge/client';
import { useT } from '../../../i18n';
import { ColumnHeads } from '../../../ui/column-heads';
import { useServices } from '../editor-context';
import { jiraUnavailable } from './jira-presence';
import { workStatusStore } from './work-status-store';

type Phase =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'preview'; rows: SentRow[] }
  | { kind: 'report'; rows: SentRow[] }
  | { kind: 'error'; message: string };

/** The send control and its preview / report. */
export function SendToTeams() {
  const t = useT();
  const { store, transport, address, announce } = useServices();
  const [topN, setTopN] = useState(3);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  const run = async (preview: boolean) => {
    setPhase({ kind: 'busy' });
    // The plan needs no Jira; say why before previewing work that could not be created.
    const absent = preview ? await jiraUnavailable(transport, address) : null;
    if (absent) {
      setPhase({ kind: 'error', message: absent });
      return;
    }
    const ctx = await getContext().catch(() => null);
    const site = (ctx as { siteUrl?: string } | null)?.siteUrl ?? 'https://example.atlassian.net';
    const res = await transport.call('jira/send', {
      ...address,
      baseVersion: store.getState().version,
      topN,
      preview,
      pageUrl: `${site.replace(/\/$/, '')}/wiki/pages/viewpage.action?pageId=${address.pageId}`,
    });
    if (!res.ok) {
      setPhase({ kind: 'error', message: res.error.message });
      return;
    }
    if (!preview && res.data.saved) {
      store.dispatch({
        type: 'remote',
        map: res.data.saved.map,
        version: res.data.saved.version,
        capabilities: store.getState().capabilities,
      });
      workStatusStore(transport, address).refresh();
    }
    const created = res.data.rows.filter((r) => r.key).length;
    setPhase({ kind: preview ? 'preview' : 'report', rows: res.data.rows });
    announce(
      preview ? t('work.send.previewReady') : t('work.send.createdAnnounce', { count: created }),
    );
  };

  const rows = phase.kind === 'preview' || phase.kind === 'report' ? phase.rows : [];
  const toCreate = rows.filter((r) => r.skip === null).length;
  return (
    <div className="send-to-teams">
      <label>
        {t('work.send.topBefore')}{' '}
        <select value={topN} onChange={(e) => setTopN(Number(e.target.value))}>
          {[1, 3, 5, 10].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>{' '}
        {t('work.send.topAfter')}
      </label>{' '}
      <button type="button" disabled={phase.kind === 'busy'} onClick={() => void run(true)}>
        {t('work.send.preview')}
      </button>
      {phase.kind === 'error' && (
        <p className="field-error" role="alert">
          {phase.message}
        </p>
      )}
      {rows.length > 0 && (
        <table className="send-table">
          <caption>
            {phase.kind === 'preview'
              ? t('work.send.willCreate', { count: toCreate })
              : t('work.send.whatWasSent')}
          </caption>
          <ColumnHeads labels={[t('work.send.item'), t('work.send.team'), t('work.send.jira')]} />
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.cardId}/${r.team}`}>
                <td>
                  {r.kind === 'painPoint'
                    ? t('work.send.painPoint', { text: r.text })
                    : t('work.send.opportunity', { text: r.text })}
                </td>
                <td>{r.team}</td>
                <td>
                  {r.key
                    ? t('work.send.created', { key: r.key })
                    : r.error
                      ? r.error
                      : r.skip
                        ? t('work.send.skipped', { reason: t(`work.send.skip.${r.skip}`) })
                        : t('work.send.target', {
                            project: r.target?.project ?? '',
                            issueType: r.target?.issueType || t('work.send.firstWorkType'),
                          })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {phase.kind === 'preview' && toCreate > 0 && (
        <button type="button" className="primary-button" onClick={() => void run(false)}>
          {t('work.send.create', { count: toCreate })}
        </button>
      )}
    </div>
  );
}
