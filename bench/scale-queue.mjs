// A 2-worker job queue (BullMQ over a private redis-server) against one process, on the Gutenberg
// corpus repeated to --mb megabytes and cut into --shards byte ranges: output identity, throughput,
// overhead per job and the workers' peak RSS.
//   npm run bench:scale-queue -- [--mb 200] [--shards 8] [--workers 2] [--kind lm-counts|tokenize|tfidf] [--order 3]
// Needs redis-server and ../shared/eval/gutenberg_en (TEXTLOOM_EVAL_DIR). The last line,
// `SCALE_RESULT {...}`, is what bench/scale.mjs reads.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, loadavg } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'dist/cli/main.js');
const { submitJobs, waitForRun, DocumentFrequencies } = await import(path.join(root, 'dist/index.js'));

const args = Object.fromEntries(process.argv.slice(2).reduce((a, x, i, all) => (x.startsWith('--') ? [...a, [x.slice(2), all[i + 1]]] : a), []));
const MB = Number(args.mb ?? 200);
const SHARDS = Number(args.shards ?? 8);
const WORKERS = Number(args.workers ?? 2);
const KIND = args.kind ?? 'lm-counts';
const ORDER = Number(args.order ?? 3);
const evalDir = process.env.TEXTLOOM_EVAL_DIR ?? path.resolve(root, '..', 'shared', 'eval');
const texts = path.join(evalDir, 'gutenberg_en', 'texts');
if (!existsSync(texts)) {
  console.log(`skipped: no ${texts}`);
  process.exit(0);
}
if (spawnSync('redis-server', ['--version']).error) {
  console.log('skipped: redis-server is not installed');
  process.exit(0);
}

const dir = mkdtempSync(path.join(tmpdir(), 'tl-scale-queue-'));
const corpus = path.join(dir, 'corpus.txt');
{
  // The corpus: every book once, then again, until MB megabytes.
  const books = readdirSync(texts).filter((f) => f.endsWith('.txt.gz')).sort().map((f) => gunzipSync(readFileSync(path.join(texts, f))));
  const out = createWriteStream(corpus);
  let size = 0;
  for (let i = 0; size < MB * 1e6; i = (i + 1) % books.length) {
    const b = books[i].subarray(0, Math.min(books[i].length, MB * 1e6 - size));
    size += b.length;
    if (!out.write(b)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}
const bytes = statSync(corpus).size;

/** Peak RSS (VmHWM) of a process, polled until it exits. */
function trackPeak(pid) {
  let peak = 0;
  const t = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]) * 1024);
    } catch {}
  }, 100);
  return { stop: () => (clearInterval(t), peak) };
}

function run(argv) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn('nice', ['-n', '10', process.execPath, bin, ...argv], { stdio: ['ignore', 'pipe', 'inherit'] });
    const peak = trackPeak(p.pid);
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? resolve({ seconds: (performance.now() - t0) / 1000, peak: peak.stop(), out }) : reject(new Error(`${argv.join(' ')} exited ${code}`))));
  });
}

// One process.
let single;
const singleOut = path.join(dir, 'single');
// The corpus repeats its books, so no n-gram is seen exactly twice and Kneser-Ney discounts cannot
// be estimated from it: both sides use the same fixed discounts.
const FALLBACK = [0.5, 1, 1.5];
if (KIND === 'lm-counts') single = await run(['lm', 'train', '--input', corpus, '--order', String(ORDER), '--discount-fallback', FALLBACK.join(','), '--out', singleOut + '.arpa']);
else if (KIND === 'tokenize') single = await run(['tokenize', '--input', corpus, '--format', 'jsonl']);
else throw new Error(`--kind ${KIND}: this bench runs lm-counts or tokenize`);

// The queue.
const port = await new Promise((r) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => r(p));
  });
});
const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
for (let ok = false; !ok; ) ok = await new Promise((r) => connect(port, '127.0.0.1').once('connect', function () { this.destroy(); r(true); }).once('error', () => setTimeout(() => r(false), 50)));
const url = `redis://127.0.0.1:${port}`;
const workers = [];
for (let i = 0; i < WORKERS; i++) {
  const p = spawn('nice', ['-n', '10', process.execPath, bin, 'worker', '--redis', url, '--json'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let log = '';
  p.stdout.on('data', (d) => (log += d));
  workers.push({ p, peak: null, log: () => log });
}
await new Promise((r) => setTimeout(r, 1500)); // workers load the CLI and connect
for (const w of workers) {
  const kids = spawnSync('pgrep', ['-P', String(w.p.pid)]).stdout.toString().trim();
  w.peak = trackPeak(Number(kids || w.p.pid));
}
const t0 = performance.now();
const submitted = await submitJobs(KIND, { redis: url, input: corpus, out: path.join(dir, 'queue'), shardSize: Math.ceil(bytes / SHARDS), order: ORDER, estimate: { discountFallback: FALLBACK } });
const status = await waitForRun(submitted.runId, { redis: url });
const queueSeconds = (performance.now() - t0) / 1000;
const peaks = workers.map((w) => w.peak.stop());
for (const w of workers) w.p.kill('SIGTERM');
await Promise.all(workers.map((w) => new Promise((r) => w.p.once('exit', r))));
redis.kill('SIGTERM');

const events = workers.flatMap((w) => w.log().trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)));
const compute = events.reduce((s, e) => s + (e.result?.seconds ?? 0), 0);
const identical = KIND === 'lm-counts' ? readFileSync(singleOut + '.arpa').equals(readFileSync(status.output)) : Buffer.from(single.out).equals(readFileSync(status.output));
const jobs = events.length;
const mb = bytes / 1e6;
console.log(`corpus: ${mb.toFixed(1)} MB (Gutenberg, ${readdirSync(texts).length} books repeated), kind ${KIND}, ${submitted.shards} shards, ${WORKERS} workers; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`one process (textloom ${KIND === 'lm-counts' ? `lm train --order ${ORDER}` : 'tokenize'}): ${single.seconds.toFixed(1)} s, ${(mb / single.seconds).toFixed(2)} MB/s, peak RSS ${(single.peak / 2 ** 20).toFixed(0)} MiB`);
console.log(`queue: ${queueSeconds.toFixed(1)} s, ${(mb / queueSeconds).toFixed(2)} MB/s, ratio ${(single.seconds / queueSeconds).toFixed(2)}x; ${jobs} jobs, compute inside jobs ${compute.toFixed(1)} s`);
console.log(`overhead per job: ${(((queueSeconds * WORKERS - compute) / jobs) * 1000).toFixed(0)} ms of worker time outside job compute (queueing, Redis, waiting for the other worker)`);
console.log(`worker peak RSS: ${peaks.map((p) => `${(p / 2 ** 20).toFixed(0)} MiB`).join(', ')}`);
console.log(`output identical to the one-process run: ${identical}`);
console.log(`SCALE_RESULT ${JSON.stringify({ kind: KIND, mb, shards: submitted.shards, workers: WORKERS, jobs, singleSeconds: single.seconds, singlePeak: single.peak, queueSeconds, compute, overheadMsPerJob: ((queueSeconds * WORKERS - compute) / jobs) * 1000, workerPeaks: peaks, identical, load: loadavg() })}`);
rmSync(dir, { recursive: true, force: true });
if (!identical) process.exit(1);
