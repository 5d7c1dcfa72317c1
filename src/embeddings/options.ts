/**
 * The options of the embeddings API in one place: per method a frozen `*_DEFAULTS` object (the one
 * place a default value is written) and a schema whose `default` points at it, checked by the
 * library's one options checker (`core/options.ts`). Every option here belongs to a call, so a
 * bad one is an ArgumentError naming the key; a misspelt or gensim-style key (`restrict_vocab`,
 * `min_count`) is named with the option it stands for.
 */
import { ArgumentError } from '../core/errors.js';
import { checkOptions as checkSchema, type OptionSchema } from '../core/options.js';
import { DEFAULT_TABLE_SIZE } from './noise-table.js';

/**
 * Defaults of `Word2Vec.train` (names follow gensim, values word2vec.c). `alpha` has none here: it
 * depends on `sg` (0.025 skip-gram, 0.05 CBOW); `minAlpha` unset means word2vec.c's schedule.
 */
export const WORD2VEC_DEFAULTS = Object.freeze({
  sg: false,
  cbowMean: true,
  vectorSize: 100,
  window: 5,
  minCount: 5,
  maxVocabSize: 0,
  sample: 1e-3,
  negative: 5,
  hs: false,
  epochs: 5,
  seed: 1,
  threads: 1,
  batchWords: 10000,
  maxSentenceLength: 1000,
  noiseTableSize: DEFAULT_TABLE_SIZE,
  lowercase: false,
});

/** Starting learning rates of `Word2Vec.train` when `alpha` is not given (word2vec.c's). */
export const WORD2VEC_ALPHA_DEFAULTS = Object.freeze({ skipGram: 0.025, cbow: 0.05 });

const D = WORD2VEC_DEFAULTS;

/** Schema of `Word2VecOptions` (see that type for what each option does). */
export const WORD2VEC_SCHEMA: OptionSchema = Object.freeze({
  sg: { type: 'boolean', default: D.sg, doc: 'skip-gram (true) or CBOW (false)' },
  cbowMean: { type: 'boolean', default: D.cbowMean, doc: 'CBOW averages (true) or sums (false) the context vectors' },
  vectorSize: { type: 'integer', min: 1, default: D.vectorSize, doc: 'vector dimensionality' },
  window: { type: 'integer', min: 1, default: D.window, doc: 'maximum distance between centre and context word' },
  minCount: { type: 'integer', min: 1, default: D.minCount, doc: 'ignore words seen fewer times' },
  maxVocabSize: { type: 'integer', min: 0, default: D.maxVocabSize, doc: 'cap on distinct words during the scan (0 = none)' },
  sample: { type: 'number', min: 0, default: D.sample, doc: 'subsampling threshold (0 = off)' },
  negative: { type: 'integer', min: 0, default: D.negative, doc: 'noise words per positive example (0 = off)' },
  hs: { type: 'boolean', default: D.hs, doc: 'hierarchical softmax' },
  alpha: { type: 'number', min: 0, exclusiveMin: true, doc: 'starting learning rate (default 0.025 skip-gram, 0.05 CBOW)' },
  minAlpha: { type: 'number', min: 0, doc: 'final learning rate of a linear decay, in [0, alpha] (default word2vec.c schedule)' },
  epochs: { type: 'integer', min: 1, default: D.epochs, doc: 'passes over the corpus' },
  seed: { type: 'integer', default: D.seed, doc: 'random seed' },
  threads: { type: 'integer', min: 1, default: D.threads, doc: 'training threads (1 = reproducible)' },
  batchWords: { type: 'integer', min: 1, default: D.batchWords, doc: 'words between learning-rate updates' },
  maxSentenceLength: { type: 'integer', min: 1, default: D.maxSentenceLength, doc: 'longer sentences are cut' },
  noiseTable: { type: 'string', enum: ['cumulative', 'word2vec-c'], doc: "noise table (default cumulative, or word2vec-c when noiseTableSize is given)" },
  noiseTableSize: { type: 'integer', min: 1, default: D.noiseTableSize, doc: "slots of the word2vec-c noise table" },
  pipeline: { type: 'any', doc: 'pipeline whose tokenizer splits lines (default: whitespace)' },
  lowercase: { type: 'boolean', default: D.lowercase, doc: 'lowercase every token' },
  onProgress: { type: 'function', doc: 'called about once per batch' },
} satisfies OptionSchema);

/**
 * Checks `Word2Vec.train` options one by one (keys, types, ranges; an ArgumentError naming the
 * key). What depends on several options (`window <= maxSentenceLength`, `hs` or `negative`,
 * `minAlpha <= alpha`, `noiseTableSize` only with the `word2vec-c` table) is checked by the trainer.
 * @example checkWord2VecOptions({ min_count: 2 }) // ArgumentError: unknown train option "min_count"; did you mean "minCount"?
 */
export function checkWord2VecOptions(options: unknown): void {
  checkSchema(WORD2VEC_SCHEMA, options, { what: 'train' });
}

/** Defaults of `KeyedVectors.mostSimilar` and `mostSimilarCosmul` (`restrictVocab` unset: all words). */
export const MOST_SIMILAR_DEFAULTS = Object.freeze({ topn: 10 });

