// nlp.pipe on all cores: en_core (tokenizer, senter, tagger, parser, lemmatizer, entity
// recognizer) over Brown sentences in this thread vs pipe(texts, { nProcess }) (SCALE_PIPE_TEXTS
// texts, default 6000; SCALE_THREADS=2,4 for other worker counts). Each configuration runs in its
// own child process (peak RSS is its own, workers included: threads share the process). The
// parent checks that every run's Docs are identical (a hash of their JSON) and prints wall time,
// CPU time (all threads), texts/s, the speed-up and the load average (on a shared machine the
// wall-clock speed-up is bounded by the free cores; CPU time shows the work added by threading).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { load } from '../dist/index.js';
import { brownSentences } from './scale-corpus.mjs';

const N = Number(process.env.SCALE_PIPE_TEXTS ?? 6000);
const BATCH = 128;

async function child(workers) {
  const all = brownSentences();
  const texts = Array.from({ length: N }, (_, i) => all[(i * 7919) % all.length]);
  const nlp = await load('en_core');
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const hash = createHash('sha256');
  let tokens = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const docs = workers === 1 ? nlp.pipe(texts, { batchSize: BATCH }) : nlp.pipe(texts, { batchSize: BATCH, nProcess: workers });
  for await (const d of docs) {
    tokens += d.length;
    hash.update(JSON.stringify(d.toJSON()));
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  process.stdout.write(JSON.stringify({ workers, texts: N, tokens, wall, cpu: (cpu.user + cpu.system) / 1e6, peakRssMB: peak / 2 ** 20, hash: hash.digest('hex') }) + '\n');
}

if (process.argv[2] === '--child') await child(Number(process.argv[3]));
else {
  const counts = [1, ...(process.env.SCALE_THREADS ?? '2').split(',').map(Number)];
  const self = fileURLToPath(import.meta.url);
  const rows = [];
  for (const w of counts) {
    const load = loadavg()[0];
    const out = execFileSync(process.execPath, [self, '--child', String(w)], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
    rows.push({ ...JSON.parse(out.trim().split('\n').at(-1)), load });
  }
  const base = rows[0];
  console.log(`nlp.pipe with en_core (parser and ner included), ${base.texts} Brown sentences, ${base.tokens} tokens, batch ${BATCH} (the time includes the workers' pipeline loading)`);
  console.log('workers  wall s  CPU s  texts/s  speed-up  CPU/1-process CPU  peak RSS MB  load avg  same Docs');
  for (const r of rows) {
    console.log(
      `${String(r.workers).padStart(7)}  ${r.wall.toFixed(2).padStart(6)}  ${r.cpu.toFixed(2).padStart(5)}  ${Math.round(r.texts / r.wall).toString().padStart(7)}  ${(base.wall / r.wall).toFixed(2).padStart(7)}x  ${(r.cpu / base.cpu).toFixed(2).padStart(16)}x  ${r.peakRssMB.toFixed(0).padStart(11)}  ${r.load.toFixed(2).padStart(8)}  ${r.hash === base.hash ? 'yes' : 'NO'}`,
    );
  }
  if (rows.some((r) => r.hash !== base.hash)) process.exitCode = 1;
}
