// word2vec bench: textloom vs Google's word2vec.c on the same corpus, same parameters, one run.
// Usage: npm run bench:w2v  [env W2V_BENCH_WORDS=1000000 (or all), W2V_BENCH_EPOCHS=5, W2V_BENCH_MODES=sg,cbow, W2V_BENCH_THREADS=1,2, W2V_BENCH_SEED=1,
//   W2V_BENCH_NOISE=word2vec-c (textloom's --noise-table: word2vec.c's own table by default, so both draw the same noise words; or cumulative)]
// word2vec.c is compiled from the `word2vec` npm package's source into a temp dir (not a dependency),
// with a -seed patch (bench/w2v-c.mjs) so both tools take the same seed.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KeyedVectors } from '../dist/index.js';
import { prepareCorpus } from './w2v-corpus.mjs';
import { buildC } from './w2v-c.mjs';
import { requireEval } from './eval-dir.mjs';

const NOISE = process.env.W2V_BENCH_NOISE ?? 'word2vec-c';

const root = fileURLToPath(new URL('..', import.meta.url));
const texts = requireEval('gutenberg_en/texts');
const analogies = requireEval('word_analogy/questions-words.txt');
const ws353 = requireEval('word_similarity/EN-WS-353-ALL.txt');
// W2V_BENCH_WORDS=all: the whole corpus (about 10.5M words).
const WORDS = process.env.W2V_BENCH_WORDS === 'all' ? Infinity : Number(process.env.W2V_BENCH_WORDS ?? 1e6);
const EPOCHS = Number(process.env.W2V_BENCH_EPOCHS ?? 5);
const MODES = (process.env.W2V_BENCH_MODES ?? 'sg,cbow').split(',');
const THREADS = (process.env.W2V_BENCH_THREADS ?? '1,2').split(',').map(Number);
const SEED = String(Number(process.env.W2V_BENCH_SEED ?? 1));
const work = join(tmpdir(), 'textloom-w2v-bench');
mkdirSync(work, { recursive: true });

/** Runs a command under /usr/bin/time; returns wall seconds, peak RSS (MB) and stdout. */
function timed(cmd, args) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'PEAK_KB %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const secs = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr.slice(-2000)}`);
  const m = /PEAK_KB (\d+)/.exec(r.stderr);
  return { secs, peakMb: m ? Number(m[1]) / 1024 : NaN, stdout: r.stdout };
}

async function quality(file) {
  const kv = await KeyedVectors.load(file);
  const a = await kv.evaluateWordAnalogies(analogies, { restrictVocab: 30000 });
  const p = await kv.evaluateWordPairs(ws353);
  return { analogy: a.accuracy, analogyOov: a.oovRatio, ws353: p.spearman, ws353Oov: p.oovRatio };
}

function topkBench() {
  const n = 100000;
  const dim = 100;
  const words = Array.from({ length: n }, (_, i) => `w${i}`);
  const vecs = new Float32Array(n * dim);
  let s = 12345;
  for (let i = 0; i < vecs.length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    vecs[i] = s / 4294967296 - 0.5;
  }
  const kv = new KeyedVectors(words, vecs, dim);
  kv.unitVectors();
  const times = [];
  for (let q = 0; q < 60; q++) {
    const t0 = performance.now();
    kv.mostSimilar({ positive: [words[q * 997]], topn: 10 });
    times.push(performance.now() - t0);
  }
  const warm = times.slice(10).sort((a, b) => a - b);
  return { median: warm[warm.length >> 1], p90: warm[Math.floor(warm.length * 0.9)] };
}

const corpus = await prepareCorpus(texts, join(work, `corpus-${WORDS}.txt`), WORDS);
const cBin = buildC(work);
const cli = join(root, 'dist', 'cli', 'main.js');
console.log(`corpus: ${corpus.path} (${WORDS} words budget), epochs ${EPOCHS}, -size 100 -window 5 -negative 5 -hs 0 -sample 1e-3 -min-count 5`);
const rows = [];
for (const mode of MODES) {
  for (const threads of THREADS) {
    const common = ['-size', '100', '-window', '5', '-negative', '5', '-hs', '0', '-sample', '1e-3', '-min-count', '5', '-iter', String(EPOCHS), '-threads', String(threads), '-seed', SEED];
    const cOut = join(work, `c-${mode}-${threads}.bin`);
    const c = timed(cBin, ['-train', corpus.path, '-output', cOut, '-binary', '1', '-cbow', mode === 'cbow' ? '1' : '0', ...(mode === 'cbow' ? ['-alpha', '0.05'] : ['-alpha', '0.025']), ...common]);
    const tOut = join(work, `t-${mode}-${threads}.bin`);
    const t = timed(process.execPath, [cli, 'w2v', 'train', '--input', corpus.path, '--out', tOut, mode === 'sg' ? '--sg' : '--cbow', '--size', '100', '--window', '5', '--negative', '5', '--hs', '0', '--sample', '1e-3', '--min-count', '5', '--epochs', String(EPOCHS), '--threads', String(threads), '--seed', SEED, '--noise-table', NOISE, '--json']);
    const js = JSON.parse(t.stdout.trim().split('\n').pop());
    // Same numerator for both (in-vocabulary words x epochs), so the ratio is the wall-time ratio.
    const total = js.trainWords * EPOCHS;
    const row = { mode, threads, cWps: total / c.secs, tWps: total / t.secs, ratio: c.secs / t.secs, cPeakMb: c.peakMb, tPeakMb: t.peakMb, vocab: js.vocabSize };
    if (threads === 1) {
      row.cQ = await quality(cOut);
      row.tQ = await quality(tOut);
    }
    rows.push(row);
    console.log(JSON.stringify(row));
  }
}
const tk = topkBench();
console.log('\n| mode | threads | word2vec.c words/s | textloom words/s | ratio | C peak MB | textloom peak MB | analogy C / textloom | WS-353 Spearman C / textloom |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const q = r.cQ ? `${(r.cQ.analogy * 100).toFixed(1)}% / ${(r.tQ.analogy * 100).toFixed(1)}%` : '';
  const w = r.cQ ? `${r.cQ.ws353.toFixed(3)} / ${r.tQ.ws353.toFixed(3)}` : '';
  console.log(`| ${r.mode} | ${r.threads} | ${Math.round(r.cWps)} | ${Math.round(r.tWps)} | ${r.ratio.toFixed(2)}x | ${r.cPeakMb.toFixed(0)} | ${r.tPeakMb.toFixed(0)} | ${q} | ${w} |`);
}
console.log(`\ntop-10 over 100k x 100 unit vectors: median ${tk.median.toFixed(2)} ms, p90 ${tk.p90.toFixed(2)} ms`);
console.log(`analogy OOV ratio ${rows[0]?.tQ?.analogyOov.toFixed(1)}%, WS-353 OOV ratio ${rows[0]?.tQ?.ws353Oov.toFixed(1)}%`);
