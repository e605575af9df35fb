/** A work item's key and status lozenge, coloured by Jira's status category. */
import type { WorkStatus } from '@domain/work-items';

const TONE: Record<string, string> = {
  new: 'is-neutral',
  indeterminate: 'is-inprogress',
  done: 'is-success',
  unknown: 'is-neutral',
};

/** `CS-12 · IN PROGRESS`, or `CS-12 · NOT FOUND` when Jira no longer has it for this viewer. */
export function WorkLozenge({
  itemKey,
  status,
}: {
  itemKey: string;
  status: WorkStatus | undefined;
}) {
  if (!status) {
    return <span className="work-lozenge lozenge">{itemKey}</span>;
  }
  if (!status.found) {
    return (
      <span
        className="work-lozenge lozenge is-removed"
        title="Not found in Jira: deleted, moved, or you cannot see it"
      >
        {itemKey} · not found
      </span>
    );
  }
  return (
    <span
      className={`work-lozenge lozenge ${TONE[status.category] ?? 'is-neutral'}`}
      title={`${itemKey}: ${status.summary} (${status.status})`}
    >
      {itemKey} · {status.status}
    </span>
  );
}
