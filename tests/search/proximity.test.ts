import { describe, expect, it } from 'vitest';
import { parseLenient } from '../../src/search/query/parser.js';
import { plainQueryWords, sequentialDependenceQuery } from '../../src/search/proximity.js';
import { windowFreq } from '../../src/search/query/window/window-freq.js';
import { WindowQuery } from '../../src/search/query/window/window-query.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { WS } from './helpers.js';

// BM25 by hand (Lucene 8+, no (k1 + 1) factor); lengths below 24 are stored exactly.
const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
const bm25 = (w: number, tf: number, dl: number, avgdl: number) => (w * tf) / (tf + 1.2 * (1 - 0.75 + (0.75 * dl) / avgdl));

// d1 "wing flow" (wing 0, flow 1), d2 "flow gust wing" (flow 0, wing 2), d3 "tip tip tip".
async function tiny() {
  const index = await SearchIndex.create({ fields: ['text'], analyzer: WS });
  index.addAll([
    { id: 'd1', text: 'wing flow' },
    { id: 'd2', text: 'flow gust wing' },
    { id: 'd3', text: 'tip tip tip' },
  ]);
  return index;
}
const AVGDL = 8 / 3;
const IDF = idf(3, 2); // wing and flow are both in 2 of 3 docs

describe('windowFreq', () => {
  it('ordered: each first-term occurrence pairs with the next second-term occurrence', () => {
    expect(windowFreq(Int32Array.of(0, 5), 2, Int32Array.of(1, 9), 2, 1, true)).toBe(1); // 0->1 gap 0; 5->9 gap 3 > 1
    expect(windowFreq(Int32Array.of(0), 1, Int32Array.of(2), 1, 1, true)).toBe(0.5); // gap 1 -> 1/2
    expect(windowFreq(Int32Array.of(3), 1, Int32Array.of(1), 1, 8, true)).toBe(0); // wrong order
  });
  it('unordered: merges the lists, each step matching within the window', () => {
    expect(windowFreq(Int32Array.of(5), 1, Int32Array.of(1), 1, 8, false)).toBe(1 / 4); // gap 3
    // (0,3) gap 2 -> 1/3, then (10,3) gap 6 -> 1/7
    expect(windowFreq(Int32Array.of(0, 10), 2, Int32Array.of(3), 1, 8, false)).toBeCloseTo(1 / 3 + 1 / 7, 15);
    expect(windowFreq(Int32Array.of(0), 1, Int32Array.of(20), 1, 8, false)).toBe(0);
  });
  it('pairs a repeated term occurrence to next occurrence', () => {
    const p = Int32Array.of(0, 1, 5);
    expect(windowFreq(p, 3, p, 3, 1, true, true)).toBe(1); // 0->1 only
    expect(windowFreq(p, 3, p, 3, 8, false, true)).toBe(1 + 1 / 4); // 0->1, 1->5
  });
});

describe('WindowQuery', () => {
  it('scores the sloppy frequency with BM25 and the summed idf (worked example)', async () => {
    const index = await tiny();
    const near = index.search(new WindowQuery('text', 'wing', 'flow', { slop: 1, ordered: true }));
    expect(near.map((r) => r.id)).toEqual(['d1']); // d2 has flow before wing
    expect(near[0]!.score).toBeCloseTo(bm25(2 * IDF, 1, 2, AVGDL), 12);
    const uw = index.search(new WindowQuery('text', 'wing', 'flow', { slop: 8, ordered: false }));
    expect(uw.map((r) => r.id)).toEqual(['d1', 'd2']);
    expect(uw[1]!.score).toBeCloseTo(bm25(2 * IDF, 0.5, 3, AVGDL), 12); // d2: gap 1 -> freq 1/2
    expect(index.explain(new WindowQuery('text', 'wing', 'flow', { slop: 8, ordered: false }), 'd2').description).toMatch(/sloppyFreq=0.5/);
  });
});

describe('plainQueryWords', () => {
  it('accepts only OR queries of plain unfielded terms', () => {
    expect(plainQueryWords(parseLenient('wing flow'))).toEqual(['wing', 'flow']);
    expect(plainQueryWords(parseLenient('wing'))).toEqual(['wing']);
    for (const q of ['wing AND flow', '"wing flow"', 'title:wing flow', 'wing^2 flow', 'wing*', 'wing -flow']) expect(plainQueryWords(parseLenient(q)), q).toBeNull();
  });
});

describe('sequentialDependenceQuery', () => {
  it('builds 0.85 terms + 0.10 ordered pairs + 0.05 unordered pairs over the analyzed words', async () => {
    const index = await tiny();
    const q = sequentialDependenceQuery(['the', 'wings', 'flow'], ['text'], {}, (f) => index.analyzer(f))!;
    expect(q.toString()).toBe('text:wing^0.85 text:flow^0.85 text:near1(wing flow)^0.1 text:uw8(wing flow)^0.05');
  });
});

describe('SearchIndex.search (proximity)', () => {
  it('adds the window scores to the terms (worked example) and is off with proximity: false', async () => {
    const index = await tiny();
    const terms = (dl: number) => bm25(IDF, 1, dl, AVGDL) * 2; // wing and flow, tf 1 each
    const on = index.search('wing flow');
    expect(on.map((r) => r.id)).toEqual(['d1', 'd2']);
    expect(on[0]!.score).toBeCloseTo(0.85 * terms(2) + 0.1 * bm25(2 * IDF, 1, 2, AVGDL) + 0.05 * bm25(2 * IDF, 1, 2, AVGDL), 12);
    expect(on[1]!.score).toBeCloseTo(0.85 * terms(3) + 0.05 * bm25(2 * IDF, 0.5, 3, AVGDL), 12);
    const off = index.search('wing flow', { proximity: false });
    expect(off[0]!.score).toBeCloseTo(terms(2), 12);
    // custom weights and windows; structured queries are left as written
    const custom = index.search('wing flow', { proximity: { weights: [1, 1, 0], orderedSlop: 0 } });
    expect(custom[0]!.score).toBeCloseTo(terms(2) + bm25(2 * IDF, 1, 2, AVGDL), 12);
    expect(index.search('wing AND flow')[0]!.score).toBeCloseTo(terms(2), 12);
  });
  it('rejects bad proximity options', async () => {
    const index = await tiny();
    expect(() => index.search('wing flow', { proximity: { weights: [1, -1, 0] } })).toThrow(/proximity.weights/);
    expect(() => index.search('wing flow', { proximity: { orderedSlop: 1.5 } })).toThrow(/orderedSlop/);
  });
});

describe('WindowQuery (constructor)', () => {
  it('rejects a negative, fractional or NaN slop, a non-boolean order and a bad boost', () => {
    for (const slop of [-1, 0.5, NaN]) expect(() => new WindowQuery('text', 'a', 'b', { slop, ordered: true })).toThrow(/window must be/);
    expect(() => new WindowQuery('text', 'a', 'b', { slop: 1, ordered: 'yes' as never })).toThrow(/window must be/);
    expect(() => new WindowQuery('text', 'a', 'b', { slop: 1, ordered: true }, -0.5)).toThrow(/boost must be/);
    expect(new WindowQuery('text', 'a', 'b', { slop: 0, ordered: false }).toString()).toBe('text:uw0(a b)');
  });
});
