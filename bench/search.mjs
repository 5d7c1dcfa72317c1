// Search benchmark: textloom vs the JS peers (MiniSearch, lunr, FlexSearch, Orama,
// wink-bm25-text-search) and SQLite FTS5 (better-sqlite3, native; optional) in one run.
// Corpus: N docs (default 200k; SEARCH_BENCH_DOCS to change), each 1-3 consecutive sentences
// drawn with a fixed seed from the Brown corpus (tags stripped) followed by nlp-corpus's 100k
// sentences (the corpus; SEARCH_BENCH_CORPUS=brown for Brown only). Queries: 1000 top-10
// OR queries of 2-3 words taken from random documents. Each engine also runs Cranfield (title and
// text fields, 225 queries, depth 1000, gains 5 - code) with its default analysis. Engines whose
// package does not resolve or load are skipped with a note. SEARCH_BENCH_ALONE=1: textloom only;
// SEARCH_BENCH_ENGINES=a,b: only these engines.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SearchIndex, escapeQuery, evaluateRuns } from '../dist/index.js';
import { evalDir, optionalEval } from './eval-dir.mjs';
import { searchCorpus } from './scale-corpus.mjs';

const require = createRequire(import.meta.url);
const N = Number(process.env.SEARCH_BENCH_DOCS ?? 200_000);
const NQ = 1000;
const gc = globalThis.gc ?? (() => {});
let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const timer = setInterval(sampleRss, 50);

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
// Typed-array backing stores live outside the JS heap (not in heapUsed): counted apart.
const bufMB = () => process.memoryUsage().arrayBuffers / 1e6;

