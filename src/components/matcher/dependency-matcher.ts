import type { Doc } from '../../core/doc.js';
import { ArgumentError } from '../../core/errors.js';
import { Span } from '../../core/span.js';
import type { Vocab } from '../../core/vocab.js';
import { DepTree, Enum } from './dep-tree.js';
import { parseDependencyPattern, type DependencyPattern, type ParsedDependencyPattern } from './dep-validate.js';
import { Matcher } from './matcher.js';
import { spanTreeDoc } from './span-tree.js';
import { matchTarget } from './target.js';

/** A dependency match: the key's string id and the matched token ids, in the order of the pattern's nodes. */
export type DependencyMatch = [matchId: number, tokenIds: number[]];

/** Callback run for each match of its key: `(matcher, doc, i, matches)`, like spaCy's `on_match`. */
export type DependencyOnMatch = (matcher: DependencyMatcher, doc: Doc, i: number, matches: DependencyMatch[]) => void;

/** Options of {@link DependencyMatcher}. */
export interface DependencyMatcherOptions {
  /** Check RIGHT_ATTRS strictly against the token-pattern schema (booleans must be true/false). Default true. */
  validate?: boolean;
}

/** Options of {@link DependencyMatcher.add}. */
export interface DependencyMatcherAddOptions {
  /** Called for each match of this key. */
  onMatch?: DependencyOnMatch;
}

/** Options of {@link DependencyMatcher.match}. */
export interface DependencyMatchOptions {
  /** Allow RIGHT_ATTRS on POS/TAG/LEMMA/DEP over docs that have none of that annotation. Default false. */
  allowMissing?: boolean;
}

/** Defaults of {@link DependencyMatcher}. */
export const DEPENDENCY_MATCHER_DEFAULTS = Object.freeze({ validate: true });

interface Rule {
  key: string;
  id: number;
  patterns: DependencyPattern[];
  parsed: ParsedDependencyPattern[];
  onMatch: DependencyOnMatch | undefined;
}

/** One pattern ready to search: per node, its token-spec index, LEFT node, operator and how to enumerate it. */
interface CompiledPattern {
  keyId: number;
  spec: Int32Array;
  left: Int32Array;
  op: Uint8Array;
  enumeration: Uint8Array;
}

interface Compiled {
  /** One single-token pattern per distinct RIGHT_ATTRS, keyed by internal names. */
  nodes: Matcher;
  specOfMatchId: Map<number, number>;
  specCount: number;
  patterns: CompiledPattern[];
  maxNodes: number;
  callbacks: Map<number, DependencyOnMatch>;
}

/**
 * spaCy 3's DependencyMatcher: finds subtrees of a parsed doc that fit patterns of nodes (token
 * attributes, as the Matcher's) joined by relation operators. A pattern starts with its anchor
 * `{RIGHT_ID, RIGHT_ATTRS}`; each later node `{LEFT_ID, REL_OP, RIGHT_ID, RIGHT_ATTRS}` relates a new
 * node B to an earlier node A by `A REL_OP B`:
 *
 * | op | B is | op | B is |
 * | --- | --- | --- | --- |
 * | `<` | A's head | `>` | a child of A |
 * | `<<` | an ancestor of A | `>>` | a descendant of A |
 * | `.` | right after A | `.*` | after A |
 * | `;` | right before A | `;*` | before A |
 * | `$+` / `$-` | A's sibling right after / before it | `$++` / `$--` | A's sibling after / before it |
 * | `>+` / `>-` | A's child right after / before it | `>++` / `>--` | A's child after / before it |
 * | `<+` / `<-` | A's head right after / before it | `<++` / `<--` | A's head after / before it |
 *
 * All nodes lie in one tree (the precedence operators stay inside it). Results are
 * `[matchId, tokenIds]` in spaCy's order: by key (insertion order), pattern, tree (in order of its
 * first token that fits any node), then token ids lexicographically in node order. Every match is
 * kept, including ones where two unrelated nodes take the same token, as spaCy does. On a Span, the
 * tree is cut as spaCy's `Span.as_doc()` cuts it (a token whose head lies outside gets its highest
 * ancestor inside, or becomes a root, and the label `dep`), and ids are relative to the span.
 *
 * Node attributes are compiled once into one token Matcher; per doc the trees are read once from
 * the `head` column into typed arrays and searched depth-first with O(1) relation tests.
 * @example
 * const matcher = new DependencyMatcher(nlp.vocab);
 * matcher.add('SUBJ_VERB', [[
 *   { RIGHT_ID: 'verb', RIGHT_ATTRS: { POS: 'VERB' } },
 *   { LEFT_ID: 'verb', REL_OP: '>', RIGHT_ID: 'subject', RIGHT_ATTRS: { DEP: 'nsubj' } },
 * ]]);
 * for (const [id, [verb, subject]] of matcher.match(doc)) console.log(doc.token(subject).text, doc.token(verb).text);
 */
