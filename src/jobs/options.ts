/**
 * Defaults of the job queue in one place (`JOBS_DEFAULTS`), and the kinds of job it runs.
 */

/** The kinds of job `submitJobs` accepts. */
export const JOB_KINDS = Object.freeze(['tokenize', 'tag', 'match', 'lm-counts', 'tfidf', 'index'] as const);

/** A kind of job: what each shard runs and how the shards' outputs are combined. */
export type JobKind = (typeof JOB_KINDS)[number];

/** Defaults of `submitJobs`, `startWorker` and `waitForRun`. */
export const JOBS_DEFAULTS = Object.freeze({
  /** BullMQ queue name shared by submitters and workers. */
  queue: 'textloom',
  /** A file larger than this is cut into byte ranges on line boundaries (64 MiB). */
  shardSize: 64 * 1024 * 1024,
  /** Jobs a worker runs at once. */
  concurrency: 1,
  /** How long a worker's lock on a job lasts without renewal (BullMQ's default); a killed worker's job is retried after it. */
  lockDuration: 30_000,
  /** How often a worker looks for stalled jobs (locks that expired). */
  stalledInterval: 30_000,
  /** A job whose worker died this many times fails (BullMQ's default is 1; a shared cluster loses workers more often). */
  maxStalledCount: 3,
  /** Attempts of a shard job that throws (a typed input error fails at once). */
  attempts: 3,
  /** Pipeline of the `tag` kind. */
  tagPipeline: 'en_core',
  /** Pipeline of the `tokenize` kind (tokenizer and sentence splitter only). */
  tokenizePipeline: 'en_core',
  /** Pipeline of the `match` kind (as `textloom match`). */
  matchPipeline: 'en_core',
  /** Output format of the text kinds. */
  format: 'jsonl' as 'jsonl' | 'conllu',
  /** Poll interval of `waitForRun`, in ms. */
  pollMs: 200,
});
