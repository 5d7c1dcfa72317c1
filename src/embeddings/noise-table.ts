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
  // word2vec.c writes word i to slot a and moves to the next word after the first slot with
  // a / size > d1. That test is monotone in a, so each word's run ends at the first such slot,
  // found from the guess floor(d1 * size) with exact checks, and is filled at once.
  let a = 0;
  while (a < size) {
    let e = Math.min(size, Math.max(a, Math.floor(d1 * size)));
    while (e > a && (e - 1) / size > d1) e--;
    while (e < size && !(e / size > d1)) e++;
    const stop = Math.min(e + 1, size);
    table.fill(i, a, stop);
    a = stop;
    if (a >= size) break;
    i++;
    if (i < v) d1 = Math.fround(d1 + Math.pow(counts[i]!, power) / pow);
    else {
      // past the last word, word2vec.c clamps every remaining slot to it
      table.fill(v - 1, a, size);
      break;
    }
  }
  return table;
}
