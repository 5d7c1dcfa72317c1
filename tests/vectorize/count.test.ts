import { describe, expect, it } from 'vitest';
import { ArgumentError, ConfigError, CountVectorizer, createPipeline, TfidfVectorizer } from '../../src/index.js';
import { DOCSTRING_CORPUS, GUIDE_CORPUS } from './helpers.js';

describe('CountVectorizer.fitTransform', () => {
  it('reproduces the docstring example (unigrams)', () => {
    const cv = new CountVectorizer();
    const X = cv.fitTransform(DOCSTRING_CORPUS);
    expect(cv.getFeatureNamesOut()).toEqual(['and', 'document', 'first', 'is', 'one', 'second', 'the', 'third', 'this']);
    expect(X.toArray()).toEqual([
      [0, 1, 1, 1, 0, 0, 1, 0, 1],
      [0, 2, 0, 1, 0, 1, 1, 0, 1],
      [1, 0, 0, 1, 1, 0, 1, 1, 1],
      [0, 1, 1, 1, 0, 0, 1, 0, 1],
    ]);
  });

  it('reproduces the docstring example (ngram_range=(2, 2))', () => {
    const cv = new CountVectorizer({ analyzer: 'word', ngramRange: [2, 2] });
    const X = cv.fitTransform(DOCSTRING_CORPUS);
    expect(cv.getFeatureNamesOut()).toEqual([
      'and this', 'document is', 'first document', 'is the', 'is this', 'second document', 'the first', 'the second', 'the third', 'third one', 'this document', 'this is', 'this the',
    ]);
    expect(X.toArray()).toEqual([
      [0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0],
      [0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 0],
      [1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0],
      [0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1],
    ]);
  });

  it('reproduces the user guide example: 4x9 with 19 stored elements', () => {
    const cv = new CountVectorizer();
    const X = cv.fitTransform(GUIDE_CORPUS);
    expect(X.shape).toEqual([4, 9]);
    expect(X.nnz).toBe(19);
    expect(X.toArray()).toEqual([
      [0, 1, 1, 1, 0, 0, 1, 0, 1],
      [0, 1, 0, 1, 0, 2, 1, 0, 1],
      [1, 0, 0, 0, 1, 0, 1, 1, 0],
      [0, 1, 1, 1, 0, 0, 1, 0, 1],
    ]);
    expect(cv.vocabulary.get('document')).toBe(1);
    expect(cv.transform(['Something completely new.']).toArray()).toEqual([[0, 0, 0, 0, 0, 0, 0, 0, 0]]);
  });

  it('reproduces the user guide bigram example (token_pattern \\b\\w+\\b, ngram (1, 2))', () => {
    const cv = new CountVectorizer({ ngramRange: [1, 2], tokenPattern: '\\b\\w+\\b', minDf: 1 });
    expect(cv.buildAnalyzer()('Bi-grams are cool!')).toEqual(['bi', 'grams', 'are', 'cool', 'bi grams', 'grams are', 'are cool']);
    const X = cv.fitTransform(GUIDE_CORPUS).toArray();
    expect(X).toEqual([
      [0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0],
      [0, 0, 1, 0, 0, 1, 1, 0, 0, 2, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 0],
      [1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0],
      [0, 0, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 1],
    ]);
    const j = cv.vocabulary.get('is this')!;
    expect(X.map((r) => r[j])).toEqual([0, 0, 0, 1]);
  });

  it('reproduces the user guide char_wb and char examples', () => {
    const wb = new CountVectorizer({ analyzer: 'char_wb', ngramRange: [2, 2] });
    const X = wb.fitTransform(['words', 'wprds']);
    expect(wb.getFeatureNamesOut()).toEqual([' w', 'ds', 'or', 'pr', 'rd', 's ', 'wo', 'wp']);
    expect(X.toArray()).toEqual([
      [1, 1, 1, 0, 1, 1, 1, 0],
      [1, 1, 0, 1, 1, 1, 0, 1],
    ]);
    const wb5 = new CountVectorizer({ analyzer: 'char_wb', ngramRange: [5, 5] });
    expect(wb5.fitTransform(['jumpy fox']).nnz).toBe(4);
    expect(wb5.getFeatureNamesOut()).toEqual([' fox ', ' jump', 'jumpy', 'umpy ']);
    const ch5 = new CountVectorizer({ analyzer: 'char', ngramRange: [5, 5] });
    expect(ch5.fitTransform(['jumpy fox']).nnz).toBe(5);
    expect(ch5.getFeatureNamesOut()).toEqual(['jumpy', 'mpy f', 'py fo', 'umpy ', 'y fox']);
  });

  it('prunes by minDf / maxDf counts and proportions', () => {
    const cv = new CountVectorizer({ minDf: 2 });
    cv.fit(DOCSTRING_CORPUS);
    expect(cv.getFeatureNamesOut()).toEqual(['document', 'first', 'is', 'the', 'this']);
    expect([...cv.prunedTerms].sort()).toEqual(['and', 'one', 'second', 'third']);
    const p = new CountVectorizer({ maxDf: 0.5 }); // at most 2 of 4 documents
    p.fit(DOCSTRING_CORPUS);
    expect(p.getFeatureNamesOut()).toEqual(['and', 'first', 'one', 'second', 'third']);
    const q = new CountVectorizer({ maxDf: { proportion: 1 }, minDf: { proportion: 0.75 } });
    q.fit(DOCSTRING_CORPUS);
    expect(q.getFeatureNamesOut()).toEqual(['document', 'is', 'the', 'this']);
    expect(() => new CountVectorizer({ minDf: 3, maxDf: 2 }).fit(DOCSTRING_CORPUS)).toThrow(ConfigError);
    expect(() => new CountVectorizer({ minDf: 5 }).fit(DOCSTRING_CORPUS)).toThrow(/fewer documents/);
    expect(() => new CountVectorizer({ minDf: 2 }).fit(['aa bb', 'cc dd'])).toThrow(/no terms remain/);
  });

  it('keeps maxFeatures by corpus count, ties to the alphabetically first', () => {
    const cv = new CountVectorizer({ maxFeatures: 3 });
    cv.fit(DOCSTRING_CORPUS);
    // counts: document 4, is 4, the 4, this 4, first 2, ... -> the first three of the tied four.
    expect(cv.getFeatureNamesOut()).toEqual(['document', 'is', 'the']);
    const two = new CountVectorizer({ maxFeatures: 2 }).fit(['bb bb aa', 'cc dd cc']);
    expect(two.getFeatureNamesOut()).toEqual(['bb', 'cc']);
  });

  it('ranks maxFeatures by document frequency when binary, as scikit-learn (it binarizes X before limiting)', () => {
    // counts: aa 4 (one document), bb 2, cc 2, dd 1; document frequencies: aa 1, bb 2, cc 2, dd 1.
    const docs = ['aa aa aa aa bb', 'bb cc', 'cc dd'];
    expect(new CountVectorizer({ maxFeatures: 1 }).fit(docs).getFeatureNamesOut()).toEqual(['aa']);
    expect(new CountVectorizer({ maxFeatures: 1, binary: true }).fit(docs).getFeatureNamesOut()).toEqual(['bb']);
    expect(new CountVectorizer({ maxFeatures: 2, binary: true }).fit(docs).getFeatureNamesOut()).toEqual(['bb', 'cc']);
    expect(new TfidfVectorizer({ maxFeatures: 1, binary: true }).fit(docs).getFeatureNamesOut()).toEqual(['bb']);
  });

  it('counts binary and with stop words', () => {
    const X = new CountVectorizer({ binary: true }).fitTransform(DOCSTRING_CORPUS);
    expect(X.toArray()[1]).toEqual([0, 1, 0, 1, 0, 1, 1, 0, 1]);
    const sw = new CountVectorizer({ stopWords: 'english' });
    sw.fit(DOCSTRING_CORPUS);
    expect(sw.getFeatureNamesOut()).toEqual(['document', 'second']);
    const custom = new CountVectorizer({ stopWords: ['the', 'is'] });
    custom.fit(DOCSTRING_CORPUS);
    expect(custom.getFeatureNamesOut()).toEqual(['and', 'document', 'first', 'one', 'second', 'third', 'this']);
  });

  it('uses a fixed vocabulary as given', () => {
    const cv = new CountVectorizer({ vocabulary: ['this', 'document', 'missing'] });
    expect(cv.fitTransform(DOCSTRING_CORPUS).toArray()).toEqual([
      [1, 1, 0],
      [1, 2, 0],
      [1, 0, 0],
      [1, 1, 0],
    ]);
    expect(cv.getFeatureNamesOut()).toEqual(['this', 'document', 'missing']);
    expect(() => new CountVectorizer({ vocabulary: ['a', 'a'] })).toThrow(/duplicate/);
    expect(() => new CountVectorizer({ vocabulary: { a: 0, b: 2 } })).toThrow(ConfigError);
  });

  it('sorts features by code point, as Python does', () => {
    const cv = new CountVectorizer({ lowercase: false }).fit(['\u{1D400}x \uFF21y ab']);
    expect(cv.getFeatureNamesOut()).toEqual(['ab', '\uFF21y', '\u{1D400}x']);
  });

  it('accepts a pipeline as analyzer (its token texts)', async () => {
    const maker = await createPipeline({ tokenizer: { factory: 'whitespace' }, components: [] } as never);
    const cv = new CountVectorizer({ analyzer: maker, stopWords: ['a'] });
    cv.fit(['A b-c D', 'b-c x']);
    expect(cv.getFeatureNamesOut()).toEqual(['b-c', 'd', 'x']);
  });

  it('accepts a function analyzer, used as is', () => {
    const cv = new CountVectorizer({ analyzer: (t) => t.split(',') });
    cv.fit(['A,b', 'b,c']);
    expect(cv.getFeatureNamesOut()).toEqual(['A', 'b', 'c']);
  });

  it('rejects bad input with typed errors', () => {
    expect(() => new CountVectorizer().fit('just a string' as never)).toThrow(ArgumentError);
    expect(() => new CountVectorizer().fit(['ok', 3 as never])).toThrow(/document 1/);
    expect(() => new CountVectorizer({ stopWords: 'french' as never })).toThrow(ConfigError);
    expect(() => new CountVectorizer({ ngramRange: [2, 1] })).toThrow(ConfigError);
    expect(() => new CountVectorizer({ stopWords: 'english' }).fit(['the a of'])).toThrow(/empty vocabulary/);
    expect(() => new CountVectorizer().transform(['x'])).toThrow(/not fitted/);
  });
});