export class DependencyMatcher {
  /** The vocab shared with the docs matched. */
  readonly vocab: Vocab;
  /** Whether RIGHT_ATTRS are validated strictly. */
  readonly validate: boolean;
  private readonly rules = new Map<string, Rule>();
  private compiled: Compiled | null = null;
  private readonly tree = new DepTree();
  private bits = new Uint32Array(0);
  private hits = new Int32Array(0);
  private rank = new Int32Array(0);
  private treeStart = new Int32Array(0);
  private treeTokens = new Int32Array(0);
  private next = new Int32Array(0);
  private assign = new Int32Array(0);

  constructor(vocab: Vocab, options: DependencyMatcherOptions = {}) {
    this.vocab = vocab;
    this.validate = options.validate ?? DEPENDENCY_MATCHER_DEFAULTS.validate;
  }

  /** Number of keys (spaCy's `len(matcher)`). */
  get length(): number {
    return this.rules.size;
  }

  /** Number of keys (the same as {@link DependencyMatcher.length}, as the Matcher's `size`). */
  get size(): number {
    return this.rules.size;
  }

  /**
   * Adds patterns under `key`; if the key exists, the patterns are appended and its callback is
   * replaced. Every pattern is checked before any is added: a bad one throws an ArgumentError naming
   * the pattern (`KEY#index`) and the key path (`[1].REL_OP`, `[0].RIGHT_ATTRS.LENGTH.>=`).
   */
  add(key: string, patterns: readonly DependencyPattern[], options: DependencyMatcherAddOptions = {}): void {
    if (typeof key !== 'string' || key === '') throw new ArgumentError('a match key must be a non-empty string', { key: 'key' });
    if (!Array.isArray(patterns)) throw new ArgumentError(`patterns for "${key}" must be a list of dependency patterns (a list of lists of nodes)`, { pattern: key });
    if (options.onMatch !== undefined && typeof options.onMatch !== 'function') throw new ArgumentError('onMatch must be a function', { key: 'onMatch', pattern: key });
    const existing = this.rules.get(key)?.patterns.length ?? 0;
    const parsed = patterns.map((p, i) => parseDependencyPattern(p, this.validate, `${key}#${existing + i}`));
    const rule = this.rules.get(key) ?? { key, id: this.vocab.strings.add(key), patterns: [], parsed: [], onMatch: undefined };
    rule.patterns.push(...patterns.map((p) => structuredClone(p)));
    rule.parsed.push(...parsed);
    rule.onMatch = options.onMatch;
    this.rules.set(key, rule);
    this.compiled = null;
  }

  /** Removes a key and its patterns; an ArgumentError if there is none. */
  remove(key: string): void {
    if (!this.rules.delete(key)) throw new ArgumentError(`no patterns for key "${key}"`, { pattern: key });
    this.compiled = null;
  }

