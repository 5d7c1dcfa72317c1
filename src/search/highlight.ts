/**
 * Snippets: the best passage of a text for a query, with the matched terms marked. The text is
 * analyzed with the field's analyzer (so offsets are exact); a window of about `fragmentSize`
 * characters is slid over the matches and the one covering the most distinct matched terms wins
 * (then the most matches, then the earliest).
 */
import { ArgumentError } from '../core/errors.js';
import { checkOptionKeys } from '../core/options.js';
import type { Analyzer } from './analyzer.js';
import { fieldText } from './documents.js';

/** Options of highlighting. */
export interface HighlightOptions {
  /** Approximate passage length in characters (default 160). */
  fragmentSize?: number;
  /** Inserted before a match (default `<mark>`). */
  pre?: string;
  /** Inserted after a match (default `</mark>`). */
  post?: string;
  /** Marks a cut at either end of the passage (default `…`). */
  ellipsis?: string;
}

/** Defaults of {@link HighlightOptions}. */
export const HIGHLIGHT_DEFAULTS = Object.freeze({ fragmentSize: 160, pre: '<mark>', post: '</mark>', ellipsis: '…' });

/**
 * Checks highlight options (`fragmentSize` a positive integer, the marks strings); `extra` names
 * other keys the caller accepts beside them. A bad value is an ArgumentError naming `key.option`.
 * @example checkHighlightOptions({ fragmentSize: 80 }, 'highlight')
 */
export function checkHighlightOptions(o: HighlightOptions, key: string, extra: readonly string[] = []): void {
  if (typeof o !== 'object' || o === null) throw new ArgumentError(`${key} must be true, false or an options object`, { key });
  for (const [k, v] of Object.entries(o)) {
    if (k === 'fragmentSize') {
      if (!(Number.isInteger(v) && v > 0)) throw new ArgumentError(`${key}.fragmentSize must be a positive integer, got ${String(v)}`, { key: `${key}.fragmentSize` });
    } else if (k === 'pre' || k === 'post' || k === 'ellipsis') {
      if (typeof v !== 'string') throw new ArgumentError(`${key}.${k} must be a string, got ${JSON.stringify(v)}`, { key: `${key}.${k}` });
    } else checkOptionKeys({ [k]: v }, [...Object.keys(HIGHLIGHT_DEFAULTS), ...extra], { what: key, keyPrefix: key });
  }
}

/** A highlighted passage. */
export interface Highlight {
  /** The field the passage comes from. */
  field: string;
  /** The passage with matches wrapped in `pre`/`post`. */
  snippet: string;
  /** Character range of the passage in the field text. */
  start: number;
  end: number;
  /** Distinct matched terms (analyzed form). */
  terms: string[];
  /** Number of matches in the passage. */
  matches: number;
}

/** A text's analyzed terms (string ids) and their character ranges, as the highlighter needs them. */
interface AnalyzedText {
  n: number;
  terms: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * The analyzed form of texts highlighted before, keyed by analyzer and text (so a changed text is
 * analyzed afresh), bounded by the number of tokens held (oldest out first). Snippets of the same
 * stored documents come up again and again; analyzing a text is most of a snippet's cost.
 */
export class AnalyzedTextCache {
  private readonly byAnalyzer = new Map<Analyzer, Map<string | number, AnalyzedText>>();
  private readonly order: [Map<string | number, AnalyzedText>, string | number, number][] = [];
  private head = 0;
  private tokens = 0;

  constructor(
    /** Most tokens held across all texts. */
    readonly maxTokens = 1 << 20,
  ) {}

