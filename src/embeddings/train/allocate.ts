/**
 * Allocate stage of word2vec training (gensim's `prepare_weights`): the one WebAssembly memory
 * that holds the weights, the read-only tables and each thread's scratch, filled and ready for
 * the kernel.
 *
 * Contract: a {@link Prepared} run, its checked {@link MemoryPlan} and the {@link TrainConfig} in;
 * an {@link Allocated} memory out: the input vectors initialised as word2vec.c's InitNet (uniform
 * in [-0.5, 0.5) / dim from the LCG started at `seed`), the output vectors zero, and the sigmoid
 * table, noise table, Huffman codes and subsampling thresholds in place. Shared between threads
 * when `threads > 1`.
 */
import { EXP_TABLE_SIZE, lcgNext, makeExpTable, seedState, type TrainLayout } from '../kernel.js';
import { buildNoiseTable } from '../noise-table.js';
import { createMemory, type WasmMemory } from '../../ann/wasm/vecops.js';
import type { MemoryPlan } from './memory.js';
import { NOISE_POWER, type Prepared } from './prepare.js';
import type { TrainConfig } from './types.js';

/** The allocate stage's result. */
export interface Allocated {
  memory: WasmMemory;
  layout: TrainLayout;
  /** The input vectors (a view of `memory`): vocabulary (`</s>` first) x dimension. */
  syn0: Float32Array;
}

/**
 * Allocates the training memory of `plan` and fills it.
 * @example const a = allocate(prepared, planMemory(prepared, config), config); a.syn0.length
 */
export function allocate(prepared: Prepared, plan: MemoryPlan, config: TrainConfig): Allocated {
  const { layout } = plan;
  const memory = createMemory(layout.bytes);
  const dim = config.vectorSize;
  const syn0 = new Float32Array(memory.buffer, layout.syn0B, prepared.vocab.words.length * dim);
  initWeights(syn0, dim, config.seed);
  writeTables(memory, layout, prepared);
  return { memory, layout, syn0 };
}

/** word2vec.c's InitNet: syn0 uniform in [-0.5, 0.5) / dim from the LCG started at `seed`. */
function initWeights(syn0: Float32Array, dim: number, seed: number): void {
  const s = new Uint32Array(seedState(seed));
  for (let i = 0; i < syn0.length; i++) {
    lcgNext(s);
    syn0[i] = ((s[0]! & 0xffff) / 65536 - 0.5) / dim;
  }
}

/** Writes the sigmoid table, noise table, Huffman codes and subsampling thresholds into the training memory. */
function writeTables(memory: WasmMemory, L: TrainLayout, p: Prepared): void {
  const V = p.vocab.words.length;
  const buf = memory.buffer;
  new Float32Array(buf, L.expTableB, EXP_TABLE_SIZE + 1).set(makeExpTable());
  if (p.huffman) {
    new Uint8Array(buf, L.codesB, p.huffman.codes.length).set(p.huffman.codes);
    new Int32Array(buf, L.pointsB, p.huffman.points.length).set(p.huffman.points);
    new Int32Array(buf, L.codeStartB, V + 1).set(p.huffman.start);
  }
  const { slots, cumulative } = p.noise;
  if (slots > 0) {
    const out = new Int32Array(buf, L.tableB, slots);
    if (cumulative) out.set(cumulative);
    else buildNoiseTable(p.vocab.counts, slots, NOISE_POWER, out);
  }
  if (p.sampleRan) new Float32Array(buf, L.sampleRanB, V).set(p.sampleRan);
}
