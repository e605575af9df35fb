/**
 * "Work in Jira" on a pain point or opportunity card: the linked work items with their status
 * (one search per map load), unlink, link an existing item by key or URL, and create a new one
 * with the summary and description prefilled from the map. Where Jira is absent or the viewer
 * may not create, it says why instead of failing; Jira's refusals show next to the control.
 */
import { useState } from 'react';
import type { Card, JourneyMap } from '@domain/model/schema';
import type { MapApplyData } from '@contract';
import { getContext } from '../../../bridge/client';
import { navigateTo } from '../../../bridge/navigation';
import { useT } from '../../../i18n';
import { useCanEdit, useServices } from '../editor-context';
import { WorkLozenge } from './work-lozenge';
import { useWorkStatuses } from './use-work-statuses';
import { WorkCreateForm } from '../../work/work-create-form';

/** The absolute URL of the page (for the description's link back) and the map's space. */
async function whereOf(pageId: string): Promise<{ pageUrl: string; spaceId: string | null }> {
  const ctx = (await getContext().catch(() => null)) as {
    siteUrl?: string;
    extension?: { space?: { id?: unknown } };
  } | null;
  const site = ctx?.siteUrl ?? 'https://example.atlassian.net';
  const id = ctx?.extension?.space?.id;
  return {
    pageUrl: `${site.replace(/\/$/, '')}/wiki/pages/viewpage.action?pageId=${pageId}`,
    spaceId: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
  };
}

/** Props of {@link CardWork}. */
export type CardWorkProps = {
  card: Card;
  map: JourneyMap;
  /**
   * A row of the write-up preview (decision 0046): named by `label`, no heading or "none yet"
   * line, the link field behind a button; Jira's absence is said once above the rows.
   */
  compact?: { label: string; unavailable: string | null };
  /** After this person created, linked or unlinked work here (the preview asks again). */
  onChanged?: () => void;
};

/** The Jira section of a card's details (keyed by card id, so its drafts reset per card). */
export function CardWork({ card, map, compact, onChanged }: CardWorkProps) {
  const t = useT();
  const canEdit = useCanEdit();
  const { store, transport, address, announce } = useServices();
  const { statuses, store: statusStore } = useWorkStatuses();
  const links = map.workItems.filter((w) => w.cardId === card.id);
  const byKey = new Map(statuses?.available ? statuses.items.map((s) => [s.key, s]) : []);
  const [ref, setRef] = useState('');
  const [linking, setLinking] = useState(!compact);
  const [linkError, setLinkError] = useState<string | null>(null);
  const [creating, setCreating] = useState<{ pageUrl: string; spaceId: string | null } | null>(
    null,
  );

  const openCreate = async () => setCreating(await whereOf(address.pageId));

  const created = (data: { key: string; saved: MapApplyData }) => {
    store.dispatch({
      type: 'remote',
      map: data.saved.map,
      version: data.saved.version,
      capabilities: store.getState().capabilities,
    });
    statusStore.refresh();
    setCreating(null);
    announce(t('work.card.createdAnnounce', { key: data.key }));
    onChanged?.();
  };

  const link = async () => {
    setLinkError(null);
    const res = await transport.call('jira/lookup', { ...address, ref });
    if (!res.ok) {
      setLinkError(res.error.message);
      return;
    }
    if (!res.data.available) {
      setLinkError(res.data.reason);
      return;
    }
    const item = res.data.items[0];
    if (!item?.found) {
      setLinkError(t('work.card.notFound', { key: item?.key ?? ref }));
      return;
    }
    store.dispatch({
      type: 'edit',
      ops: [{ type: 'workItem/link', cardId: card.id, key: item.key, team: card.teams[0] ?? '' }],
    });
    setRef('');
    if (compact) setLinking(false);
    statusStore.merge([item]);
    announce(t('work.card.linkedAnnounce', { key: item.key }));
    onChanged?.();
  };

  const unavailable =
    (statuses && !statuses.available ? statuses.reason : null) ?? compact?.unavailable ?? null;
  return (
    <section
      className={compact ? 'card-work is-compact' : 'field card-work'}
      aria-label={compact ? compact.label : t('work.card.title')}
    >
      {!compact && <span className="field-label">{t('work.card.title')}</span>}
      {unavailable && !compact && <p className="hint">{unavailable}</p>}
      {links.length === 0 && !unavailable && !compact && (
        <p className="hint">{t('work.card.noneLinked')}</p>
      )}
      {links.length > 0 && (
        <ul className="work-list">
          {links.map((w) => (
            <li key={w.key}>
              <a
                href={`/browse/${w.key}`}
                className="work-link"
                onClick={(e) => {
                  e.preventDefault();
                  void navigateTo(`/browse/${w.key}`, { newTab: true });
                }}
              >
                <WorkLozenge itemKey={w.key} status={byKey.get(w.key)} />
                <span className="visually-hidden"> {t('work.card.opensInJira')}</span>
              </a>
              {w.team && <span className="hint"> {t('work.card.forTeam', { team: w.team })}</span>}
              {canEdit && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('work.card.unlinkKey', { key: w.key })}
                  onClick={() => {
                    store.dispatch({
                      type: 'edit',
                      ops: [{ type: 'workItem/unlink', cardId: card.id, key: w.key }],
                    });
                    onChanged?.();
                  }}
                >
                  {t('work.card.unlink')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && !unavailable && (
        <>
          {!linking && !creating && (
            <button type="button" onClick={() => setLinking(true)}>
              {t('work.card.linkExisting')}
            </button>
          )}
          {linking && (
            <div className="work-link-row">
              <input
                aria-label={t('work.card.refLabel')}
                placeholder={t('work.card.refPlaceholder')}
                value={ref}
                onChange={(e) => setRef(e.target.value)}
              />
              <button type="button" disabled={!ref.trim()} onClick={() => void link()}>
                {t('work.card.link')}
              </button>
            </div>
          )}
          {linkError && (
            <p className="field-error" role="alert">
              {linkError}
            </p>
          )}
          {!creating && (
            <button
              type="button"
              // Quiet in the preview's rows: one loud button per row would drown the write-up's.
              className={compact ? undefined : 'primary-button'}
              onClick={() => void openCreate()}
            >
              {t('work.card.create')}
            </button>
          )}
        </>
      )}
      {creating && (
        <WorkCreateForm
          transport={transport}
          address={address}
          map={map}
          cardId={card.id}
          baseVersion={store.getState().version}
          spaceId={creating.spaceId}
          pageUrl={creating.pageUrl}
          onCreated={created}
          onCancel={() => setCreating(null)}
        />
      )}
    </section>
  );
}
