/**
 * The plain objects word2vec training passes around: the checked settings every stage reads
 * ({@link TrainConfig}), the progress it reports ({@link TrainProgress}) and the summary it returns
 * ({@link TrainStats}) with its {@link MemoryEstimate}. No behaviour lives here.
 */
import type { NoiseTableKind } from '../noise-table.js';

/**
 * The training settings after checking and defaulting (see `Word2VecOptions` for each one's
 * meaning, default and range). Built once by `Word2Vec.train`; every stage reads it, none writes it.
 */
export interface TrainConfig {
  readonly sg: boolean;
  readonly cbowMean: boolean;
  readonly vectorSize: number;
  readonly window: number;
  readonly minCount: number;
  readonly maxVocabSize: number;
  readonly sample: number;
  readonly negative: number;
  readonly hs: boolean;
  /** The starting learning rate, resolved (0.025 for skip-gram, 0.05 for CBOW when not given). */
  readonly alpha: number;
  /** Final rate of gensim's linear decay; undefined for word2vec.c's schedule. */
  readonly minAlpha: number | undefined;
  readonly epochs: number;
  readonly seed: number;
  readonly threads: number;
  readonly batchWords: number;
  readonly maxSentenceLength: number;
  /** The noise table kind, resolved from `noiseTable` and `noiseTableSize`. */
  readonly noiseTable: NoiseTableKind;
  /** Slots of the `'word2vec-c'` noise table. */
  readonly noiseTableSize: number;
}

/** Progress reported during training (about every batch). */
export interface TrainProgress {
  /** 'vocab' while scanning, 'train' during the epochs. */
  phase: 'vocab' | 'train';
  epoch: number;
  /** In-vocabulary words processed so far over all epochs. */
  wordsDone: number;
  /** epochs x trainWords. */
  wordsTotal: number;
  alpha: number;
  /** Seconds since training started. */
  seconds: number;
  wordsPerSecond: number;
}

/** Summary of a training run. */
export interface TrainStats {
  vocabSize: number;
  /** In-vocabulary words per epoch. */
  trainWords: number;
  /** Words kept after subsampling, over all epochs. */
  effectiveWords: number;
  epochs: number;
  /** Wall-clock seconds, vocabulary scan included. */
  seconds: number;
  /** epochs x trainWords / seconds. */
  wordsPerSecond: number;
  /** Bytes of each table in the training memory (exact: measured on the prepared tables before allocating). */
  memory: MemoryEstimate;
}

/** Bytes of each table of the training memory (each rounded up to 16 bytes; they sum to `total`). */
export interface MemoryEstimate {
  /** Input vectors (the result): vocabulary (`</s>` included) x dimension float32s. */
  syn0: number;
  /** Hierarchical-softmax inner-node vectors (0 without `hs`). */
  syn1: number;
  /** Negative-sampling output vectors (0 without negative sampling). */
  syn1neg: number;
  /** The sigmoid table. */
  expTable: number;
  /** The noise table: 4 bytes a slot (0 without negative sampling). */
  noiseTable: number;
  /** Huffman codes, points and per-word offsets. */
  huffman: number;
  /** Per-word subsampling thresholds. */
  sampleThresholds: number;
  /** Every thread's scratch: hidden layers, a sentence, one kernel input chunk. */
  scratch: number;
  /** Sum of the above: the size of the one WebAssembly memory training allocates. */
  total: number;
  /** The most WebAssembly memory can hold (4 GiB). */
  limit: number;
}
