/**
 * Create a work item for a pain point or opportunity: ONE Jira create as the person, then the
 * link recorded on the map by a normal op through `saveEdits` (2 REST writes in all). When Jira
 * refuses, nothing is created and the map is not touched; its message names the field.
 */
import type { ConfluenceClient } from '../confluence/client';
import type { MapLocation } from '../confluence/map-store';
import type { WorkItemRequest } from '../domain/work-items';
import type { JiraClient } from '../jira/client';
import { draftToAdf } from '../jira/adf';
import type { UseCaseDeps } from './deps';
import type { SavedEdits } from './save-edits';
import { UseCaseFailure } from './failure';
import { saveEdits } from './save-edits';
import { msg } from '../domain/i18n/message';
import type { MessageParam } from '../domain/i18n/message';

/** Creates the item in Jira, then links it on the map (see file comment). */
export async function createWorkItem(args: {
  client: ConfluenceClient;
  jira: JiraClient;
  at: MapLocation;
  request: WorkItemRequest;
  baseVersion: number;
  accountId: string | null;
  deps: UseCaseDeps;
}): Promise<{ key: string; saved: SavedEdits }> {
  const { request: r } = args;
  const { key } = await args.jira.createWorkItem({
    project: r.project,
    issueType: r.issueType,
    summary: r.summary,
    description: draftToAdf(r.blocks),
    labels: r.labels,
    component: r.component,
  });
  const saved = await saveEdits({
    client: args.client,
    at: args.at,
    ops: [{ type: 'workItem/link', cardId: r.cardId, key, team: r.team }],
    baseVersion: args.baseVersion,
    // One batch per created item: a lost answer resent is linked once.
    batchId: `jira-${key}`.slice(0, 64),
    accountId: args.accountId,
    deps: args.deps,
  }).catch((error: unknown) => {
    // The item exists in Jira: say which, so the person can link it by key instead of losing it.
    const why: MessageParam =
      error instanceof UseCaseFailure
        ? error.said
        : error instanceof Error
          ? error.message
          : String(error);
    throw new UseCaseFailure('CONFLICT', msg('errors.jira.linkFailed', { key, why }));
  });
  return { key, saved };
}
