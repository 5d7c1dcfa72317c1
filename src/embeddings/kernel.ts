/**
 * The word2vec hot loop: word2vec.c's TrainModelThread update rules, run by the WebAssembly
 * kernel (wasm/train.wat) over one shared memory that holds the weights, the read-only tables
 * and each thread's scratch. This file lays that memory out and drives the kernel; the calling
 * thread (`threads: 1`) and every Hogwild worker use the same {@link startTrainer} and
 * {@link trainBatch}, which are self-contained (they reference nothing outside their own bodies)
 * because worker.ts ships their source text to worker_threads.
 */
import type { WasmApi, WasmMemory, WasmModule } from '../ann/wasm/vecops.js';
import type { TrainExports } from './wasm/train.js';

/** word2vec.c's EXP_TABLE_SIZE: resolution of the precomputed sigmoid table. */
export const EXP_TABLE_SIZE = 1000;
/** word2vec.c's MAX_EXP: the sigmoid is clipped to [-MAX_EXP, MAX_EXP]. */
export const MAX_EXP = 6;

/**
 * word2vec.c's sigmoid table: expTable[i] = sigmoid((i / EXP_TABLE_SIZE * 2 - 1) * MAX_EXP), with
 * its float arithmetic (the argument and e / (e + 1) are computed in C floats).
 */
export function makeExpTable(): Float32Array {
  const fr = Math.fround;
  const t = new Float32Array(EXP_TABLE_SIZE + 1);
  for (let i = 0; i < EXP_TABLE_SIZE; i++) {
    const x = fr(fr(fr(fr(i / EXP_TABLE_SIZE) * 2) - 1) * MAX_EXP);
    const e = fr(Math.exp(x));
    t[i] = e / fr(e + 1);
  }
  return t;
}

/**
 * The LCG start state `[lo, hi]` for a (possibly negative) integer seed, read as a 64-bit two's
 * complement value (word2vec.c's `unsigned long long next_random = seed`).
 * @example seedState(-1) // [4294967295, 4294967295]
 */
export function seedState(seed: number): [number, number] {
  const big = BigInt.asUintN(64, BigInt(seed));
  return [Number(big & 0xffffffffn), Number(big >> 32n)];
}

/**
 * Advances word2vec.c's LCG `next = next * 25214903917 + 11 (mod 2^64)` in place on
 * `s = [lo, hi]`. 25214903917 = 0x5_DEECE66D; the 32x32 -> 64 product is split into 16-bit
 * halves so every partial sum is an exact double.
 */
export function lcgNext(s: Uint32Array): void {
  const lo = s[0]!;
  const hi = s[1]!;
  const a0 = lo & 0xffff;
  const a1 = lo >>> 16;
  const mid = a0 * 0xdeec + a1 * 0xe66d;
  const midHi = Math.floor(mid / 65536);
  const low = a0 * 0xe66d + (mid - midHi * 65536) * 65536 + 11;
  const carry = Math.floor(low / 4294967296);
  s[0] = low - carry * 4294967296;
  s[1] = (a1 * 0xdeec + midHi + carry + Math.imul(hi, 0xdeece66d) + lo * 5) >>> 0;
}

/** Sizes that determine the memory layout of a training run. */
export interface TrainShape {
  vocabSize: number;
  dim: number;
  hs: boolean;
  negative: number;
  /** Noise-table slots (0 without negative sampling). */
  tableSize: number;
  /** Total Huffman code length (codes/points entries; 0 without hs). */
  codesLength: number;
  threads: number;
  maxSentenceLength: number;
  /** Words per kernel call; longer batches are fed in pieces (default {@link DEFAULT_CHUNK_WORDS}). */
  chunkWords?: number;
}

/** Words the kernel reads per call (its input region per thread: 512 KiB). */
export const DEFAULT_CHUNK_WORDS = 65536;

