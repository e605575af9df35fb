/** A work item's key and status lozenge, coloured by Jira's status category. */
import type { WorkStatus } from '@domain/work-items';
import { useT } from '../../../i18n';

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
  const t = useT();
  if (!status) {
    return <span className="work-lozenge lozenge">{itemKey}</span>;
  }
  if (!status.found) {
    return (
      <span className="work-lozenge lozenge is-removed" title={t('work.lozenge.notFoundTitle')}>
        {t('work.lozenge.notFound', { key: itemKey })}
      </span>
    );
  }
  return (
    <span
      className={`work-lozenge lozenge ${TONE[status.category] ?? 'is-neutral'}`}
      title={t('work.lozenge.title', {
        key: itemKey,
        summary: status.summary,
        status: status.status,
      })}
    >
      {itemKey} · {status.status}
    </span>
  );
}
