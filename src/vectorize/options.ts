/**
 * The options of the vectorizers in one place: per class a frozen `*_DEFAULTS` object (the one
 * place a default value is written, scikit-learn's values) and a schema whose `default` points at
 * it, checked by the library's one options checker (`core/options.ts`). A vectorizer keeps its
 * options (they are its configuration, saved with it), so a bad one is a ConfigError naming the
 * key; a scikit-learn-style key (`max_df`, `ngram_range`) is named with the option it stands for.
 */
import { checkOptions as checkSchema, type OptionSchema } from '../core/options.js';
import type { DType } from './csr.js';

/** Built-in analyzer names. */
export type AnalyzerKind = 'word' | 'char' | 'char_wb';

/**
 * A document-frequency bound: an integer is a number of documents; a non-integer number in [0, 1]
 * or `{ proportion: p }` is a proportion of documents (write `{ proportion: 1 }` for 100%, since
 * JavaScript cannot tell `1` from `1.0`).
 */
export type DocFreqBound = number | { proportion: number };

/** Analyzer defaults (scikit-learn's). */
export const ANALYZER_DEFAULTS = Object.freeze({
  analyzer: 'word' as AnalyzerKind,
  lowercase: true,
  tokenPattern: '(?u)\\b\\w\\w+\\b',
  stopWords: null,
  ngramRange: Object.freeze([1, 1]) as readonly [number, number],
  language: null as string | null,
});

/** Defaults of `CountVectorizer` (scikit-learn's; `vocabulary` unset: learned). */
export const COUNT_DEFAULTS = Object.freeze({
  minDf: 1 as DocFreqBound,
  maxDf: Object.freeze({ proportion: 1 }) as DocFreqBound,
  maxFeatures: null as number | null,
  binary: false,
  dtype: 'float64' as DType,
});

/** Defaults of `TfidfTransformer` (scikit-learn's). */
export const TFIDF_DEFAULTS = Object.freeze({ norm: 'l2' as 'l1' | 'l2' | null, useIdf: true, smoothIdf: true, sublinearTf: false });

/** Defaults of `HashingVectorizer` (scikit-learn's). */
export const HASHING_DEFAULTS = Object.freeze({ nFeatures: 1 << 20, alternateSign: true, norm: 'l2' as 'l1' | 'l2' | null, binary: false, dtype: 'float64' as DType });

/** Defaults of `extractKeywords` beyond the TfidfVectorizer's. */
export const KEYWORD_DEFAULTS = Object.freeze({ top: 10 });

const DTYPES = Object.freeze(['float64', 'float32']);
const NORMS = Object.freeze(['l1', 'l2']);

/** Schema of `AnalyzerOptions` (the polymorphic ones are checked when the analyzer is built). */
export const ANALYZER_SCHEMA: OptionSchema = Object.freeze({
  analyzer: { type: 'any', default: ANALYZER_DEFAULTS.analyzer, doc: "'word', 'char', 'char_wb', a pipeline or a function" },
  lowercase: { type: 'boolean', default: ANALYZER_DEFAULTS.lowercase, doc: 'lowercase the text before tokenizing' },
  tokenPattern: { type: 'any', default: ANALYZER_DEFAULTS.tokenPattern, doc: 'word token pattern, a string or RegExp' },
  stopWords: { type: 'any', default: ANALYZER_DEFAULTS.stopWords, doc: "'english', a list of words, or null" },
  ngramRange: { type: 'array', default: ANALYZER_DEFAULTS.ngramRange, doc: '[minN, maxN], integers 1 <= minN <= maxN' },
  language: { type: 'string', nullable: true, default: ANALYZER_DEFAULTS.language, doc: "words of this language: its tokenizer, stop words and Snowball stems (e.g. 'de')" },
} satisfies OptionSchema);

/** Schema of `CountVectorizerOptions` (analyzer options included). */
export const COUNT_SCHEMA: OptionSchema = Object.freeze({
  ...ANALYZER_SCHEMA,
  minDf: { type: 'any', default: COUNT_DEFAULTS.minDf, doc: 'an integer count >= 0 or a proportion in [0, 1]' },
  maxDf: { type: 'any', default: COUNT_DEFAULTS.maxDf, doc: 'an integer count >= 0 or a proportion in [0, 1]' },
  maxFeatures: { type: 'integer', min: 1, nullable: true, default: COUNT_DEFAULTS.maxFeatures, doc: 'keep only this many terms (null: all)' },
  vocabulary: { type: 'any', doc: 'a fixed vocabulary (default: learned)' },
  binary: { type: 'boolean', default: COUNT_DEFAULTS.binary, doc: 'record 1 for any non-zero count' },
  dtype: { type: 'string', enum: DTYPES, default: COUNT_DEFAULTS.dtype, doc: 'value storage' },
} satisfies OptionSchema);

