/**
 * `GET` and `POST /rest/api/3/issue/{key}/transitions`: the transitions the workflow offers from
 * the item's current status, and running one of them. Jira refuses any other transition id with
 * a 400 in its error shape; a body without `transition.id` is a 400 too.
 */
import { JiraHttpError } from './jira-errors';
import { statusShape } from './jira-shapes';
import type { JiraShapeContext } from './jira-shapes';
import type { JiraStore } from './jira-state';
import type { JiraIssue, JiraTransition } from './jira-types';

/** One transition as `GET …/transitions` lists it. */
function transitionShape(ctx: JiraShapeContext, t: JiraTransition): Record<string, unknown> {
  return {
    id: t.id,
    name: t.name,
    to: statusShape(ctx, t.to),
    hasScreen: false,
    isGlobal: false,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    looped: false,
  };
}

/** The body of `GET …/transitions` (`transitionId` narrows it to that one, when offered). */
export function listTransitions(args: {
  ctx: JiraShapeContext;
  jira: JiraStore;
  issue: JiraIssue;
  transitionId: string | null;
}): Record<string, unknown> {
  const offered = args.jira
    .transitionsOf(args.issue)
    .filter((t) => args.transitionId === null || t.id === args.transitionId);
  return { expand: 'transitions', transitions: offered.map((t) => transitionShape(args.ctx, t)) };
}

/** Runs the transition a `POST …/transitions` body names. */
export function doTransition(args: {
  jira: JiraStore;
  issue: JiraIssue;
  body: Record<string, unknown>;
}): void {
  const ref = args.body.transition;
  const id =
    ref && typeof ref === 'object' && !Array.isArray(ref)
      ? (ref as { id?: unknown }).id
      : undefined;
  if (typeof id !== 'string' || id === '') {
    throw new JiraHttpError(400, "Missing 'transition' identifier.");
  }
  args.jira.transition(args.issue, id);
}
