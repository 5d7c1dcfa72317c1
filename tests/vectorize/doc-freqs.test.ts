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
