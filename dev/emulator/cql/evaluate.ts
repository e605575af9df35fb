/** Evaluates parsed CQL against one item through a field resolver, with Confluence-like typing. */
import { HttpError } from '../errors';
import type { CqlExpr, CqlOp, CqlQuery, CqlValue } from './parse';

/** Field types the evaluator compares by. */
export type FieldType = 'string' | 'text' | 'number' | 'date' | 'title';

/** A resolved field of one item: its type and values (several for e.g. `ancestor`). */
export type FieldValue = { type: FieldType; values: (string | number)[] };

/** Resolves a field name for the current item; throws HttpError 400 for unknown fields. */
export type FieldResolver = (field: string) => FieldValue;

const NEGATIVE = new Set<CqlOp>(['!=', '!~', 'not in']);

/** Evaluates the where-expression for one item. */
export function matches(expr: CqlExpr, resolve: FieldResolver, now: Date): boolean {
  switch (expr.kind) {
    case 'all':
      return true;
    case 'and':
      return matches(expr.left, resolve, now) && matches(expr.right, resolve, now);
    case 'or':
      return matches(expr.left, resolve, now) || matches(expr.right, resolve, now);
    case 'not':
      return !matches(expr.expr, resolve, now);
    case 'clause': {
      const field = resolve(expr.field);
      checkOperator(expr.field, field.type, expr.op);
      const negative = NEGATIVE.has(expr.op);
      const positiveOp = positive(expr.op);
      const hit = field.values.some((v) =>
        expr.values.some((q) => compare(field.type, v, positiveOp, q, now)),
      );
      return negative ? !hit : hit;
    }
  }
}

function positive(op: CqlOp): CqlOp {
  if (op === '!=' || op === 'not in') return '=';
  if (op === '!~') return '~';
  if (op === 'in') return '=';
  return op;
}

function checkOperator(name: string, type: FieldType, op: CqlOp): void {
  const ordered = op === '>' || op === '<' || op === '>=' || op === '<=';
  if (ordered && type !== 'number' && type !== 'date') {
    throw new HttpError(
      400,
      `Could not parse cql : operator '${op}' is not supported for field '${name}'`,
    );
  }
  if ((op === '~' || op === '!~') && (type === 'number' || type === 'date')) {
    throw new HttpError(
      400,
      `Could not parse cql : operator '${op}' is not supported for field '${name}'`,
    );
  }
}

function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean);
}

/** Text match: every query term must start a word of the text (a cheap stand-in for stemming). */
export function textMatches(text: string, query: string): boolean {
  if (query.includes('*') || query.includes('?')) {
    const re = new RegExp(
      query
        .toLowerCase()
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.'),
    );
    return words(text).some((w) => re.test(w)) || re.test(text.toLowerCase());
  }
  const tokens = words(text);
  const terms = words(query);
  return terms.length > 0 && terms.every((t) => tokens.some((w) => w.startsWith(t)));
}

/** Parses a CQL date literal or `now("-1d")`; returns [start, end) in ms. */
export function dateRange(q: CqlValue, now: Date): [number, number] {
  const fn = /^now\((.*)\)$/i.exec(q.text);
  if (q.kind === 'word' && fn) {
    const arg = (fn[1] ?? '').replace(/["']/g, '');
    const m = /^([+-]?\d+)([mhdwMy])$/.exec(arg);
    let t = now.getTime();
    if (m) {
      const n = Number(m[1]);
      const unit = m[2] ?? 'd';
      const d = new Date(t);
      if (unit === 'M') d.setUTCMonth(d.getUTCMonth() + n);
      else if (unit === 'y') d.setUTCFullYear(d.getUTCFullYear() + n);
      else {
        const ms = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[unit] ?? 0;
        d.setTime(t + n * ms);
      }
      t = d.getTime();
    }
    return [t, t + 1];
  }
  const text = q.text.trim().replace(/\//g, '-');
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const ms = Date.parse(dateOnly ? `${text}T00:00:00Z` : text.replace(' ', 'T'));
  if (Number.isNaN(ms)) throw new HttpError(400, `Could not parse cql : invalid date '${q.text}'`);
  return [ms, dateOnly ? ms + 86_400_000 : ms + 1];
}

function toMs(v: string | number): number {
  return typeof v === 'number' ? v : Date.parse(v);
}

function compare(type: FieldType, v: string | number, op: CqlOp, q: CqlValue, now: Date): boolean {
  if (type === 'number') {
    const a = Number(v);
    const b = Number(q.text);
    if (Number.isNaN(b))
      throw new HttpError(400, `Could not parse cql : '${q.text}' is not a number`);
    return cmp(op, a - b);
  }
  if (type === 'date') {
    const a = toMs(v);
    if (Number.isNaN(a)) return false;
    const [start, end] = dateRange(q, now);
    if (op === '=') return a >= start && a < end;
    if (op === '>') return a >= end;
    if (op === '>=') return a >= start;
    if (op === '<') return a < start;
    if (op === '<=') return a < end;
    return false;
  }
  const s = String(v);
  if (op === '~') return textMatches(s, q.text);
  if (op === '=') {
    return type === 'string' ? s === q.text : s.toLowerCase() === q.text.toLowerCase();
  }
  return false;
}

function cmp(op: CqlOp, d: number): boolean {
  switch (op) {
    case '=':
      return d === 0;
    case '>':
      return d > 0;
    case '<':
      return d < 0;
    case '>=':
      return d >= 0;
    case '<=':
      return d <= 0;
    default:
      return false;
  }
}

/** Sorts items by the query's order-by fields (missing values last); stable. */
export function sortBy<T>(
  items: T[],
  query: CqlQuery,
  resolverFor: (item: T) => FieldResolver,
): T[] {
  if (query.orderBy.length === 0) return items;
  const keyed = items.map((item, i) => ({
    item,
    i,
    keys: query.orderBy.map((o) => {
      const f = resolverFor(item)(o.field);
      const v = f.values[0];
      if (v === undefined) return undefined;
      if (f.type === 'number') return Number(v);
      if (f.type === 'date') return toMs(v);
      return String(v).toLowerCase();
    }),
  }));
  keyed.sort((a, b) => {
    for (let k = 0; k < query.orderBy.length; k += 1) {
      const x = a.keys[k];
      const y = b.keys[k];
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const d = x < y ? -1 : 1;
      return query.orderBy[k]?.dir === 'desc' ? -d : d;
    }
    return a.i - b.i;
  });
  return keyed.map((k) => k.item);
}