// Optional: without the Cranfield files the quality column is left out.
const CRAN = optionalEval('cranfield/qrels.tsv') && optionalEval('cranfield/docs.jsonl') && optionalEval('cranfield/queries.jsonl') ? path.join(evalDir, 'cranfield') : undefined;
function loadCranfield() {
  if (!CRAN) return null;
  try {
    const jl = (f) => readFileSync(path.join(CRAN, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const qrels = new Map();
    for (const line of readFileSync(path.join(CRAN, 'qrels.tsv'), 'utf8').trim().split('\n')) {
      const [q, d, r] = line.trim().split(/\s+/);
      const v = Number(r);
      if (!qrels.has(q)) qrels.set(q, new Map());
      qrels.get(q).set(d, v >= 1 && v <= 4 ? 5 - v : 0); // Cranfield codes 1..4 -> gains 4..1; -1 not relevant
    }
    return { docs: jl('docs.jsonl').map((d) => ({ id: d.id, title: d.title ?? '', text: d.text ?? '' })), queries: jl('queries.jsonl'), qrels };
  } catch {
    return null;
  }
}

// Plain words of a query (peers with a query syntax get only these).
const words = (q) => q.toLowerCase().match(/[a-z0-9]+/g) ?? [];

// Each engine: build(docs, fields) -> handle (sync or async); persist(h, dir) -> bytes;
// load(dir, fields) -> handle (null: not supported); query(h, q, k) -> [{ id, score }].
const ENGINES = [
  {
    name: 'textloom (defaults: porter2, proximity, BM25F)',
    key: 'textloom',
    local: true,
    async build(docs, fields) {
      const index = await SearchIndex.create({ fields });
      index.addAll(docs);
      return index;
    },
    async persist(h, dir) {
      await h.save(dir);
      return dirSize(dir);
    },
    load: (dir) => SearchIndex.load(dir),
    query: (h, q, k, opts = {}) => h.search(escapeQuery(q), { topK: k, ...opts }),
    // Ranking features, each timed on the same loaded index and run on Cranfield (the first row
    // is the default: proximity + BM25F).
    variants: [
      { name: 'default (proximity + BM25F)', opts: {} },
      { name: 'plain BM25, fields summed (Lucene)', opts: { proximity: false, bm25f: false } },
      { name: 'proximity only', opts: { bm25f: false } },
      { name: 'BM25F only', opts: { proximity: false } },
      { name: 'RM3 only', opts: { proximity: false, bm25f: false, rm3: true } },
      { name: 'default + RM3', opts: { rm3: true } },
    ],
  },
  {
    name: 'MiniSearch 7.2 (defaults)',
    key: 'minisearch',
    async build(docs, fields) {
      const MiniSearch = (await import('minisearch')).default;
      const ms = new MiniSearch({ fields, idField: 'id' });
      ms.addAll(docs);
      this.fields = fields;
      return ms;
    },
    persist(h, dir) {
      const json = JSON.stringify(h);
      writeFileSync(path.join(dir, 'ms.json'), json);
      return Buffer.byteLength(json);
    },
    async load(dir) {
      const MiniSearch = (await import('minisearch')).default;
      return MiniSearch.loadJSON(readFileSync(path.join(dir, 'ms.json'), 'utf8'), { fields: this.fields, idField: 'id' });
    },
    query: (h, q, k) => h.search(q).slice(0, k),
  },
  {
    name: 'lunr 2.3 (defaults)',
    key: 'lunr',
    async build(docs, fields) {
      const lunr = (await import('lunr')).default;
      return lunr(function () {
        this.ref('id');
        for (const f of fields) this.field(f);
        for (const d of docs) this.add(d);
      });
    },
    persist(h, dir) {
      const json = JSON.stringify(h);
      writeFileSync(path.join(dir, 'lunr.json'), json);
      return Buffer.byteLength(json);
    },
    async load(dir) {
      const lunr = (await import('lunr')).default;
      return lunr.Index.load(JSON.parse(readFileSync(path.join(dir, 'lunr.json'), 'utf8')));
    },
    query: (h, q, k) =>
      h
        .search(words(q).join(' '))
        .slice(0, k)
        .map((r) => ({ id: r.ref, score: r.score })),
  },
  {
    name: 'FlexSearch 0.8 (defaults; not BM25)',
    key: 'flexsearch',
    async build(docs, fields) {
      const { Index } = await import('flexsearch');
      const idx = new Index();
      // One Index over the fields joined (FlexSearch's Document index does not rank across fields).
      for (const d of docs) idx.add(d.id, fields.map((f) => d[f]).join(' '));
      return idx;
    },
    async persist(h, dir) {
      const parts = {};
      await h.export((key, data) => {
        parts[key] = data;
      });
      const json = JSON.stringify(parts);
      writeFileSync(path.join(dir, 'flex.json'), json);
      return Buffer.byteLength(json);
    },
    async load(dir) {
      const { Index } = await import('flexsearch');
      const idx = new Index();
      const parts = JSON.parse(readFileSync(path.join(dir, 'flex.json'), 'utf8'));
      for (const [key, data] of Object.entries(parts)) await idx.import(key, data);
      return idx;
    },
    // FlexSearch returns ids in rank order without scores: score = -rank.
    query: (h, q, k) => h.search(words(q).join(' '), { limit: k, suggest: true }).map((id, i) => ({ id: String(id), score: -i })),
  },
  {
    name: 'Orama 3.1 (defaults)',
    key: '@orama/orama',
    async build(docs, fields) {
      const { create, insertMultiple } = await import('@orama/orama');
      const schema = Object.fromEntries(fields.map((f) => [f, 'string']));
      const db = create({ schema });
      await insertMultiple(db, docs.map((d) => Object.fromEntries([['id', d.id], ...fields.map((f) => [f, d[f]])])), 5000);
      this.schema = schema;
      return db;
    },
    async persist(h, dir) {
      const { save } = await import('@orama/orama');
      const json = JSON.stringify(await save(h));
      writeFileSync(path.join(dir, 'orama.json'), json);
      return Buffer.byteLength(json);
    },
    async load(dir) {
      const { create, load } = await import('@orama/orama');
      const db = create({ schema: this.schema });
      await load(db, JSON.parse(readFileSync(path.join(dir, 'orama.json'), 'utf8')));
      return db;
    },
    query(h, q, k) {
      const r = this.search(h, { term: q, limit: k });
      return r.hits.map((x) => ({ id: x.id, score: x.score }));
    },
    async init() {
      this.search = (await import('@orama/orama')).search;
    },
  },
  {
    name: 'wink-bm25-text-search 3.1 (nlp-utils prep)',
    key: 'wink-bm25-text-search',
    build(docs, fields) {
      const bm25 = require('wink-bm25-text-search')();
      const u = require('wink-nlp-utils');
      bm25.defineConfig({ fldWeights: Object.fromEntries(fields.map((f) => [f, 1])) });
      bm25.definePrepTasks([u.string.lowerCase, u.string.removeExtraSpaces, u.string.tokenize0, u.tokens.removeWords, u.tokens.stem]);
      for (const d of docs) bm25.addDoc(d, d.id);
      bm25.consolidate();
      return bm25;
    },
    persist(h, dir) {
      const json = h.exportJSON();
      writeFileSync(path.join(dir, 'wink.json'), json);
      return Buffer.byteLength(json);
    },
    load(dir) {
      const bm25 = require('wink-bm25-text-search')();
      const u = require('wink-nlp-utils');
      bm25.importJSON(readFileSync(path.join(dir, 'wink.json'), 'utf8'));
      bm25.definePrepTasks([u.string.lowerCase, u.string.removeExtraSpaces, u.string.tokenize0, u.tokens.removeWords, u.tokens.stem]);
      return bm25;
    },
    query: (h, q, k) => h.search(q, k).map(([id, score]) => ({ id: String(id), score })),
  },
  {
    name: 'SQLite FTS5 (porter unicode61, bm25)',
    key: 'better-sqlite3',
    native: true,
    build(docs, fields, dir) {
      const Database = require('better-sqlite3');
      const db = new Database(path.join(dir, 'fts.db'));
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      // Contentless (content=''): the index only, no copy of the text, as the JS engines keep none;
      // the (numeric) doc ids are the rowids.
      db.exec(`CREATE VIRTUAL TABLE docs USING fts5(${fields.join(', ')}, content='', tokenize = 'porter unicode61')`);
      const ins = db.prepare(`INSERT INTO docs (rowid, ${fields.join(', ')}) VALUES (?${', ?'.repeat(fields.length)})`);
      db.transaction(() => {
        for (const d of docs) ins.run(Number(d.id), ...fields.map((f) => d[f]));
      })();
      db.exec(`INSERT INTO docs(docs) VALUES('optimize')`);
      return db;
    },
    persist(h, dir) {
      h.close();
      return statSync(path.join(dir, 'fts.db')).size;
    },
    load(dir) {
      const Database = require('better-sqlite3');
      const db = new Database(path.join(dir, 'fts.db'), { readonly: true });
      const stmt = db.prepare('SELECT rowid AS id, bm25(docs) AS r FROM docs WHERE docs MATCH ? ORDER BY r LIMIT ?');
      return { db, stmt };
    },
    query(h, q, k) {
      const w = words(q);
      if (!w.length) return [];
      return h.stmt.all(w.map((x) => `"${x}"`).join(' OR '), k).map((r) => ({ id: String(r.id), score: -r.r }));
    },
  },
];

async function available(e) {
  try {
    if (!e.local) require.resolve(e.key);
    if (e.native) require(e.key); // a native module may resolve but fail to load
    if (e.init) await e.init();
    return true;
  } catch (err) {
    console.log(`${e.key}: skipped (${String(err.message ?? err).split('\n')[0]})`);
    return false;
  }
}

async function benchEngine(e, docs, queries, cran) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tl-bench-'));
  try {
    const base = heapMB();
    const baseBuf = bufMB();
    const t0 = performance.now();
    let h = await e.build(docs, ['text'], dir);
    const buildS = (performance.now() - t0) / 1000;
    const heap = heapMB() - base;
    const bufs = bufMB() - baseBuf;
    const s0 = performance.now();
    const bytes = await e.persist(h, dir);
    const saveS = (performance.now() - s0) / 1000;
    h = null;
    const l0 = performance.now();
    const loaded = await e.load(dir, ['text']);
    const loadS = (performance.now() - l0) / 1000;
    const q = timeQueries((x) => e.query(loaded, x, 10), queries);
    const variants = [];
    for (const v of e.variants ?? []) {
      // The first call pays one-off costs (RM3 builds its per-doc term vectors): timed apart.
      const h0 = heapMB() + bufMB();
      const f0 = performance.now();
      e.query(loaded, queries[0], 10, v.opts);
      const firstMs = performance.now() - f0;
      const firstHeap = heapMB() + bufMB() - h0;
      const t = timeQueries((x) => e.query(loaded, x, 10, v.opts), queries);
      variants.push({ name: v.name, opts: v.opts, firstMs, firstHeap, ...t });
    }
    loaded?.db?.close?.();
    let quality = null;
    if (cran) {
      const cdir = mkdtempSync(path.join(tmpdir(), 'tl-cran-'));
      try {
        const fields = ['title', 'text'];
        let ch = await e.build(cran.docs, fields, cdir);
        await e.persist(ch, cdir); // FTS5 closes its writer here
        ch = await e.load(cdir, fields);
        const runs = new Map();
        for (const cq of cran.queries) runs.set(String(cq.id), e.query(ch, cq.text, 1000));
        quality = evaluateRuns(runs, cran.qrels);
        for (const v of variants) {
          const vr = new Map();
          for (const cq of cran.queries) vr.set(String(cq.id), e.query(ch, cq.text, 1000, v.opts));
          v.quality = evaluateRuns(vr, cran.qrels);
        }
        ch?.db?.close?.();
      } finally {
        rmSync(cdir, { recursive: true, force: true });
      }
    }
    return { engine: e.name, docsPerS: docs.length / buildS, heapMB: heap, bufMB: bufs, native: !!e.native, diskMB: bytes / 1e6, saveS, loadS, ...q, quality, variants };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { docs, queries, chars, sentences, source } = await searchCorpus(N, { which: process.env.SEARCH_BENCH_CORPUS ?? 'mixed', nq: NQ });
console.log(`corpus: ${docs.length} docs, ${(chars / 1e6).toFixed(1)}M chars from ${sentences} sentences of ${source}; ${queries.length} queries${globalThis.gc ? '' : ' (run with --expose-gc for exact heap figures)'}`);
const log = (r) =>
  console.error(
    `done: ${r.engine}: build ${r.docsPerS.toFixed(0)} docs/s, heap ${r.native ? 'native' : r.heapMB.toFixed(0) + ' MB'} (+ ${r.bufMB.toFixed(0)} MB array buffers), disk ${r.diskMB.toFixed(1)} MB, load ${r.loadS.toFixed(2)} s, p50 ${r.p50.toFixed(2)} / p99 ${r.p99.toFixed(2)} ms` +
      (r.quality ? `, Cranfield MAP ${r.quality.map.toFixed(3)} nDCG@10 ${r.quality['ndcg@10'].toFixed(3)}` : ''),
  );
const cran = loadCranfield();
if (!cran) console.log(`Cranfield not found under ${path.join(evalDir, 'cranfield')} (set TEXTLOOM_EVAL_DIR): quality column skipped`);
const only = process.env.SEARCH_BENCH_ENGINES?.split(',');
const rows = [];
for (const e of ENGINES) {
  if (process.env.SEARCH_BENCH_ALONE && e.key !== 'textloom') continue;
  if (only && !only.includes(e.key)) continue;
  if (!(await available(e))) continue;
  const r = await benchEngine(e, docs, queries, cran);
  rows.push(r);
  log(r);
}
clearInterval(timer);
sampleRss();
const me = rows.find((r) => r.engine.startsWith('textloom')) ?? rows[0];
const f = (x, d) => (Number.isFinite(x) ? x.toFixed(d) : '-');
console.log('\nengine                                                 build docs/s  heap MB  disk MB  load s  query p50 / p99 ms  build ratio  p50 ratio  Cranfield MAP / nDCG@10');
for (const r of rows) {
  const qual = r.quality ? `${f(r.quality.map, 3)} / ${f(r.quality['ndcg@10'], 3)}` : '-';
  console.log(
    `${r.engine.padEnd(54)} ${f(r.docsPerS, 0).padStart(12)} ${(r.native ? 'native' : f(r.heapMB, 0)).padStart(8)} ${f(r.diskMB, 1).padStart(8)} ${f(r.loadS, 2).padStart(7)}  ${f(r.p50, 2).padStart(7)} / ${f(r.p99, 2).padStart(7)}  ${(f(me.docsPerS / r.docsPerS, 2) + 'x').padStart(11)} ${(f(r.p50 / me.p50, 2) + 'x').padStart(10)}  ${qual}`,
  );
}
console.log(`\npeak RSS ${(peakRss / 1e6).toFixed(0)} MB; textloom save ${f(me.saveS, 2)} s; heap = heapUsed growth during build (native engines: not on the JS heap); ratios: textloom build speed / engine's, engine's p50 / textloom's`);
for (const r of rows.filter((x) => x.variants?.length)) {
  console.log(`\n${r.engine}: ranking features (query p50 / p99 on the same loaded index, top 10; Cranfield at depth 1000)`);
  console.log('features                                  query p50 / p99 ms  first query ms (memory MB)  Cranfield MAP / nDCG@10 / P@10 / R@100');
  for (const v of r.variants) {
    const qv = v.quality;
    console.log(`${v.name.padEnd(40)}  ${f(v.p50, 2).padStart(7)} / ${f(v.p99, 2).padStart(7)}  ${(f(v.firstMs, 1) + ' (' + f(v.firstHeap, 1) + ')').padStart(24)}  ${qv ? [qv.map, qv['ndcg@10'], qv['p@10'], qv['recall@100']].map((x) => f(x, 3)).join(' / ') : '-'}`);
  }
}