  /**
   * `text` analyzed by `analyzer`, from the cache or analyzed now (and kept when it fits). `key`
   * stands for the text when the caller has a cheaper one that changes whenever the text does (an
   * index's document and field number): a long text's hash is computed anew on every lookup.
   */
  get(analyzer: Analyzer, text: string, key: string | number = text): AnalyzedText {
    let m = this.byAnalyzer.get(analyzer);
    const hit = m?.get(key);
    if (hit) return hit;
    const ts = analyzer.analyze(text);
    // The analyzer reuses its arrays between calls: keep copies.
    const a: AnalyzedText = { n: ts.n, terms: ts.terms.slice(0, ts.n), starts: ts.starts.slice(0, ts.n), ends: ts.ends.slice(0, ts.n) };
    if (a.n > this.maxTokens) return a;
    if (!m) this.byAnalyzer.set(analyzer, (m = new Map()));
    m.set(key, a);
    this.order.push([m, key, a.n]);
    this.tokens += a.n;
    while (this.tokens > this.maxTokens) {
      const [om, ot, on] = this.order[this.head++]!;
      om.delete(ot);
      this.tokens -= on;
    }
    if (this.head > 1024 && this.head * 2 > this.order.length) this.order.splice(0, this.head), (this.head = 0);
    return a;
  }
}

// The terms of `field` among a `field\u0000term` key set, per set (a search highlights every hit
// with the same set; a set that has grown or shrunk since is read afresh), with their string ids
// in the analyzer's table `strings` once found (-1 until then: an id never changes once a term is
// interned, and a term not yet interned may be by the next text analyzed).
interface FieldTerms {
  terms: string[];
  strings: Analyzer['strings'] | null;
  ids: Int32Array;
}
const termsByField = new WeakMap<ReadonlySet<string>, { size: number; byField: Map<string, FieldTerms> }>();

function wantedTerms(wanted: ReadonlySet<string>, field: string): FieldTerms {
  let e = termsByField.get(wanted);
  if (!e || e.size !== wanted.size) termsByField.set(wanted, (e = { size: wanted.size, byField: new Map() }));
  const m = e.byField;
  let ft = m.get(field);
  if (!ft) {
    const prefix = `${field}\u0000`;
    const terms: string[] = [];
    for (const k of wanted) if (k.startsWith(prefix)) terms.push(k.slice(prefix.length));
    m.set(field, (ft = { terms, strings: null, ids: new Int32Array(terms.length) }));
  }
  return ft;
}

// The wanted terms of one call, marked by string id: marks[id] === generation for a wanted id and
// slots[id] is its index in the returned names. A new generation unmarks every id at once, so a
// token is checked with one array read (a text has hundreds of tokens, a query a few terms).
let marks = new Uint32Array(1024);
let slots = new Int32Array(1024);
let generation = 0;

function markWanted(strings: Analyzer['strings'], ft: FieldTerms): string[] {
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    marks.fill(0);
    generation = 1;
  }
  const { terms, ids } = ft;
  if (ft.strings !== strings) {
    ft.strings = strings;
    ids.fill(-1);
  }
  const names: string[] = [];
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    let id = ids[i]!;
    if (id < 0) id = ids[i] = strings.idOf(t);
    if (id < 0) continue;
    if (id >= marks.length) {
      const size = Math.max(marks.length * 2, id + 1);
      const m = new Uint32Array(size);
      m.set(marks);
      marks = m;
      const sl = new Int32Array(size);
      sl.set(slots);
      slots = sl;
    }
    marks[id] = generation;
    slots[id] = names.length;
    names.push(t);
  }
  return names;
}

/**
 * Best passage of `text` for the `field\u0000term` keys in `wanted`, or null if nothing matches;
 * `cache` keeps the analyzed text for the next time it is highlighted (under `cacheKey` when given,
 * see {@link AnalyzedTextCache.get}).
 */
