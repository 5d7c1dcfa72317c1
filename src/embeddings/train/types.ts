/**
 * The plain objects word2vec training passes around: the checked settings every stage reads
 * ({@link TrainConfig}), the progress it reports ({@link TrainProgress}) and the summary it returns
 * ({@link TrainStats}). No behaviour lives here.
 */
import type { NoiseTableKind } from '../noise-table.js';
import type { MemoryEstimate } from './memory.js';

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
