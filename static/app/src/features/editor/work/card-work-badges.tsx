/**
 * The linked work items of a card on the grid: key and status lozenge each, a link to the work
 * item in Jira (`/browse/KEY` on the site, opened in a new tab through the bridge router: a
 * Custom UI frame cannot move the product window). The link is not draggable itself, so a drag
 * that starts on it drags the card; its click does not reach the card; keyboard users reach it
 * with Tab (the grid's own keys act on cells and cards only).
 */
import { useT } from '../../../i18n';
import { useEditor } from '../editor-context';
import { useWorkStatuses } from './use-work-statuses';
import { WorkLozenge } from './work-lozenge';

/** Nothing when the card has no linked work (and then no Jira call is made for it). */
export function CardWorkBadges({ cardId }: { cardId: string }) {
  // A string, so the selector's answer is stable between renders.
  const keys = useEditor((s) =>
    s.map.workItems
      .filter((w) => w.cardId === cardId)
      .map((w) => w.key)
      .join(' '),
  );
  if (!keys) return null;
  return <Badges keys={keys.split(' ')} />;
}

/** Opens a work item; the router is loaded on first use (it is not on the grid's first paint). */
function openInJira(key: string): void {
  void import('../../../bridge/navigation').then((m) =>
    m.navigateTo(`/browse/${encodeURIComponent(key)}`, { newTab: true }),
  );
}

function Badges({ keys }: { keys: string[] }) {
  const t = useT();
  const { statuses } = useWorkStatuses();
  const byKey = new Map(statuses?.available ? statuses.items.map((s) => [s.key, s]) : []);
  return (
    <span className="work-badges">
      {keys.map((k) => (
        <a
          key={k}
          href={`/browse/${encodeURIComponent(k)}`}
          className="work-badge-link"
          draggable={false}
          onClick={(e) => {
            e.preventDefault();
            e.stopPropagation();
            openInJira(k);
          }}
          onDoubleClick={(e) => e.stopPropagation()}
        >
          <WorkLozenge itemKey={k} status={byKey.get(k)} />
          <span className="visually-hidden"> {t('work.card.opensInJira')}</span>
        </a>
      ))}
    </span>
  );
}
