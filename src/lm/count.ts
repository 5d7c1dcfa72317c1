/**
 * Stage 1 (count): raw counts of every n-gram of orders 1..N.
 *
 * Input: a {@link Corpus}. Each sentence is framed as `<s> w1 .. wk </s>`; an n-gram never reaches
 * left of the single `<s>` (lmplz pads with N-1 `<s>` and then collapses `<s> <s> ..` onto the
 * n-gram that starts at the real `<s>`, which is the same thing).
 * Output: for order n (index n-1) a table of n-grams and their raw counts. The unigram table has
 * entry i = word id i for every vocabulary word, so unseen words (a fixed vocab) and `<unk>`, `<s>`
 * exist with count 0; `<s>` is never counted as a unigram.
 */
import { grow } from '../util/typed.js';
import type { Corpus, TrainProgress } from './corpus.js';
import { NgramTable } from './ngram-table.js';
import { BOS, EOS } from './vocab.js';

/** Per-order n-gram tables with a parallel count column. */
export interface Counts {
  order: number;
  tables: NgramTable[];
  counts: Uint32Array[];
}

/** Counts all n-grams up to `order` (see the module contract). */
export function countNgrams(corpus: Corpus, order: number, onProgress?: (p: TrainProgress) => void): Counts {
  const { ids, starts, sentences, vocab } = corpus;
  const expected = Math.max(16, Math.min(corpus.tokens + sentences, 1 << 22));
  const tables: NgramTable[] = [];
  const counts: Uint32Array[] = [];
  for (let n = 1; n <= order; n++) {
    tables.push(new NgramTable(n, n === 1 ? vocab.size : expected));
    counts.push(new Uint32Array(n === 1 ? vocab.size : expected));
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
  for (let s = 0; s < sentences; s++) {
    const a = starts[s]!;
    const m = starts[s + 1]! - a;
    buf.set(ids.subarray(a, a + m), 1);
    buf[m + 1] = EOS;
    for (let j = 1; j <= m + 1; j++) {
      const kmax = Math.min(order, j + 1);
      for (let k = 1; k <= kmax; k++) {
        const e = tables[k - 1]!.insert(buf, j - k + 1);
        let c = counts[k - 1]!;
        if (e >= c.length) c = counts[k - 1] = grow(c, e + 1);
        c[e]!++;
      }
    }
    if (onProgress && (s & 1023) === 1023) onProgress({ stage: 'count', done: s + 1, total: sentences });
  }
  onProgress?.({ stage: 'count', done: sentences, total: sentences });
  for (let n = 0; n < order; n++) {
    tables[n]!.compact();
    counts[n] = counts[n]!.slice(0, tables[n]!.size);
  }
  return { order, tables, counts };
}
