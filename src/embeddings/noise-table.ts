/**
 * The negative-sampling noise distribution, count(w)^0.75, in one of two tables:
 * - `'cumulative'` (gensim's `cum_table`): one bound per word, drawn by binary search on a uniform
 *   number; its memory scales with the vocabulary (4 bytes a word).
 * - `'word2vec-c'` (word2vec.c's InitUnigramTable): 1e8 slots in which word w fills a share
 *   proportional to count(w)^0.75 (400 MB whatever the vocabulary), drawn by one lookup; needed to
 *   reproduce word2vec.c's vectors exactly.
 */

/** The kinds of noise table (see the module comment). */
export type NoiseTableKind = 'cumulative' | 'word2vec-c';

/** The cumulative table's total: gensim's `domain`, 2^31 - 1. */
export const CUMULATIVE_DOMAIN = 2 ** 31 - 1;

/**
 * gensim's `make_cum_table`: entry i is round(sum_{j<=i} count_j^power / sum_j count_j^power *
 * 2^31 - 1), so the last entry is 2^31 - 1. The kernel draws r uniform in [0, last) and takes the
 * first i with table[i] > r, so word i is drawn with probability (table[i] - table[i-1]) / last
 * (gensim's `bisect_left` takes the first i with table[i] >= r, which moves a draw equal to a
 * bound to the word before; the difference is below 1e-9 per word).
 * @param counts word counts (vocabulary order; in training, index 0 is `</s>`).
 * @param power exponent (default 0.75).
 * @param out optional destination of length `counts.length`.
 * @example buildCumulativeTable([10, 5, 1]) // Int32Array [1211603184, 1932026747, 2147483647]
 */
export function buildCumulativeTable(counts: ArrayLike<number>, power = 0.75, out?: Int32Array): Int32Array {
  const v = counts.length;
  const table = out ?? new Int32Array(v);
  let total = 0;
  for (let i = 0; i < v; i++) total += Math.pow(counts[i]!, power);
  let cum = 0;
  for (let i = 0; i < v; i++) {
    cum += Math.pow(counts[i]!, power);
    table[i] = Math.round((cum / total) * CUMULATIVE_DOMAIN);
  }
  if (v > 0) table[v - 1] = CUMULATIVE_DOMAIN; // exact despite float rounding of the sum
  return table;
}

/** Default table size, word2vec.c's `table_size` (1e8 slots, 400 MB as Int32). */
export const DEFAULT_TABLE_SIZE = 1e8;

/**
 * Fills a unigram^power table exactly as word2vec.c's slot-by-slot loop, down to its C types: the
 * sum of count^power is a `long long` (truncated after every addition), the running threshold
 * `d1` and the slot fraction `a / table_size` are C floats. Word i takes slots up to and including
 * the first slot `a` whose fraction exceeds `d1`; that slot is found from the estimate
 * d1 * size (the fraction is monotone in `a`), and each word's run is written with `fill`.
 * @param counts word counts (vocabulary order; in training, index 0 is `</s>`).
 * @param size number of slots (default 1e8).
 * @param power exponent (default 0.75).
 * @param out optional destination (e.g. over a SharedArrayBuffer) of length `size`.
 * @example const t = buildNoiseTable([10, 5, 1], 1000); t[0] // 0
 */
export function buildNoiseTable(counts: ArrayLike<number>, size = DEFAULT_TABLE_SIZE, power = 0.75, out?: Int32Array): Int32Array {
  const v = counts.length;
  const table = out ?? new Int32Array(size);
  const fr = Math.fround;
  const p = fr(power); // `real power`
  let sum = 0; // `long long train_words_pow += pow(...)`: truncated at each step
  for (let a = 0; a < v; a++) sum = Math.trunc(sum + Math.pow(counts[a]!, p));
  const sumF = fr(sum); // `(real)train_words_pow`
  const sizeF = fr(size);
  const above = (a: number, d1: number): boolean => fr(fr(a) / sizeF) > d1;
  // d1 is a C float: each step is computed in double, then rounded to float32.
  let d1 = fr(Math.pow(counts[0]!, p) / sumF);
  let a = 0;
  for (let i = 0; a < size; ) {
    if (i >= v) {
      table.fill(v - 1, a, size);
      break;
    }
    // The first slot e >= a with fraction > d1: start a little below the estimate, scan up.
    let e = Math.max(a, Math.floor(d1 * size) - 64);
    if (e > a && above(e, d1)) e = a;
    while (e < size && !above(e, d1)) e++;
    table.fill(i, a, Math.min(e + 1, size));
    a = e + 1;
    i++;
    if (i < v) d1 = fr(d1 + Math.pow(counts[i]!, p) / sumF);
  }
  return table;
}
