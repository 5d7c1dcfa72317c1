/**
 * The query language, parsed into an AST:
 *
 *   wing slipstream          terms, combined with OR (the default operator)
 *   "wing slipstream"        a phrase (positional)
 *   "wing slipstream"~3      a sloppy phrase: the terms within 3 position moves (Lucene's slop)
 *   a AND b, a OR b, NOT a   boolean operators (AND binds tighter than OR), also && || !
 *   +a -b                    required / excluded
 *   (a OR b) AND c           grouping
 *   title:wing title:(a b)   field-restricted term, phrase or group
 *   aero*                    prefix
 *   wnig~1 wnig~             fuzzy, 1 or 2 edits (2 when omitted)
 *   wing^2 "a b"^3 (a b)^2   boosts
 *   \+ \: \" ...             backslash escapes a special character
 *
 * {@link parseQuery} throws a {@link QuerySyntaxError} naming the column; {@link parseLenient}
 * never throws: on a syntax error it falls back to the plain words of the query.
 */
import { ArgumentError } from '../../core/errors.js';
import type { Occur } from './boolean/boolean-query.js';

/** A node of the query AST. */
export type QueryNode =
  | { type: 'term'; field?: string; text: string; boost?: number; prefix?: boolean; fuzzy?: number }
  | { type: 'phrase'; field?: string; text: string; boost?: number; slop?: number }
  | { type: 'bool'; clauses: { occur: Occur; node: QueryNode }[]; boost?: number };

/** A query syntax error; `where.offset` is the 0-based column in the query string. */
export class QuerySyntaxError extends ArgumentError {
  constructor(message: string, readonly column: number) {
    super(`query syntax error: ${message}`, { offset: column });
  }
}

type Tok =
  | { k: 'word'; text: string; at: number }
  | { k: 'phrase'; text: string; at: number }
  | { k: '(' | ')' | 'AND' | 'OR' | 'NOT' | '+' | '-' | ':' | '^' | '~' | 'EOF'; at: number; text?: string };

const SPECIAL = new Set(['(', ')', '"', ':', '^', '~', '\\']);

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\u3000';
}

function lex(q: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const n = q.length;
  let atStart = true; // at the start of a clause (for + - prefixes)
  while (i < n) {
    const c = q[i]!;
    if (isSpace(c)) {
      i++;
      atStart = true;
      continue;
    }
    if (c === '(' || c === ')' || c === ':' || c === '^' || c === '~') {
      out.push({ k: c, at: i });
      i++;
      atStart = c === '(';
      continue;
    }
    if ((c === '+' || c === '-' || c === '!') && atStart && i + 1 < n && !isSpace(q[i + 1]!)) {
      out.push({ k: c === '!' ? 'NOT' : c, at: i });
      i++;
      continue;
    }
    if (c === '"') {
      const start = i++;
      let text = '';
      while (i < n && q[i] !== '"') {
        if (q[i] === '\\' && i + 1 < n) i++;
        text += q[i++];
      }
      if (i >= n) throw new QuerySyntaxError('unterminated phrase (missing closing ")', start);
      i++;
      out.push({ k: 'phrase', text, at: start });
      atStart = false;
      continue;
    }
    if ((c === '&' && q[i + 1] === '&') || (c === '|' && q[i + 1] === '|')) {
      out.push({ k: c === '&' ? 'AND' : 'OR', at: i });
      i += 2;
      atStart = true;
      continue;
    }
    const start = i;
    let text = '';
    while (i < n && !isSpace(q[i]!) && !SPECIAL.has(q[i]!)) text += q[i++];
    while (i < n && q[i] === '\\') {
      if (i + 1 >= n) throw new QuerySyntaxError('dangling backslash at the end', i);
      text += q[i + 1];
      i += 2;
      while (i < n && !isSpace(q[i]!) && !SPECIAL.has(q[i]!)) text += q[i++];
    }
    if (text === 'AND' || text === 'OR' || text === 'NOT') out.push({ k: text, at: start });
    else out.push({ k: 'word', text, at: start });
    atStart = false;
  }
  out.push({ k: 'EOF', at: n });
  return out;
}

/** Largest phrase slop `"a b"~N` accepted (far beyond any useful window; keeps scoring arithmetic exact). */
export const MAX_PHRASE_SLOP = 1 << 20;

