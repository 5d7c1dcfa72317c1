/**
 * word2vec training (skip-gram / CBOW, negative sampling / hierarchical softmax) with
 * word2vec.c's update rules. Stages: vocabulary scan ({@link buildVocab}) -> tables (Huffman
 * codes, noise table, subsampling thresholds, initial weights) -> epochs of batches fed to the
 * kernel, in this thread (`threads: 1`, bit-for-bit reproducible for a seed) or in Hogwild
 * workers over shared weights (`threads > 1`).
 */
import { ArgumentError } from '../core/errors.js';
import { checkOptionKeys } from '../core/options.js';
import { openCorpus, type Corpus } from './corpus.js';
import { buildHuffman, type HuffmanCodes } from './huffman.js';
import { EXP_TABLE_SIZE, lcgNext, makeExpTable, planTrainMemory, startTrainer, trainBatch, type Trainer, type TrainerInit, type TrainLayout } from './kernel.js';
import { KeyedVectors } from './keyed-vectors.js';
import { buildCumulativeTable, buildNoiseTable, type NoiseTableKind } from './noise-table.js';
import { WORD2VEC_DEFAULTS } from './options.js';
export { WORD2VEC_DEFAULTS };
import { lineTokenizer } from './tokenize.js';
import type { Nlp } from '../pipeline/pipeline.js';
import { buildVocab, type TrainVocab } from './vocab-build.js';
import { trainModule } from './wasm/train.js';
import { createMemory, MAX_MEMORY_BYTES, WA, type WasmMemory } from './wasm/vecops.js';
import { WorkerPool } from './worker.js';

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
}

/** Every key {@link Word2Vec.train} reads: a misspelt option is an error, not silently ignored. */
const OPTION_KEYS: readonly string[] = Object.freeze([...Object.keys(WORD2VEC_DEFAULTS), 'alpha', 'minAlpha', 'onProgress', 'noiseTable', 'pipeline']);

