/**
 * CountVectorizer: documents -> sparse term-count matrix, with scikit-learn's semantics (sorted
 * vocabulary, min_df/max_df/max_features pruning, fixed vocabularies, binary counts).
 */
import { ArgumentError, ConfigError } from '../core/errors.js';
import { buildAnalyzer, fastWordPath, scanWordRunsHashed, type AnalyzerOptions, type CompiledAnalyzer } from './analyzer.js';
import { TermInterner } from './interner.js';
import { CountBuffers, limitFeatures, remapColumns, sortedOrder, sortRows, termStats } from './count-kernel.js';
import { allocData, CsrMatrix, type DType } from './csr.js';
import { checkOptions, COUNT_DEFAULTS, COUNT_SCHEMA, type DocFreqBound } from './options.js';

export type { DocFreqBound } from './options.js';

/** Options of {@link CountVectorizer} (analyzer options included). */
export interface CountVectorizerOptions extends AnalyzerOptions {
  /** Ignore terms in fewer documents than this (default 1). */
  minDf?: DocFreqBound;
  /** Ignore terms in more documents than this (default `{ proportion: 1 }`, i.e. none ignored). */
  maxDf?: DocFreqBound;
  /** Keep only this many terms, an integer >= 1, those with the highest corpus counts (document frequencies when `binary`); default null = all. */
  maxFeatures?: number | null;
  /** A fixed vocabulary: a list (index = position) or a term -> index map. Default: learned. */
  vocabulary?: readonly string[] | ReadonlyMap<string, number> | Readonly<Record<string, number>> | null;
  /** Record 1 for any non-zero count (default false). */
  binary?: boolean;
  /** Value storage, 'float64' or 'float32' (default 'float64'). */
  dtype?: DType;
}

export { COUNT_DEFAULTS };

/** A minDf/maxDf bound as a document count for a corpus of `nDocs` documents. */
export function boundToCount(b: DocFreqBound, nDocs: number, key: string): number {
  if (typeof b === 'object' && b !== null && typeof b.proportion === 'number') {
    if (!(b.proportion >= 0 && b.proportion <= 1)) throw new ConfigError(`${key} proportion must be in [0, 1], got ${b.proportion}`, { key });
    return b.proportion * nDocs;
  }
  if (typeof b !== 'number' || !Number.isFinite(b) || b < 0) throw new ConfigError(`${key} must be a non-negative integer or a proportion, got ${JSON.stringify(b)}`, { key });
  if (Number.isInteger(b)) return b;
  if (b > 1) throw new ConfigError(`${key} must be an integer count or a proportion in [0, 1], got ${b}`, { key });
  return b * nDocs;
}

function notString(doc: unknown, i: number): ArgumentError {
  return new ArgumentError(`document ${i} is not a string (${doc === null ? 'null' : typeof doc})`, { key: `docs[${i}]` });
}

function checkDocs(docs: Iterable<string>): void {
  if (typeof docs === 'string' || docs === null || typeof (docs as Iterable<string>)?.[Symbol.iterator] !== 'function') {
    throw new ArgumentError('expected an iterable of documents (strings), e.g. an array; a single string is not accepted');
  }
}

/**
 * Converts a collection of text documents to a sparse matrix of token counts.
 * @example
 * const cv = new CountVectorizer();
 * const X = cv.fitTransform(['This is the first document.', 'Is this the first?']);
 * cv.getFeatureNamesOut(); // ['document', 'first', 'is', 'the', 'this']
 * X.toArray(); // [[1, 1, 1, 1, 1], [0, 1, 1, 1, 1]]
 */
export class CountVectorizer {
  /** The options in effect (defaults filled in). */
  readonly options: Readonly<CountVectorizerOptions>;
  private readonly analyzer: CompiledAnalyzer;
  // Set for scikit-learn's default word analyzer: terms are interned from text ranges.
  private readonly fast: { lowercase: boolean; stop: TermInterner | null } | null;
  // Final vocabulary: id = column. Null until fitted.
  private table: TermInterner | null = null;
  private vocabMap: Map<string, number> | null = null;
  private names: string[] = [];
  private fixed = false;
  private pruned: Set<string> = new Set();