/** Deepest nesting of groups and unary operators: deeper queries are a syntax error, not a stack overflow. */
export const MAX_QUERY_DEPTH = 256;

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly toks: Tok[]) {}

  // Every recursive step (a group, a unary operator) goes through here.
  private nested<T>(at: number, f: () => T): T {
    if (++this.depth > MAX_QUERY_DEPTH) throw new QuerySyntaxError(`query nests deeper than ${MAX_QUERY_DEPTH} levels`, at);
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  private peek(): Tok {
    return this.toks[this.i]!;
  }

  private take(): Tok {
    return this.toks[this.i++]!;
  }

  parse(): QueryNode {
    const node = this.parseOr();
    const t = this.peek();
    if (t.k !== 'EOF') throw new QuerySyntaxError(t.k === ')' ? 'unmatched )' : `unexpected ${describe(t)}`, t.at);
    return node;
  }

  private parseOr(): QueryNode {
    const clauses: { occur: Occur; node: QueryNode }[] = [];
    for (;;) {
      const t = this.peek();
      if (t.k === 'EOF' || t.k === ')') break;
      if (t.k === 'OR') {
        if (!clauses.length) throw new QuerySyntaxError('OR needs a left operand', t.at);
        this.take();
        const nx = this.peek();
        if (nx.k === 'EOF' || nx.k === ')' || nx.k === 'OR' || nx.k === 'AND') throw new QuerySyntaxError('OR needs a right operand', nx.at);
        continue;
      }
      if (t.k === 'AND') throw new QuerySyntaxError('AND needs a left operand', t.at);
      clauses.push(this.parseAnd());
    }
    if (clauses.length === 1 && clauses[0]!.occur === 'should') return clauses[0]!.node;
    return { type: 'bool', clauses };
  }

  private parseAnd(): { occur: Occur; node: QueryNode } {
    const first = this.parseUnary();
    if (this.peek().k !== 'AND') return first;
    const items = [first];
    while (this.peek().k === 'AND') {
      this.take();
      const nx = this.peek();
      if (nx.k === 'EOF' || nx.k === ')' || nx.k === 'OR' || nx.k === 'AND') throw new QuerySyntaxError('AND needs a right operand', nx.at);
      items.push(this.parseUnary());
    }
    return { occur: 'should', node: { type: 'bool', clauses: items.map((c) => ({ occur: c.occur === 'mustNot' ? 'mustNot' : 'must', node: c.node })) } };
  }

  private parseUnary(): { occur: Occur; node: QueryNode } {
    const t = this.peek();
    if (t.k === 'NOT' || t.k === '-') {
      this.take();
      return { occur: 'mustNot', node: this.nested(t.at, () => this.parseUnary()).node };
    }
    if (t.k === '+') {
      this.take();
      return { occur: 'must', node: this.nested(t.at, () => this.parseUnary()).node };
    }
    return { occur: 'should', node: this.parsePrimary() };
  }

  private parsePrimary(field?: string): QueryNode {
    const t = this.take();
    let node: QueryNode;
    if (t.k === '(') {
      node = this.nested(t.at, () => this.parseOr());
      const close = this.take();
      if (close.k !== ')') throw new QuerySyntaxError('missing )', close.at);
      if (field !== undefined) node = withField(node, field);
    } else if (t.k === 'phrase') {
      node = { type: 'phrase', text: t.text, ...(field !== undefined ? { field } : {}) };
      if (this.peek().k === '~') {
        // Lucene's sloppy phrase `"a b"~N`: the number touches the `~`; a fraction is truncated
        // and a bare `~` means slop 0, as Lucene's QueryParser.
        const tl = this.take();
        const nx = this.peek();
        if (nx.k === 'word' && nx.at === tl.at + 1 && /^(\d+(\.\d*)?|\.\d+)$/.test(nx.text)) {
          this.take();
          const slop = Math.trunc(Number(nx.text));
          if (slop > MAX_PHRASE_SLOP) throw new QuerySyntaxError(`phrase slop must be at most ${MAX_PHRASE_SLOP}`, nx.at);
          if (slop > 0) node = { ...node, slop };
        }
      }
    } else if (t.k === 'word') {
      if (this.peek().k === ':' && field === undefined) {
        const colon = this.take();
        if (!t.text) throw new QuerySyntaxError('empty field name', colon.at);
        const nx = this.peek();
        if (nx.k !== 'word' && nx.k !== 'phrase' && nx.k !== '(') throw new QuerySyntaxError(`field "${t.text}:" needs a term, phrase or group`, nx.at);
        return this.parsePrimary(t.text);
      }
      let text = t.text;
      let prefix = false;
      if (text.length > 1 && text.endsWith('*') && !text.endsWith('\\*')) {
        prefix = true;
        text = text.slice(0, -1);
      }
      if (!text) throw new QuerySyntaxError('empty term', t.at);
      node = { type: 'term', text, ...(field !== undefined ? { field } : {}), ...(prefix ? { prefix } : {}) };
      if (this.peek().k === '~') {
        const tl = this.take();
        let edits = 2;
        const nx = this.peek();
        // The number must touch the `~` (Lucene's FUZZY_SLOP token): `wnig~ 2` is wnig~ OR 2.
        if (nx.k === 'word' && nx.at === tl.at + 1 && /^(\d+(\.\d*)?|\.\d+)$/.test(nx.text)) {
          this.take();
          const v = Number(nx.text);
          if (v >= 1 && !Number.isInteger(v)) throw new QuerySyntaxError('fractional edit distances are not allowed (use ~0, ~1, ~2 or a similarity below 1)', nx.at);
          // A value below 1 is Lucene's legacy minimum similarity: FuzzyQuery.floatToEdits.
          edits = v >= 1 || v === 0 ? v : Math.min(Math.floor((1 - v) * [...text].length), 2);
          if (edits > 2) throw new QuerySyntaxError('fuzzy edits must be 0, 1 or 2', nx.at);
        }
        if (prefix) throw new QuerySyntaxError('a term cannot be both prefix* and fuzzy~', tl.at);
        node = { ...node, fuzzy: edits };
      }
    } else throw new QuerySyntaxError(t.k === 'EOF' ? 'unexpected end of query' : `unexpected ${describe(t)}`, t.at);
    if (this.peek().k === '^') {
      const caret = this.take();
      const num = this.take();
      const v = num.k === 'word' ? Number(num.text) : NaN;
      if (!Number.isFinite(v) || v < 0) throw new QuerySyntaxError('^ needs a non-negative number', num.k === 'EOF' ? caret.at : num.at);
      node = { ...node, boost: v };
    }
    return node;
  }
}

