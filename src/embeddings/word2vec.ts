/**
 * word2vec training (skip-gram / CBOW, negative sampling / hierarchical softmax) with
 * word2vec.c's update rules: the public facade over the stages in `train/`, run in order with
 * each one's result passed to the next: scan the vocabulary (`train/scan.ts`) -> prepare the
 * vocabulary and tables (`train/prepare.ts`) -> lay out and check the memory (`train/memory.ts`)
 * -> allocate and fill it (`train/allocate.ts`) -> train the epochs of jobs (`train/epochs.ts`,
 * `train/jobs.ts`) -> copy out the vectors and stats (`train/finish.ts`).
 */
import { ArgumentError } from '../core/errors.js';
import { openCorpus, type Corpus } from './corpus.js';
import { KeyedVectors } from './keyed-vectors.js';
import { type NoiseTableKind } from './noise-table.js';
import { checkWord2VecOptions, WORD2VEC_ALPHA_DEFAULTS, WORD2VEC_DEFAULTS } from './options.js';
export { WORD2VEC_DEFAULTS };
import { lineTokenizer } from './tokenize.js';
import type { Nlp } from '../pipeline/pipeline.js';
import { allocate } from './train/allocate.js';
import { trainEpochs } from './train/epochs.js';
import { finish } from './train/finish.js';
import { estimateMemory, planMemory } from './train/memory.js';
import { prepare } from './train/prepare.js';
import { scanVocab } from './train/scan.js';
import type { MemoryEstimate, TrainConfig, TrainProgress, TrainStats } from './train/types.js';

export type { MemoryEstimate, TrainProgress, TrainStats } from './train/types.js';

/** Options of {@link Word2Vec.train}; names follow gensim, semantics word2vec.c. */
export interface Word2VecOptions {
  /** Skip-gram when true, CBOW when false (default false, as both word2vec.c and gensim). */
  sg?: boolean;
  /** CBOW: average the context vectors (true, word2vec.c) or sum them (default true). */
  cbowMean?: boolean;
  /** Vector dimensionality (default 100). */
  vectorSize?: number;
  /** Maximum distance between centre and context word; each position draws a window in [1, window] (default 5). */
  window?: number;
  /** Ignore words seen fewer times (default 5). */
  minCount?: number;
  /** Cap on distinct words held during the vocabulary scan (pruning rare ones); 0 = none (default 0). */
  maxVocabSize?: number;
  /** Subsampling threshold for frequent words; 0 disables (default 1e-3). */
  sample?: number;
  /** Noise words per positive example; 0 disables negative sampling (default 5). */
  negative?: number;
  /** Use hierarchical softmax (default false). */
  hs?: boolean;
  /** Starting learning rate (default 0.025 for skip-gram, 0.05 for CBOW, as word2vec.c). */
  alpha?: number;
  /** Final learning rate of a gensim-style linear decay from alpha; when unset, word2vec.c's schedule: alpha * (1 - progress), floored at alpha * 1e-4. */
  minAlpha?: number;
  /** Passes over the corpus (default 5). */
  epochs?: number;
  /** Seed: the weight-initialisation LCG starts at `seed`, thread t's training LCG at `seed - 1 + t` (default 1: word2vec.c's fixed starts 1 and t; the bench's patched word2vec.c takes the same `-seed`). */
  seed?: number;
  /** Training threads; 1 trains in this thread, reproducibly (default 1). */
  threads?: number;
  /** The learning rate is updated once more than this many words (`</s>` included) were read since the last update, which also cuts the batches handed to the kernel (default 10000, word2vec.c's). */
  batchWords?: number;
  /** Longer sentences continue as new ones (default 1000, word2vec.c's MAX_SENTENCE_LENGTH). */
  maxSentenceLength?: number;
  /**
   * The negative-sampling noise table: `'cumulative'` (gensim's: one entry per word, binary search
   * per draw; memory grows with the vocabulary) or `'word2vec-c'` (word2vec.c's flat table of
   * `noiseTableSize` slots, 400 MB by default; needed to reproduce word2vec.c's vectors exactly).
   * Default `'cumulative'`, or `'word2vec-c'` when `noiseTableSize` is given.
   */
  noiseTable?: NoiseTableKind;
  /** Slots of the `'word2vec-c'` noise table (default 1e8, word2vec.c's; 4 bytes a slot, shared by threads). */
  noiseTableSize?: number;
  /**
   * Tokenize each line with this pipeline's tokenizer (a name such as `'en_core'`, a config path,
   * or a loaded pipeline; only its tokenizer runs) instead of splitting on whitespace. Applies to a
   * file corpus and to strings in an iterable corpus; token arrays are used as given. Default: none.
   */
  pipeline?: string | Pick<Nlp, 'makeDoc'>;
  /** Lowercase every token before counting and training (default false). */
  lowercase?: boolean;
  /** Called about once per batch. */
  onProgress?: (p: TrainProgress) => void;
}


function checkInt(name: string, v: number, min: number): void {
  if (!Number.isInteger(v) || v < min) throw new ArgumentError(`${name} must be an integer >= ${min}, got ${v}`, { key: name });
}

/**
 * A trained word2vec model: the vectors as {@link KeyedVectors} plus the training summary.
 * @example
 * const model = await Word2Vec.train('corpus.txt', { sg: true, vectorSize: 100, threads: 2 });
 * model.wv.mostSimilar({ positive: ['king'] });
 */
export class Word2Vec {
  private constructor(
    /** The word vectors (vocabulary in descending frequency). */
    readonly wv: KeyedVectors,
    /** Training summary. */
    readonly stats: TrainStats,
  ) {}

