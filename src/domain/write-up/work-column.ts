/**
 * The "Work in Jira" column of the write-up's pain point and opportunity tables (decision 0030):
 * each item's linked work items with their status as the generating person saw it in Jira. A
 * map with no linked work gets no column; Jira absent or down still gives the write-up, with the
 * keys and a note that the statuses were unavailable.
 */
import type { Translate } from '../i18n/translate';
import type { WorkItemLink } from '../model/schema';
import type { StatusCategory, WorkStatus } from '../work-items';
import type { StatusColour } from '../storage-format/elements';
import { statusLozenge } from '../storage-format/elements';
import type { Child, Markup } from '../storage-format/markup';
import { el } from '../storage-format/markup';

/** The statuses read for this generation (one JQL search), or why there are none. */
export type WriteUpWork =
  { available: true; statuses: readonly WorkStatus[] } | { available: false };

/** What a section needs to add the column: its header and the cell of a card. */
export type WorkColumn = {
  header: string;
  cell: (cardId: string) => Child;
  /** Shown under the table when the statuses could not be read. */
  note: Markup | null;
};

const COLOUR: Record<StatusCategory, StatusColour> = {
  new: 'Grey',
  indeterminate: 'Blue',
  done: 'Green',
  unknown: 'Grey',
};

/** One work item: key and status lozenge, or the key alone when Jira gave no status. */
function itemOf(key: string, status: WorkStatus | undefined, t: Translate): Child {
  if (!status) return key;
  if (!status.found)
    return [key, ' ', statusLozenge({ colour: 'Red', title: t('writeup.work.notFound') })];
  return [key, ' ', statusLozenge({ colour: COLOUR[status.category], title: status.status })];
}

/** The column for a map's links, or null when nothing on the map is linked to Jira. */
export function workColumn(args: {
  links: readonly WorkItemLink[];
  work: WriteUpWork;
  t: Translate;
}): WorkColumn | null {
  const { links, work, t } = args;
  if (links.length === 0) return null;
  const byKey = new Map(work.available ? work.statuses.map((s) => [s.key, s]) : []);
  return {
    header: t('writeup.col.work'),
    cell: (cardId) => {
      const keys = [...new Set(links.filter((l) => l.cardId === cardId).map((l) => l.key))];
      if (keys.length === 0) return '—';
      return keys.flatMap((k, i) => [i > 0 ? ', ' : null, itemOf(k, byKey.get(k), t)]);
    },
    note: work.available ? null : el('p', {}, el('em', {}, t('writeup.work.unavailable'))),
  };
}
