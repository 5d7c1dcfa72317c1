// Index build on all cores: SearchIndex.addAll(docs) in one thread vs addAll(docs, { threads })
// (segments built in worker threads, then merged) on the 200k-document corpus of bench/search.mjs
// (SCALE_INDEX_DOCS to change; SCALE_THREADS=2,4 for other thread counts). Each configuration
// runs in its own child process, so peak RSS is its own; the parent checks that every build
// answers the 1000 queries identically (ids and scores) and prints wall time, CPU time
// (all threads), docs/s, the speed-up and the load average (on a shared machine the wall-clock
// speed-up is bounded by the free cores; CPU time shows the work added by threading). CPU is also
// split into the calling thread's (slicing, decoding and merging segments) and the rest (workers,
// GC helpers). The last line, `SCALE_RESULT {...}`, is what bench/scale.mjs reads.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { SearchIndex } from '../dist/index.js';
import { searchCorpus } from './scale-corpus.mjs';
import { threadCpu } from './thread-cpu.mjs';

const N = Number(process.env.SCALE_INDEX_DOCS ?? 200_000);

async function child(threads) {
  const { docs, queries } = await searchCorpus(N);
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const index = await SearchIndex.create({ fields: ['text'] });
  const cpu0 = process.cpuUsage();
  const main0 = threadCpu();
  const t0 = performance.now();
  if (threads === 1) index.addAll(docs);
  else await index.addAll(docs, { threads });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const mainCpu = main0 === null ? null : threadCpu() - main0;
  // The timer cannot fire during the one-thread (synchronous) build: the RSS after it counts too.
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(timer);
  const hash = createHash('sha256');
  for (const q of queries) for (const h of index.search(q, { topK: 10 })) hash.update(`${h.id}:${h.score};`);
  hash.update(String(index));
  process.stdout.write(JSON.stringify({ threads, docs: index.documentCount, wall, cpu: (cpu.user + cpu.system) / 1e6, mainCpu, peakRssMB: peak / 2 ** 20, hash: hash.digest('hex') }) + '\n');
}

if (process.argv[2] === '--child') await child(Number(process.argv[3]));
else {
  const counts = [1, ...(process.env.SCALE_THREADS ?? '2').split(',').map(Number)];
  const self = fileURLToPath(import.meta.url);
  const rows = [];
  for (const t of counts) {
    const load = loadavg()[0];
    const out = execFileSync(process.execPath, [self, '--child', String(t)], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
    rows.push({ ...JSON.parse(out.trim().split('\n').at(-1)), load });
  }
  const base = rows[0];
  console.log(`index build, ${base.docs} docs (the bench/search.mjs corpus), 1000 queries checked`);
  console.log('threads  wall s  CPU s  main-thread CPU s  docs/s   speed-up  CPU/1-thread CPU  peak RSS MB  load avg  same results');
  for (const r of rows) {
    console.log(
      `${String(r.threads).padStart(7)}  ${r.wall.toFixed(2).padStart(6)}  ${r.cpu.toFixed(2).padStart(5)}  ${(r.mainCpu ?? NaN).toFixed(2).padStart(17)}  ${Math.round(r.docs / r.wall).toString().padStart(7)}  ${(base.wall / r.wall).toFixed(2).padStart(7)}x  ${(r.cpu / base.cpu).toFixed(2).padStart(15)}x  ${r.peakRssMB.toFixed(0).padStart(11)}  ${r.load.toFixed(2).padStart(8)}  ${r.hash === base.hash ? 'yes' : 'NO'}`,
    );
  }
  if (rows.some((r) => r.hash !== base.hash)) process.exitCode = 1;
  console.log(`SCALE_RESULT ${JSON.stringify({ rows: rows.map(({ hash, ...r }) => ({ ...r, same: hash === base.hash })) })}`);
}
