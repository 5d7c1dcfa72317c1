import { Doc } from '../../core/doc.js';
import { ArgumentError } from '../../core/errors.js';
import { Span } from '../../core/span.js';
import type { Vocab } from '../../core/vocab.js';
import { Attr, ATTR_COLUMN, ATTR_NAMES, fillAttrColumn } from '../../core/attrs.js';
import { compilePatterns, type Compiled, type PatternEntry } from './compile.js';
import { NfaKernel, type PredicateMemo } from './nfa.js';
import { sortByPosition, sortLongestFirst } from './order.js';
import type { Predicate } from './predicates.js';
import { matchTarget } from './target.js';
import { parsePattern } from './validate.js';

/** One token spec: attribute keys to literals or predicate objects, plus optional `OP` and `_`. */
export type TokenSpecInput = Record<string, unknown>;
/** A token pattern: a list of token specs. */
export type TokenPattern = TokenSpecInput[];
/** A match: `[matchId, start, end]`, where `matchId` is the key's string id (`vocab.strings.get(matchId)`). */
export type MatchTriple = [matchId: number, start: number, end: number];
/** Callback run for each match of its key: `(matcher, doc, i, matches)`, like spaCy's `on_match`. */
export type OnMatch<M = Matcher> = (matcher: M, doc: Doc, i: number, matches: MatchTriple[]) => void;

/** Options of {@link Matcher}. */
export interface MatcherOptions {
  /** Check patterns strictly against the schema (booleans must be true/false). Default true. */
  validate?: boolean;
}

/** Options of {@link Matcher.add}. */
export interface MatcherAddOptions {
  /** Called for each match of this key, after greedy filtering. */
  onMatch?: OnMatch;
  /** Keep only non-overlapping matches of this key: the earliest-starting ("FIRST") or longest ("LONGEST"). */
  greedy?: 'FIRST' | 'LONGEST';
}

/** Options of {@link Matcher.match}. */
export interface MatchOptions {
  /** Return labelled Spans (in doc coordinates) instead of triples. Default false. */
  asSpans?: boolean;
  /** Allow patterns on POS/TAG/LEMMA/DEP over docs that have none of that annotation. Default false. */
  allowMissing?: boolean;
}

/** Defaults of {@link Matcher}. */
export const MATCHER_DEFAULTS = Object.freeze({ validate: true });

interface Rule {
  key: string;
  id: number;
  patterns: TokenPattern[];
  onMatch: OnMatch | undefined;
  greedy: 'FIRST' | 'LONGEST' | undefined;
}

/** Attributes set by a component, with the component to name when a doc lacks them. */
const ANNOTATED: readonly (readonly [number, string])[] = [
  [Attr.TAG, 'a tagger'],
  [Attr.POS, 'a tagger'],
  [Attr.LEMMA, 'a lemmatizer'],
  [Attr.DEP, 'a parser'],
];

/**
 * The token Matcher, with spaCy's pattern language and match semantics: every key, predicate
 * (`IN`, `NOT_IN`, `REGEX`, `FUZZY`, comparisons) and operator (`!`, `?`, `*`, `+`, `{n,m}`), all
 * overlapping matches unless a key is greedy. Patterns are compiled once into one automaton indexed
 * by the first token's attribute values; it recompiles only after `add`/`remove`.
 *
 * Results are `[matchId, start, end]` sorted by start, then end, then key order. On a Span, offsets
 * are relative to the span (as in spaCy); `asSpans` gives doc-coordinate Spans labelled with the key.
 * @example
 * const matcher = new Matcher(nlp.vocab);
 * matcher.add('HELLO_WORLD', [[{ LOWER: 'hello' }, { IS_PUNCT: true, OP: '?' }, { LOWER: 'world' }]]);
 * for (const [id, start, end] of matcher.match(doc)) console.log(nlp.vocab.strings.get(id), doc.span(start, end).text);
 */
export class Matcher {
  /** The vocab shared with the docs matched. */
  readonly vocab: Vocab;
  /** Whether patterns are validated strictly. */
  readonly validate: boolean;
  private readonly rules = new Map<string, Rule>();
  private compiled:
    | (Compiled & { keyIds: Int32Array; greedy: (string | undefined)[]; anyGreedy: boolean; callbackById: Map<number, OnMatch>; kernel: NfaKernel; checkAnnotation: typeof ANNOTATED; memo: PredicateMemo })
    | null = null;
  private colBufs: Uint32Array[] = [];

  constructor(vocab: Vocab, options: MatcherOptions = {}) {
    this.vocab = vocab;
    this.validate = options.validate ?? MATCHER_DEFAULTS.validate;
  }

