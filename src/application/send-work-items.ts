/**
 * "Send the top N to their teams": the plan (domain `planSend`) over the map read as the person
 * and the space's routing rules; then, unless it is a preview, one Jira create per planned row
 * and ONE map save recording every created link (N creates + 1 save). A row Jira refuses is
 * reported with Jira's message and the others go on; once Jira is rate-limited or down the rest
 * are reported as not sent. Nothing is linked that was not created.
 */
import type { ConfluenceClient } from '../confluence/client';
import type { MapLocation } from '../confluence/map-store';
import { readMap } from '../confluence/map-store';
import { readRoutingRules } from '../confluence/routing-store';
import type { Op } from '../domain/operations/op-types';
import type { SendRow } from '../domain/work-items';
import { draftWorkItem, planSend } from '../domain/work-items';
import type { JiraClient } from '../jira/client';
import { draftToAdf } from '../jira/adf';
import { JiraRefusedError, JiraForbiddenError } from '../jira/errors';
import type { UseCaseDeps } from './deps';
import { UseCaseFailure } from './failure';
import { explainJiraTrouble } from './jira-trouble';
import type { SavedEdits } from './save-edits';
import { saveEdits } from './save-edits';
import { msg, render } from '../domain/i18n/message';
import type { Translate } from '../domain/i18n/translate';

/** One row of the report: the plan row and what happened. */
export type SentRow = SendRow & {
  /** The created key, when it was created. */
  key?: string;
  /** Jira's refusal or why it was not sent. */
  error?: string;
};

/** What a send (or its preview) answers. */
export type SendReport = { rows: SentRow[]; saved: SavedEdits | null };

/** Plans, and unless `preview`, creates and links (see file comment). */
export async function sendWorkItems(args: {
  client: ConfluenceClient;
  jira: JiraClient;
  at: MapLocation;
  spaceId: string;
  topN: number;
  preview: boolean;
  pageUrl: string;
  baseVersion: number;
  accountId: string | null;
  deps: UseCaseDeps;
  /** The person's language: the work items' words and the report's reasons (decision 0047). */
  t: Translate;
}): Promise<SendReport> {
  const { t } = args;
  const [stored, rules] = await Promise.all([
    readMap(args.client, args.at),
    readRoutingRules(args.client, args.spaceId),
  ]);
  const map = stored.map;
  if (!map) throw new UseCaseFailure('NOT_FOUND', msg('errors.server.mapNotSaved'));
  const plan = planSend({ map, rules: rules.rules, topN: args.topN });
  if (args.preview) return { rows: plan, saved: null };
  const rows: SentRow[] = [];
  const links: Op[] = [];
  let stopped: string | null = null;
  for (const row of plan) {
    if (row.skip || !row.target) {
      rows.push(row);
      continue;
    }
    if (stopped) {
      rows.push({ ...row, error: stopped });
      continue;
    }
    const draft = draftWorkItem({ map, cardId: row.cardId, pageUrl: args.pageUrl, t });
    if (!draft) {
      rows.push({ ...row, error: t('errors.jira.cardGone') });
      continue;
    }
    try {
      const { key } = await args.jira.createWorkItem({
        project: row.target.project,
        issueType: row.target.issueType,
        summary: draft.summary,
        description: draftToAdf(draft.blocks),
        labels: row.target.labels,
        component: row.target.component,
      });
      rows.push({ ...row, key });
      links.push({ type: 'workItem/link', cardId: row.cardId, key, team: row.team });
    } catch (error) {
      if (error instanceof JiraRefusedError || error instanceof JiraForbiddenError) {
        rows.push({ ...row, error: error.message });
      } else {
        stopped = t('errors.jira.notSent', { reason: render(explainJiraTrouble(error).reason, t) });
        rows.push({ ...row, error: stopped });
      }
    }
  }
  const saved =
    links.length === 0
      ? null
      : await saveEdits({
          client: args.client,
          at: args.at,
          ops: links,
          baseVersion: args.baseVersion,
          batchId: `jira-send-${args.deps.newId()}`.slice(0, 64),
          accountId: args.accountId,
          deps: args.deps,
        });
  return { rows, saved };
}
