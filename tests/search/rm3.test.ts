import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/search/search-index.js';
import { WS } from './helpers.js';

const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
const bm25 = (w: number, tf: number, dl: number, avgdl: number) => (w * tf) / (tf + 1.2 * (1 - 0.75 + (0.75 * dl) / avgdl));

// d1 "wing flow flow", d2 "wing gust", d3 "tip" and 20 filler docs "zzz" (N = 23): feedback terms
// must be in at most 10% of the docs (df <= 2.3), which keeps wing (2), flow, gust (1) and drops zzz.
async function tiny() {
  const index = await SearchIndex.create({ fields: ['text'], analyzer: WS });
  index.addAll([{ id: 'd1', text: 'wing flow flow' }, { id: 'd2', text: 'wing gust' }, { id: 'd3', text: 'tip' }]);
  for (let i = 0; i < 20; i++) index.add({ id: `z${i}`, text: 'zzz' });
  return index;
}
const N = 23;
const AVGDL = 26 / 23;

describe('SearchIndex.search (rm3)', () => {
  it('expands the query with the relevance model of the top docs (worked example)', async () => {
    const index = await tiny();
    const plain = { proximity: false as const };
    // first pass: "wing" (tf 1) in d2 (length 2) and d1 (length 3)
    const s1 = bm25(idf(N, 2), 1, 3, AVGDL);
    const s2 = bm25(idf(N, 2), 1, 2, AVGDL);
    expect(index.search('wing', plain).map((h) => h.score)).toEqual([expect.closeTo(s2, 12), expect.closeTo(s1, 12)]);
    // doc vectors, L1-normalized: d1 {wing 1/3, flow 2/3}, d2 {wing 1/2, gust 1/2}; weighted by the
    // first-pass scores, normalized by their sum, then mixed half and half with the query {wing 1}
    const z = s1 + s2;
    const wWing = 0.5 + (0.5 * (s1 / 3 + s2 / 2)) / z;
    const wFlow = (0.5 * ((2 * s1) / 3)) / z;
    const wGust = (0.5 * (s2 / 2)) / z;
    const hits = index.search('wing', { ...plain, rm3: { fbDocs: 2 } });
    const d1 = wWing * bm25(idf(N, 2), 1, 3, AVGDL) + wFlow * bm25(idf(N, 1), 2, 3, AVGDL);
    const d2 = wWing * bm25(idf(N, 2), 1, 2, AVGDL) + wGust * bm25(idf(N, 1), 1, 2, AVGDL);
    expect(hits.map((h) => h.id)).toEqual(d1 > d2 ? ['d1', 'd2'] : ['d2', 'd1']);
    const byId = Object.fromEntries(hits.map((h) => [h.id, h.score]));
    expect(byId.d1).toBeCloseTo(d1, 12);
    expect(byId.d2).toBeCloseTo(d2, 12);
    // fbTerms prunes each doc vector and the model; weight 1 keeps the original query only
    expect(index.search('wing', { ...plain, rm3: { fbDocs: 2, originalQueryWeight: 1 } })[0]!.score).toBeCloseTo(s2, 12);
  });
  it('sees documents added after a feedback search (term vectors are rebuilt)', async () => {
    const index = await tiny();
    index.search('wing', { rm3: true });
    index.add({ id: 'd4', text: 'wing gust gust' });
    const fresh = await tiny();
    fresh.add({ id: 'd4', text: 'wing gust gust' });
    const strip = (hs: { id: string; score: number }[]) => hs.map((h) => [h.id, h.score.toFixed(12)]);
    expect(strip(index.search('wing', { rm3: true }))).toEqual(strip(fresh.search('wing', { rm3: true })));
    expect(index.search('wing', { rm3: true }).map((h) => h.id)).toContain('d4');
  });
  it('is off by default, ignores structured queries and rejects bad options', async () => {
    const index = await tiny();
    expect(index.search('wing', { proximity: false }).map((h) => h.id)).toEqual(['d2', 'd1']);
    expect(index.search('+wing', { rm3: true }).length).toBe(2);
    expect(() => index.search('wing', { rm3: { fbDocs: 0 } })).toThrow(/fbDocs/);
    expect(() => index.search('wing', { rm3: { originalQueryWeight: 2 } })).toThrow(/originalQueryWeight/);
  });
});

describe('SearchIndex.search (rm3, per-field analyzers)', () => {
  it('analyzes the query and the feedback terms with each field\'s own analyzer', async () => {
    // title: whitespace, no stemming ("wings"); text: stemmed ("wing")
    const index = await SearchIndex.create({ fields: ['title', 'text'], analyzer: WS, fieldAnalyzers: { title: { pipeline: { tokenizer: { factory: 'whitespace' }, components: [] }, termAttr: null } } });
    index.addAll([{ id: 'd1', title: 'wings', text: 'wings flow flow' }, { id: 'd2', text: 'wing gust' }]);
    for (let i = 0; i < 20; i++) index.add({ id: `z${i}`, title: 'zzz', text: 'zzz' });
    const strip = (hs: { id: string; score: number }[]) => hs.map((h) => [h.id, h.score.toFixed(12)]);
    const plain = index.search('wings', { proximity: false });
    expect(plain.map((h) => h.id)).toEqual(['d1', 'd2']);
    // weight 1 on the original query: the same ranking as without feedback
    expect(strip(index.search('wings', { proximity: false, rm3: { originalQueryWeight: 1 } }))).toEqual(strip(plain));
    // the text field's model holds its stems (flow, gust), never title's unstemmed "wings"
    const hits = index.search('wings', { proximity: false, rm3: { fbDocs: 2 } });
    expect(hits.map((h) => h.id).sort()).toEqual(['d1', 'd2']);
  });
});

describe('SearchIndex.explain (rm3)', () => {
  it("explains a hit's score with the feedback docs of the same filtered search", async () => {
    const index = await tiny();
    const opts = { proximity: false as const, rm3: { fbDocs: 2 }, filter: (id: string) => id !== 'd2' };
    const hits = index.search('wing', opts);
    expect(hits.map((h) => h.id)).toEqual(['d1']);
    // without the filter, d2 would join the feedback set and add "gust" to the expansion
    expect(index.explain('wing', 'd1', { ...opts, filter: undefined }).value).not.toBeCloseTo(hits[0]!.score, 9);
    expect(index.explain('wing', 'd1', opts).value).toBeCloseTo(hits[0]!.score, 12);
  });
});
