import { runStatus } from '../../jobs/status.js';
import type { Command } from '../command.js';
import { REDIS_FLAGS } from './jobs-flags.js';

/** `textloom jobs status`: the state of a run's shards. */
export const jobsStatus: Command = {
  name: 'jobs status',
  summary: 'show the state of a queue run: shards done, running, waiting, failed; the output once completed',
  usage: 'RUN --redis URL [--json]',
  help: 'Example: textloom jobs status run-m3x9k2-1a2b3c4d --redis redis://127.0.0.1:6379',
  positionals: { name: 'RUN', doc: 'the run id printed by jobs submit', min: 1, max: 1 },
  flags: { ...REDIS_FLAGS, json: { type: 'boolean', doc: 'print the status as one JSON object' } },
  async run(args, io) {
    const f = args.flags;
    const s = await runStatus(String(args.positional[0]), { redis: String(f.redis), queue: String(f.queue) });
    if (f.json) io.stdout.write(JSON.stringify(s) + '\n');
    else {
      const sh = s.shards;
      io.stdout.write(
        `${s.runId} ${s.kind}: ${s.state}; shards ${sh.completed}/${sh.total} done, ${sh.active} running, ${sh.waiting} waiting, ${sh.failed} failed; ${s.stalls} retried after a worker died` +
          (s.output ? `\noutput: ${s.output}` : '') +
          (s.error ? `\nerror: ${s.error}` : '') +
          '\n',
      );
    }
    return 0;
  },
};

