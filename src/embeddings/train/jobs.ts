/**
 * The job producer of word2vec training (gensim's `_job_producer`): one pass per epoch over the
 * corpus, cut into batches of about `batchWords` words, each carrying its learning rate.
 *
 * Contract: a re-readable corpus, the vocabulary index, the epoch count, `batchWords` and the
 * {@link AlphaSchedule} in; {@link Job}s out, then a {@link JobsSummary}. Words out of the
 * vocabulary are skipped and not counted, as in word2vec.c. The schedule is word2vec.c's: `wc`
 * counts the words read in the epoch (each sentence end, `</s>`, included); once it exceeds the
 * last mark by more than `batchWords`, word_count_actual catches up and the rate is recomputed.
 * word2vec.c checks before each training position, so the sentence that crossed the mark has its
 * first position trained at the old rate and the rest at the new one: a job starts at such a
 * sentence and carries both rates (`alphaFirst`, `alpha`).
 */
import { grow } from '../../util/typed.js';
import type { CorpusSource } from '../corpus.js';
import { alphaAt, type AlphaSchedule } from './alpha.js';

/** A batch of sentences for the kernel (see `trainBatch`). */
export interface Job {
  /** Word ids of the sentences, back to back, from index 0 (the array may be longer). */
  words: Int32Array;
  /** Sentence lengths, from index 0 (the array may be longer). */
  lens: Int32Array;
  /** Number of sentences. */
  sentences: number;
  /** The learning rate of every training position but the first. */
  alpha: number;
  /** The learning rate of the job's first training position. */
  alphaFirst: number;
  /** In-vocabulary words in the job (sentence ends not counted): the progress it makes. */
  realWords: number;
  /** The epoch, from 1. */
  epoch: number;
}

/** Arrays the consumer hands back to be filled again (a job's, or any of the same kind). */
export interface JobBuffers {
  words: Int32Array;
  lens: Int32Array;
}

/** What {@link produceJobs} reads. */
export interface JobInput {
  source: CorpusSource;
  /** Word -> vocabulary id; id 0 is `</s>`, a sentence end. */
  index: ReadonlyMap<string, number>;
  epochs: number;
  /** Words (`</s>` included) between learning-rate updates, and so per job. */
  batchWords: number;
  schedule: AlphaSchedule;
}

/** What a finished producer returns. */
export interface JobsSummary {
  /** Words read over all epochs, `</s>` included (word2vec.c's final word_count_actual). */
  wordsRead: number;
  /** The learning rate after them. */
  alpha: number;
}

/**
 * Yields the jobs of every epoch in order. Once yielded, a job's arrays belong to the consumer:
 * the producer never touches them again. The consumer may hand arrays back through `next(buffers)`
 * (the same job's once trained, or ones a worker returned); otherwise the producer allocates new
 * ones. Jobs do not depend on the arrays' sizes.
 * @example
 * const jobs = produceJobs({ source, index: vocab.index, epochs: 5, batchWords: 10000, schedule });
 * for (let r = await jobs.next(); !r.done; r = await jobs.next(r.value)) trainBatch(k, r.value.words, r.value.lens, r.value.sentences, r.value.alpha, r.value.alphaFirst);
 */
export async function* produceJobs(input: JobInput): AsyncGenerator<Job, JobsSummary, JobBuffers | undefined> {
  const { source, index, epochs, batchWords, schedule } = input;
  let { words, lens } = refill(undefined, batchWords);
  let nw = 0; // words in the job being filled
  let ns = 0; // sentences in it
  let real = 0; // in-vocabulary words in it
  let wordsRead = 0; // word2vec.c's word_count_actual at the last mark
  let alpha = alphaAt(schedule, 0);
  let alphaFirst = alpha;
  // Hands the job being filled (if it holds a sentence) to the consumer and starts an empty one.
  function* flush(epoch: number): Generator<Job, void, JobBuffers | undefined> {
    if (ns === 0) return;
    ({ words, lens } = refill(yield { words, lens, sentences: ns, alpha, alphaFirst, realWords: real, epoch }, batchWords));
    nw = 0;
    ns = 0;
    real = 0;
  }
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let wc = 0; // words read in this epoch, </s> included
    let last = 0; // wc at the last rate update
    alphaFirst = alpha;
    for await (const sent of source.pass()) {
      let start = nw; // where the current sentence begins in `words`
      const n = sent.length;
      // Position n is the line's end; a literal </s> (id 0) ends a sentence too.
      for (let i = 0; i <= n; i++) {
        if (i < n) {
          const id = index.get(sent[i]!);
          if (id === undefined) continue;
          if (id !== 0) {
            if (nw >= words.length) words = grow(words, nw + 1);
            words[nw++] = id;
            continue;
          }
        }
        const len = nw - start;
        wc += len + 1;
        if (wc - last > batchWords) {
          // The sentence at words[start..nw) opens the next job.
          const tail = words.slice(start, nw);
          nw = start;
          yield* flush(epoch);
          wordsRead += wc - last;
          last = wc;
          alphaFirst = alpha;
          alpha = alphaAt(schedule, wordsRead);
          words = grow(words, tail.length);
          words.set(tail, 0);
          nw = tail.length;
        }
        if (ns >= lens.length) lens = grow(lens, ns + 1);
        lens[ns++] = len;
        real += len;
        start = nw;
      }
    }
    yield* flush(epoch);
    wordsRead += wc - last;
  }
  return { wordsRead, alpha: alphaAt(schedule, wordsRead) };
}

/** The arrays to fill next: those handed back when big enough for a job, else new ones. */
function refill(back: JobBuffers | undefined, batchWords: number): JobBuffers {
  const words = back && back.words.length >= batchWords ? back.words : new Int32Array(batchWords * 2);
  return { words, lens: back ? back.lens : new Int32Array(Math.max(16, words.length >> 2)) };
}
