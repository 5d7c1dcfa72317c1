/**
 * Memory stage of word2vec training (gensim's `estimate_memory`): the bytes each table of the
 * training memory takes, known before anything large is allocated.
 *
 * Contract: the sizes of a run (a {@link TrainShape}: vocabulary, dimension, noise-table slots,
 * Huffman code length, threads) in; the memory layout and a {@link MemoryEstimate} out. Throws an
 * ArgumentError naming the option to reduce when the total exceeds WebAssembly's 4 GiB.
 */
import { ArgumentError } from '../../core/errors.js';
import { planTrainMemory, type TrainLayout, type TrainShape } from '../kernel.js';
import { MAX_MEMORY_BYTES } from '../../ann/wasm/vecops.js';
import type { Prepared } from './prepare.js';
import type { MemoryEstimate, TrainConfig } from './types.js';

/** A checked layout and its per-table bytes. */
export interface MemoryPlan {
  layout: TrainLayout;
  estimate: MemoryEstimate;
}

/**
 * The bytes each table takes for a run of the given shape.
 * @example estimateMemory({ vocabSize: 10001, dim: 100, hs: false, negative: 5, tableSize: 10001, codesLength: 0, threads: 1, maxSentenceLength: 1000 }).syn0 // 4000400
 */
export function estimateMemory(shape: TrainShape): MemoryEstimate {
  return estimateOf(planTrainMemory(shape));
}

function estimateOf(L: TrainLayout): MemoryEstimate {
  const scratchB = L.threadB.length > 0 ? L.threadB[0]!.neu1B : L.bytes;
  return {
    syn0: L.syn1B - L.syn0B,
    syn1: L.syn1negB - L.syn1B,
    syn1neg: L.expTableB - L.syn1negB,
    expTable: L.tableB - L.expTableB,
    noiseTable: L.codesB - L.tableB,
    huffman: L.sampleRanB - L.codesB,
    sampleThresholds: scratchB - L.sampleRanB,
    scratch: L.bytes - scratchB,
    total: L.bytes,
    limit: MAX_MEMORY_BYTES,
  };
}

/** The shape of a prepared run. */
export function shapeOf(prepared: Prepared, config: TrainConfig): TrainShape {
  return {
    vocabSize: prepared.vocab.words.length,
    dim: config.vectorSize,
    hs: config.hs,
    negative: config.negative,
    tableSize: prepared.noise.slots,
    codesLength: prepared.huffman ? prepared.huffman.codes.length : 0,
    threads: config.threads,
    maxSentenceLength: config.maxSentenceLength,
  };
}

/**
 * Lays out the training memory of a prepared run and checks it fits, before it is allocated.
 * @example const { layout, estimate } = planMemory(prepared, config); estimate.total
 */
export function planMemory(prepared: Prepared, config: TrainConfig): MemoryPlan {
  const layout = planTrainMemory(shapeOf(prepared, config));
  const estimate = estimateOf(layout);
  if (layout.bytes > MAX_MEMORY_BYTES) {
    const tableSize = prepared.noise.slots;
    // Name the option that takes the most: the noise table (4 bytes a slot) or the weights.
    const key = tableSize * 4 > layout.bytes / 2 ? 'noiseTableSize' : 'vectorSize';
    throw new ArgumentError(`training needs ${(layout.bytes / 2 ** 30).toFixed(1)} GiB (weights, noise table of ${tableSize} slots, Huffman codes, scratch); WebAssembly memory is limited to 4 GiB (reduce ${key === 'noiseTableSize' ? 'noiseTableSize' : 'vectorSize or the vocabulary'})`, { key });
  }
  return { layout, estimate };
}
