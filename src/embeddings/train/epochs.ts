/**
 * Epochs stage of word2vec training (gensim's `train`): the jobs of {@link produceJobs} fed to
 * the kernel, in this thread (`threads: 1`, bit-for-bit reproducible for a seed) or to Hogwild
 * workers over the shared memory (`threads > 1`).
 *
 * Contract: the corpus, the {@link Prepared} run, the {@link Allocated} memory and the
 * {@link TrainConfig} in; the weights in the memory trained in place, and an {@link EpochsResult}
 * out. Thread t's LCG starts at `seed - 1 + t` (word2vec.c: thread t starts at t with seed 1).
 * Reports progress about once per job (at most every 100 ms, and once at the end).
 */
import type { CorpusSource } from '../corpus.js';
import { seedState, startTrainer, trainBatch, type TrainerInit } from '../kernel.js';
import { trainModule } from '../wasm/train.js';
import { WA } from '../../ann/wasm/vecops.js';
import { WorkerPool } from '../worker.js';
import type { Allocated } from './allocate.js';
import { alphaSchedule } from './alpha.js';
import { produceJobs, type JobBuffers, type JobsSummary } from './jobs.js';
import type { Prepared } from './prepare.js';
import type { TrainConfig, TrainProgress } from './types.js';

/** What {@link trainEpochs} reads. */
export interface EpochsInput {
  source: CorpusSource;
  prepared: Prepared;
  allocated: Allocated;
  config: TrainConfig;
  /** Called with the progress (optional). */
  onProgress: ((p: TrainProgress) => void) | undefined;
  /** `performance.now()` when training started (progress seconds count from it). */
  startedAt: number;
}

/** The epochs stage's result. */
export interface EpochsResult {
  /** Words kept after subsampling, over all epochs. */
  kept: number;
  /** In-vocabulary words trained, over all epochs. */
  wordsDone: number;
  /** In-vocabulary words per epoch (`</s>` not counted), from the scan. */
  realWords: number;
}

/** Minimum time between two progress reports, in milliseconds. */
const REPORT_EVERY_MS = 100;

/**
 * Trains every epoch; resolves once every job is trained (and the workers are closed).
 * @example const r = await trainEpochs({ source, prepared, allocated, config, onProgress: undefined, startedAt: performance.now() });
 */
export async function trainEpochs(input: EpochsInput): Promise<EpochsResult> {
  const { source, prepared, allocated, config, onProgress, startedAt } = input;
  const { vocab } = prepared;
  // Progress counts real words; the learning rate follows word2vec.c's word_count_actual, which
  // also counts each </s>.
  const realWords = vocab.trainWords - vocab.counts[0]!;
  const total = config.epochs * realWords;
  const schedule = alphaSchedule(config.alpha, config.minAlpha, config.epochs, vocab.trainWords);
  const inits = trainerInits(prepared, allocated, config);
  const module = trainModule();
  const pool = inits.length > 1 ? new WorkerPool(inits.map((init) => ({ memory: allocated.memory, module, init }))) : undefined;
  const trainer = pool ? undefined : startTrainer(WA, allocated.memory, module, inits[0]!);
  const jobs = produceJobs({ source, index: vocab.index, epochs: config.epochs, batchWords: config.batchWords, schedule });
  let done = 0;
  let kept = 0;
  let lastReport = 0;
  let summary: JobsSummary | undefined;
  try {
    let back: JobBuffers | undefined;
    for (;;) {
      const r = await jobs.next(back);
      if (r.done) {
        summary = r.value;
        break;
      }
      const job = r.value;
      if (pool) {
        await pool.submit(job.words, job.lens, job.sentences, job.alpha, job.alphaFirst); // transfers the arrays
        back = pool.free.pop();
      } else {
        kept += trainBatch(trainer!, job.words, job.lens, job.sentences, job.alpha, job.alphaFirst);
        back = job;
      }
      done += job.realWords;
      if (onProgress) {
        const now = performance.now();
        if (now - lastReport >= REPORT_EVERY_MS || done >= total) {
          lastReport = now;
          onProgress(progress(job.epoch, job.alpha, done, total, startedAt, now));
        }
      }
    }
    if (pool) {
      await pool.drain();
      kept = pool.kept;
    }
  } finally {
    if (!summary) await jobs.return({ wordsRead: 0, alpha: 0 }); // closes the corpus pass on an error
    if (pool) await pool.close();
  }
  const now = performance.now();
  if (onProgress && (now - lastReport >= REPORT_EVERY_MS || done >= total)) onProgress(progress(config.epochs, summary.alpha, done, total, startedAt, now));
  return { kept, wordsDone: done, realWords };
}

/** A train-phase progress report. */
function progress(epoch: number, alpha: number, done: number, total: number, startedAt: number, now: number): TrainProgress {
  const seconds = (now - startedAt) / 1000;
  return { phase: 'train', epoch, wordsDone: done, wordsTotal: total, alpha, seconds, wordsPerSecond: seconds > 0 ? done / seconds : 0 };
}

/** Each training thread's kernel settings. */
function trainerInits(prepared: Prepared, allocated: Allocated, config: TrainConfig): TrainerInit[] {
  const inits: TrainerInit[] = [];
  for (let t = 0; t < config.threads; t++) {
    inits.push({
      layout: allocated.layout,
      thread: t,
      dim: config.vectorSize,
      window: config.window,
      negative: config.negative,
      hs: config.hs ? 1 : 0,
      sg: config.sg ? 1 : 0,
      cbowMean: config.cbowMean ? 1 : 0,
      tableSize: prepared.noise.slots,
      cumulative: prepared.noise.kind === 'cumulative' ? 1 : 0,
      vocabSize: prepared.vocab.words.length,
      sample: config.sample > 0 ? 1 : 0,
      maxSentenceLength: config.maxSentenceLength,
      rng: seedState(config.seed - 1 + t),
    });
  }
  return inits;
}