  /** Number of keys (rules). */
  get size(): number {
    return this.rules.size;
  }

  /**
   * Adds patterns under `key`. If the key exists, the patterns are appended and its callback and
   * greedy mode are replaced. Every pattern is checked before any is added; a bad one throws an
   * ArgumentError naming the pattern (`KEY#index`) and the key path.
   */
  add(key: string, patterns: readonly TokenPattern[], options: MatcherAddOptions = {}): void {
    if (typeof key !== 'string' || key === '') throw new ArgumentError('a match key must be a non-empty string', { key: 'key' });
    if (!Array.isArray(patterns)) throw new ArgumentError(`patterns for "${key}" must be a list of token patterns`, { pattern: key });
    if (options.onMatch !== undefined && typeof options.onMatch !== 'function') throw new ArgumentError('onMatch must be a function', { key: 'onMatch', pattern: key });
    if (options.greedy !== undefined && options.greedy !== 'FIRST' && options.greedy !== 'LONGEST') {
      throw new ArgumentError(`greedy must be "FIRST" or "LONGEST", got ${JSON.stringify(options.greedy)}`, { key: 'greedy', pattern: key });
    }
    const existing = this.rules.get(key)?.patterns.length ?? 0;
    patterns.forEach((p, i) => parsePattern(p, this.validate, { pattern: `${key}#${existing + i}` }));
    const rule = this.rules.get(key) ?? { key, id: this.vocab.strings.add(key), patterns: [], onMatch: undefined, greedy: undefined };
    rule.patterns.push(...patterns.map((p) => structuredClone(p)));
    rule.onMatch = options.onMatch;
    rule.greedy = options.greedy;
    this.rules.set(key, rule);
    this.compiled = null;
  }

  /** Removes a key and its patterns; throws NotFound-style ArgumentError if absent. */
  remove(key: string): void {
    if (!this.rules.delete(key)) throw new ArgumentError(`no patterns for key "${key}"`, { pattern: key });
    this.compiled = null;
  }

  /** Whether the matcher has patterns for `key`. */
  has(key: string): boolean {
    return this.rules.has(key);
  }

  /** The patterns and options stored for `key`, or undefined. */
  get(key: string): { patterns: TokenPattern[]; onMatch?: OnMatch; greedy?: 'FIRST' | 'LONGEST' } | undefined {
    const r = this.rules.get(key);
    if (!r) return undefined;
    return { patterns: structuredClone(r.patterns), ...(r.onMatch ? { onMatch: r.onMatch } : {}), ...(r.greedy ? { greedy: r.greedy } : {}) };
  }

  /** Keys in insertion order. */
  keys(): string[] {
    return [...this.rules.keys()];
  }

  private compile() {
    if (this.compiled) return this.compiled;
    const rules = [...this.rules.values()];
    const entries: PatternEntry[] = [];
    rules.forEach((r, k) => {
      r.patterns.forEach((p, i) => entries.push({ keyIndex: k, specs: parsePattern(p, this.validate, { pattern: `${r.key}#${i}` }) }));
    });
    const c = compilePatterns(entries, this.vocab);
    const usedAttrs = new Set<number>();
    for (const e of entries) for (const s of e.specs) {
      for (const [a] of s.checks) usedAttrs.add(a);
      for (const p of s.preds) if (p.attr >= 0) usedAttrs.add(p.attr);
    }
    this.compiled = {
      ...c,
      keyIds: Int32Array.from(rules.map((r) => r.id)),
      greedy: rules.map((r) => r.greedy),
      anyGreedy: rules.some((r) => r.greedy !== undefined),
      callbackById: new Map(rules.filter((r) => r.onMatch).map((r) => [r.id, r.onMatch!] as const)),
      checkAnnotation: ANNOTATED.filter(([attr]) => usedAttrs.has(attr)),
      memo: makeMemo(c.predicates),
      kernel: new NfaKernel(c.program),
    };
    return this.compiled;
  }

