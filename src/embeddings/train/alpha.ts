/**
 * The learning-rate schedule of word2vec training, as a plain value: {@link alphaSchedule} fixes
 * it from the settings, {@link alphaAt} reads the rate after a number of words.
 */

/** A learning-rate schedule (see {@link alphaAt}). */
export interface AlphaSchedule {
  /** The starting rate. */
  readonly alpha: number;
  /** gensim's final rate of a linear decay; undefined for word2vec.c's schedule. */
  readonly minAlpha: number | undefined;
  /** Words read over the whole run (epochs x train_words, `</s>` included). */
  readonly totalWords: number;
}

/**
 * The schedule of a run of `epochs` passes over `trainWords` words (`</s>` included).
 * @example alphaAt(alphaSchedule(0.025, undefined, 5, 1000), 0) // 0.02500000037252903 (a C float)
 */
export function alphaSchedule(alpha: number, minAlpha: number | undefined, epochs: number, trainWords: number): AlphaSchedule {
  return { alpha, minAlpha, totalWords: epochs * trainWords };
}

/**
 * The learning rate after `wordsRead` words (word2vec.c's word_count_actual, `</s>` included).
 * Without `minAlpha`, word2vec.c's float arithmetic: alpha * (1 - wordsRead / (totalWords + 1)),
 * floored at alpha * 1e-4; with it, gensim's linear decay from alpha to minAlpha.
 * @example alphaAt({ alpha: 0.025, minAlpha: 0.0001, totalWords: 100 }, 50) // 0.01255
 */
export function alphaAt(s: AlphaSchedule, wordsRead: number): number {
  const minAlpha = s.minAlpha;
  if (minAlpha !== undefined) return Math.max(minAlpha, s.alpha - ((s.alpha - minAlpha) * wordsRead) / s.totalWords);
  const start = Math.fround(s.alpha); // starting_alpha is a C float
  const denom = Math.fround(s.totalWords + 1);
  const floor = start * 0.0001;
  const a = Math.fround(start * Math.fround(1 - Math.fround(Math.fround(wordsRead) / denom)));
  return a < floor ? Math.fround(floor) : a;
}
