/**
 * {@link runStatus} and {@link waitForRun}: the state of a run's jobs, read from the queue.
 */
import type { Queue } from 'bullmq';
import { loadBullmq } from './bullmq.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { ArgumentError, JobError, NotFoundError } from '../core/errors.js';
import { redisConnection } from './connection.js';
import { JOBS_DEFAULTS } from './options.js';
import type { RunSpec } from './run-spec.js';
import { finalOutput } from './process-job.js';
import { shardJobId } from './submit.js';

/** Options of {@link runStatus} and {@link waitForRun}. */
export interface StatusOptions {
  /** Redis URL (required). */
  redis: string;
  /** Queue name (default `'textloom'`). */
  queue?: string;
  /** waitForRun: poll interval in ms (default 200). */
  pollMs?: number;
  /** waitForRun: give up after this many ms (default: wait for ever). */
  timeoutMs?: number;
  /** waitForRun: called with each new status. */
  onStatus?: (s: RunStatus) => void;
}

/** The state of a run. */
export interface RunStatus {
  runId: string;
  kind: string;
  /** `waiting` (shards still running), `finishing`, `completed` or `failed`. */
  state: 'waiting' | 'finishing' | 'completed' | 'failed';
  shards: { total: number; completed: number; active: number; waiting: number; failed: number };
  /** Times a shard job was picked up again after its worker died. */
  stalls: number;
  /** The final output, once completed. */
  output?: string;
  /** Why the run failed. */
  error?: string;
}

/** Reads the state of run `runId`; an unknown run is a NotFoundError. */
export async function runStatus(runId: string, options: StatusOptions): Promise<RunStatus> {
  const { Queue } = await loadBullmq();
  const queue = new Queue(options.queue ?? JOBS_DEFAULTS.queue, { connection: redisConnection(options.redis) });
  try {
    return await readStatus(queue, runId);
  } finally {
    await queue.close();
  }
}

async function readStatus(queue: Queue, runId: string): Promise<RunStatus> {
  const { Job } = await loadBullmq();
  if (typeof runId !== 'string' || !runId) throw new ArgumentError('a run id is required', { key: 'run' });
  const parent = await Job.fromId(queue, runId);
  if (!parent) throw new NotFoundError(`no run ${runId} in queue ${queue.name}`, { key: 'run' });
  const run = (parent.data as { run: RunSpec }).run;
  const shards = { total: run.shards.length, completed: 0, active: 0, waiting: 0, failed: 0 };
  let stalls = 0;
  let error: string | undefined;
  for (let i = 0; i < run.shards.length; i++) {
    const job = await Job.fromId(queue, shardJobId(runId, i));
    const state = job ? await job.getState() : 'unknown';
    if (job) stalls += job.stalledCounter ?? 0;
    if (state === 'completed') shards.completed++;
    else if (state === 'active') shards.active++;
    else if (state === 'failed') {
      shards.failed++;
      // The job read above may predate its failure (fetched while active): read it again for the reason.
      const reason = job?.failedReason ?? (await Job.fromId(queue, shardJobId(runId, i)))?.failedReason;
      error ??= `shard ${i} (${run.shards[i]!.file}): ${reason ?? 'no reason recorded'}`;
    } else shards.waiting++;
  }
  const pstate = await parent.getState();
  let state: RunStatus['state'] = 'waiting';
  if (pstate === 'completed') state = 'completed';
  else if (pstate === 'failed' || shards.failed > 0) {
    state = 'failed';
    // Read again: the job fetched above may predate the failure.
    error ??= (await Job.fromId(queue, runId))?.failedReason;
  } else if (pstate === 'active' || (pstate === 'waiting' && shards.completed === shards.total)) state = 'finishing';
  const out: RunStatus = { runId, kind: run.kind, state, shards, stalls };
  if (state === 'completed') out.output = finalOutput(run);
  if (state === 'failed') out.error = error;
  return out;
}

/**
 * Waits until run `runId` completes and returns its status; a failed run is a JobError naming the
 * failing shard, a timeout a JobError too.
 * @example const s = await waitForRun(run.runId, { redis }); s.output // 'out/model.arpa'
 */
export async function waitForRun(runId: string, options: StatusOptions): Promise<RunStatus> {
  const { Queue } = await loadBullmq();
  const queue = new Queue(options.queue ?? JOBS_DEFAULTS.queue, { connection: redisConnection(options.redis) });
  const t0 = Date.now();
  let last = '';
  try {
    for (;;) {
      const s = await readStatus(queue, runId);
      const key = JSON.stringify(s);
      if (key !== last) options.onStatus?.(s);
      last = key;
      if (s.state === 'completed') return s;
      if (s.state === 'failed') throw new JobError(`run ${runId} failed: ${s.error ?? 'unknown error'}`, { key: 'run' });
      if (options.timeoutMs !== undefined && Date.now() - t0 > options.timeoutMs) throw new JobError(`run ${runId} did not finish within ${options.timeoutMs} ms (${s.shards.completed}/${s.shards.total} shards done)`, { key: 'run' });
      await sleep(options.pollMs ?? JOBS_DEFAULTS.pollMs);
    }
  } finally {
    await queue.close();
  }
}