  /**
   * Finds all matches in a Doc or Span.
   * @param options `asSpans` (default false) returns Spans; `allowMissing` (default false) skips the
   * check that POS/TAG/LEMMA/DEP annotation exists when patterns use it.
   */
  match(doclike: Doc | Span, options?: MatchOptions & { asSpans?: false }): MatchTriple[];
  match(doclike: Doc | Span, options: MatchOptions & { asSpans: true }): Span[];
  match(doclike: Doc | Span, options?: MatchOptions): MatchTriple[] | Span[];
  match(doclike: Doc | Span, options: MatchOptions = {}): MatchTriple[] | Span[] {
    const { doc, start: offset, end } = matchTarget(doclike, this.vocab);
    const n = end - offset;
    const c = this.compile();
    if (!options.allowMissing) {
      for (const [attr, pipe] of c.checkAnnotation) {
        if (!hasAnnotation(doc[ATTR_COLUMN[attr]!], doc.length)) {
          throw new ArgumentError(`patterns use ${ATTR_NAMES[attr]} but the doc has no such annotation; add ${pipe} or pass allowMissing: true`, { key: ATTR_NAMES[attr]! });
        }
      }
    }
    const triples = this.find(c, doc, offset, n);
    const final = c.anyGreedy ? applyGreedy(triples, c.greedy, n) : triples;
    const matches: MatchTriple[] = final;
    for (const t of final) t[0] = c.keyIds[t[0]]!;
    if (c.callbackById.size) {
      for (let i = 0; i < final.length; i++) {
        const cb = c.callbackById.get(final[i]![0]);
        if (cb) cb(this, doc, i, matches);
      }
    }
    if (options.asSpans) return matches.map(([id, s, e]) => new Span(doc, s + offset, e + offset, this.vocab.strings.get(id)));
    return matches;
  }

  /** Runs the automaton; returns deduplicated [keyIndex, start, end] sorted by start, end, key. */
  private find(c: NonNullable<Matcher['compiled']>, doc: Doc, offset: number, n: number): [number, number, number][] {
    if (n === 0 || c.program.patternStart.length === 0) return [];
    const cols: Uint32Array[] = [];
    c.slotAttr.forEach((attr, k) => {
      if (!this.colBufs[k] || this.colBufs[k]!.length < n) this.colBufs[k] = new Uint32Array(Math.max(n, 64));
      cols.push(fillAttrColumn(doc, attr, offset, offset + n, this.colBufs[k]!));
    });
    const preds = c.predicates;
    const count = c.kernel.run(cols, n, c.memo, (p, i) => preds[p]!.testToken!(doc, i + offset));
    const m = c.kernel.matches;
    const order = new Array<number>(count);
    for (let k = 0; k < count; k++) order[k] = k;
    order.sort((a, b) => m[a * 3 + 1]! - m[b * 3 + 1]! || m[a * 3 + 2]! - m[b * 3 + 2]! || m[a * 3]! - m[b * 3]!);
    const out: [number, number, number][] = [];
    let pk = -1;
    let ps = -1;
    let pl = -1;
    for (const k of order) {
      const key = m[k * 3]!;
      const s = m[k * 3 + 1]!;
      const l = m[k * 3 + 2]!;
      if (key === pk && s === ps && l === pl) continue;
      out.push([key, s, s + l]);
      pk = key;
      ps = s;
      pl = l;
    }
    return out;
  }
}

/** Per-predicate memo tables indexed by attribute value (see {@link PredicateMemo}). */
function makeMemo(preds: readonly Predicate[]): PredicateMemo {
  const tables = preds.map(() => new Int8Array(0));
  return {
    tables,
    fill(p, v) {
      const r = preds[p]!.testValue!(v);
      let t = tables[p]!;
      if (v >= t.length) {
        const next = new Int8Array(Math.max(v + 1, t.length * 2, 256));
        next.set(t);
        tables[p] = t = next;
      }
      t[v] = r ? 1 : -1;
      return r;
    },
  };
}

function hasAnnotation(col: Uint32Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (col[i] !== 0) return true;
  return false;
}

/**
 * spaCy's greedy filter: for each greedy key, sort its matches (FIRST: by start, longer first;
 * LONGEST: longer first, then earlier) and keep each one that touches no token already kept.
 * Input and output are sorted by start, end, key.
 */
export function applyGreedy(sorted: [number, number, number][], greedy: readonly (string | undefined)[], n: number): [number, number, number][] {
  if (!greedy.some((g) => g !== undefined)) return sorted;
  const byKey = new Map<number, [number, number, number][]>();
  const out: [number, number, number][] = [];
  for (const t of sorted) {
    if (greedy[t[0]] === undefined) out.push(t);
    else {
      const list = byKey.get(t[0]);
      if (list) list.push(t);
      else byKey.set(t[0], [t]);
    }
  }
  const taken = new Uint8Array(n);
  for (const [key, list] of byKey) {
    taken.fill(0);
    const mode = greedy[key];
    const ordered = mode === 'FIRST' ? list.slice().sort((a, b) => a[1] - b[1] || b[2] - a[2]) : sortLongestFirst(list.slice());
    for (const t of ordered) {
      let free = true;
      for (let i = t[1]; i < t[2]; i++) {
        if (taken[i]) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      out.push(t);
      taken.fill(1, t[1], t[2]);
    }
  }
  return sortByPosition(out);
}
