// Hybrid search on Cranfield: BM25 alone, document vectors alone, and the two fused (reciprocal rank
// fusion, k 60; convex combination of min-max normalised scores at several weights), scored by
// nDCG@10 and MAP (src/eval's conventions: gains 5 - code, depth 1000) over the 225 queries.
// Vectors: textloom word2vec (skip-gram, 100 dims) trained on the Cranfield documents plus a slice
// of the Gutenberg corpus (HYBRID_GUTENBERG_LINES lines, default 200000; 0 for Cranfield alone);
// a document's (and a query's) vector is the mean of its words' vectors, stop words left out.
// Skips cleanly (exit 0 with a note) when ../shared/eval/cranfield is absent.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SearchIndex, SKLEARN_ENGLISH_STOP_WORDS, Word2Vec, evaluateRuns } from '../dist/index.js';
import { evalDir, optionalEval } from './eval-dir.mjs';

if (!(optionalEval('cranfield/docs.jsonl') && optionalEval('cranfield/queries.jsonl') && optionalEval('cranfield/qrels.tsv'))) {
  console.log(`bench:hybrid skipped: no Cranfield collection in ${evalDir}/cranfield`);
  process.exit(0);
}
const CRAN = path.join(evalDir, 'cranfield');
const GUT_LINES = Number(process.env.HYBRID_GUTENBERG_LINES ?? 200_000);
const SEED = Number(process.env.HYBRID_SEED ?? 1);

const jl = (f) => readFileSync(path.join(CRAN, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const docs = jl('docs.jsonl').map((d) => ({ id: String(d.id), title: d.title ?? '', text: d.text ?? '' }));
const queries = jl('queries.jsonl');
const qrels = new Map();
for (const line of readFileSync(path.join(CRAN, 'qrels.tsv'), 'utf8').trim().split('\n')) {
  const [q, d, r] = line.trim().split(/\s+/);
  const v = Number(r);
  if (!qrels.has(q)) qrels.set(q, new Map());
  qrels.get(q).set(d, v >= 1 && v <= 4 ? 5 - v : 0); // Cranfield codes 1..4 -> gains 4..1; -1 not relevant
}

const words = (s) => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];
const stop = new Set(SKLEARN_ENGLISH_STOP_WORDS);

// Training sentences: every Cranfield document, then Gutenberg lines (books in name order).
const sentences = docs.map((d) => words(`${d.title} ${d.text}`));
let gutLines = 0;
if (GUT_LINES > 0 && optionalEval('gutenberg_en/texts')) {
  const dir = path.join(evalDir, 'gutenberg_en', 'texts');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt.gz')).sort()) {
    for (const line of gunzipSync(readFileSync(path.join(dir, f))).toString('utf8').split('\n')) {
      const w = words(line);
      if (w.length) {
        sentences.push(w);
        gutLines++;
      }
      if (gutLines >= GUT_LINES) break;
    }
    if (gutLines >= GUT_LINES) break;
  }
}
const nWords = sentences.reduce((s, x) => s + x.length, 0);
let t = performance.now();
const model = await Word2Vec.train(sentences, { sg: true, vectorSize: 100, window: 5, minCount: 2, epochs: 10, seed: SEED, threads: 1 });
const trainS = (performance.now() - t) / 1000;
const wv = model.wv;

function meanVector(text) {
  const m = new Float32Array(wv.dim);
  let n = 0;
  for (const w of words(text)) {
    if (stop.has(w) || !wv.has(w)) continue;
    const v = wv.vector(w);
    for (let c = 0; c < wv.dim; c++) m[c] += v[c];
    n++;
  }
  return n ? m : null;
}

const index = await SearchIndex.create({ fields: ['title', 'text'], vectorField: 'vector' });
let withVector = 0;
index.addAll(
  docs.map((d) => {
    const v = meanVector(`${d.title} ${d.text}`);
    if (v) withVector++;
    return v ? { ...d, vector: v } : d;
  }),
);

function evaluate(opts) {
  const runs = new Map();
  for (const q of queries) {
    const v = meanVector(q.text);
    const { query, ...o } = { topK: 1000, ...(typeof opts === 'function' ? opts(v) : opts) };
    runs.set(String(q.id), o.vector === null ? [] : index.search(query ?? q.text, o));
  }
  return evaluateRuns(runs, qrels);
}
// A query none of whose words has a vector gets BM25 alone in the fused runs (no vector to fuse).
const fused = (hybrid) => (v) => (v ? { vector: v, hybrid } : {});
const rows = [
  ['BM25 (textloom defaults)', evaluate({})],
  ['vectors alone (cosine of mean word vectors)', evaluate((v) => (v ? { query: '', vector: v } : { vector: null }))],
  // topK 1000 (the evaluation depth) makes each ranking give 1000 candidates.
  ['RRF (k 60)', evaluate(fused({ fusion: 'rrf' }))],
  ['RRF (k 10)', evaluate(fused({ fusion: 'rrf', k: 10 }))],
  ...[0.1, 0.2, 0.3, 0.5].map((w) => [`convex, vector weight ${w}`, evaluate(fused({ fusion: 'convex', weight: w }))]),
];

console.log(`Cranfield: ${docs.length} docs (${withVector} with a vector), ${queries.length} queries; word2vec sg 100d, window 5, min-count 2, 10 epochs, seed ${SEED}`);
console.log(`training text: Cranfield + ${gutLines} Gutenberg lines = ${nWords} words, vocabulary ${wv.size}, trained in ${trainS.toFixed(1)} s (1 thread)`);
console.log('');
console.log('| ranking | nDCG@10 | MAP | P@10 | recall@100 |');
console.log('|---|---:|---:|---:|---:|');
const base = rows[0][1];
for (const [name, r] of rows) {
  const d = (x, b) => (r === base ? '' : ` (${x >= b ? '+' : ''}${(x - b).toFixed(4)})`);
  console.log(`| ${name} | ${r['ndcg@10'].toFixed(4)}${d(r['ndcg@10'], base['ndcg@10'])} | ${r.map.toFixed(4)}${d(r.map, base.map)} | ${r['p@10'].toFixed(4)} | ${r['recall@100'].toFixed(4)} |`);
}
