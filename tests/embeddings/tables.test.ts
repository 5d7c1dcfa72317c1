import { describe, expect, it } from 'vitest';
import { buildHuffman } from '../../src/embeddings/huffman.js';
import { buildCumulativeTable, buildNoiseTable } from '../../src/embeddings/noise-table.js';
import { ArgumentError } from '../../src/index.js';

describe('buildHuffman', () => {
  it("builds word2vec.c's codes and points (worked example, counts 5 3 2 1)", () => {
    const h = buildHuffman([5, 3, 2, 1]);
    const word = (w: number) => ({
      code: Array.from(h.codes.subarray(h.start[w]!, h.start[w + 1]!)),
      point: Array.from(h.points.subarray(h.start[w]!, h.start[w + 1]!)),
    });
    expect(word(0)).toEqual({ code: [0], point: [2] });
    expect(word(1)).toEqual({ code: [1, 1], point: [2, 1] });
    expect(word(2)).toEqual({ code: [1, 0, 1], point: [2, 1, 0] });
    expect(word(3)).toEqual({ code: [1, 0, 0], point: [2, 1, 0] });
  });
  it('gives a prefix-free code', () => {
    const counts = Array.from({ length: 50 }, (_, i) => 1000 - i * 17);
    const h = buildHuffman(counts);
    const codes = counts.map((_, w) => Array.from(h.codes.subarray(h.start[w]!, h.start[w + 1]!)).join(''));
    for (const a of codes) for (const b of codes) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });
  it('needs two words', () => {
    expect(() => buildHuffman([3])).toThrow(ArgumentError);
  });
});

describe('buildNoiseTable', () => {
  it("fills slots like word2vec.c's InitUnigramTable (worked example)", () => {
    expect(Array.from(buildNoiseTable([1, 1], 10))).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
  });
  it("equals word2vec.c's slot-by-slot loop in C float arithmetic", () => {
    // InitUnigramTable transcribed literally (long long sum, float d1 and a / (real)table_size).
    const reference = (counts: number[], size: number): Int32Array => {
      const fr = Math.fround;
      const t = new Int32Array(size);
      let sum = 0;
      for (const c of counts) sum = Math.trunc(sum + Math.pow(c, 0.75));
      let i = 0;
      let d1 = fr(Math.pow(counts[0]!, 0.75) / fr(sum));
      for (let a = 0; a < size; a++) {
        t[a] = i;
        if (fr(fr(a) / fr(size)) > d1) {
          i++;
          if (i < counts.length) d1 = fr(d1 + Math.pow(counts[i]!, 0.75) / fr(sum));
        }
        if (i >= counts.length) i = counts.length - 1;
      }
      return t;
    };
    const zipf = Array.from({ length: 3000 }, (_, r) => Math.max(1, Math.floor(1e6 / (r + 1))));
    for (const [counts, size] of [
      [zipf, 1e6],
      [zipf, 20000001],
      [[5, 1000, 3, 3, 1], 997], // unsorted (like </s> first)
      [[1, 1, 1, 1], 3], // more words than slots
    ] as [number[], number][]) {
      expect(Buffer.from(buildNoiseTable(counts, size).buffer).equals(Buffer.from(reference(counts, size).buffer))).toBe(true);
    }
  });
  it('follows count^0.75', () => {
    const t = buildNoiseTable([16, 1], 100000);
    let zeros = 0;
    for (const x of t) if (x === 0) zeros++;
    expect(zeros / t.length).toBeCloseTo(8 / 9, 3);
  });
});

describe('buildCumulativeTable', () => {
  it("gives gensim's cum_table: rounded cumulative count^0.75 shares of 2^31 - 1", () => {
    expect(Array.from(buildCumulativeTable([10, 5, 1]))).toEqual([1211603184, 1932026747, 2 ** 31 - 1]);
  });
  it('is non-decreasing, one entry per word, with gaps proportional to count^0.75', () => {
    const counts = Array.from({ length: 500 }, (_, i) => Math.max(1, Math.floor(1e6 / (i + 1))));
    const t = buildCumulativeTable(counts);
    expect(t.length).toBe(500);
    let total = 0;
    for (const c of counts) total += c ** 0.75;
    for (let i = 0; i < t.length; i++) {
      const gap = t[i]! - (i ? t[i - 1]! : 0);
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(Math.abs(gap / (2 ** 31 - 1) - counts[i]! ** 0.75 / total)).toBeLessThan(2e-9);
    }
  });
});
