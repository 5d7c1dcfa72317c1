/**
 * Shared by the `jobs` commands: the Redis flags, and waiting for a run with a progress bar.
 */
import { JOBS_DEFAULTS } from '../../jobs/options.js';
import { waitForRun, type RunStatus } from '../../jobs/status.js';
import type { FlagSpec } from '../args.js';
import { ProgressBar } from '../progress.js';

/** `--redis` and `--queue`. */
export const REDIS_FLAGS: Record<string, FlagSpec> = {
  redis: { type: 'string', doc: 'Redis URL (redis://host:port[/db])', value: 'URL', required: true },
  queue: { type: 'string', doc: 'queue name', default: JOBS_DEFAULTS.queue, value: 'NAME' },
};

/** Waits for run `runId`, showing shards done on a progress bar. */
export async function waitWithBar(runId: string, redis: string, queue: string, stderr: NodeJS.WritableStream): Promise<RunStatus> {
  let bar: ProgressBar | undefined;
  const status = await waitForRun(runId, {
    redis,
    queue,
    onStatus: (s) => {
      bar ??= new ProgressBar(`run ${runId}`, s.shards.total, stderr);
      bar.update(s.shards.completed, s.state);
    },
  });
  bar?.done(status.output);
  return status;
}

