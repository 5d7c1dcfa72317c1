// The machine's own limit for the speed-up of two threads: a fixed integer loop (no memory
// traffic, no allocation, nothing shared) timed on one worker thread, then on two at once. On a
// machine with two free cores the ratio is 2.0x; a virtual machine whose two vCPUs share a
// physical core, or a host busy with other guests, gives less, and no two-thread build or pipe
// can beat it there. Median of 5 rounds. Printed by bench:scale before its tables.
//   node bench/parallel-ceiling.mjs [--rounds 5]
// Exports parallelCeiling() for the other scale benches.
import { Worker } from 'node:worker_threads';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const SPIN = `
const { parentPort } = require('node:worker_threads');
parentPort.once('message', (n) => {
  const t = process.hrtime.bigint();
  let x = 0;
  for (let i = 0; i < n; i++) x = (x + (i & 7)) | 0;
  parentPort.postMessage([Number(process.hrtime.bigint() - t) / 1e9, x]);
});`;

function spin(n) {
  const w = new Worker(SPIN, { eval: true });
  return new Promise((resolve, reject) => {
    w.once('message', ([s]) => resolve(s));
    w.once('error', reject);
    w.postMessage(n);
  }).finally(() => w.terminate());
}

async function timed(threads, n) {
  const t = process.hrtime.bigint();
  await Promise.all(Array.from({ length: threads }, () => spin(n)));
  return Number(process.hrtime.bigint() - t) / 1e9;
}

/**
 * Two threads' throughput over one thread's, for the same fixed loop. Each round times one thread,
 * then two at once, right after each other (the host's other load changes over minutes, so the
 * ratio of a round is steadier than separate bests); returns the median round and the range.
 */
export async function parallelCeiling(rounds = 5, n = 2e9) {
  const ratios = [];
  for (let r = 0; r < rounds; r++) {
    const one = await timed(1, n);
    const two = await timed(2, n);
    ratios.push((2 * one) / two);
  }
  ratios.sort((a, b) => a - b);
  return { ceiling: ratios[ratios.length >> 1], min: ratios[0], max: ratios[ratios.length - 1], rounds, load: loadavg()[0] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--rounds');
  const c = await parallelCeiling(i >= 0 ? Number(process.argv[i + 1]) : 5);
  console.log(`parallel ceiling of this machine: two threads of a fixed loop run ${c.ceiling.toFixed(2)}x one thread's throughput (median of ${c.rounds} rounds, range ${c.min.toFixed(2)}-${c.max.toFixed(2)}x; 2.00x on two free cores; load average ${c.load.toFixed(2)})`);
  console.log(`SCALE_RESULT ${JSON.stringify(c)}`);
}
