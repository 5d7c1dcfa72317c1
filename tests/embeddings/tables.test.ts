import { describe, expect, it } from 'vitest';
import { buildHuffman } from '../../src/embeddings/huffman.js';
import { Rng } from '../../src/util/rng.js';
import { buildNoiseTable } from '../../src/embeddings/noise-table.js';
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

/** word2vec.c's InitUnigramTable slot by slot (the definition buildNoiseTable must match). */
function slotBySlot(counts: number[], size: number, power = 0.75): Int32Array {
  const table = new Int32Array(size);
  let pow = 0;
  for (const c of counts) pow += Math.pow(c, power);
  let i = 0;
  let d1 = Math.fround(Math.pow(counts[0]!, power) / pow);
  for (let a = 0; a < size; a++) {
    table[a] = i;
    if (a / size > d1) {
      i++;
      if (i < counts.length) d1 = Math.fround(d1 + Math.pow(counts[i]!, power) / pow);
    }
    if (i >= counts.length) i = counts.length - 1;
  }
  return table;
}

describe('buildNoiseTable', () => {
  it("fills the same slots as word2vec.c's slot-by-slot loop", () => {
    const rng = new Rng(5);
    for (const [v, size] of [[1, 10], [2, 7], [5, 1000], [300, 100003], [2000, 50000], [40, 1000000]] as const) {
      const counts = Array.from({ length: v }, (_, i) => Math.max(1, Math.floor(5000 / (i + 1)) + rng.int(3)));
      counts.sort((x, y) => y - x);
      expect(Buffer.from(buildNoiseTable(counts, size).buffer).equals(Buffer.from(slotBySlot(counts, size).buffer))).toBe(true);
    }
  });

  it("fills slots like word2vec.c's InitUnigramTable (worked example)", () => {
    expect(Array.from(buildNoiseTable([1, 1], 10))).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
  });
  it('follows count^0.75', () => {
    const t = buildNoiseTable([16, 1], 100000);
    let zeros = 0;
    for (const x of t) if (x === 0) zeros++;
    expect(zeros / t.length).toBeCloseTo(8 / 9, 3);
  });
});