describe('CountVectorizer.inverseTransform', () => {
  it('returns the terms of each row', () => {
    const cv = new CountVectorizer();
    const X = cv.fitTransform(DOCSTRING_CORPUS);
    expect(cv.inverseTransform(X)[0]).toEqual(['document', 'first', 'is', 'the', 'this']);
    expect(cv.inverseTransform([[1, 0, 0, 0, 0, 0, 0, 0, 2]])).toEqual([['and', 'this']]);
  });
});

describe('CountVectorizer (properties)', () => {
  it('the interned fast path equals the generic string path on arbitrary text', async () => {
    const fc = (await import('fast-check')).default;
    const unit = fc.oneof(fc.constantFrom('a', 'b', 'A', '_', '1', ' ', '.', 'é', '\u0301', '\u{1D400}', '日', 'the', 'and '), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 30 }), { minLength: 1, maxLength: 5 }), (docs) => {
        const generic = (t: string) => (t.toLowerCase().match(/[\p{L}\p{N}_]{2,}/gu) ?? []).filter((w) => w !== 'the' && w !== 'and');
        let a: string[] | null = null;
        let b: string[] | null = null;
        let A: number[][] = [];
        let B: number[][] = [];
        try {
          const cv = new CountVectorizer({ stopWords: ['the', 'and'] });
          A = cv.fitTransform(docs).toArray();
          a = cv.getFeatureNamesOut();
        } catch {
          a = null;
        }
        try {
          const cv = new CountVectorizer({ analyzer: generic });
          B = cv.fitTransform(docs).toArray();
          b = cv.getFeatureNamesOut();
        } catch {
          b = null;
        }
        expect(a).toEqual(b);
        expect(A).toEqual(B);
      }),
      { numRuns: 300 },
    );
  });
});
