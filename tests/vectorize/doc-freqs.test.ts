import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentFrequencies, TfidfVectorizer, type TfidfVectorizerOptions } from '../../src/index.js';
import { BinaryFileError } from '../../src/io/binfmt.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tl-df-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const book = new URL('../../corpora/persuasion-ch1-3.txt', import.meta.url).pathname;
const docs = readFileSync(book, 'utf8').split('\n');

describe('DocumentFrequencies: per-shard counts merged = one fit on all documents', () => {
  const cases: TfidfVectorizerOptions[] = [
    {},
    { stopWords: 'english', minDf: 2, maxDf: { proportion: 0.5 } },
    { ngramRange: [1, 2], maxFeatures: 300, sublinearTf: true },
    { binary: true, maxFeatures: 50, smoothIdf: false, minDf: 0.01 },
    { analyzer: 'char_wb', ngramRange: [2, 3], maxDf: 40 },
  ];
  for (const options of cases) {
    it(JSON.stringify(options), () => {
      const whole = new TfidfVectorizer(options);
      const expected = whole.fitTransform(docs);
      const cuts = [0, 1, 40, 40, 200, docs.length];
      const parts = cuts.slice(1).map((c, i) => DocumentFrequencies.count(docs.slice(cuts[i], c), options));
      parts.forEach((p, i) => p.save(path.join(dir, `s${i}.tldf`)));
      const merged = DocumentFrequencies.merge(parts.map((_, i) => DocumentFrequencies.load(path.join(dir, `s${i}.tldf`))));
      expect(merged.nDocs).toBe(docs.length);
      const tv = merged.toVectorizer();
      expect(tv.getFeatureNamesOut()).toEqual(whole.getFeatureNamesOut());
      expect(Array.from(tv.idf)).toEqual(Array.from(whole.idf));
      const got = tv.transform(docs);
      expect(Array.from(got.indptr)).toEqual(Array.from(expected.indptr));
      expect(Array.from(got.indices)).toEqual(Array.from(expected.indices));
      expect(Array.from(got.data)).toEqual(Array.from(expected.data));
    });
  }

  it('refuses mismatched analyzers, damaged files and unsaveable options', () => {
    const a = DocumentFrequencies.count(docs.slice(0, 5));
    const b = DocumentFrequencies.count(docs.slice(5, 9), { ngramRange: [1, 2] });
    expect(() => DocumentFrequencies.merge([a, b])).toThrow(/analyzer options/);
    expect(() => DocumentFrequencies.merge([])).toThrow(/no document frequencies/);
    const f = path.join(dir, 'bad.tldf');
    a.save(f);
    const bytes = readFileSync(f);
    bytes[bytes.length - 12] ^= 0x55;
    writeFileSync(f, bytes);
    expect(() => DocumentFrequencies.load(f)).toThrow(BinaryFileError);
    expect(() => DocumentFrequencies.count(['x y'], { analyzer: (s: string) => s.split(' ') }).save(f)).toThrow(/analyzer/);
    expect(DocumentFrequencies.count(['', '   ']).nDocs).toBe(2);
  });
});

describe('DocumentFrequencies.countStream and textloom tfidf count / merge', () => {
  const opts: TfidfVectorizerOptions = { stopWords: 'english', ngramRange: [1, 2], minDf: 2 };
  it('counting a stream in small chunks = counting it whole', async () => {
    async function* lines() {
      yield* docs;
    }
    const whole = DocumentFrequencies.count(docs, opts);
    const streamed = await DocumentFrequencies.countStream(lines(), opts, 97);
    expect(streamed.nDocs).toBe(docs.length);
    expect(streamed.terms).toEqual(whole.terms);
    expect(Array.from(streamed.df)).toEqual(Array.from(whole.df));
    expect(Array.from(streamed.tf)).toEqual(Array.from(whole.tf));
    await expect(DocumentFrequencies.countStream(docs, opts, 0)).rejects.toThrow(/chunk/);
  });

  it('tfidf merge of per-shard tfidf count files is byte for byte tfidf count of the whole', async () => {
    const { cli } = await import('../cli/run.js');
    const at = (f: string) => path.join(dir, f);
    writeFileSync(at('part-0.txt'), docs.slice(0, 400).join('\n') + '\n');
    writeFileSync(at('part-1.txt'), docs.slice(400).join('\n'));
    writeFileSync(at('whole.txt'), docs.join('\n'));
    const flags = ['--stop-words', 'english', '--ngram', '1,2', '--min-df', '2'];
    for (const f of ['part-0', 'part-1', 'whole']) expect((await cli(['tfidf', 'count', '--input', at(`${f}.txt`), '--out', at(`${f}.tldf`), ...flags])).code).toBe(0);
    const m = await cli(['tfidf', 'merge', at('part-0.tldf'), at('part-1.tldf'), '--out', at('merged.tldf'), '--json']);
    expect(m.code).toBe(0);
    expect(JSON.parse(m.out)).toMatchObject({ inputs: 2, documents: docs.length - (docs.at(-1) === '' ? 1 : 0), out: at('merged.tldf') });
    expect(readFileSync(at('merged.tldf')).equals(readFileSync(at('whole.tldf')))).toBe(true);
    // And the vocabulary and idf are one fit's.
    const tv = DocumentFrequencies.load(at('merged.tldf')).toVectorizer();
    // The reader yields no empty document after the file's final newline.
    const fit = new TfidfVectorizer(opts).fit(docs.at(-1) === '' ? docs.slice(0, -1) : docs);
    expect(tv.getFeatureNamesOut()).toEqual(fit.getFeatureNamesOut());
    expect(Array.from(tv.idf)).toEqual(Array.from(fit.idf));
    // Shards counted with other analyzer flags are refused.
    expect((await cli(['tfidf', 'count', '--input', at('part-1.txt'), '--out', at('other.tldf'), '--stop-words', 'none'])).code).toBe(0);
    const bad = await cli(['tfidf', 'merge', at('part-0.tldf'), at('other.tldf'), '--out', at('bad.tldf')]);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/other analyzer options/);
  });
});