  constructor(options: CountVectorizerOptions = {}) {
    checkOptions(options, COUNT_SCHEMA);
    this.options = Object.freeze({ ...COUNT_DEFAULTS, ...options });
    this.analyzer = buildAnalyzer(options);
    const fast = fastWordPath(options);
    if (fast) {
      let stop: TermInterner | null = null;
      if (fast.stopWords) {
        stop = new TermInterner(fast.stopWords.size);
        for (const w of fast.stopWords) stop.internString(w);
      }
      this.fast = { lowercase: fast.lowercase, stop };
    } else this.fast = null;
    if (options.vocabulary) this.setFixedVocabulary(options.vocabulary);
  }

  private setFixedVocabulary(v: NonNullable<CountVectorizerOptions['vocabulary']>): void {
    const map = new Map<string, number>();
    if (Array.isArray(v)) {
      (v as readonly string[]).forEach((t, i) => {
        if (map.has(t)) throw new ConfigError(`duplicate term in vocabulary: ${JSON.stringify(t)}`, { key: 'vocabulary' });
        map.set(t, i);
      });
    } else {
      const entries = v instanceof Map ? [...(v as ReadonlyMap<string, number>).entries()] : Object.entries(v as Record<string, number>);
      const seen = new Set<number>();
      for (const [t, i] of entries) {
        if (!Number.isInteger(i) || i < 0 || i >= entries.length || seen.has(i)) {
          throw new ConfigError(`vocabulary indices must be 0..${entries.length - 1} without repeats (term ${JSON.stringify(t)} -> ${i})`, { key: 'vocabulary' });
        }
        seen.add(i);
        map.set(t, i);
      }
    }
    if (map.size === 0) throw new ConfigError('empty vocabulary passed to fit', { key: 'vocabulary' });
    this.names = new Array<string>(map.size);
    for (const [t, i] of map) this.names[i] = t;
    this.setTable(this.names);
    this.fixed = true;
  }

  private setTable(names: string[]): void {
    const table = new TermInterner(names.length);
    for (const t of names) table.internString(t);
    this.table = table;
    this.vocabMap = null;
    this.names = names;
  }

  /** The learned (or fixed) term -> column map (scikit-learn's `vocabulary_`). */
  get vocabulary(): ReadonlyMap<string, number> {
    this.requireFitted();
    if (!this.vocabMap) this.vocabMap = new Map(this.names.map((t, i) => [t, i]));
    return this.vocabMap;
  }

  /** Terms dropped by minDf/maxDf/maxFeatures during the last fit (scikit-learn's `stop_words_`). */
  get prunedTerms(): ReadonlySet<string> {
    return this.pruned;
  }

  /** Whether the vectorizer has a vocabulary (fitted or fixed). */
  get isFitted(): boolean {
    return this.table !== null;
  }

  private requireFitted(): TermInterner {
    if (!this.table) throw new ArgumentError('CountVectorizer is not fitted: call fit() or fitTransform() first');
    return this.table;
  }

  /** Feature names, column order (alphabetical by code point for a learned vocabulary). */
  getFeatureNamesOut(): string[] {
    this.requireFitted();
    return this.names.slice();
  }

  /** The term analyzer this vectorizer applies to each document. */
  buildAnalyzer(): (text: string) => string[] {
    return (text) => {
      const out: string[] = [];
      this.analyzer(text, (t) => out.push(t));
      return out;
    };
  }

  /** Learns the vocabulary. Returns `this`. */
  fit(docs: Iterable<string>): this {
    this.fitTransform(docs);
    return this;
  }

