// nlp.pipe on all cores: en_core (tokenizer, senter, tagger, parser, lemmatizer, entity
// recognizer) over Brown sentences in this thread vs pipe(texts, { nProcess }) (SCALE_PIPE_TEXTS
// texts, default 6000; SCALE_THREADS=2,4 for other worker counts). Each configuration runs in its
// own child process (peak RSS is its own, workers included: threads share the process). The
// parent checks that every run's Docs are identical (a hash of their JSON) and prints wall time,
// CPU time (all threads), texts/s, the speed-up and the load average (on a shared machine the
// wall-clock speed-up is bounded by the free cores; CPU time shows the work added by threading).
// CPU is also split into the calling thread's and the rest (workers, GC helpers), read from
// /proc/thread-self/stat (Linux). SCALE_PIPE_RSS=1 adds two runs of the largest worker count, over
// the texts and over 4x the texts (streamed), with maxWorkerMemoryMB SCALE_PIPE_WORKER_MB (default
// 256, below what a worker reaches over the larger input, so workers are replaced), to show the
// peak RSS does not grow with the input. Every 8th Doc is hashed
// whole for the identity check. "steady texts/s" leaves out the first batch and the time to its
// first Doc (the workers loading the pipeline). A last row runs the largest worker count with its
// workers started by nlp.startWorkers before the clock (as the one-process row loads its pipeline
// before the clock). The last line,
// `SCALE_RESULT {...}`, is what bench/scale.mjs reads.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEFAULT_WORKER_MEMORY_MB, load } from '../dist/index.js';
import { brownSentences } from './scale-corpus.mjs';
import { threadCpu } from './thread-cpu.mjs';

const N = Number(process.env.SCALE_PIPE_TEXTS ?? 6000);
const BATCH = 128;

async function child(workers, n, started, maxMB) {
  const all = brownSentences();
  // Streamed, so the input holds no memory of its own whatever n is.
  function* texts() {
    for (let i = 0; i < n; i++) yield all[(i * 7919) % all.length];
  }
  const nlp = await load('en_core');
  // "started": the workers are started and load the pipeline before the clock starts (nlp.startWorkers), as the
  // one-process run loads it before its clock starts.
  const limit = maxMB ? { maxWorkerMemoryMB: maxMB } : {};
  if (started) await nlp.startWorkers(workers, limit);
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const hash = createHash('sha256');
  let tokens = 0;
  let i = 0;
  let first = 0;
  const cpu0 = process.cpuUsage();
  const main0 = threadCpu();
  const t0 = performance.now();
  const docs = workers === 1 ? nlp.pipe(texts(), { batchSize: BATCH }) : nlp.pipe(texts(), { batchSize: BATCH, nProcess: workers, ...limit });
  for await (const d of docs) {
    if (i === 0) first = performance.now();
    tokens += d.length;
    // Every 8th Doc is compared whole (the tests compare them all): the calling thread's own work
    // stays small, as it competes with the workers for the cores.
    if (i++ % 8 === 0) hash.update(JSON.stringify(d.toJSON()));
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const main = main0 === null ? null : threadCpu() - main0;
  clearInterval(timer);
  await nlp.close();
  process.stdout.write(JSON.stringify({ workers, started, texts: n, tokens, wall, cpu: (cpu.user + cpu.system) / 1e6, mainCpu: main, firstDoc: (first - t0) / 1000, peakRssMB: peak / 2 ** 20, hash: hash.digest('hex') }) + '\n');
}

if (process.argv[2] === '--child') await child(Number(process.argv[3]), Number(process.argv[4]), process.argv[5] === 'started', Number(process.argv[6] ?? 0));
else {
  const counts = [1, ...(process.env.SCALE_THREADS ?? '2').split(',').map(Number)];
  const self = fileURLToPath(import.meta.url);
  const rows = [];
  const runChild = (w, n, started = false, maxMB = 0) => {
    const load = loadavg()[0];
    const out = execFileSync(process.execPath, [self, '--child', String(w), String(n), started ? 'started' : 'cold', String(maxMB)], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
    return { ...JSON.parse(out.trim().split('\n').at(-1)), load, maxMB };
  };
  for (const w of counts) rows.push(runChild(w, N));
  // The largest count again with its workers started (and the pipeline loaded) before the clock.
  if (counts.length > 1) rows.push(runChild(counts.at(-1), N, true));
  const limitMB = Number(process.env.SCALE_PIPE_WORKER_MB ?? 256);
  const rss = process.env.SCALE_PIPE_RSS === '1' ? [runChild(counts.at(-1), N, false, limitMB), runChild(counts.at(-1), 4 * N, false, limitMB)] : null;
  const big = rss?.[1] ?? null;
  const base = rows[0];
  console.log(`nlp.pipe with en_core (parser and ner included), ${base.texts} Brown sentences, ${base.tokens} tokens, batch ${BATCH} (the time includes the workers' pipeline loading)`);
  console.log('workers  wall s  CPU s  main-thread CPU s  first Doc s  texts/s  steady texts/s  speed-up  CPU/1-process CPU  peak RSS MB  load avg  same Docs');
  const row = (r) =>
    console.log(
      `${(r.started ? `${r.workers}, started` : String(r.workers)).padStart(7)}  ${r.wall.toFixed(2).padStart(6)}  ${r.cpu.toFixed(2).padStart(5)}  ${(r.mainCpu ?? NaN).toFixed(2).padStart(17)}  ${r.firstDoc.toFixed(2).padStart(11)}  ${Math.round(r.texts / r.wall).toString().padStart(7)}  ${Math.round((r.texts - BATCH) / (r.wall - r.firstDoc)).toString().padStart(14)}  ${(base.wall / r.wall).toFixed(2).padStart(7)}x  ${(r.cpu / base.cpu).toFixed(2).padStart(16)}x  ${r.peakRssMB.toFixed(0).padStart(11)}  ${r.load.toFixed(2).padStart(8)}  ${r.hash === base.hash ? 'yes' : 'NO'}`,
    );
  rows.forEach(row);
  if (rss) {
    const [small, large] = rss;
    console.log(`${large.workers} workers, maxWorkerMemoryMB ${limitMB}: peak RSS ${small.peakRssMB.toFixed(0)} MB over ${small.texts} texts, ${large.peakRssMB.toFixed(0)} MB over ${large.texts} (4x, streamed); CPU ${small.cpu.toFixed(2)} s and ${large.cpu.toFixed(2)} s; load ${small.load.toFixed(2)}, ${large.load.toFixed(2)}`);
    console.log(`(the ${counts.at(-1)}-worker row above, default maxWorkerMemoryMB ${DEFAULT_WORKER_MEMORY_MB}: peak RSS ${rows[counts.length - 1].peakRssMB.toFixed(0)} MB over ${N} texts)`);
  }
  if (rows.some((r) => r.hash !== base.hash)) process.exitCode = 1;
  if (rss && rss[0].hash !== base.hash) process.exitCode = 1;
  console.log(`SCALE_RESULT ${JSON.stringify({ rows: rows.map(({ hash, ...r }) => ({ ...r, same: hash === base.hash })), big, rss: rss && rss.map(({ hash, ...r }) => ({ ...r, same: r.texts === base.texts ? hash === base.hash : null })) })}`);
}
