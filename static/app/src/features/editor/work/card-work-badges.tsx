/** The linked work items of a card on the grid: key and status lozenge each. */
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

function Badges({ keys }: { keys: string[] }) {
  const { statuses } = useWorkStatuses();
  const byKey = new Map(statuses?.available ? statuses.items.map((s) => [s.key, s]) : []);
  return (
    <span className="work-badges">
      {keys.map((k) => (
        <WorkLozenge key={k} itemKey={k} status={byKey.get(k)} />
      ))}
    </span>
  );
}
