/**
 * {@link DocumentFrequencies}: the term statistics a tf-idf fit needs (document frequency and corpus
 * count per term, number of documents), counted per shard of a corpus and merged, so the
 * vocabulary and idf are exactly those of `TfidfVectorizer.fit` on all documents (scikit-learn's
 * semantics, minDf/maxDf/maxFeatures pruning included).
 */
import { readFileSync } from 'node:fs';
import { ArgumentError, NotFoundError } from '../core/errors.js';
import { writeFileAtomicSync } from '../io/atomic.js';
import { BinaryWriter, readBinary } from '../io/binfmt.js';
import { boundToCount, CountVectorizer } from './count.js';
import { limitFeatures, sortedOrder } from './count-kernel.js';
import { checkOptions, COUNT_DEFAULTS, TFIDF_VECTORIZER_SCHEMA } from './options.js';
import { idfFromDf, TfidfVectorizer, type TfidfVectorizerOptions } from './tfidf.js';

/** Kind code of document-frequency files in textloom's binary framing. */
export const DOC_FREQS_KIND = 'TFDF';
const DOC_FREQS_VERSION = 1;

// Options that only shape the matrix, not the counted terms: shards may differ in them.
const COUNTING_OPTION_KEYS = ['analyzer', 'lowercase', 'tokenPattern', 'stopWords', 'ngramRange', 'language', 'vocabulary'] as const;

/**
 * Document frequencies of a corpus (or of one shard of it).
 * @example
 * const opts = { stopWords: 'english' as const, minDf: 2 };
 * const a = DocumentFrequencies.count(['the cat sat', 'a cat ran'], opts);
 * const b = DocumentFrequencies.count(['the dog sat'], opts);
 * const tv = DocumentFrequencies.merge([a, b]).toVectorizer();
 * // tv.idf and tv.vocabulary equal new TfidfVectorizer(opts).fit([...all three documents])
 */
export class DocumentFrequencies {
  /** @internal use count, merge or load. */
  constructor(
    /** The vectorizer options the terms were counted (and will be pruned and weighted) with. */
    readonly options: Readonly<TfidfVectorizerOptions>,
    /** Number of documents. */
    readonly nDocs: number,
    /** Terms in code-point order. */
    readonly terms: readonly string[],
    /** Documents containing each term. */
    readonly df: Int32Array,
    /** Occurrences of each term in the corpus. */
    readonly tf: Float64Array,
  ) {}

  /** Counts the terms of `docs` with the analyzer `options` describe (no pruning yet: that needs all shards). */
  static count(docs: Iterable<string>, options: TfidfVectorizerOptions = {}): DocumentFrequencies {
    checkOptions(options, TFIDF_VECTORIZER_SCHEMA);
    const list = Array.isArray(docs) ? (docs as string[]) : [...docs];
    const counting: Record<string, unknown> = {};
    for (const k of COUNTING_OPTION_KEYS) if (options[k] !== undefined) counting[k] = options[k];
    const cv = new CountVectorizer(counting);
    let X;
    try {
      X = cv.fitTransform(list);
    } catch (e) {
      // A shard may hold no term at all (blank lines, only stop words): it still counts documents.
      if (e instanceof ArgumentError && /empty vocabulary/.test(e.detail) && options.vocabulary === undefined) {
        return new DocumentFrequencies(options, list.length, [], new Int32Array(0), new Float64Array(0));
      }
      throw e;
    }
    const df = new Int32Array(X.nCols);
    const tf = new Float64Array(X.nCols);
    for (let k = 0; k < X.nnz; k++) {
      df[X.indices[k]!]++;
      tf[X.indices[k]!] += X.data[k]!;
    }
    return new DocumentFrequencies(options, X.nRows, cv.getFeatureNamesOut(), df, tf);
  }

  /**
   * Counts a stream of documents in chunks of `chunk` (default 20000), merging as it goes: memory
   * holds one chunk and the terms seen, whatever the stream's length. Equal to `count` on all of it.
   * @example const df = await DocumentFrequencies.countStream(readLines('corpus.txt'), { stopWords: 'english' });
   */
  static async countStream(docs: Iterable<string> | AsyncIterable<string>, options: TfidfVectorizerOptions = {}, chunk = 20_000): Promise<DocumentFrequencies> {
    if (!Number.isInteger(chunk) || chunk < 1) throw new ArgumentError(`chunk must be a positive integer, got ${chunk}`, { key: 'chunk' });
    checkOptions(options, TFIDF_VECTORIZER_SCHEMA);
    let total: DocumentFrequencies | null = null;
    let batch: string[] = [];
    const flush = () => {
      const part = DocumentFrequencies.count(batch, options);
      total = total ? DocumentFrequencies.merge([total, part]) : part;
      batch = [];
    };
    for await (const d of docs) {
      batch.push(d);
      if (batch.length >= chunk) flush();
    }
    if (batch.length || !total) flush();
    return total!;
  }