/** A (possibly huge) scan for NaN or Infinity: training with too high a rate diverges. */
function allFinite(a: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return false;
  return true;
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
    if (options === null || typeof options !== 'object') throw new ArgumentError('options must be an object', { key: 'options' });
    checkOptionKeys(options, OPTION_KEYS, { booleans: ['sg', 'hs', 'cbowMean', 'lowercase'] });
    if (options.onProgress !== undefined && typeof options.onProgress !== 'function') throw new ArgumentError('onProgress must be a function', { key: 'onProgress' });
    const o = { ...WORD2VEC_DEFAULTS, ...options };
    for (const k of Object.keys(options) as (keyof Word2VecOptions)[]) if (options[k] === undefined) (o as Record<string, unknown>)[k] = (WORD2VEC_DEFAULTS as Record<string, unknown>)[k];
    checkInt('vectorSize', o.vectorSize, 1);
    checkInt('window', o.window, 1);
    checkInt('minCount', o.minCount, 1);
    checkInt('maxVocabSize', o.maxVocabSize, 0);
    checkInt('negative', o.negative, 0);
    checkInt('epochs', o.epochs, 1);
    checkInt('threads', o.threads, 1);
    checkInt('batchWords', o.batchWords, 1);
    checkInt('maxSentenceLength', o.maxSentenceLength, 1);
    checkInt('noiseTableSize', o.noiseTableSize, 1);
    const noiseTable: NoiseTableKind = options.noiseTable ?? (options.noiseTableSize !== undefined ? 'word2vec-c' : 'cumulative');
    if (noiseTable !== 'cumulative' && noiseTable !== 'word2vec-c') throw new ArgumentError(`noiseTable must be 'cumulative' or 'word2vec-c', got ${JSON.stringify(noiseTable)}`, { key: 'noiseTable' });
    if (noiseTable === 'cumulative' && options.noiseTableSize !== undefined) throw new ArgumentError("noiseTableSize sets the size of the 'word2vec-c' noise table; the cumulative table has one entry per word", { key: 'noiseTableSize' });
    // The kernel visits every window slot of every position (as word2vec.c does), so a window
    // longer than any sentence only costs time.
    if (o.window > o.maxSentenceLength) throw new ArgumentError(`window must be at most maxSentenceLength (${o.maxSentenceLength}), got ${o.window}`, { key: 'window' });
    if (!Number.isInteger(o.seed)) throw new ArgumentError(`seed must be an integer, got ${o.seed}`, { key: 'seed' });
    if (!(o.sample >= 0)) throw new ArgumentError(`sample must be >= 0, got ${o.sample}`, { key: 'sample' });
    if (!o.hs && o.negative === 0) throw new ArgumentError('need hs: true or negative > 0 (otherwise nothing is trained)', { key: 'negative' });
    const alpha0 = o.alpha ?? (o.sg ? 0.025 : 0.05);
    if (!(alpha0 > 0 && Number.isFinite(alpha0))) throw new ArgumentError(`alpha must be a finite number > 0, got ${alpha0}`, { key: 'alpha' });
    if (o.minAlpha !== undefined && !(o.minAlpha >= 0 && o.minAlpha <= alpha0)) throw new ArgumentError(`minAlpha must be in [0, alpha], got ${o.minAlpha}`, { key: 'minAlpha' });

    const t0 = performance.now();
    const tokenize = o.pipeline !== undefined ? await lineTokenizer(o.pipeline, o.lowercase) : undefined;
    const source = openCorpus(corpus, { tokenize, lowercase: o.lowercase });
    o.onProgress?.({ phase: 'vocab', epoch: 0, wordsDone: 0, wordsTotal: 0, alpha: alpha0, seconds: 0, wordsPerSecond: 0 });
    const vocab = await buildVocab(source, { minCount: o.minCount, maxVocabSize: o.maxVocabSize });
    const V = vocab.words.length; // </s> included
    if (V === 0) throw new ArgumentError(`the corpus has no word seen at least minCount=${o.minCount} times`, { key: 'minCount' });
    // One word has no other word to be near: its vector would be noise, silently saved.
    if (V === 2) throw new ArgumentError(`the corpus has only one distinct word (${JSON.stringify(vocab.words[1])}) seen at least minCount=${o.minCount} times; word2vec needs at least 2`, { key: 'minCount' });
    const dim = o.vectorSize;
    const useShared = o.threads > 1;

    // One shared memory holds the weights, the read-only tables and each thread's scratch.
    const huffman = o.hs ? buildHuffman(vocab.counts) : undefined;
    const cumulative = noiseTable === 'cumulative';
    const tableSize = o.negative > 0 ? (cumulative ? V : o.noiseTableSize) : 0;
    const layout = planTrainMemory({ vocabSize: V, dim, hs: o.hs, negative: o.negative, tableSize, codesLength: huffman ? huffman.codes.length : 0, threads: o.threads, maxSentenceLength: o.maxSentenceLength });
    if (layout.bytes > MAX_MEMORY_BYTES) {
      // Name the option that takes the most: the noise table (4 bytes a slot) or the weights.
      const key = tableSize * 4 > layout.bytes / 2 ? 'noiseTableSize' : 'vectorSize';
      throw new ArgumentError(`training needs ${(layout.bytes / 2 ** 30).toFixed(1)} GiB (weights, noise table of ${tableSize} slots, Huffman codes, scratch); WebAssembly memory is limited to 4 GiB (reduce ${key === 'noiseTableSize' ? 'noiseTableSize' : 'vectorSize or the vocabulary'})`, { key });
    }
    const memory = createMemory(layout.bytes);
    const module = trainModule();
    const syn0 = new Float32Array(memory.buffer, layout.syn0B, V * dim);
    initWeights(syn0, dim, o.seed);
    fillTables(memory, layout, vocab, huffman, tableSize, cumulative, o.sample);

    // Progress counts real words; the learning rate follows word2vec.c's word_count_actual, which
    // also counts each </s>.
    const realWords = vocab.trainWords - vocab.counts[0]!;
    const total = o.epochs * realWords;
    const alphaAt = alphaSchedule(alpha0, o.minAlpha, o.epochs * vocab.trainWords);
    const inits: TrainerInit[] = [];
    for (let t = 0; t < o.threads; t++) {
      inits.push({
        layout,
        thread: t,
        dim,
        window: o.window,
        negative: o.negative,
        hs: o.hs ? 1 : 0,
        sg: o.sg ? 1 : 0,
        cbowMean: o.cbowMean ? 1 : 0,
        tableSize,
        cumulative: cumulative ? 1 : 0,
        vocabSize: V,
        sample: o.sample > 0 ? 1 : 0,
        maxSentenceLength: o.maxSentenceLength,
        rng: seedState(o.seed - 1 + t),
      });
    }
    const pool = useShared ? new WorkerPool(inits.map((init) => ({ memory, module, init }))) : undefined;
    const k: Trainer | undefined = useShared ? undefined : startTrainer(WA, memory, module, inits[0]!);

    let done = 0; // real words dispatched
    let kept = 0;
    let lastReport = 0;
    const report = (epoch: number, alpha: number): void => {
      if (!o.onProgress) return;
      const now = performance.now();
      if (now - lastReport < 100 && done < total) return;
      lastReport = now;
      const seconds = (now - t0) / 1000;
      o.onProgress({ phase: 'train', epoch, wordsDone: done, wordsTotal: total, alpha, seconds, wordsPerSecond: seconds > 0 ? done / seconds : 0 });
    };
    // word2vec.c's schedule: word_count counts the words read (</s> included) in this epoch; once
    // it exceeds last_word_count by more than batchWords, word_count_actual catches up and alpha is
    // recomputed. C checks before each training position, so the sentence that crossed the line has
    // its first position trained at the old rate and the rest at the new one: batches start at such
    // a sentence and carry both rates (`alphaFirst`, `alpha`).
    let wca = 0;
    let alpha = alphaAt(0);
    try {
      const batchWords = o.batchWords;
      const index = vocab.index;
      let words: Int32Array = takeBuffer(pool, batchWords * 2);
      let lens: Int32Array = new Int32Array(Math.max(16, words.length >> 2));
      let nw = 0;
      let ns = 0;
      let batchReal = 0;
      let alphaFirst = alpha;
      for (let epoch = 1; epoch <= o.epochs; epoch++) {
        let wc = 0;
        let last = 0;
        alphaFirst = alpha;
        const flush = async (): Promise<void> => {
          if (ns === 0) return;
          if (pool) {
            await pool.submit(words, lens, ns, alpha, alphaFirst);
            const next = pool.free.pop();
            words = next && next.words.length >= batchWords ? next.words : new Int32Array(batchWords * 2);
            lens = next ? next.lens : new Int32Array(Math.max(16, words.length >> 2));
          } else kept += trainBatch(k!, words, lens, ns, alpha, alphaFirst);
          done += batchReal;
          batchReal = 0;
          nw = 0;
          ns = 0;
          report(epoch, alpha);
        };
        // One word2vec.c sentence: the words read up to a </s> (a line's end or a literal token).
        let start = 0;
        const endSentence = async (): Promise<void> => {
          const n = nw - start;
          wc += n + 1;
          if (wc - last > batchWords) {
            // The sentence at words[start..nw) opens the next batch.
            const tailW = words.slice(start, nw);
            nw = start;
            await flush();
            wca += wc - last;
            last = wc;
            alphaFirst = alpha;
            alpha = alphaAt(wca);
            if (words.length < tailW.length) words = growInt(words, tailW.length * 2);
            words.set(tailW, 0);
            nw = tailW.length;
          }
          if (ns >= lens.length) lens = growInt(lens, ns * 2);
          lens[ns++] = n;
          batchReal += n;
          start = nw;
        };
        for await (const sent of source.pass()) {
          start = nw;
          for (let i = 0; i < sent.length; i++) {
            const id = index.get(sent[i]!);
            if (id === undefined) continue; // OOV words are skipped and not counted, as in word2vec.c
            if (id === 0) {
              await endSentence(); // a literal </s>
              continue;
            }
            if (nw >= words.length) words = growInt(words, nw * 2);
            words[nw++] = id;
          }
          await endSentence();
        }
        await flush();
        wca += wc - last;
      }
      if (pool) {
        await pool.drain();
        kept = pool.kept;
      }
    } finally {
      if (pool) await pool.close();
    }
    const seconds = (performance.now() - t0) / 1000;
    const stats: TrainStats = {
      vocabSize: V - 1,
      trainWords: realWords,
      effectiveWords: kept,
      epochs: o.epochs,
      seconds,
      wordsPerSecond: seconds > 0 ? total / seconds : 0,
    };
    report(o.epochs, alphaAt(wca));
    if (!allFinite(syn0)) {
      throw new ArgumentError(`training diverged (the vectors hold NaN or Infinity): the learning rate alpha=${alpha0} is too high`, { key: 'alpha' });
    }
    // Copy out of shared memory without </s> (row 0, never trained), as an ordinary array.
    const vectors = syn0.slice(dim);
    return new Word2Vec(new KeyedVectors(vocab.words.slice(1), vectors, dim, vocab.counts.slice(1)), stats);
  }
}