/** Byte offsets of every region in the training memory. */
export interface TrainLayout {
  syn0B: number;
  /** syn1 (hs inner nodes) and syn1neg (negative sampling), vocabSize x dim each when used. */
  syn1B: number;
  syn1negB: number;
  expTableB: number;
  tableB: number;
  codesB: number;
  pointsB: number;
  /** vocabSize + 1 Int32 code offsets. */
  codeStartB: number;
  sampleRanB: number;
  /** Each thread's scratch regions. */
  threadB: ThreadRegions[];
  chunkWords: number;
  /** Total bytes. */
  bytes: number;
}

/** Byte offsets of one thread's scratch: neu1, neu1e, the noise words of one position, the subsampled sentence, the input words and lengths. */
export interface ThreadRegions {
  neu1B: number;
  neu1eB: number;
  targetsB: number;
  senB: number;
  wordsB: number;
  lensB: number;
}

function align16(n: number): number {
  return Math.ceil(n / 16) * 16;
}

/**
 * Lays out syn0, syn1, syn1neg, the tables and per-thread scratch in one memory (16-byte aligned
 * regions; addresses are 32-bit, so at most 4 GiB in all).
 * @example const L = planTrainMemory({ vocabSize: 3, dim: 4, hs: false, negative: 1, tableSize: 4, codesLength: 0, threads: 1, maxSentenceLength: 16 });
 */
export function planTrainMemory(s: TrainShape): TrainLayout {
  const row = align16(s.vocabSize * s.dim * 4);
  const chunkWords = s.chunkWords ?? DEFAULT_CHUNK_WORDS;
  let at = 0;
  const take = (bytes: number): number => {
    const b = at;
    at += align16(bytes);
    return b;
  };
  const syn0B = take(s.vocabSize * s.dim * 4);
  const syn1B = take(s.hs ? row : 0);
  const syn1negB = take(s.negative > 0 ? row : 0);
  const expTableB = take((EXP_TABLE_SIZE + 1) * 4);
  const tableB = take(s.tableSize * 4);
  const codesB = take(s.codesLength);
  const pointsB = take(s.codesLength * 4);
  const codeStartB = take((s.vocabSize + 1) * 4);
  const sampleRanB = take(s.vocabSize * 4);
  const threadB: ThreadRegions[] = [];
  for (let t = 0; t < s.threads; t++) {
    threadB.push({
      neu1B: take(s.dim * 4),
      neu1eB: take(s.dim * 4),
      targetsB: take(4 * s.negative),
      senB: take(4 * s.maxSentenceLength),
      wordsB: take(4 * chunkWords),
      lensB: take(4 * chunkWords),
    });
  }
  return { syn0B, syn1B, syn1negB, expTableB, tableB, codesB, pointsB, codeStartB, sampleRanB, threadB, chunkWords, bytes: at };
}

/** Everything one training thread needs, as plain numbers (structured-cloneable to a worker). */
export interface TrainerInit {
  layout: TrainLayout;
  /** This thread's index into `layout.threadB`. */
  thread: number;
  dim: number;
  window: number;
  negative: number;
  /** 1 for hierarchical softmax. */
  hs: number;
  /** 1 for skip-gram, 0 for CBOW. */
  sg: number;
  /** CBOW: 1 averages the context vectors (word2vec.c), 0 sums them. */
  cbowMean: number;
  /** Entries of the noise table: slots of word2vec.c's flat table, or the vocabulary size for the cumulative one. */
  tableSize: number;
  /** 1 when the noise table is gensim's cumulative table (see {@link buildCumulativeTable}), 0 (default) for word2vec.c's flat table. */
  cumulative?: number;
  /** Vocabulary size, `</s>` (id 0) included: a `</s>` drawn as a noise word is replaced by a uniform id in [1, vocabSize). */
  vocabSize: number;
  /** 1 when frequent-word subsampling is on. */
  sample: number;
  maxSentenceLength: number;
  /** Initial LCG state [lo, hi]. */
  rng: [number, number];
}

/** One thread's kernel instance and its input region. */
export interface Trainer {
  exports: TrainExports;
  /** Input words and sentence lengths (views of the shared memory), `cap` entries each. */
  words: Int32Array;
  lens: Int32Array;
  cap: number;
}

