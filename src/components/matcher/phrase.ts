import { Doc } from '../../core/doc.js';
import { ArgumentError } from '../../core/errors.js';
import { Span } from '../../core/span.js';
import type { Vocab } from '../../core/vocab.js';
import { Attr, ATTR_COLUMN, ATTR_IDS, fillAttrColumn, tokenAttr } from '../../core/attrs.js';
import { PHRASE_ATTRS } from './attrs.js';
import type { MatchTriple } from './matcher.js';
import { matchTarget } from './target.js';
import { TokenTrie } from './trie.js';

/** Options of {@link PhraseMatcher}. */
export interface PhraseMatcherOptions {
  /** Token attribute to match on: ORTH (default), TEXT, LOWER, SHAPE, PREFIX, SUFFIX, LEMMA, POS, TAG, DEP, ENT_TYPE. */
  attr?: string;
}

/** Callback run for each phrase match of its key: `(matcher, doc, i, matches)`. */
export type PhraseOnMatch = (matcher: PhraseMatcher, doc: Doc, i: number, matches: MatchTriple[]) => void;

/** Defaults of {@link PhraseMatcher}. */
export const PHRASE_MATCHER_DEFAULTS = Object.freeze({ attr: 'ORTH' });

/**
 * Matches large term lists: every phrase (a Doc) is inserted into a trie over one token
 * attribute's ids, and a doc is scanned once, so cost grows with the text, not the list size.
 * Like spaCy's PhraseMatcher it returns every occurrence (overlapping and nested ones too) as
 * `[matchId, start, end]` in doc coordinates, in order of start then end.
 * @example
 * const pm = new PhraseMatcher(nlp.vocab, { attr: 'LOWER' });
 * pm.add('CITY', ['new york', 'paris'].map((t) => nlp.makeDoc(t)));
 * pm.match(nlp('I love New York')) // [[id('CITY'), 2, 4]]
 */
export class PhraseMatcher {
  /** The vocab shared with the docs matched. */
  readonly vocab: Vocab;
  /** Attribute name matched on. */
  readonly attr: string;
  private readonly attrId: number;
  private trie = new TokenTrie();
  private readonly phrases = new Map<string, { id: number; values: Uint32Array[]; onMatch: PhraseOnMatch | undefined }>();
  private readonly keyIds: number[] = [];
  private readonly keyIndex = new Map<string, number>();
  private dirty = false;
  private buf = new Uint32Array(64);
  /** Callbacks by key string id. */
  private readonly callbacks = new Map<number, PhraseOnMatch>();

  constructor(vocab: Vocab, options: PhraseMatcherOptions = {}) {
    this.vocab = vocab;
    const attr = (options.attr ?? PHRASE_MATCHER_DEFAULTS.attr).toUpperCase();
    if (!PHRASE_ATTRS.includes(attr)) throw new ArgumentError(`PhraseMatcher attr must be one of ${PHRASE_ATTRS.join(', ')}, got ${JSON.stringify(options.attr)}`, { key: 'attr' });
    this.attr = attr === 'TEXT' ? 'ORTH' : attr;
    this.attrId = ATTR_IDS.get(this.attr)!;
  }

  /** Number of keys. */
  get size(): number {
    return this.phrases.size;
  }

  /** Whether there are phrases for `key`. */
  has(key: string): boolean {
    return this.phrases.has(key);
  }

  /**
   * Adds phrases (Docs over this matcher's vocab) under `key`; empty docs are skipped. For POS,
   * TAG, LEMMA, DEP or ENT_TYPE the phrase docs must carry that annotation.
   */
  add(key: string, docs: readonly Doc[], options: { onMatch?: PhraseOnMatch } = {}): void {
    if (typeof key !== 'string' || key === '') throw new ArgumentError('a match key must be a non-empty string', { key: 'key' });
    if (!Array.isArray(docs)) throw new ArgumentError(`phrases for "${key}" must be a list of Docs`, { pattern: key });
    const col = ATTR_COLUMN[this.attrId];
    const values = docs.map((d, i) => {
      if (!(d instanceof Doc)) throw new ArgumentError(`phrase ${i} of "${key}" is not a Doc`, { pattern: `${key}#${i}` });
      if (d.vocab !== this.vocab) throw new ArgumentError(`phrase ${i} of "${key}" uses a different vocab`, { pattern: `${key}#${i}` });
      if (col && d.length > 0 && !d[col].subarray(0, d.length).some((v) => v !== 0)) {
        throw new ArgumentError(`PhraseMatcher on ${this.attr} needs phrase docs with ${this.attr} annotation; phrase ${i} ("${d.text}") has none`, { pattern: `${key}#${i}` });
      }
      const v = new Uint32Array(d.length);
      for (let t = 0; t < d.length; t++) v[t] = tokenAttr(d, this.attrId, t);
      return v;
    });
    let entry = this.phrases.get(key);
    if (!entry) {
      entry = { id: this.vocab.strings.add(key), values: [], onMatch: undefined };
      this.phrases.set(key, entry);
      this.keyIndex.set(key, this.keyIds.length);
      this.keyIds.push(entry.id);
    }
    entry.onMatch = options.onMatch;
    if (options.onMatch) this.callbacks.set(entry.id, options.onMatch);
    else this.callbacks.delete(entry.id);
    const k = this.keyIndex.get(key)!;
    for (const v of values) {
      if (v.length === 0) continue;
      entry.values.push(v);
      if (!this.dirty) this.trie.insert(v, k);
    }
  }

  /** Removes a key and its phrases. */
  remove(key: string): void {
    const entry = this.phrases.get(key);
    if (!entry) throw new ArgumentError(`no phrases for key "${key}"`, { pattern: key });
    this.phrases.delete(key);
    this.callbacks.delete(entry.id);
    this.dirty = true;
  }

  private rebuild(): void {
    this.trie = new TokenTrie();
    for (const [key, e] of this.phrases) {
      const k = this.keyIndex.get(key)!;
      for (const v of e.values) this.trie.insert(v, k);
    }
    this.dirty = false;
  }

  /** Finds every phrase occurrence in a Doc or Span (offsets are doc coordinates, as in spaCy). */
  match(doclike: Doc | Span, options?: { asSpans?: false }): MatchTriple[];
  match(doclike: Doc | Span, options: { asSpans: true }): Span[];
  match(doclike: Doc | Span, options: { asSpans?: boolean } = {}): MatchTriple[] | Span[] {
    if (this.dirty) this.rebuild();
    const { doc, start: from, end: to } = matchTarget(doclike, this.vocab);
    const out: MatchTriple[] = [];
    const keyIds = this.keyIds;
    if (this.attrId === Attr.ORTH) {
      this.trie.scan(doc.orth, from, to, (k, s, e) => out.push([keyIds[k]!, s, e]));
    } else {
      const n = to - from;
      if (this.buf.length < n) this.buf = new Uint32Array(Math.max(n, this.buf.length * 2));
      const col = fillAttrColumn(doc, this.attrId, from, to, this.buf);
      this.trie.scan(col, 0, n, (k, s, e) => out.push([keyIds[k]!, s + from, e + from]));
    }
    if (this.callbacks.size > 0) {
      for (let i = 0; i < out.length; i++) {
        const cb = this.callbacks.get(out[i]![0]);
        if (cb) cb(this, doc, i, out);
      }
    }
    if (options.asSpans) return out.map(([id, s, e]) => new Span(doc, s, e, this.vocab.strings.get(id)));
    return out;
  }
}
