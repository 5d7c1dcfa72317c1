// Differential test on real text: TfidfVectorizer against a direct, Map-based transcription of
// scikit-learn's documented definitions, on Cranfield abstracts: the 80 shipped with the tests,
// and the full collection (1,400) when the evaluation data is present.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SKLEARN_ENGLISH_STOP_WORDS, TfidfVectorizer, type TfidfVectorizerOptions } from '../../src/index.js';
import { CRAN_SOURCES, cranFull } from '../search/helpers.js';

let docs: string[] = [];

interface RefOptions {
  stop: boolean;
  ngram: [number, number];
  sublinear: boolean;
  minDf: number;
  maxDf: number; // count
  maxFeatures: number | null;
}

// scikit-learn's pipeline written out naively: lowercase, (?u)\b\w\w+\b, stop words, n-grams,
// sorted vocabulary, df limits, max_features by total count (stable), smooth idf, l2 rows.
function reference(texts: string[], o: RefOptions): { names: string[]; rows: Map<string, number>[] } {
  const analyzed = texts.map((t) => {
    let toks: string[] = t.toLowerCase().match(/[\p{L}\p{N}_]{2,}/gu) ?? [];
    if (o.stop) toks = toks.filter((w) => !SKLEARN_ENGLISH_STOP_WORDS.has(w));
    const out: string[] = [];
    for (let n = o.ngram[0]; n <= o.ngram[1]; n++) for (let i = 0; i + n <= toks.length; i++) out.push(toks.slice(i, i + n).join(' '));
    return out;
  });
  const counts = analyzed.map((terms) => {
    const m = new Map<string, number>();
    for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  });
  const df = new Map<string, number>();
  const tf = new Map<string, number>();
  for (const m of counts) for (const [t, c] of m) {
    df.set(t, (df.get(t) ?? 0) + 1);
    tf.set(t, (tf.get(t) ?? 0) + c);
  }
  let names = [...df.keys()].sort().filter((t) => df.get(t)! >= o.minDf && df.get(t)! <= o.maxDf);
  if (o.maxFeatures !== null && names.length > o.maxFeatures) {
    const keep = new Set([...names].sort((a, b) => tf.get(b)! - tf.get(a)!).slice(0, o.maxFeatures));
    names = names.filter((t) => keep.has(t));
  }
  const n = texts.length;
  const idf = new Map(names.map((t) => [t, Math.log((1 + n) / (1 + df.get(t)!)) + 1]));
  const rows = counts.map((m) => {
    const r = new Map<string, number>();
    for (const [t, c] of m) if (idf.has(t)) r.set(t, (o.sublinear ? 1 + Math.log(c) : c) * idf.get(t)!);
    const norm = Math.sqrt([...r.values()].reduce((s, v) => s + v * v, 0));
    if (norm > 0) for (const [t, v] of r) r.set(t, v / norm);
    return r;
  });
  return { names, rows };
}

function compare(opts: TfidfVectorizerOptions, ref: RefOptions): void {
  const tv = new TfidfVectorizer(opts);
  const X = tv.fitTransform(docs);
  const want = reference(docs, ref);
  expect(tv.getFeatureNamesOut()).toEqual(want.names);
  let maxDiff = 0;
  let nnz = 0;
  for (let i = 0; i < docs.length; i++) {
    const row = X.row(i);
    const w = want.rows[i]!;
    expect(row.indices.length).toBe(w.size);
    nnz += w.size;
    for (let k = 0; k < row.indices.length; k++) {
      const term = want.names[row.indices[k]!]!;
      maxDiff = Math.max(maxDiff, Math.abs(row.data[k]! - w.get(term)!));
    }
  }
  expect(X.nnz).toBe(nnz);
  expect(maxDiff).toBeLessThan(1e-12);
}

for (const src of CRAN_SOURCES) {
  describe.skipIf(!src.available)(src.title('TfidfVectorizer against the documented definitions'), () => {
    beforeAll(() => {
      docs = readFileSync(path.join(src.dir, 'docs.jsonl'), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { text: string }).text);
    });
    it('has the collection', () => {
      expect(docs.length).toBe(src === cranFull ? 1400 : 80);
    });
    it('defaults', () => {
      compare({}, { stop: false, ngram: [1, 1], sublinear: false, minDf: 1, maxDf: Infinity, maxFeatures: null });
    });
    it('english stop words, (1, 2)-grams, sublinear tf, minDf 2, maxDf 0.5', () => {
      compare(
        { stopWords: 'english', ngramRange: [1, 2], sublinearTf: true, minDf: 2, maxDf: 0.5 },
        { stop: true, ngram: [1, 2], sublinear: true, minDf: 2, maxDf: docs.length / 2, maxFeatures: null },
      );
    });
    it('maxFeatures 500', () => {
      compare({ maxFeatures: 500 }, { stop: false, ngram: [1, 1], sublinear: false, minDf: 1, maxDf: Infinity, maxFeatures: 500 });
    });
  });
}
