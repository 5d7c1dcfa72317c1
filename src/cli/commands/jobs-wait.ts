import { waitForRun, type RunStatus } from '../../jobs/status.js';
import type { Command } from '../command.js';
import { positiveIntFlag } from '../flag-values.js';
import { REDIS_FLAGS, waitWithBar } from './jobs-flags.js';

/** `textloom jobs wait`: waits until a run completes; exits 2 if it failed. */
export const jobsWait: Command = {
  name: 'jobs wait',
  summary: 'wait until a queue run completes and print its output (exit status 2 if it failed)',
  usage: 'RUN --redis URL [--timeout MS] [--json]',
  help: 'Example: textloom jobs wait run-m3x9k2-1a2b3c4d --redis redis://127.0.0.1:6379',
  positionals: { name: 'RUN', doc: 'the run id printed by jobs submit', min: 1, max: 1 },
  flags: {
    ...REDIS_FLAGS,
    timeout: { type: 'number', option: 'timeoutMs', doc: 'give up after this many ms', value: 'MS' },
    json: { type: 'boolean', doc: 'print the final status as one JSON object' },
  },
  async run(args, io) {
    const f = args.flags;
    const runId = String(args.positional[0]);
    let status: RunStatus;
    if (f.timeout !== undefined) {
      status = await waitForRun(runId, { redis: String(f.redis), queue: String(f.queue), timeoutMs: positiveIntFlag(f.timeout, 'timeout') });
    } else status = await waitWithBar(runId, String(f.redis), String(f.queue), io.stderr);
    if (f.json) io.stdout.write(JSON.stringify(status) + '\n');
    else io.stdout.write(`${status.output}\n`);
    return 0;
  },
};
