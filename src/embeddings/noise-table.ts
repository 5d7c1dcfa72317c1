/**
 * The negative-sampling noise distribution: word2vec.c's InitUnigramTable, a table in which word
 * w fills a share of slots proportional to count(w)^0.75.
 */

/** Default table size, word2vec.c's `table_size` (1e8 slots, 400 MB as Int32). */
export const DEFAULT_TABLE_SIZE = 1e8;

/**
 * Fills a unigram^power table exactly as word2vec.c: a running float32 threshold `d1` moves to
 * the next word each time the slot fraction passes it.
 * @param counts word counts (vocabulary order).
 * @param size number of slots (default 1e8).
 * @param power exponent (default 0.75).
 * @param out optional destination (e.g. over a SharedArrayBuffer) of length `size`.
 * @example const t = buildNoiseTable([10, 5, 1], 1000); t[0] // 0
 */
export function buildNoiseTable(counts: ArrayLike<number>, size = DEFAULT_TABLE_SIZE, power = 0.75, out?: Int32Array): Int32Array {
  const v = counts.length;
  const table = out ?? new Int32Array(size);
  let pow = 0;
  for (let a = 0; a < v; a++) pow += Math.pow(counts[a]!, power);
  let i = 0;
  // word2vec.c keeps d1 as a C float: each addition is done in double then rounded to float32.
  let d1 = Math.fround(Math.pow(counts[0]!, power) / pow);
  for (let a = 0; a < size; a++) {
    table[a] = i;
    if (a / size > d1) {
      i++;
      if (i < v) d1 = Math.fround(d1 + Math.pow(counts[i]!, power) / pow);
    }
    if (i >= v) i = v - 1;
  }
  return table;
}
