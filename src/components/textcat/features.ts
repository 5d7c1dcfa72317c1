/**
 * The textcat featurizer: a CountVectorizer or TfidfVectorizer from src/vectorize, plus the plain
 * state (vocabulary, idf, options) needed to rebuild it from a saved model.
 */
import { ConfigError } from '../../core/errors.js';
import type { AnalyzerOptions } from '../../vectorize/analyzer.js';
import { CountVectorizer, type DocFreqBound } from '../../vectorize/count.js';
import type { CsrMatrix } from '../../vectorize/csr.js';
import { TfidfTransformer, type TfidfOptions } from '../../vectorize/tfidf.js';

/** Feature options: JSON-serializable vectorizer settings (scikit-learn names, camelCase). */
export interface FeatureOptions {
  /** `'tfidf'` or `'count'` (raw term counts). Default: count for `nb`, tfidf for `logreg`. */
  features?: 'tfidf' | 'count';
  /** `'word'` (default), `'char'` or `'char_wb'`. */
  analyzer?: 'word' | 'char' | 'char_wb';
  /** Lowercase first (default true). */
  lowercase?: boolean;
  /** Token pattern for the word analyzer (default scikit-learn's `(?u)\b\w\w+\b`). */
  tokenPattern?: string;
  /** `'english'`, a word list, or null (default null). */
  stopWords?: 'english' | string[] | null;
  /** N-gram sizes (default [1, 1]). */
  ngramRange?: [number, number];
  /** Drop terms in fewer documents (default 1). */
  minDf?: DocFreqBound;
  /** Drop terms in more documents (default all kept). */
  maxDf?: DocFreqBound;
  /** Keep the N most frequent terms (default null = all). */
  maxFeatures?: number | null;
  /** tf-idf: `'l2'` (default), `'l1'` or null. */
  norm?: 'l1' | 'l2' | null;
  /** tf-idf: 1 + ln(tf) (default false). */
  sublinearTf?: boolean;
  /** tf-idf: smooth idf (default true). */
  smoothIdf?: boolean;
}

/** Saved featurizer state. */
export interface FeatureState {
  options: FeatureOptions;
  vocabulary: string[];
  idf: Float64Array | null;
}

function analyzerOptions(o: FeatureOptions): AnalyzerOptions {
  const a: AnalyzerOptions = {};
  if (o.analyzer !== undefined) a.analyzer = o.analyzer;
  if (o.lowercase !== undefined) a.lowercase = o.lowercase;
  if (o.tokenPattern !== undefined) a.tokenPattern = o.tokenPattern;
  if (o.stopWords !== undefined) a.stopWords = o.stopWords;
  if (o.ngramRange !== undefined) a.ngramRange = o.ngramRange;
  return a;
}

function tfidfOptions(o: FeatureOptions): TfidfOptions {
  const t: TfidfOptions = {};
  if (o.norm !== undefined) t.norm = o.norm;
  if (o.sublinearTf !== undefined) t.sublinearTf = o.sublinearTf;
  if (o.smoothIdf !== undefined) t.smoothIdf = o.smoothIdf;
  return t;
}

/** Turns texts into a sparse feature matrix; fitted once, then frozen. */
export class Featurizer {
  private counter: CountVectorizer;
  private tfidf: TfidfTransformer | null;

  private constructor(readonly options: FeatureOptions, counter: CountVectorizer, tfidf: TfidfTransformer | null) {
    this.counter = counter;
    this.tfidf = tfidf;
  }

  /** Learns vocabulary (and idf) from `texts` and returns their matrix. */
  static fit(texts: readonly string[], options: FeatureOptions): { featurizer: Featurizer; X: CsrMatrix } {
    const kind = options.features ?? 'tfidf';
    if (kind !== 'tfidf' && kind !== 'count') throw new ConfigError(`features must be 'tfidf' or 'count', got ${JSON.stringify(kind)}`, { key: 'features' });
    const counter = new CountVectorizer({
      ...analyzerOptions(options),
      ...(options.minDf !== undefined ? { minDf: options.minDf } : {}),
      ...(options.maxDf !== undefined ? { maxDf: options.maxDf } : {}),
      ...(options.maxFeatures !== undefined ? { maxFeatures: options.maxFeatures } : {}),
    });
    const counts = counter.fitTransform(texts);
    if (kind === 'count') return { featurizer: new Featurizer(options, counter, null), X: counts };
    const t = new TfidfTransformer(tfidfOptions(options));
    const X = t.fit(counts).transform(counts, 'float64', false);
    return { featurizer: new Featurizer(options, counter, t), X };
  }

  /** Rebuilds a fitted featurizer from saved state. */
  static fromState(state: FeatureState): Featurizer {
    const counter = new CountVectorizer({ ...analyzerOptions(state.options), vocabulary: state.vocabulary });
    let t: TfidfTransformer | null = null;
    if ((state.options.features ?? 'tfidf') === 'tfidf') {
      t = new TfidfTransformer(tfidfOptions(state.options));
      if (!state.idf) throw new ConfigError('tf-idf model without idf vector', { key: 'idf' });
      t.idf = state.idf;
    }
    return new Featurizer(state.options, counter, t);
  }

  /** Number of features (columns). */
  get nFeatures(): number {
    return this.counter.vocabulary.size;
  }

  /** The matrix of `texts` under the fitted vocabulary. */
  transform(texts: readonly string[]): CsrMatrix {
    const counts = this.counter.transform(texts);
    return this.tfidf ? this.tfidf.transform(counts, 'float64', false) : counts;
  }

  /** Plain state for saving. */
  state(): FeatureState {
    return { options: this.options, vocabulary: this.counter.getFeatureNamesOut(), idf: this.tfidf ? this.tfidf.idf : null };
  }
}
