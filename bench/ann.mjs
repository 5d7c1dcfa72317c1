// Vector index bench: textloom's VectorIndex (flat and HNSW) next to usearch (native HNSW) and,
// when it is installed and built, hnswlib-node, on the same vectors and queries in one run, one
// thread each. Exact flat search is the ground truth for recall@10.
// Usage: npm run bench:ann [-- --data w2v,synth --n 1000000 --queries 10000 --m 16 --ef-construction 200 --ef 16,32,64,128,256 --only flat]
//   (a) w2v: textloom word2vec vectors (100-d, min-count 1) trained once on ../shared/eval/gutenberg_en,
//       cached under bench/.cache; queries = vectors of 10,000 of those words.
//   (b) synth: --n seeded Gaussian-mixture 128-d vectors, --queries held-out queries from the same mixture.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KeyedVectors, VectorIndex } from '../dist/index.js';
import { requireEval } from './eval-dir.mjs';
import { prepareCorpus } from './w2v-corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = join(root, 'bench', '.cache');
mkdirSync(cache, { recursive: true });
const require = createRequire(import.meta.url);

function flag(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
}
const DATA = flag('data', 'w2v,synth').split(',');
const N = Number(flag('n', 1_000_000));
const NQ = Number(flag('queries', 10_000));
const M = Number(flag('m', 16));
const EFC = Number(flag('ef-construction', 200));
const EFS = flag('ef', '16,32,64,128,256').split(',').map(Number);
const K = 10;
// --only flat: just the exact scan (the flat throughput target over 1M x 128 without the graph builds).
const ONLY = flag('only', 'all');

function loadPeer(name) {
  try {
    return require(name);
  } catch (e) {
    console.log(`(${name} not available: ${e.message.split('\n')[0]})`);
    return null;
  }
}
const usearch = loadPeer('usearch');
const hnswlib = loadPeer('hnswlib-node');

/** xoshiro-free tiny seeded generator (mulberry32) and Box-Muller normals. */
function rng(seed) {
  let a = seed >>> 0;
  const u = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { u, gauss: () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u()) };
}

/** n + nq vectors of dimension dim from a seeded mixture of 64 Gaussians (centres spread 2, noise 1). */
function mixture(n, nq, dim, seed) {
  const r = rng(seed);
  const C = 64;
  const centres = new Float32Array(C * dim).map(() => r.gauss() * 2);
  const all = new Float32Array((n + nq) * dim);
  for (let i = 0; i < n + nq; i++) {
    const c = Math.floor(r.u() * C) * dim;
    for (let d = 0; d < dim; d++) all[i * dim + d] = centres[c + d] + r.gauss();
  }
  return { base: all.subarray(0, n * dim), queries: all.subarray(n * dim) };
}

