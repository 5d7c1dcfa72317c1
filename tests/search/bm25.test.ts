import { describe, expect, it } from 'vitest';
import { bm25Idf, decodeNorm, encodeNorm, LENGTH_TABLE, normCache, TermSimilarity, tfidfIdf } from '../../src/search/bm25.js';

describe('encodeNorm / decodeNorm', () => {
  it('is exact below 24, as SmallFloat.intToByte4', () => {
    for (let i = 0; i < 24; i++) expect(decodeNorm(encodeNorm(i))).toBe(i);
  });
  it('keeps 4 significant bits above (worked example: 100 -> byte 57 -> 96)', () => {
    expect(encodeNorm(100)).toBe(57);
    expect(decodeNorm(57)).toBe(96);
    expect(encodeNorm(0x7fffffff)).toBe(255);
  });
  it('is monotone and never decodes above the length', () => {
    let prev = -1;
    for (let L = 0; L < 5000; L++) {
      const b = encodeNorm(L);
      expect(b).toBeGreaterThanOrEqual(prev);
      expect(decodeNorm(b)).toBeLessThanOrEqual(L);
      prev = b;
    }
    expect(LENGTH_TABLE[57]).toBe(96);
  });
});

describe('bm25Idf / tfidfIdf', () => {
  it('follow Lucene 8+', () => {
    expect(bm25Idf(1398, 316)).toBeCloseTo(Math.log(1 + (1398 - 316 + 0.5) / 316.5), 12);
    expect(bm25Idf(10, 10)).toBeGreaterThan(0); // never negative, unlike classic Robertson idf
    expect(tfidfIdf(9, 0)).toBeCloseTo(1 + Math.log(10), 12);
  });
});

describe('TermSimilarity.score', () => {
  it('equals idf * freq / (freq + k1 (1 - b + b dl / avgdl)) with the decoded dl', () => {
    const avgdl = 37.5;
    const sim = new TermSimilarity('bm25', 2 * 1.7, normCache('bm25', 1.2, 0.75, avgdl));
    for (const [freq, len] of [[1, 3], [3, 100], [7, 1000]] as const) {
      const dl = decodeNorm(encodeNorm(len));
      expect(sim.score(freq, encodeNorm(len))).toBeCloseTo((2 * 1.7 * freq) / (freq + 1.2 * (1 - 0.75 + (0.75 * dl) / avgdl)), 12);
    }
  });
  it('tfidf is sqrt(freq) * idf / sqrt(dl)', () => {
    const sim = new TermSimilarity('tfidf', 2, normCache('tfidf', 0, 0, 1));
    expect(sim.score(4, encodeNorm(16))).toBeCloseTo((2 * 2) / 4, 12);
  });
});
