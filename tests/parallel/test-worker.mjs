// A worker for the pool's tests, on the built pool (dist/): each task payload says what to do.
import { workerData } from 'node:worker_threads';
import { serveTasks } from '../../dist/parallel/worker-host.js';
import { atItem } from '../../dist/parallel/protocol.js';
import { ArgumentError } from '../../dist/core/errors.js';

serveTasks(
  (data) => {
    if (data?.failSetup) throw new ArgumentError('bad setup', { key: 'failSetup' });
    return data;
  },
  async (_state, payload, first) => {
    const { op, items = [] } = payload;
    if (op === 'exit') process.exit(3);
    if (op === 'crash') setTimeout(() => { throw new Error('boom'); }, 0);
    if (op === 'crash' || op === 'hang') return new Promise(() => {});
    if (op === 'typed') throw atItem(new ArgumentError('not a number', { key: 'x' }), first + 1);
    if (op === 'plain') throw new TypeError('oops');
    await new Promise((r) => setTimeout(r, (items.length % 3) * 5)); // finish out of order
    const out = Float64Array.from(items, (x) => x * 2);
    return { result: out, transfer: [out.buffer] };
  },
);
