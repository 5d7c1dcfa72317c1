/**
 * Prepare stage of word2vec training (gensim's `prepare_vocab` and `prepare_weights` tables):
 * from the scan's counts to everything the kernel reads besides the weights.
 *
 * Contract: a {@link ScanResult} and the {@link TrainConfig} in; a {@link Prepared} out: the
 * sorted vocabulary (`minCount` applied; `maxVocabSize` was applied during the scan), the
 * Huffman codes (hierarchical softmax only), the noise-table plan and the subsampling
 * thresholds. Throws an ArgumentError (key `minCount`) when fewer than two distinct words are left.
 */
import { ArgumentError } from '../../core/errors.js';
import { buildHuffman, type HuffmanCodes } from '../huffman.js';
import { buildCumulativeTable, type NoiseTableKind } from '../noise-table.js';
import { sortVocab, type TrainVocab } from '../vocab-build.js';
import type { ScanResult } from './scan.js';
import type { TrainConfig } from './types.js';

/** The exponent of the noise distribution, count^0.75 (word2vec.c's and gensim's `ns_exponent`). */
export const NOISE_POWER = 0.75;

/**
 * The negative-sampling noise table to write into the training memory. The cumulative table (one
 * entry per word) is built here; word2vec.c's flat table (`slots` entries, 400 MB by default) is
 * written in place by the allocate stage, so that it is never held twice.
 */
export interface NoisePlan {
  kind: NoiseTableKind;
  /** Entries in the training memory: 0 without negative sampling. */
  slots: number;
  /** The built cumulative table (`kind: 'cumulative'` with negative sampling), else undefined. */
  cumulative: Int32Array | undefined;
}

/** The prepare stage's result. */
export interface Prepared {
  vocab: TrainVocab;
  /** Codes and points of every word (`hs: true`), else undefined. */
  huffman: HuffmanCodes | undefined;
  noise: NoisePlan;
  /** word2vec.c's per-word keep threshold `ran` (`sample > 0`), else undefined. */
  sampleRan: Float32Array | undefined;
}

/**
 * Prepares the vocabulary and the kernel's read-only tables.
 * @example const p = prepare(await scanVocab(source), config); p.vocab.words[0] // '</s>'
 */
export function prepare(scan: ScanResult, config: TrainConfig): Prepared {
  const vocab = sortVocab(scan, config.minCount);
  const V = vocab.words.length; // </s> included
  if (V === 0) throw new ArgumentError(`the corpus has no word seen at least minCount=${config.minCount} times`, { key: 'minCount' });
  // One word has no other word to be near: its vector would be noise, silently saved.
  if (V === 2) throw new ArgumentError(`the corpus has only one distinct word (${JSON.stringify(vocab.words[1])}) seen at least minCount=${config.minCount} times; word2vec needs at least 2`, { key: 'minCount' });
  const huffman = config.hs ? buildHuffman(vocab.counts) : undefined;
  const cumulative = config.noiseTable === 'cumulative';
  const slots = config.negative > 0 ? (cumulative ? V : config.noiseTableSize) : 0;
  const noise: NoisePlan = {
    kind: config.noiseTable,
    slots,
    cumulative: slots > 0 && cumulative ? buildCumulativeTable(vocab.counts, NOISE_POWER) : undefined,
  };
  const sampleRan = config.sample > 0 ? sampleThresholds(vocab.counts, vocab.trainWords, config.sample) : undefined;
  return { vocab, huffman, noise, sampleRan };
}

/**
 * word2vec.c's subsampling thresholds: word w is kept when `ran[w]` >= a uniform draw, with
 * ran = (sqrt(cn / (sample * train_words)) + 1) * (sample * train_words) / cn in word2vec.c's C
 * types (sample * train_words and cn / that are floats, the rest double, ran a float).
 * @example sampleThresholds(new Float64Array([10, 90]), 100, 1e-3)
 */
export function sampleThresholds(counts: Float64Array, trainWords: number, sample: number): Float32Array {
  const ran = new Float32Array(counts.length);
  const st = Math.fround(Math.fround(sample) * Math.fround(trainWords));
  for (let w = 0; w < counts.length; w++) {
    const f = counts[w]!;
    ran[w] = ((Math.sqrt(Math.fround(Math.fround(f) / st)) + 1) * st) / f;
  }
  return ran;
}
