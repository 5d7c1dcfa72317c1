import { describe, expect, it } from 'vitest';
import { Bm25fTermQuery } from '../../src/search/query/bm25f/bm25f-query.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { WS } from './helpers.js';

const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
// One field's normalized frequency tf / (k1 (1 - b + b dl / avgdl)).
const part = (tf: number, dl: number, avgdl: number) => tf / (1.2 * (1 - 0.75 + (0.75 * dl) / avgdl));

// title: d1 "wing", d2 "flow", d3 "tip" (avgdl 1); text: d1 "wing flow", d2 "gust wing tip", d3 "tip gust" (avgdl 7/3)
async function tiny(boosts = {}) {
  const index = await SearchIndex.create({ fields: ['title', 'text'], analyzer: WS, boosts });
  index.addAll([
    { id: 'd1', title: 'wing', text: 'wing flow' },
    { id: 'd2', title: 'flow', text: 'gust wing tip' },
    { id: 'd3', title: 'tip', text: 'tip gust' },
  ]);
  return index;
}

describe('Bm25fTermQuery', () => {
  it('saturates the per-field normalized frequencies once (worked example)', async () => {
    const index = await tiny();
    const w = idf(3, 2); // largest df of "wing" over the fields (text: 2) and N = 3
    const x1 = part(1, 1, 1) + part(1, 2, 7 / 3); // title and text of d1
    const x2 = part(1, 3, 7 / 3);
    const hits = index.search(new Bm25fTermQuery(['title', 'text'], 'wing'));
    expect(hits.map((h) => h.id)).toEqual(['d1', 'd2']);
    expect(hits[0]!.score).toBeCloseTo((w * x1) / (1 + x1), 12);
    expect(hits[1]!.score).toBeCloseTo((w * x2) / (1 + x2), 12);
    // field weights multiply a field's normalized frequency
    const t2 = index.search(new Bm25fTermQuery(['title', 'text'], 'wing', { title: 2 }));
    const x1b = 2 * part(1, 1, 1) + part(1, 2, 7 / 3);
    expect(t2[0]!.score).toBeCloseTo((w * x1b) / (1 + x1b), 12);
    expect(index.explain(new Bm25fTermQuery(['title', 'text'], 'wing'), 'd1').description).toMatch(/BM25F/);
  });
  it('is what search uses for plain queries over several fields by default, and bm25f: false sums fields', async () => {
    const index = await tiny();
    const w = idf(3, 2);
    const x1 = part(1, 1, 1) + part(1, 2, 7 / 3);
    expect(index.search('wing')[0]!.score).toBeCloseTo((0.85 * w * x1) / (1 + x1), 12); // proximity on: terms weigh 0.85
    expect(index.search('wing', { proximity: false })[0]!.score).toBeCloseTo((w * x1) / (1 + x1), 12);
    const sum = idf(3, 1) * (1 / (1 + 1.2 * (1 - 0.75 + 0.75))) + w * (1 / (1 + 1.2 * (1 - 0.75 + (0.75 * 2) / (7 / 3))));
    expect(index.search('wing', { proximity: false, bm25f: false })[0]!.score).toBeCloseTo(sum, 12);
  });
  it('needs one analyzer across the fields when asked for', async () => {
    const index = await SearchIndex.create({ fields: ['title', 'text'], analyzer: WS, fieldAnalyzers: { title: { ...WS, stopWords: false } } });
    index.add({ id: 'd1', title: 'wing', text: 'wing flow' });
    expect(() => index.search('wing', { bm25f: true })).toThrow(/one analyzer/);
    expect(index.search('wing').map((h) => h.id)).toEqual(['d1']); // the default falls back to the sum
  });
  it('is a BM25 model: TF-IDF searches sum the fields', async () => {
    const index = await tiny();
    expect(() => index.search('wing', { model: 'tfidf', bm25f: true })).toThrow(/model 'bm25'/);
    const sum = index.search('wing', { model: 'tfidf', proximity: false, bm25f: false });
    expect(index.search('wing', { model: 'tfidf', proximity: false })).toEqual(sum);
  });
});

describe('Bm25fTermQuery (constructor)', () => {
  it('rejects negative, infinite or NaN weights and boosts and an empty field list', async () => {
    expect(() => new Bm25fTermQuery(['title', 'text'], 'wing', { title: -1 })).toThrow(/weight of "title"/);
    expect(() => new Bm25fTermQuery(['title', 'text'], 'wing', { title: NaN })).toThrow(/weight of "title"/);
    expect(() => new Bm25fTermQuery(['title'], 'wing', {}, Infinity)).toThrow(/boost must be a finite number/);
    expect(() => new Bm25fTermQuery([], 'wing')).toThrow(/fields must be a non-empty list/);
    await expect(SearchIndex.create({ fields: ['title', 'text'], boosts: { title: Infinity } })).rejects.toThrow(/boosts|boost must be a finite/);
    expect(new Bm25fTermQuery(['title'], 'wing', { title: 0 }).toString()).toBe('bm25f(title^0):wing');
  });
});
