/**
 * The JQL the emulator understands: `key in (…)`, `key = X`, `project = X` (joined by AND), with
 * an optional ORDER BY of at most 7 fields. Anything else is Jira's 400; a query with no
 * restriction is refused as unbounded, as `/rest/api/3/search/jql` does.
 */
import { JiraHttpError } from './jira-errors';

/** A parsed query: every clause must hold. */
export type JqlQuery = { keys: string[] | null; projects: string[] | null };

const KEY = /^[A-Z][A-Z0-9_]*-\d+$/i;

function splitList(inner: string): string[] {
  return inner
    .split(',')
    .map((s) => s.trim().replace(/^"(.*)"$/, '$1'))
    .filter((s) => s.length > 0);
}

/** Parses `jql` or throws Jira's 400. */
export function parseJql(jql: string): JqlQuery {
  const [where = '', orderBy] = jql.split(/\border\s+by\b/i);
  if (orderBy !== undefined && orderBy.split(',').length > 7) {
    throw new JiraHttpError(400, 'The ORDER BY clause may name at most 7 fields.');
  }
  const query: JqlQuery = { keys: null, projects: null };
  const text = where.trim();
  if (!text) {
    throw new JiraHttpError(
      400,
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    );
  }
  for (const clause of text.split(/\s+and\s+/i)) {
    const m = /^(key|issuekey|project)\s*(=|in)\s*(.+)$/i.exec(clause.trim());
    if (!m)
      throw new JiraHttpError(400, `Error in the JQL Query: cannot parse '${clause.trim()}'.`);
    const field = (m[1] ?? '').toLowerCase();
    const op = (m[2] ?? '').toLowerCase();
    const raw = (m[3] ?? '').trim();
    let values: string[];
    if (op === 'in') {
      const list = /^\((.*)\)$/s.exec(raw);
      if (!list)
        throw new JiraHttpError(400, `Error in the JQL Query: expected a list after 'in'.`);
      values = splitList(list[1] ?? '');
      if (values.length === 0) throw new JiraHttpError(400, 'Error in the JQL Query: empty list.');
    } else {
      values = [raw.replace(/^"(.*)"$/, '$1')];
    }
    if (field === 'project') {
      query.projects = values.map((v) => v.toUpperCase());
    } else {
      for (const v of values) {
        if (!KEY.test(v)) {
          throw new JiraHttpError(400, `The issue key '${v}' for field 'key' is invalid.`);
        }
      }
      query.keys = values.map((v) => v.toUpperCase());
    }
  }
  return query;
}