/** Schema of `MostSimilarOptions`. */
export const MOST_SIMILAR_SCHEMA: OptionSchema = Object.freeze({
  positive: { type: 'any', doc: 'terms that count positively (default none)' },
  negative: { type: 'any', doc: 'terms that count negatively (default none)' },
  topn: { type: 'integer', default: MOST_SIMILAR_DEFAULTS.topn, doc: 'number of results (below 1 gives none)' },
  restrictVocab: { type: 'integer', min: 0, doc: 'search only the first N words (default all)' },
} satisfies OptionSchema);

/** Defaults of `KeyedVectors.wmDistance`. */
export const WMD_DEFAULTS = Object.freeze({ norm: true });

/** Schema of `WmdOptions`. */
export const WMD_SCHEMA: OptionSchema = Object.freeze({
  norm: { type: 'boolean', default: WMD_DEFAULTS.norm, doc: 'normalise word vectors to unit length first' },
} satisfies OptionSchema);

/** Defaults of `evaluateWordAnalogies` (word2vec.c's compute-accuracy and gensim's old `accuracy`). */
export const ANALOGY_DEFAULTS = Object.freeze({ restrictVocab: 30000, caseInsensitive: true, dummy4unknown: false });

/** Schema of `AnalogyOptions`. */
export const ANALOGY_SCHEMA: OptionSchema = Object.freeze({
  restrictVocab: { type: 'integer', min: 0, default: ANALOGY_DEFAULTS.restrictVocab, doc: 'use only the N most frequent words' },
  caseInsensitive: { type: 'boolean', default: ANALOGY_DEFAULTS.caseInsensitive, doc: 'compare upper-cased words' },
  dummy4unknown: { type: 'boolean', default: ANALOGY_DEFAULTS.dummy4unknown, doc: 'count questions with unknown words as incorrect' },
} satisfies OptionSchema);

/** Defaults of `evaluateWordPairs` (gensim's). */
export const PAIRS_DEFAULTS = Object.freeze({ delimiter: '\t', restrictVocab: 300000, caseInsensitive: true, dummy4unknown: false });

/** Schema of `PairsOptions`. */
export const PAIRS_SCHEMA: OptionSchema = Object.freeze({
  delimiter: { type: 'string', default: PAIRS_DEFAULTS.delimiter, doc: 'field separator' },
  restrictVocab: { type: 'integer', min: 0, default: PAIRS_DEFAULTS.restrictVocab, doc: 'only the first N words are known' },
  caseInsensitive: { type: 'boolean', default: PAIRS_DEFAULTS.caseInsensitive, doc: 'compare upper-cased words' },
  dummy4unknown: { type: 'boolean', default: PAIRS_DEFAULTS.dummy4unknown, doc: 'score pairs with unknown words as 0' },
} satisfies OptionSchema);

/** Schema of `SaveOptions` (the format's default comes from the file name). */
export const SAVE_SCHEMA: OptionSchema = Object.freeze({
  format: { type: 'string', enum: ['text', 'binary', 'native'], doc: 'file format (default: from the extension)' },
} satisfies OptionSchema);

/** Schema of `ConvertOptions` (`convertVectors`). */
export const CONVERT_SCHEMA: OptionSchema = Object.freeze({
  from: { type: 'string', enum: ['text', 'binary', 'native'], doc: 'input format (default: from the magic number or the extension)' },
  to: { type: 'string', enum: ['text', 'binary', 'native'], doc: 'output format (default: from the extension)' },
  limit: { type: 'any', doc: 'keep only the first N vectors, an integer >= 0 (default all)' },
  noHeader: { type: 'boolean', doc: 'text input without a "<count> <dims>" header line, as GloVe (default false)' },
} satisfies OptionSchema);

/** Schema of `LoadOptions` (`limit` may also be Infinity, its default: all vectors). */
export const LOAD_SCHEMA: OptionSchema = Object.freeze({
  format: { type: 'string', enum: ['text', 'binary', 'native'], doc: 'file format (default: from the magic number or the extension)' },
  limit: { type: 'any', doc: 'read only the first N vectors, an integer >= 0 (default all)' },
  noHeader: { type: 'boolean', doc: 'text file without a "<count> <dims>" header line, as GloVe (default false)' },
} satisfies OptionSchema);

/**
 * Checks a call's options against a schema (unknown keys with did-you-mean, types, ranges); an
 * ArgumentError naming the key.
 * @example checkOptions(MOST_SIMILAR_SCHEMA, { restrict_vocab: 100 }, 'mostSimilar') // ArgumentError: unknown mostSimilar option "restrict_vocab"; did you mean "restrictVocab"?
 */
export function checkOptions(schema: OptionSchema, options: unknown, what: string): void {
  if (options === null || typeof options !== 'object') throw new ArgumentError(`${what} options must be an object`, { key: 'options' });
  checkSchema(schema, options, { what });
}

/** `n` as a count of words: an integer >= 0 (a fraction, NaN or string would silently change results). */
export function checkCount(n: unknown, key: string): void {
  if (!Number.isInteger(n) || (n as number) < 0) throw new ArgumentError(`${key} must be an integer >= 0, got ${typeof n === 'number' ? String(n) : (JSON.stringify(n) ?? String(n))}`, { key });
}