  /**
   * Trains word vectors on a streamed corpus (see {@link Corpus}); see {@link Word2VecOptions}
   * for every option and its default.
   *
   * Like word2vec.c, every sentence ends with the pseudo-word `</s>` (vocabulary index 0, never
   * trained, left out of the returned vectors) which counts in the noise table, the Huffman tree,
   * the subsampling total and the learning-rate schedule. Differences, on purpose: see
   * docs/embeddings.md ("Fidelity to word2vec.c").
   */
  static async train(corpus: Corpus, options: Word2VecOptions = {}): Promise<Word2Vec> {
    const config = Word2Vec.config(options);
    const onProgress = options.onProgress;
    const lowercase = options.lowercase ?? WORD2VEC_DEFAULTS.lowercase;
    const startedAt = performance.now();
    const tokenize = options.pipeline !== undefined ? await lineTokenizer(options.pipeline, lowercase) : undefined;
    const source = openCorpus(corpus, { tokenize, lowercase });
    onProgress?.({ phase: 'vocab', epoch: 0, wordsDone: 0, wordsTotal: 0, alpha: config.alpha, seconds: 0, wordsPerSecond: 0 });
    const scanned = await scanVocab(source, { maxVocabSize: config.maxVocabSize });
    const prepared = prepare(scanned, config);
    const plan = planMemory(prepared, config); // checked before anything large is allocated
    const allocated = allocate(prepared, plan, config);
    const trained = await trainEpochs({ source, prepared, allocated, config, onProgress, startedAt });
    const { wv, stats } = finish({ prepared, plan, allocated, trained, config, seconds: (performance.now() - startedAt) / 1000 });
    return new Word2Vec(wv, stats);
  }

  /**
   * The bytes each table of the training memory will take (gensim's `estimate_memory`) for a
   * vocabulary of `vocabSize` words (after `minCount`, `</s>` not counted) and these options;
   * {@link Word2Vec.train} checks the same figures before it allocates, and reports them as
   * `stats.memory`. With `hs`, the Huffman codes are estimated as a balanced tree's (the exact
   * length depends on the counts).
   * @example Word2Vec.estimateMemory(100000, { vectorSize: 300 }).total // bytes
   */
  static estimateMemory(vocabSize: number, options: Word2VecOptions = {}): MemoryEstimate {
    checkInt('vocabSize', vocabSize, 1);
    const c = Word2Vec.config(options);
    const V = vocabSize + 1; // </s>
    const codesLength = c.hs ? V * Math.max(1, Math.ceil(Math.log2(V))) : 0;
    const tableSize = c.negative > 0 ? (c.noiseTable === 'cumulative' ? V : c.noiseTableSize) : 0;
    return estimateMemory({ vocabSize: V, dim: c.vectorSize, hs: c.hs, negative: c.negative, tableSize, codesLength, threads: c.threads, maxSentenceLength: c.maxSentenceLength });
  }

  /** Checks `options` and fills in the defaults (throws an ArgumentError naming the bad option). */
  private static config(options: Word2VecOptions): TrainConfig {
    if (options === null || typeof options !== 'object') throw new ArgumentError('options must be an object', { key: 'options' });
    // Each option on its own (keys, types, ranges) by the one schema; what ties options together below.
    checkWord2VecOptions(options);
    const o = { ...WORD2VEC_DEFAULTS, ...options };
    for (const k of Object.keys(options) as (keyof Word2VecOptions)[]) if (options[k] === undefined) (o as Record<string, unknown>)[k] = (WORD2VEC_DEFAULTS as Record<string, unknown>)[k];
    const noiseTable: NoiseTableKind = options.noiseTable ?? (options.noiseTableSize !== undefined ? 'word2vec-c' : 'cumulative');
    if (noiseTable !== 'cumulative' && noiseTable !== 'word2vec-c') throw new ArgumentError(`noiseTable must be 'cumulative' or 'word2vec-c', got ${JSON.stringify(noiseTable)}`, { key: 'noiseTable' });
    if (noiseTable === 'cumulative' && options.noiseTableSize !== undefined) throw new ArgumentError("noiseTableSize sets the size of the 'word2vec-c' noise table; the cumulative table has one entry per word", { key: 'noiseTableSize' });
    // The kernel visits every window slot of every position (as word2vec.c does), so a window
    // longer than any sentence only costs time.
    if (o.window > o.maxSentenceLength) throw new ArgumentError(`window must be at most maxSentenceLength (${o.maxSentenceLength}), got ${o.window}`, { key: 'window' });
    if (!o.hs && o.negative === 0) throw new ArgumentError('need hs: true or negative > 0 (otherwise nothing is trained)', { key: 'negative' });
    const alpha0 = o.alpha ?? (o.sg ? WORD2VEC_ALPHA_DEFAULTS.skipGram : WORD2VEC_ALPHA_DEFAULTS.cbow);
    if (!(alpha0 > 0 && Number.isFinite(alpha0))) throw new ArgumentError(`alpha must be a finite number > 0, got ${alpha0}`, { key: 'alpha' });
    if (o.minAlpha !== undefined && !(o.minAlpha >= 0 && o.minAlpha <= alpha0)) throw new ArgumentError(`minAlpha must be in [0, alpha], got ${o.minAlpha}`, { key: 'minAlpha' });
    return {
      sg: o.sg,
      cbowMean: o.cbowMean,
      vectorSize: o.vectorSize,
      window: o.window,
      minCount: o.minCount,
      maxVocabSize: o.maxVocabSize,
      sample: o.sample,
      negative: o.negative,
      hs: o.hs,
      alpha: alpha0,
      minAlpha: o.minAlpha,
      epochs: o.epochs,
      seed: o.seed,
      threads: o.threads,
      batchWords: o.batchWords,
      maxSentenceLength: o.maxSentenceLength,
      noiseTable,
      noiseTableSize: o.noiseTableSize,
    };
  }
}
