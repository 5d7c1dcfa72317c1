/**
 * {@link startWorker}: a BullMQ worker that runs the jobs of any queue run (see `process-job.ts`).
 * A worker killed mid-job (even with SIGKILL) leaves no partial output; its job's lock expires and
 * another worker's stalled-job check puts the job back in the queue (BullMQ's stalled-job handling).
 */
import type { Job } from 'bullmq';
import { loadBullmq } from './bullmq.js';
import { mkdirSync } from 'node:fs';
import { ArgumentError } from '../core/errors.js';
import { redisConnection } from './connection.js';
import { JOBS_DEFAULTS } from './options.js';
import { isPermanent, PipelineCache, processFinish, processShard, type FinishResult, type ShardResult } from './process-job.js';
import { shardDir, type RunSpec } from './run-spec.js';
import type { Shard } from './shards.js';

/** Options of {@link startWorker}. */
export interface WorkerOptions {
  /** Redis URL, e.g. `redis://127.0.0.1:6379` (required). */
  redis: string;
  /** Queue name (default `'textloom'`). */
  queue?: string;
  /** Jobs run at once in this process (default 1). */
  concurrency?: number;
  /** Job lock duration in ms (default 30000): a dead worker's job is retried after about this long. */
  lockDuration?: number;
  /** How often to look for stalled jobs, in ms (default 30000). */
  stalledInterval?: number;
  /** Called with connection and worker errors (ioredis reconnects by itself). */
  onError?: (e: Error) => void;
  /** Called when a job completes or fails. */
  onJob?: (event: { id: string; name: string; ok: boolean; result?: ShardResult | FinishResult; error?: string }) => void;
}

/** A running worker. */
export interface WorkerHandle {
  /** Finishes the jobs in hand, then disconnects. */
  close(): Promise<void>;
}

type JobData = { run: RunSpec; shard?: Shard };

/**
 * Starts a worker on the queue.
 * @example
 * const w = await startWorker({ redis: 'redis://127.0.0.1:6379', concurrency: 2 });
 * process.on('SIGTERM', () => w.close());
 */
export async function startWorker(options: WorkerOptions): Promise<WorkerHandle> {
  if (!options || typeof options.redis !== 'string') throw new ArgumentError('startWorker needs a redis URL', { key: 'redis' });
  const connection = redisConnection(options.redis);
  const concurrency = options.concurrency ?? JOBS_DEFAULTS.concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new ArgumentError(`concurrency must be a positive integer, got ${concurrency}`, { key: 'concurrency' });
  const { UnrecoverableError, Worker } = await loadBullmq();
  const pipelines = new PipelineCache();
  const processor = async (job: Job<JobData>): Promise<ShardResult | FinishResult> => {
    const { run, shard } = job.data;
    try {
      if (job.name === 'finish') return await processFinish(run);
      if (!shard) throw new ArgumentError(`job ${job.id} has no shard`);
      mkdirSync(shardDir(run), { recursive: true });
      let last = 0;
      return await processShard(run, shard, pipelines, (f) => {
        const pct = Math.floor(f * 100);
        if (pct > last) {
          last = pct;
          void job.updateProgress(pct).catch(() => undefined);
        }
      });
    } catch (e) {
      // A typed input error fails the run at once; anything else (I/O, Redis) is retried.
      if (isPermanent(e)) throw new UnrecoverableError((e as Error).message);
      throw e;
    }
  };
  const worker = new Worker<JobData, ShardResult | FinishResult>(options.queue ?? JOBS_DEFAULTS.queue, processor, {
    connection,
    concurrency,
    lockDuration: options.lockDuration ?? JOBS_DEFAULTS.lockDuration,
    stalledInterval: options.stalledInterval ?? JOBS_DEFAULTS.stalledInterval,
    maxStalledCount: JOBS_DEFAULTS.maxStalledCount,
  });
  worker.on('completed', (job, result) => options.onJob?.({ id: String(job.id), name: job.name, ok: true, result }));
  worker.on('failed', (job, err) => options.onJob?.({ id: String(job?.id), name: job?.name ?? '?', ok: false, error: err.message }));
  // A lost Redis connection is retried by ioredis: report it, do not crash on it.
  worker.on('error', (e) => options.onError?.(e));
  await worker.waitUntilReady();
  return { close: () => worker.close() };
}