/** Schema of `TfidfOptions`. */
export const TFIDF_SCHEMA: OptionSchema = Object.freeze({
  norm: { type: 'string', enum: NORMS, nullable: true, default: TFIDF_DEFAULTS.norm, doc: 'row normalization' },
  useIdf: { type: 'boolean', default: TFIDF_DEFAULTS.useIdf, doc: 'multiply by idf' },
  smoothIdf: { type: 'boolean', default: TFIDF_DEFAULTS.smoothIdf, doc: 'add one to document frequencies' },
  sublinearTf: { type: 'boolean', default: TFIDF_DEFAULTS.sublinearTf, doc: 'use 1 + ln(tf)' },
} satisfies OptionSchema);

/** Schema of `TfidfVectorizerOptions`: the counter's and the weighting's. */
export const TFIDF_VECTORIZER_SCHEMA: OptionSchema = Object.freeze({ ...COUNT_SCHEMA, ...TFIDF_SCHEMA });

/** Schema of `KeywordOptions`: the TfidfVectorizer's plus `top`. */
export const KEYWORD_SCHEMA: OptionSchema = Object.freeze({
  ...TFIDF_VECTORIZER_SCHEMA,
  top: { type: 'integer', min: 0, default: KEYWORD_DEFAULTS.top, doc: 'keywords per document' },
} satisfies OptionSchema);

/** Schema of `HashingVectorizerOptions` (analyzer options included). */
export const HASHING_SCHEMA: OptionSchema = Object.freeze({
  ...ANALYZER_SCHEMA,
  nFeatures: { type: 'integer', min: 1, max: 2 ** 31 - 1, default: HASHING_DEFAULTS.nFeatures, doc: 'number of columns' },
  alternateSign: { type: 'boolean', default: HASHING_DEFAULTS.alternateSign, doc: 'hashes < 0 count -1' },
  norm: { type: 'string', enum: NORMS, nullable: true, default: HASHING_DEFAULTS.norm, doc: 'row normalization' },
  binary: { type: 'boolean', default: HASHING_DEFAULTS.binary, doc: 'set every stored value to 1 before normalizing' },
  dtype: { type: 'string', enum: DTYPES, default: HASHING_DEFAULTS.dtype, doc: 'value storage' },
} satisfies OptionSchema);

/** Defaults of `MinMaxScaler` (scikit-learn's). */
export const MIN_MAX_SCALER_DEFAULTS = Object.freeze({ featureRange: Object.freeze([0, 1]) as readonly [number, number], clip: false });

/** Defaults of `StandardScaler` (scikit-learn's). */
export const STANDARD_SCALER_DEFAULTS = Object.freeze({ withMean: true, withStd: true });

/** Schema of `MinMaxScalerOptions` (`featureRange` must also have lo < hi, checked by the scaler). */
export const MIN_MAX_SCALER_SCHEMA: OptionSchema = Object.freeze({
  featureRange: { type: 'array', default: MIN_MAX_SCALER_DEFAULTS.featureRange, doc: 'target range [lo, hi], lo < hi' },
  clip: { type: 'boolean', default: MIN_MAX_SCALER_DEFAULTS.clip, doc: 'clip transformed values into the range' },
} satisfies OptionSchema);

/** Schema of `StandardScalerOptions`. */
export const STANDARD_SCALER_SCHEMA: OptionSchema = Object.freeze({
  withMean: { type: 'boolean', default: STANDARD_SCALER_DEFAULTS.withMean, doc: 'subtract the mean' },
  withStd: { type: 'boolean', default: STANDARD_SCALER_DEFAULTS.withStd, doc: 'divide by the standard deviation' },
} satisfies OptionSchema);

/** Defaults of `BinaryEncoder`, `CountEncoder` and `LabelCountEncoder` (each reads the fields it has). */
export const COUNT_ENCODER_DEFAULTS = Object.freeze({ handleUnknown: 'value' as 'error' | 'value', unknownValue: 0, normalize: false, order: 'desc' as 'desc' | 'asc' });

