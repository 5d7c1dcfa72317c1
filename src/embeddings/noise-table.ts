/**
 * The negative-sampling noise distribution: word2vec.c's InitUnigramTable, a table in which word
 * w fills a share of slots proportional to count(w)^0.75.
 */

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