  /** Sums the statistics of shards counted with the same analyzer options (the first shard's options are kept). */
  static merge(parts: readonly DocumentFrequencies[]): DocumentFrequencies {
    if (parts.length === 0) throw new ArgumentError('no document frequencies to merge');
    const key = countingKey(parts[0]!.options);
    parts.forEach((p, i) => {
      if (countingKey(p.options) !== key) throw new ArgumentError(`document frequencies ${i + 1} were counted with other analyzer options than 1: count every shard alike`, { key: 'options' });
    });
    const index = new Map<string, number>();
    for (const p of parts) for (const t of p.terms) if (!index.has(t)) index.set(t, index.size);
    const terms = [...index.keys()];
    const order = sortedOrder(terms, (t) => index.get(t)!);
    const rank = new Int32Array(terms.length);
    for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
    const sorted = Array.from(order, (id) => terms[id]!);
    const df = new Int32Array(terms.length);
    const tf = new Float64Array(terms.length);
    let nDocs = 0;
    for (const p of parts) {
      nDocs += p.nDocs;
      for (let j = 0; j < p.terms.length; j++) {
        const r = rank[index.get(p.terms[j]!)!]!;
        df[r] += p.df[j]!;
        tf[r] += p.tf[j]!;
      }
    }
    return new DocumentFrequencies(parts[0]!.options, nDocs, sorted, df, tf);
  }

  /**
   * A fitted `TfidfVectorizer` equal to one fitted on all the documents counted: the same
   * vocabulary (after minDf/maxDf/maxFeatures) and idf, so its `transform` gives the same rows.
   */
  toVectorizer(): TfidfVectorizer {
    const o = this.options;
    let names: string[];
    let df: Int32Array;
    if (o.vocabulary) {
      names = [...this.terms];
      df = this.df;
    } else {
      const identity = Int32Array.from(this.terms, (_, i) => i);
      const high = boundToCount(o.maxDf ?? COUNT_DEFAULTS.maxDf, this.nDocs, 'maxDf');
      const low = boundToCount(o.minDf ?? COUNT_DEFAULTS.minDf, this.nDocs, 'minDf');
      if (high < low) throw new ArgumentError('maxDf corresponds to fewer documents than minDf', { key: 'maxDf' });
      const newId = limitFeatures(identity, this.df, o.binary ? Float64Array.from(this.df) : this.tf, low, high, o.maxFeatures ?? null);
      names = [];
      const kept: number[] = [];
      for (let j = 0; j < this.terms.length; j++) if (newId[j]! >= 0) (names.push(this.terms[j]!), kept.push(this.df[j]!));
      if (names.length === 0) throw new ArgumentError(this.terms.length === 0 ? 'empty vocabulary; perhaps the documents only contain stop words' : 'after pruning, no terms remain; try a lower minDf or a higher maxDf');
      df = Int32Array.from(kept);
    }
    const { minDf: _a, maxDf: _b, maxFeatures: _c, ...rest } = o;
    const tv = new TfidfVectorizer({ ...rest, vocabulary: names });
    if (tv.transformer.options.useIdf) tv.transformer.idf = idfFromDf(df, this.nDocs, tv.transformer.options.smoothIdf);
    return tv;
  }

  /** Writes the statistics atomically (textloom's binary framing, kind `TFDF`); options must be plain data. */
  save(path: string): void {
    for (const [k, v] of Object.entries(this.options)) {
      if (typeof v === 'function' || v instanceof RegExp || (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype)) {
        throw new ArgumentError(`option ${k} is not plain data and cannot be saved with document frequencies`, { key: k });
      }
    }
    const w = new BinaryWriter(DOC_FREQS_KIND, DOC_FREQS_VERSION);
    w.json('header', { nDocs: this.nDocs, size: this.terms.length, options: this.options });
    w.json('terms', this.terms);
    w.add('df', this.df).add('tf', this.tf);
    writeFileAtomicSync(path, w.finish());
  }

  /** Reads a file written by {@link DocumentFrequencies.save} (framing, CRC and sizes checked). */
  static load(path: string): DocumentFrequencies {
    let buf: Buffer;
    try {
      buf = readFileSync(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`no such document-frequency file: ${path}`, { file: path });
      throw e;
    }
    const r = readBinary(buf, { kind: DOC_FREQS_KIND, what: 'document-frequency file', versions: [DOC_FREQS_VERSION], file: path });
    const h = r.json('header') as { nDocs?: unknown; size?: unknown; options?: unknown } | null;
    if (!h || typeof h !== 'object' || !Number.isInteger(h.nDocs) || !Number.isInteger(h.size) || !h.options || typeof h.options !== 'object') throw r.error('bad header', 'header');
    const terms = r.json('terms');
    if (!Array.isArray(terms) || terms.length !== h.size || !terms.every((t) => typeof t === 'string')) throw r.error('terms are not a list of strings of the header size', 'terms');
    const size = h.size as number;
    return new DocumentFrequencies(h.options as TfidfVectorizerOptions, h.nDocs as number, terms as string[], r.typed('df', Int32Array, size), r.typed('tf', Float64Array, size));
  }
}

function countingKey(o: TfidfVectorizerOptions): string {
  return JSON.stringify(COUNTING_OPTION_KEYS.map((k) => (o[k] instanceof RegExp ? String(o[k]) : (o[k] ?? null))));
}