const HANDLE_UNKNOWN = { type: 'string', enum: ['error', 'value'], default: COUNT_ENCODER_DEFAULTS.handleUnknown, doc: "unknown categories: 'error' throws, 'value' encodes them" } as const;
const UNKNOWN_VALUE = { type: 'any', default: COUNT_ENCODER_DEFAULTS.unknownValue, doc: 'code for unknown categories (a number, NaN allowed)' } as const;

/** Schema of `BinaryEncoderOptions`. */
export const BINARY_ENCODER_SCHEMA: OptionSchema = Object.freeze({ handleUnknown: HANDLE_UNKNOWN } satisfies OptionSchema);

/** Schema of `CountEncoderOptions`. */
export const COUNT_ENCODER_SCHEMA: OptionSchema = Object.freeze({
  normalize: { type: 'boolean', default: COUNT_ENCODER_DEFAULTS.normalize, doc: 'divide counts by the number of training rows' },
  handleUnknown: HANDLE_UNKNOWN,
  unknownValue: UNKNOWN_VALUE,
} satisfies OptionSchema);

/** Schema of `LabelCountEncoderOptions`. */
export const LABEL_COUNT_ENCODER_SCHEMA: OptionSchema = Object.freeze({
  order: { type: 'string', enum: ['desc', 'asc'], default: COUNT_ENCODER_DEFAULTS.order, doc: "'desc': the most frequent category gets rank 1" },
  handleUnknown: HANDLE_UNKNOWN,
  unknownValue: UNKNOWN_VALUE,
} satisfies OptionSchema);

/** Defaults of `Vocabulary.build`, `encode` and `decode` (`maxSize` Infinity: unlimited). */
export const VOCABULARY_DEFAULTS = Object.freeze({ minCount: 1, maxSize: Infinity, addBos: false, addEos: false, skipSpecial: true });

/** Schema of `VocabularyBuildOptions` (`maxSize` must also hold the special tokens, checked by `build`). */
export const VOCABULARY_BUILD_SCHEMA: OptionSchema = Object.freeze({
  minCount: { type: 'integer', min: 1, default: VOCABULARY_DEFAULTS.minCount, doc: 'drop tokens seen fewer times' },
  maxSize: { type: 'any', default: VOCABULARY_DEFAULTS.maxSize, doc: 'largest vocabulary size, special tokens included' },
} satisfies OptionSchema);

/** Schema of `EncodeOptions`. */
export const ENCODE_SCHEMA: OptionSchema = Object.freeze({
  addBos: { type: 'boolean', default: VOCABULARY_DEFAULTS.addBos, doc: 'prepend <BOS>' },
  addEos: { type: 'boolean', default: VOCABULARY_DEFAULTS.addEos, doc: 'append <EOS>' },
} satisfies OptionSchema);

/** Schema of the options of `Vocabulary.decode`. */
export const DECODE_SCHEMA: OptionSchema = Object.freeze({
  skipSpecial: { type: 'boolean', default: VOCABULARY_DEFAULTS.skipSpecial, doc: 'skip <PAD>, <BOS> and <EOS>' },
} satisfies OptionSchema);

/** Defaults of `padSequences` (Keras `pad_sequences`'; `maxLen` unset: the longest sequence; `value` unset: the <PAD> id). */
export const PAD_DEFAULTS = Object.freeze({ padding: 'pre' as 'pre' | 'post', truncating: 'pre' as 'pre' | 'post' });

/** Schema of `PadOptions` (`value` must be a 32-bit integer id, checked by `padSequences`). */
export const PAD_SCHEMA: OptionSchema = Object.freeze({
  maxLen: { type: 'integer', min: 0, doc: 'output length (default: the longest sequence)' },
  padding: { type: 'string', enum: ['pre', 'post'], default: PAD_DEFAULTS.padding, doc: 'where to pad short sequences' },
  truncating: { type: 'string', enum: ['pre', 'post'], default: PAD_DEFAULTS.truncating, doc: 'where to cut long sequences' },
  value: { type: 'any', doc: 'padding id (default 0, <PAD>)' },
} satisfies OptionSchema);

/**
 * Throws a ConfigError for a key of `options` not in `schema` (naming the camelCase option a
 * snake_case key stands for) and for a value of the wrong type, out of range or outside its enum
 * (a boolean given as `'false'`, `dtype: 'int8'`). Keys whose value is undefined are ignored.
 * @example checkOptions({ max_df: 0.5 }, COUNT_SCHEMA) // ConfigError: unknown option "max_df"; did you mean "maxDf"?
 */
export function checkOptions(options: object, schema: OptionSchema): void {
  checkSchema(schema, options, { config: true });
}