function takeBuffer(pool: WorkerPool | undefined, n: number): Int32Array {
  const b = pool?.free.pop();
  return b && b.words.length >= n ? b.words : new Int32Array(n);
}

function growInt(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(Math.max(n, 16));
  b.set(a);
  return b;
}

/** LCG start state [lo, hi] for a (possibly negative) integer seed, as a 64-bit two's complement value. */
function seedState(seed: number): [number, number] {
  const big = BigInt.asUintN(64, BigInt(seed));
  return [Number(big & 0xffffffffn), Number(big >> 32n)];
}

/**
 * The learning rate after `wca` words read (word2vec.c's word_count_actual, `</s>` included) out of
 * `totalC` (epochs x train_words). Without `minAlpha`, word2vec.c's float arithmetic:
 * alpha * (1 - wca / (totalC + 1)), floored at alpha * 1e-4; with it, gensim's linear decay.
 */
function alphaSchedule(alpha0: number, minAlpha: number | undefined, totalC: number): (wca: number) => number {
  if (minAlpha !== undefined) return (wca) => Math.max(minAlpha, alpha0 - ((alpha0 - minAlpha) * wca) / totalC);
  const start = Math.fround(alpha0); // starting_alpha is a C float
  const denom = Math.fround(totalC + 1);
  const floor = start * 0.0001;
  return (wca) => {
    const a = Math.fround(start * Math.fround(1 - Math.fround(Math.fround(wca) / denom)));
    return a < floor ? Math.fround(floor) : a;
  };
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
function fillTables(memory: WasmMemory, L: TrainLayout, vocab: TrainVocab, huffman: HuffmanCodes | undefined, tableSize: number, cumulative: boolean, sample: number): void {
  const V = vocab.words.length;
  const buf = memory.buffer;
  new Float32Array(buf, L.expTableB, EXP_TABLE_SIZE + 1).set(makeExpTable());
  if (huffman) {
    new Uint8Array(buf, L.codesB, huffman.codes.length).set(huffman.codes);
    new Int32Array(buf, L.pointsB, huffman.points.length).set(huffman.points);
    new Int32Array(buf, L.codeStartB, V + 1).set(huffman.start);
  }
  if (tableSize > 0) {
    const out = new Int32Array(buf, L.tableB, tableSize);
    if (cumulative) buildCumulativeTable(vocab.counts, 0.75, out);
    else buildNoiseTable(vocab.counts, tableSize, 0.75, out);
  }
  if (sample > 0) {
    const sampleRan = new Float32Array(buf, L.sampleRanB, V);
    // word2vec.c: ran = (sqrt(cn / (sample * train_words)) + 1) * (sample * train_words) / cn with
    // its C types: sample * train_words and cn / that are floats, the rest double, ran a float.
    const st = Math.fround(Math.fround(sample) * Math.fround(vocab.trainWords));
    for (let w = 0; w < V; w++) {
      const f = vocab.counts[w]!;
      sampleRan[w] = ((Math.sqrt(Math.fround(Math.fround(f) / st)) + 1) * st) / f;
    }
  }
}