  /** Whether the matcher has patterns for `key`. */
  has(key: string): boolean {
    return this.rules.has(key);
  }

  /** The patterns and callback stored for `key`, or undefined. */
  get(key: string): { patterns: DependencyPattern[]; onMatch?: DependencyOnMatch } | undefined {
    const r = this.rules.get(key);
    if (!r) return undefined;
    return { patterns: structuredClone(r.patterns), ...(r.onMatch ? { onMatch: r.onMatch } : {}) };
  }

  /** Keys in insertion order. */
  keys(): string[] {
    return [...this.rules.keys()];
  }

  private compile(): Compiled {
    if (this.compiled) return this.compiled;
    const nodes = new Matcher(this.vocab, { validate: this.validate });
    const specByJson = new Map<string, number>();
    const specOfMatchId = new Map<number, number>();
    const patterns: CompiledPattern[] = [];
    let maxNodes = 0;
    for (const r of this.rules.values()) {
      for (const p of r.parsed) {
        const n = p.attrs.length;
        const spec = new Int32Array(n);
        const enumeration = new Uint8Array(n);
        p.attrs.forEach((a, j) => {
          // Nodes with the same attributes share one token pattern (and one pass of the Matcher).
          const json = JSON.stringify(a);
          let s = specByJson.get(json);
          if (s === undefined) {
            s = specByJson.size;
            specByJson.set(json, s);
            const name = `dependency-matcher node ${s}`;
            nodes.add(name, [[a]]);
            specOfMatchId.set(this.vocab.strings.add(name), s);
          }
          spec[j] = s;
          if (j > 0) enumeration[j] = DepTree.enumeration(p.op[j]!);
        });
        patterns.push({ keyId: r.id, spec, left: p.left, op: p.op, enumeration });
        if (n > maxNodes) maxNodes = n;
      }
    }
    const callbacks = new Map<number, DependencyOnMatch>();
    for (const r of this.rules.values()) if (r.onMatch) callbacks.set(r.id, r.onMatch);
    this.compiled = { nodes, specOfMatchId, specCount: specByJson.size, patterns, maxNodes, callbacks };
    return this.compiled;
  }

  /**
   * Finds all matches in a Doc or Span (see the class for the order).
   * @param options `allowMissing` (default false) skips the check that POS/TAG/LEMMA/DEP annotation
   * exists when RIGHT_ATTRS use it.
   */
  match(doclike: Doc | Span, options: DependencyMatchOptions = {}): DependencyMatch[] {
    const target = matchTarget(doclike, this.vocab);
    const doc = doclike instanceof Span ? spanTreeDoc(doclike) : target.doc;
    const c = this.compile();
    const out: DependencyMatch[] = [];
    if (c.patterns.length === 0 || doc.length === 0) return out;
    const n = doc.length;
    const words = (n + 31) >>> 5;
    this.tree.build(doc);
    if (this.bits.length < c.specCount * words) this.bits = new Uint32Array(c.specCount * words * 2);
    else this.bits.fill(0, 0, c.specCount * words);
    if (this.hits.length < c.specCount) this.hits = new Int32Array(c.specCount);
    else this.hits.fill(0, 0, c.specCount);
    if (this.rank.length < n) this.rank = new Int32Array(n * 2);
    this.rank.fill(-1, 0, n);
    const { bits, hits, rank } = this;
    const root = this.tree.root;
    let trees = 0;
    // Node matches come sorted by position: a tree's rank is the order of its first fitting token.
    for (const [id, start] of c.nodes.match(doc, { allowMissing: options.allowMissing ?? false })) {
      const s = c.specOfMatchId.get(id)!;
      bits[s * words + (start >>> 5)]! |= 1 << (start & 31);
      hits[s]!++;
      const r = root[start]!;
      if (rank[r] === -1) rank[r] = trees++;
    }
    this.groupTrees(n, trees);
    if (this.assign.length < c.maxNodes) this.assign = new Int32Array(c.maxNodes);
    for (const p of c.patterns) {
      let possible = true;
      for (let j = 0; j < p.spec.length; j++) if (hits[p.spec[j]!] === 0) possible = false;
      if (!possible) continue;
      const anchor = p.spec[0]! * words;
      for (let t = 0; t < trees; t++) {
        for (let k = this.treeStart[t]!; k < this.treeStart[t + 1]!; k++) {
          const q = this.treeTokens[k]!;
          if ((bits[anchor + (q >>> 5)]! & (1 << (q & 31))) === 0) continue;
          this.assign[0] = q;
          this.search(p, 1, words, out);
        }
      }
    }
    if (c.callbacks.size) {
      for (let i = 0; i < out.length; i++) {
        const cb = c.callbacks.get(out[i]![0]);
        if (cb) cb(this, doc, i, out);
      }
    }
    return out;
  }

