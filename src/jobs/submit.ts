/**
 * {@link submitJobs}: cuts the input into shards and enqueues one BullMQ job per shard, under a
 * parent `finish` job that BullMQ runs once every shard job has completed (a flow). The run's
 * description is also written to `OUT/run.json`.
 */
import { loadBullmq } from './bullmq.js';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ArgumentError, NotFoundError } from '../core/errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { redisConnection } from './connection.js';
import { expandInput } from './glob.js';
import { JOB_KINDS, JOBS_DEFAULTS, type JobKind } from './options.js';
import type { KindOptions, RunSpec } from './run-spec.js';
import { planShards } from './shards.js';

/** Options of {@link submitJobs}. */
export interface SubmitOptions extends KindOptions {
  /** Redis URL (required). */
  redis: string;
  /** Input file or pattern (`*` and `?` in the last part; matches sorted by name). */
  input: string;
  /** Output directory (shared by the workers: a network file system across machines). */
  out: string;
  /** Queue name (default `'textloom'`). */
  queue?: string;
  /** Files larger than this many bytes are cut into byte ranges on line boundaries (default 64 MiB). */
  shardSize?: number;
}

/** What {@link submitJobs} enqueued. */
export interface SubmittedRun {
  runId: string;
  kind: JobKind;
  shards: number;
  bytes: number;
  out: string;
}

/** Prefix of the ids of a run's jobs: the finish job is `runId`, shard i `runId-s<i>`. */
export function shardJobId(runId: string, i: number): string {
  return `${runId}-s${i}`;
}

/**
 * Enqueues a run (see the module comment). Paths are made absolute, so workers started in other
 * directories find them.
 * @example
 * const run = await submitJobs('lm-counts', { redis: 'redis://127.0.0.1:6379', input: 'corpus/*.txt', out: 'lm-out', order: 5 });
 * await waitForRun(run.runId, { redis: 'redis://127.0.0.1:6379' }); // lm-out/model.arpa
 */
export async function submitJobs(kind: JobKind, options: SubmitOptions): Promise<SubmittedRun> {
  if (!JOB_KINDS.includes(kind)) throw new ArgumentError(`unknown job kind ${JSON.stringify(kind)} (one of ${JOB_KINDS.join(', ')})`, { key: 'kind' });
  const { redis, input, out, queue = JOBS_DEFAULTS.queue, shardSize = JOBS_DEFAULTS.shardSize, ...kindOptions } = options;
  const connection = redisConnection(redis);
  if (typeof out !== 'string' || !out) throw new ArgumentError('submitJobs needs an output directory', { key: 'out' });
  if (kind === 'match') {
    if (kindOptions.patterns === undefined && kindOptions.depPatterns === undefined) throw new ArgumentError('a match run needs patterns or depPatterns (or both)', { key: 'patterns' });
    // Workers may start elsewhere: pattern files by absolute path, checked here rather than in every job.
    for (const k of ['patterns', 'depPatterns'] as const) {
      const f = kindOptions[k];
      if (f === undefined) continue;
      if (!existsSync(f)) throw new NotFoundError(`no such pattern file: ${f}`, { file: f, key: k });
      kindOptions[k] = resolve(f);
    }
  }
  const files = expandInput(input).map((f) => resolve(f));
  const shards = planShards(files, shardSize);
  const runId = `run-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const run: RunSpec = { runId, kind, out: resolve(out), shards, options: kindOptions };
  mkdirSync(run.out, { recursive: true });
  await writeFileAtomic(join(run.out, 'run.json'), JSON.stringify({ runId, kind, queue, shards, options: kindOptions }, null, 1) + '\n');
  const { FlowProducer } = await loadBullmq();
  const flow = new FlowProducer({ connection });
  try {
    await flow.add({
      name: 'finish',
      queueName: queue,
      data: { run },
      opts: { jobId: runId, attempts: JOBS_DEFAULTS.attempts, removeOnComplete: false },
      children: shards.map((shard) => ({
        name: 'shard',
        queueName: queue,
        // Each job carries the run without the other shards (a run may have thousands).
        data: { run: { ...run, shards: [] }, shard },
        opts: { jobId: shardJobId(runId, shard.index), attempts: JOBS_DEFAULTS.attempts, backoff: { type: 'exponential', delay: 1000 }, failParentOnFailure: true },
      })),
    });
  } finally {
    await flow.close();
  }
  let bytes = 0;
  for (const s of shards) bytes += s.end > 0 ? s.end - s.start : 0;
  return { runId, kind, shards: shards.length, bytes, out: run.out };
}