/**
 * Instantiates the kernel for one thread over `memory` (self-contained: runs in workers too).
 * @example const k = startTrainer(WebAssembly, memory, trainModule(), init);
 */
export function startTrainer(wa: WasmApi, memory: WasmMemory, module: WasmModule, init: TrainerInit): Trainer {
  const L = init.layout;
  const { neu1B, neu1eB, targetsB, senB, wordsB, lensB } = L.threadB[init.thread]!;
  const exports = new wa.Instance(module, { env: { memory } }).exports as TrainExports;
  exports.setup(
    L.syn0B, L.syn1B, L.syn1negB, neu1B, neu1eB, L.expTableB, L.tableB, L.codesB, L.pointsB, L.codeStartB, L.sampleRanB, senB, targetsB, wordsB, lensB,
    init.dim, init.window, init.negative, init.hs, init.sg, init.cbowMean, init.tableSize, init.vocabSize, init.sample, init.maxSentenceLength, init.rng[0], init.rng[1], init.cumulative ?? 0,
  );
  return { exports, words: new Int32Array(memory.buffer, wordsB, L.chunkWords), lens: new Int32Array(memory.buffer, lensB, L.chunkWords), cap: L.chunkWords };
}

/**
 * Trains on `nSent` sentences laid out back to back in `words` (word ids) with lengths in
 * `sentLens`, at learning rate `alpha`, except the batch's first training position, which uses
 * `alphaFirst` (default `alpha`): word2vec.c updates alpha after the first position of the
 * sentence that crossed its 10000-word mark. Returns the number of words left after subsampling.
 * Self-contained (runs in workers too).
 *
 * Exactly word2vec.c's per-sentence procedure (see wasm/train.wat): subsample with
 * `ran < (next & 0xFFFF) / 65536` dropping the word; per position draw `b = next % window` (the
 * window shrink; an empty sentence still draws once); CBOW builds the (mean or sum) context vector
 * and applies the same error to every context word; skip-gram updates each context word's input
 * vector against the centre word's outputs; hierarchical softmax skips |f| >= MAX_EXP, negative
 * sampling uses the clipped gradient; noise words are `table[(next >> 16) % tableSize]` (with
 * the cumulative table: the first i with `table[i] > (next >> 16) % table[tableSize - 1]`) (a
 * `</s>`, id 0, is replaced by `next % (vocabSize - 1) + 1`), skipped when equal to the centre
 * word. A sentence that keeps maxSentenceLength words stops there and its rest (possibly nothing,
 * then an empty sentence) is read as the next one.
 *
 * The batch is copied into the kernel's input region in pieces of at most `cap` words; a
 * sentence cut between pieces continues in the next call (the kernel keeps its partial fill and
 * the pending rate), so the result does not depend on the piece size.
 * @example const kept = trainBatch(k, new Int32Array([1, 2, 3]), new Int32Array([3]), 1, 0.025);
 */
export function trainBatch(k: Trainer, words: Int32Array, sentLens: Int32Array, nSent: number, alpha: number, alphaFirst: number = alpha): number {
  const cap = k.cap;
  const inW = k.words;
  const inL = k.lens;
  const train = k.exports.train;
  let kept = 0;
  let s = 0;
  let pos = 0;
  let carry = 0;
  let first = 2; // flag: this call starts the batch (the kernel takes alphaFirst)
  while (s < nSent || carry > 0) {
    let nw = 0;
    let nl = 0;
    let partial = 0;
    while (nl < cap && (carry > 0 || s < nSent)) {
      let len = carry > 0 ? carry : sentLens[s++]!;
      carry = 0;
      if (nw + len > cap) {
        carry = nw + len - cap;
        len = cap - nw;
        partial = 1;
      }
      inW.set(words.subarray(pos, pos + len), nw);
      pos += len;
      nw += len;
      inL[nl++] = len;
      if (partial === 1) break;
    }
    kept += train(nl, alpha, alphaFirst, partial | first);
    first = 0;
  }
  return kept;
}
