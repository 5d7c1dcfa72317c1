/**
 * Stage 1 (count): raw counts of every n-gram of orders 1..N, plus suffix links.
 *
 * Input: a {@link Corpus}. Each sentence is framed as `<s> w1 .. wk </s>`. Like lmplz, only the
 * "full" n-gram ending at each position is counted: the N-gram, or the shorter one that starts at
 * `<s>` near a sentence start (lmplz pads with N-1 `<s>` and collapses `<s> <s> ..` onto it). Lower
 * orders are then derived top-down: each k-gram adds its count to its (k-1)-word suffix, so a
 * k-gram's count is the number of positions where it ends.
 * Output: for order n (index n-1) a table of n-grams, their raw counts, and for n >= 2 the entry
 * of each n-gram's suffix and context in the order n-1 table (found without extra hash lookups). The unigram table has entry i = word id i for
 * every vocabulary word, so `<unk>`, `<s>` and unseen words of a fixed vocab exist with count 0.
 */
import { grow } from '../util/typed.js';
import type { Corpus, TrainProgress } from './corpus.js';
import { NgramTable } from './ngram-table.js';
import { BOS, EOS } from './vocab.js';

/** Per-order n-gram tables with a parallel count column and suffix links. */
export interface Counts {
  order: number;
  tables: NgramTable[];
  counts: Uint32Array[];
  /** `suffix[n-1][e]`: entry in the order n-1 table of the last n-1 words of n-gram e (index 0 empty). */
  suffix: Uint32Array[];
  /** `context[n-1][e]`: entry in the order n-1 table of the first n-1 words of n-gram e (index 0 empty). */
  context: Uint32Array[];
}

/** Counts all n-grams up to `order` (see the module contract). */
export function countNgrams(corpus: Corpus, order: number, onProgress?: (p: TrainProgress) => void): Counts {
  const { tables, counts, full } = countFullNgrams(corpus, order, onProgress);
  const suffix = deriveLowerOrders(tables, counts);
  const context = deriveContexts(corpus, order, tables, suffix, full);
  onProgress?.({ stage: 'count', done: corpus.sentences, total: corpus.sentences });
  for (let n = 0; n < order; n++) {
    tables[n]!.compact();
    counts[n] = counts[n]!.slice(0, tables[n]!.size);
  }
  return { order, tables, counts, suffix, context };
}

/** The first pass of {@link countNgrams}: per order, only the n-grams counted at a position. */
export interface FullCounts {
  tables: NgramTable[];
  counts: Uint32Array[];
  /** Entry of the full n-gram counted at each position (one per word and one per `</s>`). */
  full: Uint32Array;
}

/**
 * Counts the "full" n-gram ending at each position (see the module contract). Entries of each
 * table are in first-occurrence order; the unigram table holds every vocabulary word (entry = id).
 * Nothing but full n-grams is in the tables yet, which is what a count shard stores.
 */
export function countFullNgrams(corpus: Corpus, order: number, onProgress?: (p: TrainProgress) => void): FullCounts {
  const { ids, starts, sentences, vocab } = corpus;
  const positions = corpus.tokens + sentences;
  const tables: NgramTable[] = [];
  const counts: Uint32Array[] = [];
  for (let n = 1; n <= order; n++) {
    // Only the top order sees (almost) every position; lower orders start with sentence starts.
    const expected = n === 1 ? vocab.size : n === order ? Math.max(16, positions) : Math.max(16, Math.min(positions, sentences));
    tables.push(new NgramTable(n, expected));
    counts.push(new Uint32Array(expected));
  }
  const one = new Uint32Array(1);
  for (let id = 0; id < vocab.size; id++) {
    one[0] = id;
    tables[0]!.insert(one, 0);
  }
  let maxLen = 0;
  for (let s = 0; s < sentences; s++) maxLen = Math.max(maxLen, starts[s + 1]! - starts[s]!);
  const buf = new Uint32Array(maxLen + 2);
  buf[0] = BOS;
  // The full n-gram counted at each position, to derive context links without hashing.
  const full = new Uint32Array(positions);
  let p = 0;
  for (let s = 0; s < sentences; s++) {
    const a = starts[s]!;
    const m = starts[s + 1]! - a;
    buf.set(ids.subarray(a, a + m), 1);
    buf[m + 1] = EOS;
    for (let j = 1; j <= m + 1; j++) {
      const k = j + 1 < order ? j + 1 : order;
      const e = tables[k - 1]!.insert(buf, j - k + 1);
      let c = counts[k - 1]!;
      if (e >= c.length) c = counts[k - 1] = grow(c, e + 1);
      c[e]!++;
      full[p++] = e;
    }
    if (onProgress && (s & 4095) === 4095) onProgress({ stage: 'count', done: s + 1, total: sentences });
  }
  return { tables, counts, full };
}

/**
 * Derives the lower orders top-down from the full n-grams: each k-gram, in entry order, inserts
 * its (k-1)-word suffix and adds its count to it. Returns the suffix links (the insert positions).
 * `counts` arrays may be replaced by longer ones; the tables keep their slack (compact them after).
 */
export function deriveLowerOrders(tables: readonly NgramTable[], counts: Uint32Array[]): Uint32Array[] {
  const order = tables.length;
  const suffix: Uint32Array[] = new Array(order);
  suffix[0] = new Uint32Array(0);
  for (let k = order; k >= 2; k--) {
    const t = tables[k - 1]!;
    const lower = tables[k - 2]!;
    lower.reserve(lower.size + t.size);
    const cnt = counts[k - 1]!;
    let lc = counts[k - 2]!;
    if (lc.length < lower.size + t.size) lc = counts[k - 2] = grow(lc, lower.size + t.size);
    const suf = new Uint32Array(t.size);
    const keys = t.keys;
    for (let e = 0; e < t.size; e++) {
      const s = lower.insert(keys, e * k + 1);
      suf[e] = s;
      lc[s]! += cnt[e]!;
    }
    suffix[k - 1] = suf;
  }
  return suffix;
}

/**
 * Context links without hash lookups. The full n-gram F at position j has as context either the
 * full (j-1)-gram before it (near a sentence start, where fulls grow by one word) or the suffix of
 * the full N-gram before it. A derived (k-1)-gram S, suffix of a k-gram G, has as context the
 * suffix of G's context; going top-down, every entry gets its context.
 */
function deriveContexts(corpus: Corpus, order: number, tables: readonly NgramTable[], suffix: readonly Uint32Array[], full: Uint32Array): Uint32Array[] {
  const context: Uint32Array[] = [new Uint32Array(0)];
  for (let n = 2; n <= order; n++) context.push(new Uint32Array(tables[n - 1]!.size));
  if (order < 2) return context;
  const { starts, sentences } = corpus;
  let p = 0;
  for (let s = 0; s < sentences; s++) {
    const m = starts[s + 1]! - starts[s]!;
    for (let j = 1; j <= m + 1; j++, p++) {
      const L = j + 1 < order ? j + 1 : order;
      if (L < 2) continue;
      const prev = j === 1 ? BOS : full[p - 1]!;
      const prevL = j === 1 ? 1 : j < order ? j : order;
      context[L - 1]![full[p]!] = prevL === L ? suffix[L - 1]![prev]! : prev;
    }
  }
  for (let k = order; k >= 3; k--) {
    const suf = suffix[k - 1]!;
    const ctx = context[k - 1]!;
    const lowerSuf = suffix[k - 2]!;
    const lowerCtx = context[k - 2]!;
    for (let g = 0; g < suf.length; g++) lowerCtx[suf[g]!] = lowerSuf[ctx[g]!]!;
  }
  return context;
}
