import { startWorker } from '../../jobs/worker.js';
import { JOBS_DEFAULTS } from '../../jobs/options.js';
import type { Command } from '../command.js';
import { positiveIntFlag } from '../flag-values.js';

/** `textloom worker`: runs queue jobs until SIGINT/SIGTERM (then finishes the jobs in hand). */
export const workerCommand: Command = {
  name: 'worker',
  summary: 'run queue jobs (BullMQ over Redis) submitted by textloom jobs submit, until stopped',
  usage: '--redis URL [--concurrency N] [--queue NAME]',
  help:
    'Start one or more workers on every machine that reaches the Redis server and the output directory.\n' +
    'A worker killed mid-job leaves no partial output; another worker retries the job after --lock-duration.\n' +
    'Example: textloom worker --redis redis://10.0.0.5:6379 --concurrency 2',
  flags: {
    redis: { type: 'string', doc: 'Redis URL (redis://host:port[/db])', value: 'URL', required: true },
    concurrency: { type: 'number', doc: 'jobs run at once in this process', default: JOBS_DEFAULTS.concurrency },
    queue: { type: 'string', doc: 'queue name', default: JOBS_DEFAULTS.queue, value: 'NAME' },
    'lock-duration': { type: 'number', option: 'lockDuration', doc: 'job lock in ms: a dead worker\'s job is retried after about this long', default: JOBS_DEFAULTS.lockDuration, value: 'MS' },
    'stalled-interval': { type: 'number', option: 'stalledInterval', doc: 'how often to look for jobs of dead workers, in ms', default: JOBS_DEFAULTS.stalledInterval, value: 'MS' },
    json: { type: 'boolean', doc: 'print one JSON line per finished job {"id","name","ok","result"|"error"}' },
  },
  async run(args, io) {
    const f = args.flags;
    const handle = await startWorker({
      redis: String(f.redis),
      queue: String(f.queue),
      concurrency: positiveIntFlag(f.concurrency, 'concurrency'),
      lockDuration: positiveIntFlag(f['lock-duration'], 'lock-duration'),
      stalledInterval: positiveIntFlag(f['stalled-interval'], 'stalled-interval'),
      onError: (e) => io.stderr.write(`worker: ${e.message}\n`),
      onJob: (ev) => {
        if (f.json) io.stdout.write(JSON.stringify(ev) + '\n');
        else io.stderr.write(`${ev.ok ? 'done' : 'FAILED'} ${ev.name} ${ev.id}${ev.error ? `: ${ev.error}` : ''}\n`);
      },
    });
    io.stderr.write(`worker ready on ${String(f.redis)} queue ${String(f.queue)} (pid ${process.pid})\n`);
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void handle.close().then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};
