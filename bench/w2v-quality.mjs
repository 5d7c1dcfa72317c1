// word2vec quality bench (issue 9's quality target): word2vec.c (with the -seed patch of
// bench/w2v-c.mjs) and textloom trained on the same corpus with the same parameters, 1 thread,
// for several seeds, skip-gram and CBOW; then analogy accuracy (questions-words, restrictVocab
// 30000, case-insensitive: gensim's evaluate_word_analogies) and WS-353 Spearman of every run,
// the means over seeds and the differences.
// Usage: npm run bench:w2v-quality  [env W2V_BENCH_WORDS=all (default; or a word budget),
//   W2V_Q_SEEDS=1,2,3, W2V_Q_MODES=sg,cbow, W2V_Q_EPOCHS=5, W2V_Q_PARALLEL=2 (training processes at once),
//   W2V_BENCH_NOISE=word2vec-c (textloom's --noise-table; or cumulative)]
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KeyedVectors } from '../dist/index.js';
import { buildC } from './w2v-c.mjs';
import { prepareCorpus } from './w2v-corpus.mjs';
import { requireEval } from './eval-dir.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const texts = requireEval('gutenberg_en/texts');
const analogies = requireEval('word_analogy/questions-words.txt');
const ws353 = requireEval('word_similarity/EN-WS-353-ALL.txt');
const budget = process.env.W2V_BENCH_WORDS ?? 'all';
const NOISE = process.env.W2V_BENCH_NOISE ?? 'word2vec-c';
const WORDS = budget === 'all' ? Infinity : Number(budget);
const SEEDS = (process.env.W2V_Q_SEEDS ?? '1,2,3').split(',').map(Number);
const MODES = (process.env.W2V_Q_MODES ?? 'sg,cbow').split(',');
const EPOCHS = String(Number(process.env.W2V_Q_EPOCHS ?? 5));
const PARALLEL = Number(process.env.W2V_Q_PARALLEL ?? 2);
const work = join(tmpdir(), 'textloom-w2v-bench');
const out = join(work, 'quality');
mkdirSync(out, { recursive: true });

const corpus = await prepareCorpus(texts, join(work, `corpus-${WORDS}.txt`), WORDS);
const cBin = buildC(work);
const cli = join(root, 'dist', 'cli', 'main.js');

/** The two commands of one (mode, seed): the same parameters in each tool's spelling. */
function commands(mode, seed) {
  const c = [cBin, '-train', corpus.path, '-output', join(out, `c-${mode}-${seed}.bin`), '-binary', '1', '-cbow', mode === 'cbow' ? '1' : '0', '-alpha', mode === 'cbow' ? '0.05' : '0.025', '-size', '100', '-window', '5', '-negative', '5', '-hs', '0', '-sample', '1e-3', '-min-count', '5', '-iter', EPOCHS, '-threads', '1', '-seed', String(seed)];
  const t = [process.execPath, cli, 'w2v', 'train', '--input', corpus.path, '--out', join(out, `t-${mode}-${seed}.bin`), `--${mode}`, '--size', '100', '--window', '5', '--negative', '5', '--hs', '0', '--sample', '1e-3', '--min-count', '5', '--epochs', EPOCHS, '--threads', '1', '--seed', String(seed), '--noise-table', NOISE, '--json'];
  return { c, t };
}

/** Runs argv; resolves with its wall seconds (rejects on a non-zero exit). */
function run(argv) {
  return new Promise((res, rej) => {
    const t0 = performance.now();
    const p = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err = (err + d).slice(-2000)));
    p.on('close', (code) => (code === 0 ? res((performance.now() - t0) / 1000) : rej(new Error(`${argv[0]} exited ${code}: ${err}`))));
  });
}

const jobs = [];
for (const mode of MODES) for (const seed of SEEDS) for (const tool of ['c', 't']) jobs.push({ mode, seed, tool, argv: commands(mode, seed)[tool] });
// Longest first (skip-gram), so the lanes finish together.
let next = 0;
const lane = async () => {
  while (next < jobs.length) {
    const j = jobs[next++];
    j.secs = await run(j.argv);
    console.error(`${j.tool === 'c' ? 'word2vec.c' : 'textloom'} ${j.mode} seed ${j.seed}: ${j.secs.toFixed(0)} s`);
  }
};
await Promise.all(Array.from({ length: PARALLEL }, lane));

console.log(`corpus ${corpus.path}, -size 100 -window 5 -negative 5 -hs 0 -sample 1e-3 -min-count 5 -iter ${EPOCHS} -threads 1`);
for (const mode of MODES) {
  console.log(`\n${mode}:\n\n| run | analogy accuracy | WS-353 Spearman | wall s |\n|---|---|---|---|`);
  const mean = {};
  for (const tool of ['c', 't']) {
    const name = tool === 'c' ? 'word2vec.c' : 'textloom';
    let a = 0;
    let w = 0;
    for (const j of jobs.filter((x) => x.mode === mode && x.tool === tool)) {
      const kv = await KeyedVectors.load(join(out, `${tool}-${mode}-${j.seed}.bin`));
      const an = await kv.evaluateWordAnalogies(analogies, { restrictVocab: 30000, caseInsensitive: true });
      const ws = await kv.evaluateWordPairs(ws353);
      a += an.accuracy / SEEDS.length;
      w += ws.spearman / SEEDS.length;
      console.log(`| ${name} seed ${j.seed} | ${(an.accuracy * 100).toFixed(2)}% | ${ws.spearman.toFixed(4)} | ${j.secs.toFixed(0)} |`);
    }
    mean[tool] = { a, w };
    console.log(`| **${name} mean of ${SEEDS.length}** | **${(a * 100).toFixed(2)}%** | **${w.toFixed(4)}** | |`);
  }
  const sign = (x) => (x >= 0 ? '+' : '') + x.toFixed(2);
  console.log(`| textloom - word2vec.c | ${sign((mean.t.a - mean.c.a) * 100)} points | ${sign((mean.t.w - mean.c.w) * 100)} points | |`);
}