  // Tokens of each ranked tree, ascending: treeTokens[treeStart[t] .. treeStart[t + 1]).
  private groupTrees(n: number, trees: number): void {
    if (this.treeStart.length < trees + 1) this.treeStart = new Int32Array((trees + 1) * 2);
    if (this.treeTokens.length < n) this.treeTokens = new Int32Array(n * 2);
    const { treeStart, treeTokens, rank } = this;
    const root = this.tree.root;
    treeStart.fill(0, 0, trees + 1);
    for (let i = 0; i < n; i++) {
      const r = rank[root[i]!]!;
      if (r >= 0) treeStart[r + 1]!++;
    }
    for (let t = 0; t < trees; t++) treeStart[t + 1]! += treeStart[t]!;
    if (this.next.length < trees) this.next = new Int32Array(trees * 2);
    const next = this.next;
    for (let t = 0; t < trees; t++) next[t] = treeStart[t]!;
    for (let i = 0; i < n; i++) {
      const r = rank[root[i]!]!;
      if (r >= 0) treeTokens[next[r]!++] = i;
    }
  }

  // Depth-first: node `depth` takes, in ascending order, each token fitting its attributes and its
  // relation to its (already placed) LEFT node; a full assignment is a match.
  private search(p: CompiledPattern, depth: number, words: number, out: DependencyMatch[]): void {
    const assign = this.assign;
    if (depth === p.spec.length) {
      out.push([p.keyId, Array.from(assign.subarray(0, depth))]);
      return;
    }
    const tree = this.tree;
    const bits = this.bits;
    const base = p.spec[depth]! * words;
    const op = p.op[depth]!;
    const a = assign[p.left[depth]!]!;
    switch (p.enumeration[depth]) {
      case Enum.ONE: {
        const q = tree.single(op, a);
        if (q >= 0 && (bits[base + (q >>> 5)]! & (1 << (q & 31))) !== 0 && tree.related(op, a, q)) {
          assign[depth] = q;
          this.search(p, depth + 1, words, out);
        }
        return;
      }
      case Enum.CHILDREN:
      case Enum.SIBLINGS: {
        const h = p.enumeration[depth] === Enum.CHILDREN ? a : tree.head[a]!;
        const end = tree.childStart[h + 1]!;
        for (let k = tree.childStart[h]!; k < end; k++) {
          const q = tree.childList[k]!;
          if ((bits[base + (q >>> 5)]! & (1 << (q & 31))) === 0 || !tree.related(op, a, q)) continue;
          assign[depth] = q;
          this.search(p, depth + 1, words, out);
        }
        return;
      }
      default: {
        const t = this.rank[tree.root[a]!]!;
        const end = this.treeStart[t + 1]!;
        for (let k = this.treeStart[t]!; k < end; k++) {
          const q = this.treeTokens[k]!;
          if ((bits[base + (q >>> 5)]! & (1 << (q & 31))) === 0 || !tree.related(op, a, q)) continue;
          assign[depth] = q;
          this.search(p, depth + 1, words, out);
        }
      }
    }
  }
}
