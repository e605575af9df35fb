/** A parser for the CQL subset the emulator understands (clauses, and/or/not, parentheses, order by). */
import { HttpError } from '../errors';

/** A literal on the right of an operator. */
export type CqlValue = { kind: 'string' | 'number' | 'word'; text: string };

/** Comparison operators. */
export type CqlOp = '=' | '!=' | '~' | '!~' | '>' | '<' | '>=' | '<=' | 'in' | 'not in';

/** A CQL expression tree. */
export type CqlExpr =
  | { kind: 'and' | 'or'; left: CqlExpr; right: CqlExpr }
  | { kind: 'not'; expr: CqlExpr }
  | { kind: 'clause'; field: string; op: CqlOp; values: CqlValue[] }
  | { kind: 'all' };

/** A parsed query. */
export type CqlQuery = { where: CqlExpr; orderBy: { field: string; dir: 'asc' | 'desc' }[] };

type Token =
  | { t: 'str'; v: string }
  | { t: 'num'; v: string }
  | { t: 'word'; v: string }
  | { t: 'op'; v: string }
  | { t: 'punc'; v: '(' | ')' | ',' };

function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '"' || ch === "'") {
      let v = '';
      i += 1;
      while (i < src.length && src[i] !== ch) {
        if (src[i] === '\\' && i + 1 < src.length) i += 1;
        v += src[i] ?? '';
        i += 1;
      }
      if (i >= src.length) throw bad('unterminated string');
      i += 1;
      out.push({ t: 'str', v });
    } else if (ch === '(' || ch === ')' || ch === ',') {
      out.push({ t: 'punc', v: ch });
      i += 1;
    } else if ('=!~<>'.includes(ch)) {
      const two = src.slice(i, i + 2);
      const op = ['!=', '!~', '>=', '<='].includes(two) ? two : ch;
      if (op === '!') throw bad(`unexpected '!'`);
      out.push({ t: 'op', v: op });
      i += op.length;
    } else {
      const m = /^-?\d+(\.\d+)?(?![A-Za-z_])/.exec(src.slice(i));
      if (m) {
        out.push({ t: 'num', v: m[0] });
        i += m[0].length;
        continue;
      }
      const w = /^[A-Za-z_][A-Za-z0-9_.\-[\]]*/.exec(src.slice(i));
      if (!w) throw bad(`unexpected character '${ch}'`);
      out.push({ t: 'word', v: w[0] });
      i += w[0].length;
    }
  }
  return out;
}

function bad(msg: string): HttpError {
  return new HttpError(400, `Could not parse cql : ${msg}`);
}

/** Parses a CQL string. */
export function parseCql(src: string): CqlQuery {
  const tokens = lex(src);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isWord = (w: string, tok = peek()): boolean =>
    tok?.t === 'word' && tok.v.toLowerCase() === w;

  /** A left-associative chain of `operand`s joined by the keyword `kind`. */
  function parseChain(kind: 'or' | 'and', operand: () => CqlExpr): CqlExpr {
    let left = operand();
    while (isWord(kind)) {
      pos += 1;
      left = { kind, left, right: operand() };
    }
    return left;
  }
  function parseOr(): CqlExpr {
    return parseChain('or', parseAnd);
  }
  function parseAnd(): CqlExpr {
    return parseChain('and', parseNot);
  }
  function parseNot(): CqlExpr {
    if (isWord('not')) {
      pos += 1;
      return { kind: 'not', expr: parseNot() };
    }
    const tok = peek();
    if (tok?.t === 'punc' && tok.v === '(') {
      pos += 1;
      const e = parseOr();
      const close = peek();
      if (close?.t !== 'punc' || close.v !== ')') throw bad('missing )');
      pos += 1;
      return e;
    }
    return parseClause();
  }
  function parseValue(): CqlValue {
    const tok = peek();
    if (!tok) throw bad('missing value');
    pos += 1;
    if (tok.t === 'str') return { kind: 'string', text: tok.v };
    if (tok.t === 'num') return { kind: 'number', text: tok.v };
    if (tok.t === 'word') {
      // Functions such as currentUser() or now("-1d"): keep the call text as a word.
      const next = peek();
      if (next?.t === 'punc' && next.v === '(') {
        pos += 1;
        const args: string[] = [];
        while (peek() && !(peek()?.t === 'punc' && peek()?.v === ')')) {
          const a = peek();
          if (a && a.t !== 'punc') args.push(a.v);
          pos += 1;
        }
        pos += 1;
        return { kind: 'word', text: `${tok.v}(${args.join(',')})` };
      }
      return { kind: 'word', text: tok.v };
    }
    throw bad(`unexpected '${tok.v}'`);
  }
  function parseClause(): CqlExpr {
    const field = peek();
    if (field?.t !== 'word') throw bad(`expected a field, got '${field?.v ?? 'end of query'}'`);
    pos += 1;
    let op: CqlOp;
    const tok = peek();
    if (tok?.t === 'op') {
      op = tok.v as CqlOp;
      pos += 1;
    } else if (isWord('in')) {
      op = 'in';
      pos += 1;
    } else if (isWord('not') && isWord('in', tokens[pos + 1])) {
      op = 'not in';
      pos += 2;
    } else {
      throw bad(`expected an operator after '${field.v}'`);
    }
    if (op === 'in' || op === 'not in') {
      const open = peek();
      if (open?.t !== 'punc' || open.v !== '(') throw bad('expected ( after in');
      pos += 1;
      const values: CqlValue[] = [];
      for (;;) {
        values.push(parseValue());
        const sep = peek();
        if (sep?.t === 'punc' && sep.v === ',') {
          pos += 1;
          continue;
        }
        if (sep?.t === 'punc' && sep.v === ')') {
          pos += 1;
          break;
        }
        throw bad('expected , or ) in list');
      }
      return { kind: 'clause', field: field.v, op, values };
    }
    return { kind: 'clause', field: field.v, op, values: [parseValue()] };
  }

  const where: CqlExpr = peek() && !isWord('order') ? parseOr() : { kind: 'all' };
  const orderBy: CqlQuery['orderBy'] = [];
  if (isWord('order')) {
    pos += 1;
    if (!isWord('by')) throw bad('expected by after order');
    pos += 1;
    for (;;) {
      const f = peek();
      if (f?.t !== 'word') throw bad('expected a field after order by');
      pos += 1;
      let dir: 'asc' | 'desc' = 'asc';
      if (isWord('asc') || isWord('desc')) {
        dir = (peek()?.v.toLowerCase() ?? 'asc') as 'asc' | 'desc';
        pos += 1;
      }
      orderBy.push({ field: f.v, dir });
      const sep = peek();
      if (sep?.t === 'punc' && sep.v === ',') {
        pos += 1;
        continue;
      }
      break;
    }
  }
  if (pos < tokens.length) throw bad(`unexpected '${tokens[pos]?.v ?? ''}'`);
  return { where, orderBy };
}