export function bestPassage(field: string, text: string, analyzer: Analyzer, wanted: ReadonlySet<string>, options: HighlightOptions = {}, cache?: AnalyzedTextCache, cacheKey?: number): Highlight | null {
  const fragmentSize = options.fragmentSize ?? HIGHLIGHT_DEFAULTS.fragmentSize;
  const ts = cache ? cache.get(analyzer, text, cacheKey) : analyzer.analyze(text);
  // The wanted terms of this field as the analyzer's string ids (looked up after the analysis, so a
  // term the text just interned is found); a term never interned cannot occur in the text.
  const strings = analyzer.strings;
  const names = markWanted(strings, wantedTerms(wanted, field));
  if (names.length === 0) return null;
  // The matches as parallel arrays (start, end, slot of the term in `names`), no object each.
  const mark = marks;
  const g = generation;
  const tokenTerms = ts.terms;
  let nh = 0;
  for (let i = 0; i < ts.n; i++) {
    const id = tokenTerms[i]!;
    if (mark[id] === g) {
      if (nh === hitStart.length) growHits();
      hitStart[nh] = ts.starts[i]!;
      hitEnd[nh] = ts.ends[i]!;
      hitSlot[nh++] = slots[id]!;
    }
  }
  if (!nh) return null;
  const hs = hitStart;
  const he = hitEnd;
  const hslot = hitSlot;
  let bestI = 0;
  let bestJ = 1;
  let bestDistinct = 0;
  let bestCount = 0;
  // Sliding window: hits end in order, so the end j of the window starting at hit i never moves
  // back. Per term slot, its matches in the window; `distinct` counts the slots above 0.
  const inWindow = windowCounts.length >= names.length ? windowCounts.fill(0, 0, names.length) : (windowCounts = new Int32Array(names.length * 2));
  let distinct = 0;
  let j = 0;
  for (let i = 0; i < nh; i++) {
    if (j < i) j = i;
    while (j < nh && he[j]! - hs[i]! <= fragmentSize) if (inWindow[hslot[j++]!]!++ === 0) distinct++;
    if (distinct > bestDistinct || (distinct === bestDistinct && j - i > bestCount)) {
      bestI = i;
      bestJ = Math.max(j, i + 1);
      bestDistinct = distinct;
      bestCount = j - i;
    }
    if (i < j && --inWindow[hslot[i]!]! === 0) distinct--;
  }
  const firstS = hs[bestI]!;
  const lastE = he[bestJ - 1]!;
  // Centre the matches in a window of fragmentSize, snapped to whitespace.
  const slack = Math.max(0, fragmentSize - (lastE - firstS));
  let start = Math.max(0, firstS - Math.floor(slack / 2));
  let end = Math.min(text.length, lastE + (slack - (firstS - start)));
  if (start > 0) {
    const sp = text.indexOf(' ', start);
    start = sp >= 0 && sp < firstS ? sp + 1 : firstS;
  }
  if (end < text.length) {
    const sp = text.lastIndexOf(' ', end);
    end = sp > lastE ? sp : lastE;
  }
  const pre = options.pre ?? HIGHLIGHT_DEFAULTS.pre;
  const post = options.post ?? HIGHLIGHT_DEFAULTS.post;
  const ellipsis = options.ellipsis ?? HIGHLIGHT_DEFAULTS.ellipsis;
  let snippet = start > 0 ? ellipsis : '';
  let p = start;
  // Distinct terms in the passage, in first-match order.
  const seen = windowCounts.fill(0, 0, names.length);
  const terms: string[] = [];
  let matches = 0;
  for (let h = 0; h < nh; h++) {
    const s = hs[h]!;
    const e = he[h]!;
    if (s < start || e > end) continue;
    snippet += text.slice(p, s) + pre + text.slice(s, e) + post;
    p = e;
    if (seen[hslot[h]!]!++ === 0) terms.push(names[hslot[h]!]!);
    matches++;
  }
  snippet += text.slice(p, end) + (end < text.length ? ellipsis : '');
  return { field, snippet, start, end, terms, matches };
}

// Scratch of bestPassage: the matches of the text at hand, and per-term counts.
let hitStart = new Int32Array(256);
let hitEnd = new Int32Array(256);
let hitSlot = new Int32Array(256);
let windowCounts = new Int32Array(64);

function growHits(): void {
  const n = hitStart.length * 2;
  const grow = (a: Int32Array) => {
    const b = new Int32Array(n);
    b.set(a);
    return b;
  };
  hitStart = grow(hitStart);
  hitEnd = grow(hitEnd);
  hitSlot = grow(hitSlot);
}

/**
 * The best passage of each of `fields` in `source` (a document or stored fields) for the
 * `field\u0000term` keys in `wanted`; fields that are not indexed (`analyzer` gives undefined) or
 * hold no text are skipped. The text is the one the field was indexed from (arrays and numbers too).
 * With `docKey` (a number that identifies `source`'s content for as long as `cache` lives), the
 * cache finds each field's text under `docKey` and the field's position instead of the text.
 * @example fieldPassages(stored, ['title', 'text'], (f) => analyzers.get(f), wanted)
 */
export function fieldPassages(source: Record<string, unknown>, fields: readonly string[], analyzer: (field: string) => Analyzer | undefined, wanted: ReadonlySet<string>, options: HighlightOptions = {}, cache?: AnalyzedTextCache, docKey?: number): Highlight[] {
  const out: Highlight[] = [];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const text = fieldText(source[f]);
    const a = analyzer(f);
    if (!text || !a) continue;
    const h = bestPassage(f, text, a, wanted, options, cache, docKey === undefined ? undefined : docKey * fields.length + i);
    if (h) out.push(h);
  }
  return out;
}

/** The passage with the most distinct matched terms, then the most matches (the first on a tie), or null. */
export function bestOf(passages: readonly Highlight[]): Highlight | null {
  let best: Highlight | null = null;
  for (const h of passages) if (!best || h.terms.length > best.terms.length || (h.terms.length === best.terms.length && h.matches > best.matches)) best = h;
  return best;
}
