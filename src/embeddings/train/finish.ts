/**
 * Finish stage of word2vec training: the trained input vectors out of the training memory as
 * {@link KeyedVectors}, and the run's {@link TrainStats}.
 *
 * Contract: the {@link Prepared} run, its {@link MemoryPlan}, the trained {@link Allocated} memory,
 * the {@link EpochsResult}, the {@link TrainConfig} and the run's wall-clock seconds in; the
 * vectors (vocabulary order, without `</s>`, copied into an ordinary array) and the stats out.
 * Throws an ArgumentError (key `alpha`) when training diverged (a vector holds NaN or Infinity).
 */
import { ArgumentError } from '../../core/errors.js';
import { KeyedVectors } from '../keyed-vectors.js';
import type { Allocated } from './allocate.js';
import type { EpochsResult } from './epochs.js';
import type { MemoryPlan } from './memory.js';
import type { Prepared } from './prepare.js';
import type { TrainConfig, TrainStats } from './types.js';

/** What {@link finish} reads. */
export interface FinishInput {
  prepared: Prepared;
  plan: MemoryPlan;
  allocated: Allocated;
  trained: EpochsResult;
  config: TrainConfig;
  /** Wall-clock seconds of the whole run, vocabulary scan included. */
  seconds: number;
}

/** The finish stage's result. */
export interface Finished {
  wv: KeyedVectors;
  stats: TrainStats;
}

/**
 * Copies the vectors out and summarises the run.
 * @example const { wv, stats } = finish({ prepared, plan, allocated, trained, config, seconds });
 */
export function finish(input: FinishInput): Finished {
  const { prepared, plan, allocated, trained, config, seconds } = input;
  const { vocab } = prepared;
  const dim = config.vectorSize;
  const stats: TrainStats = {
    vocabSize: vocab.words.length - 1,
    trainWords: trained.realWords,
    effectiveWords: trained.kept,
    epochs: config.epochs,
    seconds,
    wordsPerSecond: seconds > 0 ? (config.epochs * trained.realWords) / seconds : 0,
    memory: plan.estimate,
  };
  if (!allFinite(allocated.syn0)) {
    throw new ArgumentError(`training diverged (the vectors hold NaN or Infinity): the learning rate alpha=${config.alpha} is too high`, { key: 'alpha' });
  }
  // Row 0 is </s>, never trained.
  const vectors = allocated.syn0.slice(dim);
  return { wv: new KeyedVectors(vocab.words.slice(1), vectors, dim, vocab.counts.slice(1)), stats };
}

/** A (possibly huge) scan for NaN or Infinity: training with too high a rate diverges. */
function allFinite(a: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return false;
  return true;
}
