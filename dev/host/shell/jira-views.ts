/**
 * A minimal Jira in the local shell, so the demo can be clicked through: the projects the viewer
 * may browse with their work items, and a work item page (`/browse/KEY`, the path real Jira uses)
 * with summary, description, status and the transitions its workflow offers (run through Jira's
 * transition endpoint as the viewer).
 */
import type { JiraStore } from '../../emulator/jira/jira-state';
import type { JiraIssue, JiraTransition } from '../../emulator/jira/jira-types';
import { JIRA_STATUSES } from '../../emulator/jira/jira-types';
import { h } from './layout';

/** Plain text of an ADF document (paragraph per block), for the issue page. */
function adfText(node: unknown): string[] {
  const lines: string[] = [];
  const walk = (n: unknown, into: string[]): string => {
    if (!n || typeof n !== 'object') return '';
    const o = n as { type?: unknown; text?: unknown; content?: unknown };
    if (o.type === 'text' && typeof o.text === 'string') return o.text;
    const parts = Array.isArray(o.content) ? o.content.map((c) => walk(c, into)) : [];
    if (o.type === 'paragraph' || o.type === 'blockquote') {
      into.push(parts.join(''));
      return '';
    }
    return parts.join('');
  };
  walk(node, lines);
  return lines.filter((l) => l.trim() !== '');
}

function statusOf(issue: JiraIssue) {
  return JIRA_STATUSES.find((s) => s.id === issue.statusId) ?? JIRA_STATUSES[0];
}

function lozenge(issue: JiraIssue): string {
  const s = statusOf(issue);
  return `<span class="jira-status is-${h(s?.category ?? 'new')}">${h(s?.name ?? '')}</span>`;
}

/** Whether the viewer may browse the item's project. */
export function mayBrowse(jira: JiraStore, accountId: string | null, issue: JiraIssue): boolean {
  const project = jira.project(issue.projectKey);
  return !!project && accountId !== null && project.browsers.includes(accountId);
}

/** `/jira`: the projects the viewer may browse, each with its work items. */
export function jiraHomeView(jira: JiraStore, accountId: string | null): string {
  if (!jira.state.present) return '<h1>Jira</h1><p>This site has no Jira.</p>';
  const projects = jira.state.projects.filter(
    (p) => accountId !== null && p.browsers.includes(accountId),
  );
  const sections = projects.map((p) => {
    const items = jira.state.issues.filter((i) => i.projectKey === p.key);
    const rows = items
      .map(
        (i) =>
          `<li><a href="/browse/${h(i.key)}">${h(i.key)}</a> ${h(i.summary)} ${lozenge(i)}</li>`,
      )
      .join('');
    return `<section class="jira-project" data-project="${h(p.key)}"><h2>${h(p.name)} (${h(
      p.key,
    )})</h2>${rows ? `<ul>${rows}</ul>` : '<p>No work items yet.</p>'}</section>`;
  });
  return `<h1>Jira projects</h1>${sections.join('') || '<p>You cannot see any project.</p>'}`;
}

/** `/browse/KEY`: one work item, with the transitions its workflow offers from its status. */
export function jiraIssueView(args: {
  issue: JiraIssue;
  projectName: string;
  transitions: readonly JiraTransition[];
}): string {
  const { issue, projectName } = args;
  const options = args.transitions
    .map((t) => {
      const to = JIRA_STATUSES.find((s) => s.id === t.to)?.name ?? t.to;
      return `<option value="${h(t.id)}">${h(t.name)} → ${h(to)}</option>`;
    })
    .join('');
  const description = adfText(issue.description)
    .map((l) => `<p>${h(l)}</p>`)
    .join('');
  return `<div class="jira-page"><nav class="jira-crumbs"><a href="/jira">Jira</a> / ${h(projectName)} / ${h(
    issue.key,
  )}</nav>
<article class="jira-issue" data-key="${h(issue.key)}">
<h1><span class="jira-key">${h(issue.key)}</span> ${h(issue.summary)}</h1>
<p>Status: ${lozenge(issue)}</p>
<form method="post" action="/__shell/jira/${h(issue.key)}/status" class="jira-transition">
<label>Change status <select name="transitionId" aria-label="Transition">${options}</select></label>
<input type="hidden" name="back" value="/browse/${h(issue.key)}">
<button type="submit">Move</button>
</form>
<h2>Description</h2>
<div class="jira-description">${description || '<p>No description.</p>'}</div>
</article></div>`;
}
