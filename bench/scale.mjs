// The scale figures in one run: nlp.pipe on 2 workers vs 1 process (en_core, parser included),
// index build on 2 threads vs 1 (the 200k-document search corpus), a 2-worker BullMQ queue over
// 8 shards of 200 MB of Gutenberg text vs one process, and the peak RSS of pool and queue workers
// at two input sizes (pool: N and 4N streamed texts; queue: 50 MB and 200 MB in shards of the same
// size), which should match. Each part is its own bench (bench/scale-pipe.mjs, scale-index.mjs,
// scale-queue.mjs), run as a child process, after bench/parallel-ceiling.mjs (what two threads of a
// fixed loop reach on this machine at that moment, which bounds every ratio); their tables are printed as they finish, then a summary.
//   npm run bench:scale -- [--size 1] [--only pipe,index,queue]
// --size scales every input (0.05: 2048 texts at least, 10k docs, 10 MB and 2.5 MB of text) for a quick run.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parallelCeiling } from './parallel-ceiling.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const SIZE = Number(flag('size', '1'));
if (!(SIZE > 0)) throw new Error(`--size must be a positive number, got ${flag('size')}`);
const ONLY = new Set(flag('only', 'pipe,index,queue').split(','));
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const startLoad = load();

/** Runs a bench; echoes its output; returns its SCALE_RESULT (null when it skipped or failed). */
function bench(script, argv, env) {
  console.log(`\n$ ${Object.entries(env).map(([k, v]) => `${k}=${v} `).join('')}node bench/${script} ${argv.join(' ')}`);
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(here, script), ...argv], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = (r.stdout ?? '').trimEnd().split('\n');
  for (const l of lines) if (!l.startsWith('SCALE_RESULT ')) console.log(l);
  const last = lines.findLast((l) => l.startsWith('SCALE_RESULT '));
  if (r.status !== 0) console.log(`(bench/${script} exited ${r.status})`);
  return last ? JSON.parse(last.slice('SCALE_RESULT '.length)) : null;
}

const pipeTexts = Math.max(2048, Math.round(6000 * SIZE)); // a few batches per worker at least
const indexDocs = Math.max(2000, Math.round(200_000 * SIZE));
const bigMb = Math.max(1, 200 * SIZE);
const smallMb = bigMb / 4;
// What two threads can reach on this machine right now: every ratio below is bounded by it.
const ceiling = await parallelCeiling();
console.log(`parallel ceiling (bench/parallel-ceiling.mjs): two threads of a fixed loop ${ceiling.ceiling.toFixed(2)}x one thread (median of ${ceiling.rounds}, range ${ceiling.min.toFixed(2)}-${ceiling.max.toFixed(2)}x)`);
const pipe = ONLY.has('pipe') ? bench('scale-pipe.mjs', [], { SCALE_PIPE_TEXTS: String(pipeTexts), SCALE_PIPE_RSS: '1' }) : null;
const index = ONLY.has('index') ? bench('scale-index.mjs', [], { SCALE_INDEX_DOCS: String(indexDocs) }) : null;
const queue = ONLY.has('queue') ? bench('scale-queue.mjs', ['--mb', String(bigMb), '--shards', '8', '--workers', '2'], {}) : null;
// The same shard size over a quarter of the input: a worker's peak should not change.
const queueSmall = ONLY.has('queue') && queue ? bench('scale-queue.mjs', ['--mb', String(smallMb), '--shards', '2', '--workers', '2'], {}) : null;

const x = (a, b) => `${(a / b).toFixed(2)}x`;
const mib = (b) => `${(b / 2 ** 20).toFixed(0)} MiB`;
console.log(`\n== bench:scale summary (--size ${SIZE}; load average at start ${startLoad}, at end ${load()}; wall-clock ratios need idle cores, CPU ratios do not; two threads of a fixed loop reached ${ceiling.ceiling.toFixed(2)}x here)`);
if (pipe) {
  const [one, two] = pipe.rows;
  const steady = (r) => (r.texts - 128) / (r.wall - r.firstDoc);
  console.log(`nlp.pipe en_core, ${one.texts} texts: ${two.workers} workers vs 1 process ${x(one.wall, two.wall)} wall (target >= 1.7x), ${Math.round(one.texts / one.wall)} vs ${Math.round(two.texts / two.wall)} texts/s; after the first batch (workers loaded) ${x(steady(two), steady(one))}; CPU ${x(two.cpu, one.cpu)} of one process's (calling thread ${two.mainCpu?.toFixed(2)} s of ${two.cpu.toFixed(2)} s); same Docs: ${two.same}`);
  const started = pipe.rows.find((r) => r.started);
  if (started) console.log(`nlp.pipe with ${started.workers} workers started before the clock (nlp.startWorkers): ${x(one.wall, started.wall)} wall (target >= 1.7x), ${Math.round(started.texts / started.wall)} texts/s; CPU ${x(started.cpu, one.cpu)} of one process's; same Docs: ${started.same}`);
  if (pipe.rss) console.log(`pool peak RSS (whole process, ${pipe.rss[0].workers} worker threads, maxWorkerMemoryMB ${pipe.rss[0].maxMB}): ${pipe.rss[0].peakRssMB.toFixed(0)} MB over ${pipe.rss[0].texts} texts, ${pipe.rss[1].peakRssMB.toFixed(0)} MB over ${pipe.rss[1].texts}; default limit: ${two.peakRssMB.toFixed(0)} MB over ${two.texts}`);
  else if (pipe.big) console.log(`pool peak RSS (whole process, ${pipe.big.workers} worker threads): ${two.peakRssMB.toFixed(0)} MB over ${two.texts} texts, ${pipe.big.peakRssMB.toFixed(0)} MB over ${pipe.big.texts}`);
}
if (index) {
  const [one, two] = index.rows;
  console.log(`index build, ${one.docs} docs: ${two.threads} threads vs 1 ${x(one.wall, two.wall)} wall, ${Math.round(two.docs / two.wall)} docs/s (target >= 94k) vs ${Math.round(one.docs / one.wall)}; CPU ${x(two.cpu, one.cpu)} of one thread's (calling thread ${two.mainCpu?.toFixed(2)} s of ${two.cpu.toFixed(2)} s); same results: ${two.same}`);
}
if (queue) {
  console.log(`queue (${queue.kind}), ${queue.mb.toFixed(0)} MB in ${queue.shards} shards, ${queue.workers} workers: ${queue.queueSeconds.toFixed(1)} s, ${(queue.mb / queue.queueSeconds).toFixed(2)} MB/s vs one process ${(queue.mb / queue.singleSeconds).toFixed(2)} MB/s (${x(queue.singleSeconds, queue.queueSeconds)}); overhead ${queue.overheadMsPerJob.toFixed(0)} ms per job; output identical: ${queue.identical}`);
  if (queueSmall) console.log(`queue worker peak RSS, shards of ${(queue.mb / queue.shards).toFixed(1)} MB: ${queueSmall.workerPeaks.map(mib).join(', ')} over ${queueSmall.mb.toFixed(0)} MB, ${queue.workerPeaks.map(mib).join(', ')} over ${queue.mb.toFixed(0)} MB (one process: ${mib(queueSmall.singlePeak)}, ${mib(queue.singlePeak)})`);
} else if (ONLY.has('queue')) console.log('queue: skipped (see above)');