  /** Learns the vocabulary and returns the document-term count matrix (one pass over `docs`). */
  fitTransform(docs: Iterable<string>): CsrMatrix {
    checkDocs(docs);
    if (this.fixed) return this.transform(docs);
    const seen = new TermInterner(4096);
    const buf = new CountBuffers();
    this.countAll(docs, seen, true, buf, false);
    const terms = seen.terms;
    if (terms.length === 0) throw new ArgumentError('empty vocabulary; perhaps the documents only contain stop words');
    const nDocs = buf.nRows;
    const order = sortedOrder(terms, (t) => seen.findString(t));
    const { minDf, maxDf, maxFeatures } = this.options;
    const high = boundToCount(maxDf ?? COUNT_DEFAULTS.maxDf, nDocs, 'maxDf');
    const low = boundToCount(minDf ?? COUNT_DEFAULTS.minDf, nDocs, 'minDf');
    if (high < low) throw new ConfigError('maxDf corresponds to fewer documents than minDf', { key: 'maxDf' });
    const { df, tf } = termStats(buf.indices, buf.counts, buf.nnz, terms.length);
    // As scikit-learn, which binarizes X before _limit_features: with `binary` the corpus "count"
    // that ranks terms for maxFeatures is the document frequency.
    const rankBy = this.options.binary ? Float64Array.from(df) : tf;
    const newId = limitFeatures(order, df, rankBy, low, high, maxFeatures ?? null);
    const names: string[] = [];
    const pruned = new Set<string>();
    for (let r = 0; r < order.length; r++) {
      const id = order[r]!;
      if (newId[id]! >= 0) names.push(terms[id]!);
      else pruned.add(terms[id]!);
    }
    if (names.length === 0) throw new ArgumentError('after pruning, no terms remain; try a lower minDf or a higher maxDf');
    this.setTable(names);
    this.pruned = pruned;
    const nnz = remapColumns(buf.indptr, buf.indices, buf.counts, nDocs, newId);
    sortRows(buf.indptr, buf.indices, buf.counts, nDocs);
    return this.finish(new CsrMatrix(nDocs, names.length, buf.indptr.slice(0, nDocs + 1), buf.indices.slice(0, nnz), buf.counts.slice(0, nnz)));
  }

  /** Counts terms of `docs` over the fitted vocabulary (unknown terms ignored). */
  transform(docs: Iterable<string>): CsrMatrix {
    checkDocs(docs);
    const table = this.requireFitted();
    const buf = new CountBuffers();
    this.countAll(docs, table, false, buf, true);
    const m = new CsrMatrix(buf.nRows, this.names.length, buf.indptr.slice(0, buf.nRows + 1), buf.indices.slice(0, buf.nnz), buf.counts.slice(0, buf.nnz));
    return this.finish(m);
  }

  // One pass: analyze each document, look its terms up in `table` (adding new ones when `grow`),
  // count them into `buf` one row per document.
  private countAll(docs: Iterable<string>, table: TermInterner, growTable: boolean, buf: CountBuffers, sortRows: boolean): void {
    let i = 0;
    const fast = this.fast;
    if (fast) {
      const stop = fast.stop;
      let s = '';
      const onRange = (a: number, b: number, h: number): void => {
        if (stop !== null && stop.find(s, a, b, h) >= 0) return;
        const id = growTable ? table.intern(s, a, b, h) : table.find(s, a, b, h);
        if (id >= 0) buf.add(id);
      };
      for (const doc of docs) {
        if (typeof doc !== 'string') throw notString(doc, i);
        s = fast.lowercase ? doc.toLowerCase() : doc;
        scanWordRunsHashed(s, 2, onRange);
        buf.endRow(sortRows);
        i++;
      }
      return;
    }
    const emit = (t: string): void => {
      const id = growTable ? table.internString(t) : table.findString(t);
      if (id >= 0) buf.add(id);
    };
    for (const doc of docs) {
      if (typeof doc !== 'string') throw notString(doc, i);
      this.analyzer(doc, emit);
      buf.endRow(sortRows);
      i++;
    }
  }

  private finish(m: CsrMatrix): CsrMatrix {
    const { binary, dtype } = this.options;
    let data = m.data;
    if (dtype === 'float32' && !(data instanceof Float32Array)) {
      const d = allocData('float32', data.length);
      d.set(data);
      data = d;
    } else if (data.buffer.byteLength !== data.byteLength) data = data.slice();
    if (binary) data.fill(1);
    return new CsrMatrix(m.nRows, m.nCols, m.indptr, m.indices, data);
  }

  /** For each row, the feature names with non-zero entries (column order). */
  inverseTransform(X: CsrMatrix | ArrayLike<ArrayLike<number>>): string[][] {
    this.requireFitted();
    const m = X instanceof CsrMatrix ? X : CsrMatrix.fromDense(X);
    if (m.nCols !== this.names.length) throw new ArgumentError(`matrix has ${m.nCols} columns, vocabulary has ${this.names.length}`);
    const out: string[][] = [];
    for (let i = 0; i < m.nRows; i++) {
      const row: string[] = [];
      for (let k = m.indptr[i]!; k < m.indptr[i + 1]!; k++) if (m.data[k] !== 0) row.push(this.names[m.indices[k]!]!);
      out.push(row);
    }
    return out;
  }
}