async function w2vData() {
  const corpus = await prepareCorpus(requireEval('gutenberg_en/texts'), join(cache, 'ann-gutenberg.txt'), Infinity);
  const vecFile = join(cache, 'ann-w2v-100d-mc1.tlv');
  if (!existsSync(vecFile)) {
    console.log('training word2vec (CBOW, 100-d, min-count 1, 2 threads) on gutenberg_en once; cached in bench/.cache ...');
    const r = spawnSync(process.execPath, [join(root, 'dist/cli/main.js'), 'w2v', 'train', '--input', corpus.path, '--out', vecFile, '--size', '100', '--min-count', '1', '--threads', '2'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('word2vec training failed');
  }
  const kv = await KeyedVectors.load(vecFile);
  const dim = kv.dim ?? kv.vectors.length / kv.words.length;
  const n = kv.words.length;
  const r = rng(7);
  const queries = new Float32Array(Math.min(NQ, n) * dim);
  for (let q = 0; q < queries.length / dim; q++) {
    const w = Math.floor(r.u() * n);
    queries.set(kv.vectors.subarray(w * dim, (w + 1) * dim), q * dim);
  }
  return { name: `word2vec gutenberg_en (${n} words x ${dim}, min-count 1)`, base: kv.vectors.subarray(0, n * dim), queries, dim, metric: 'cosine' };
}

function synthData() {
  const dim = 128;
  const { base, queries } = mixture(N, NQ, dim, 42);
  return { name: `Gaussian mixture (${N} x ${dim}, seed 42)`, base, queries, dim, metric: 'l2' };
}

const rss = () => process.memoryUsage().rss;
// Times are CPU seconds of this process (user + system): every library here runs on the calling
// thread, and on a shared, loaded machine CPU time measures one thread's work where wall time would not.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const mb = (b) => (b / 2 ** 20).toFixed(0);

function recallOf(results, truth) {
  let hit = 0;
  for (let q = 0; q < truth.length; q++) {
    const t = truth[q];
    for (const id of results[q]) if (t.has(id)) hit++;
  }
  return hit / (truth.length * K);
}

/**
 * Runs `search(q)` for every query one at a time: { qps, ids[] }. The first 500 queries are run
 * once untimed before (for every library alike), so the JIT's warm-up is not counted as search time.
 */
function timeQueries(queries, dim, search) {
  const nq = queries.length / dim;
  const ids = new Array(nq);
  for (let q = 0; q < Math.min(nq, 500); q++) search(queries.subarray(q * dim, (q + 1) * dim));
  const t0 = cpu();
  for (let q = 0; q < nq; q++) ids[q] = search(queries.subarray(q * dim, (q + 1) * dim));
  return { qps: nq / (cpu() - t0), ids };
}

async function runDataset(ds) {
  const { base, queries, dim, metric } = ds;
  const n = base.length / dim;
  const nq = queries.length / dim;
  const ids = Array.from({ length: n }, (_, i) => i);
  console.log(`\n## ${ds.name}: ${nq} queries, metric ${metric}, k=${K}, M=${M}, efConstruction=${EFC}, one thread (times in CPU seconds)`);
  const rows = [];

  // Ground truth: textloom's exact flat index (batched SIMD scan).
  let t0 = cpu();
  let flat = VectorIndex.create({ dim, kind: 'flat', metric, capacity: n });
  flat.addAll(ids, base);
  const flatBuild = cpu() - t0;
  t0 = cpu();
  const exact = flat.searchBatch(queries, K);
  const flatQps = nq / (cpu() - t0);
  const truth = exact.map((hits) => new Set(hits.map((h) => h.id)));
  const single = timeQueries(queries.subarray(0, Math.min(nq, 50) * dim), dim, (q) => flat.search(q, K));
  console.log(`flat (exact): build ${flatBuild.toFixed(2)} s, ${flatQps.toFixed(1)} queries/s batched (searchBatch), ${single.qps.toFixed(1)} queries/s one at a time`);
  const flatMem = flat.memory().vectors;
  flat = null; // let the flat copy go before the graph builds
  globalThis.gc?.();
  if (ONLY === 'flat') return;

  // textloom HNSW.
  let r0 = rss();
  t0 = cpu();
  const hnsw = VectorIndex.create({ dim, kind: 'hnsw', metric, m: M, efConstruction: EFC, capacity: n });
  hnsw.addAll(ids, base);
  const tlBuild = cpu() - t0;
  const mem = hnsw.memory();
  const tlMem = mem.vectors + mem.graph;
  console.log(`textloom hnsw: build ${tlBuild.toFixed(1)} s, memory ${mb(tlMem)} MB (vectors ${mb(mem.vectors)} + graph ${mb(mem.graph)}), RSS +${mb(rss() - r0)} MB`);
  for (const ef of EFS) {
    const r = timeQueries(queries, dim, (q) => hnsw.search(q, K, { efSearch: ef }).map((h) => h.id));
    rows.push({ lib: 'textloom', ef, recall: recallOf(r.ids, truth), qps: r.qps });
  }

  // usearch.
  let usBuild = NaN;
  let usMem = NaN;
  if (usearch) {
    const um = metric === 'cosine' ? 'cos' : metric === 'l2' ? 'l2sq' : 'ip';
    const keys = new BigUint64Array(n).map((_, i) => BigInt(i));
    r0 = rss();
    t0 = cpu();
    const idx = new usearch.Index({ dimensions: dim, metric: um, quantization: 'f32', connectivity: M, expansion_add: EFC, expansion_search: EFS[0], multi: false });
    idx.add(keys, base, 1);
    usBuild = cpu() - t0;
    const usRss = rss() - r0;
    const file = join(cache, 'ann-usearch.idx');
    idx.save(file);
    usMem = statSync(file).size;
    console.log(`usearch: build ${usBuild.toFixed(1)} s, memory ${mb(usMem)} MB (its saved index: vectors + graph), RSS +${mb(usRss)} MB`);
    for (const ef of EFS) {
      const e = new usearch.Index({ dimensions: dim, metric: um, quantization: 'f32', connectivity: M, expansion_add: EFC, expansion_search: ef, multi: false });
      e.load(file);
      const r = timeQueries(queries, dim, (q) => Array.from(e.search(q, K, 1).keys, Number));
      rows.push({ lib: 'usearch', ef, recall: recallOf(r.ids, truth), qps: r.qps });
    }
    rmSync(file, { force: true });
  }

  // hnswlib-node (when built).
  let hlBuild = NaN;
  if (hnswlib) {
    const space = metric === 'cosine' ? 'cosine' : metric === 'l2' ? 'l2' : 'ip';
    t0 = cpu();
    const h = new hnswlib.HierarchicalNSW(space, dim);
    h.initIndex(n, M, EFC, 100);
    for (let i = 0; i < n; i++) h.addPoint(Array.from(base.subarray(i * dim, (i + 1) * dim)), i);
    hlBuild = cpu() - t0;
    console.log(`hnswlib-node: build ${hlBuild.toFixed(1)} s`);
    for (const ef of EFS) {
      h.setEf(ef);
      const r = timeQueries(queries, dim, (q) => h.searchKnn(Array.from(q), K).neighbors);
      rows.push({ lib: 'hnswlib-node', ef, recall: recallOf(r.ids, truth), qps: r.qps });
    }
  }

  console.log('\n| library | efSearch | recall@10 | queries/s |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.lib} | ${r.ef} | ${r.recall.toFixed(4)} | ${r.qps.toFixed(0)} |`);
  // Throughput at the first efSearch reaching recall 0.95, per library.
  const at95 = (lib) => rows.find((r) => r.lib === lib && r.recall >= 0.95);
  const tl = at95('textloom');
  const us = at95('usearch');
  console.log('\nratios (textloom / usearch):');
  if (tl && us) console.log(`  queries/s at recall >= 0.95: ${tl.qps.toFixed(0)} (ef ${tl.ef}, recall ${tl.recall.toFixed(3)}) / ${us.qps.toFixed(0)} (ef ${us.ef}, recall ${us.recall.toFixed(3)}) = ${(tl.qps / us.qps).toFixed(2)}x`);
  else console.log(`  recall 0.95 not reached by ${tl ? 'usearch' : 'textloom'} at efSearch <= ${EFS.at(-1)}`);
  console.log(`  build time: ${tlBuild.toFixed(1)} s / ${usBuild.toFixed(1)} s = ${(tlBuild / usBuild).toFixed(2)}x`);
  console.log(`  memory (vectors + graph): ${mb(tlMem)} MB / ${mb(usMem)} MB = ${(tlMem / usMem).toFixed(2)}x`);
  console.log(`  flat exact: ${flatQps.toFixed(1)} queries/s batched over ${n} x ${dim} float32 (${mb(flatMem)} MB)`);
}

for (const d of DATA) {
  if (d === 'w2v') await runDataset(await w2vData());
  else if (d === 'synth') await runDataset(synthData());
  else throw new Error(`--data: unknown dataset ${d} (w2v, synth)`);
}
