import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/search/query/parser.js';
import { PhraseQuery } from '../../src/search/query/phrase/phrase-query.js';
import { sloppyPhraseFreq } from '../../src/search/query/phrase/sloppy.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { WS } from './helpers.js';

// BM25 by hand (Lucene 8+, no (k1 + 1) factor); lengths below 24 are stored exactly.
const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
const bm25 = (w: number, tf: number, dl: number, avgdl: number) => (w * tf) / (tf + 1.2 * (1 - 0.75 + (0.75 * dl) / avgdl));
const freq = (a: number[], b: number[], slop: number) => sloppyPhraseFreq([Int32Array.from(a), Int32Array.from(b)], [a.length, b.length], [0, 1], slop);

describe('sloppyPhraseFreq (Lucene SloppyPhraseMatcher)', () => {
  it('counts each match as 1 / (1 + moves)', () => {
    expect(freq([0], [1], 0)).toBe(1); // "a b": exact
    expect(freq([0], [2], 1)).toBe(1 / 2); // "a x b": one move
    expect(freq([0], [3], 1)).toBe(0); // "a x x b": two moves > slop 1
    expect(freq([1], [0], 1)).toBe(0); // "b a": reversing takes two moves
    expect(freq([1], [0], 2)).toBe(1 / 3);
    expect(freq([0, 5], [1, 6], 1)).toBe(2); // "a b x x x a b": two exact matches
    expect(freq([0, 5], [1, 9], 1)).toBe(1); // the second a is 4 moves from its b
  });
  it('handles three terms (match length = spread of the shifted positions)', () => {
    // "a c b" for "a b c"~2: shifted positions a 0, b 2-1 = 1, c 1-2 = -1 -> length 2
    const f = sloppyPhraseFreq([Int32Array.of(0), Int32Array.of(2), Int32Array.of(1)], [1, 1, 1], [0, 1, 2], 2);
    expect(f).toBe(1 / 3);
  });
});

describe('sloppy phrase queries', () => {
  it('parses "a b"~N as Lucene (number touching ~, fraction truncated, bare ~ is exact)', () => {
    expect(parseQuery('"wing flow"~3')).toEqual({ type: 'phrase', text: 'wing flow', slop: 3 });
    expect(parseQuery('"wing flow"~2.7')).toEqual({ type: 'phrase', text: 'wing flow', slop: 2 });
    expect(parseQuery('"wing flow"~')).toEqual({ type: 'phrase', text: 'wing flow' });
    expect(parseQuery('title:"wing flow"~1^2')).toEqual({ type: 'phrase', text: 'wing flow', field: 'title', slop: 1, boost: 2 });
    expect(() => new PhraseQuery('text', ['a', 'b'], [0, 1], 1, -1)).toThrow(/slop/);
  });
  it('matches and scores within the slop (worked example)', async () => {
    const index = await SearchIndex.create({ fields: ['text'], analyzer: WS });
    index.addAll([
      { id: 'd1', text: 'wing flow' },
      { id: 'd2', text: 'flow gust wing' },
      { id: 'd3', text: 'wing gust flow' },
    ]);
    const avgdl = 8 / 3;
    const w = 2 * idf(3, 3); // phrase idf = sum of the terms' idfs
    expect(index.search('"wing flow"').map((r) => r.id)).toEqual(['d1']);
    const one = index.search('"wing flow"~1');
    expect(one.map((r) => r.id)).toEqual(['d1', 'd3']);
    expect(one[1]!.score).toBeCloseTo(bm25(w, 1 / 2, 3, avgdl), 12);
    // d2 has the words reversed with one word between: 3 moves.
    expect(index.search('"wing flow"~2').map((r) => r.id)).toEqual(['d1', 'd3']);
    const three = index.search('"wing flow"~3');
    expect(three.map((r) => r.id).sort()).toEqual(['d1', 'd2', 'd3']);
    expect(three.find((r) => r.id === 'd2')!.score).toBeCloseTo(bm25(w, 1 / 4, 3, avgdl), 12);
    expect(index.count('"wing flow"~1')).toBe(2);
    expect(index.explain('"wing flow"~1', 'd3').description).toMatch(/phraseFreq=0.5/);
  });
});