function describe(t: Tok): string {
  return t.k === 'word' || t.k === 'phrase' ? `"${t.text}"` : `"${t.k}"`;
}

function withField(node: QueryNode, field: string): QueryNode {
  if (node.type === 'bool') return { ...node, clauses: node.clauses.map((c) => ({ occur: c.occur, node: withField(c.node, field) })) };
  return node.field === undefined ? { ...node, field } : node;
}

/**
 * Parses a query string strictly; throws {@link QuerySyntaxError} (with the column) on bad syntax.
 * @example parseQuery('+wing -"tail plane" title:flow^2')
 */
export function parseQuery(query: string): QueryNode {
  if (typeof query !== 'string') throw new ArgumentError('a query must be a string');
  return new Parser(lex(query)).parse();
}

/**
 * Parses leniently: never throws. On a syntax error the query becomes an OR of its plain words
 * (special characters removed), as search boxes expect.
 */
export function parseLenient(query: string): QueryNode {
  try {
    return parseQuery(String(query ?? ''));
  } catch {
    const words = String(query ?? '')
      .split(/[\s()"':^~*\\+\-!&|]+/)
      .filter((w) => w && w !== 'AND' && w !== 'OR' && w !== 'NOT');
    return { type: 'bool', clauses: words.map((w) => ({ occur: 'should' as const, node: { type: 'term' as const, text: w } })) };
  }
}

/**
 * Escapes every query-syntax character of `text` (and lower-cases the operators AND/OR/NOT) so it
 * parses as plain words, e.g. for evaluating natural-language queries.
 * @example escapeQuery('flow (laminar) -dash') // 'flow \\(laminar\\) \\-dash'
 */
export function escapeQuery(text: string): string {
  return text.replace(/[()"\\:^~*+\-!&|]/g, (c) => '\\' + c).replace(/\b(AND|OR|NOT)\b/g, (w) => w.toLowerCase());
}
