import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArgumentError, ConfigError, SearchIndex } from '../../src/index.js';

// BM25 for "wing" ranks a > b > c (d has no "wing"); cosine to [1, 0] ranks c > d > b > a.
const docs = [
  { id: 'a', text: 'wing wing wing', vector: Float32Array.from([-1, 0]) },
  { id: 'b', text: 'wing flow', vector: Float32Array.from([0, 1]) },
  { id: 'c', text: 'wing flow flow flow flow', vector: Float32Array.from([2, 0]) },
  { id: 'd', text: 'flow', vector: [0.8, 0.6] },
  { id: 'e', text: 'wing flow flow flow flow flow flow' }, // no vector
];
const q = Float32Array.from([1, 0]);

async function make(): Promise<SearchIndex> {
  const index = await SearchIndex.create({ fields: ['text'], vectorField: 'vector' });
  index.addAll(docs);
  return index;
}

describe('hybrid search', () => {
  it('ranks by vector alone for an empty query (cosine scores, docs without a vector left out)', async () => {
    const r = (await make()).search('', { vector: q });
    expect(r.map((x) => x.id)).toEqual(['c', 'd', 'b', 'a']);
    expect(r.map((x) => x.score)).toEqual([1, expect.closeTo(0.8, 6), 0, -1].map((x) => (typeof x === 'number' ? expect.closeTo(x, 6) : x)));
  });

  it('reciprocal rank fusion (k 60) gives the ranking computed by hand', async () => {
    const index = await make();
    expect(index.search('wing', { proximity: false }).map((x) => x.id)).toEqual(['a', 'b', 'c', 'e']);
    // a: 1/61 + 1/64, b: 1/62 + 1/63, c: 1/63 + 1/61, e: 1/64 (lexical only), d: 1/62 (vector only).
    const r = index.search('wing', { proximity: false, vector: q, hybrid: { fusion: 'rrf' } });
    expect(r.map((x) => x.id)).toEqual(['c', 'a', 'b', 'd', 'e']);
    expect(r[0]!.score).toBeCloseTo(1 / 63 + 1 / 61, 12);
    expect(r[4]!.score).toBeCloseTo(1 / 64, 12);
    const k10 = index.search('wing', { proximity: false, vector: q, hybrid: { k: 10 } });
    expect(k10[0]!.score).toBeCloseTo(1 / 13 + 1 / 11, 12);
  });

  it('convex fusion: weight x min-max(cosine) + (1 - weight) x min-max(BM25)', async () => {
    const index = await make();
    const bm = new Map(index.search('wing', { proximity: false }).map((x) => [x.id, x.score]));
    const lo = Math.min(...bm.values());
    const hi = Math.max(...bm.values());
    const cos: Record<string, number> = { a: -1, b: 0, c: 1, d: 0.8 };
    const w = 0.3;
    const expected = ['a', 'b', 'c', 'd', 'e']
      .map((id) => ({ id, score: (1 - w) * (bm.has(id) ? (bm.get(id)! - lo) / (hi - lo) : 0) + w * (id in cos ? (cos[id]! + 1) / 2 : 0) }))
      .sort((x, y) => y.score - x.score);
    const r = index.search('wing', { proximity: false, vector: q, hybrid: { fusion: 'convex', weight: w } });
    expect(r.map((x) => x.id)).toEqual(expected.map((x) => x.id));
    r.forEach((x, i) => expect(x.score).toBeCloseTo(expected[i]!.score, 6));
    expect(index.search('wing', { proximity: false, vector: q, hybrid: { fusion: 'convex', weight: 1 } })[0]!.id).toBe('c');
  });

  it('the filter applies to both rankings', async () => {
    const r = (await make()).search('wing', { proximity: false, vector: q, filter: (id) => id !== 'c' && id !== 'e' });
    // lexical a, b; vector d, b, a: a 1/61 + 1/63, b 1/62 + 1/62, d 1/61.
    expect(r.map((x) => x.id)).toEqual(['a', 'b', 'd']);
  });

  it('vectors survive save/load and compact', async () => {
    const index = await make();
    const before = index.search('wing', { vector: q });
    const dir = mkdtempSync(join(tmpdir(), 'tl-hyb-'));
    await index.save(dir);
    const back = await SearchIndex.load(dir);
    expect(back.vectorField).toBe('vector');
    expect(back.search('wing', { vector: q })).toEqual(before);
    back.remove('d');
    back.compact();
    expect(back.search('', { vector: q }).map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });

  it('bad vectors and options are typed errors; a bad batch adds nothing', async () => {
    const index = await SearchIndex.create({ fields: ['text'], vectorField: 'vector' });
    index.add({ id: 'x', text: 'a', vector: [1, 2, 3] });
    expect(() => index.addAll([{ id: 'y', text: 'b', vector: [1, 2, 3] }, { id: 'z', text: 'c', vector: [1, 2] }])).toThrow(ArgumentError);
    expect(index.documentCount).toBe(1);
    for (const v of [[1, NaN, 0], [0, 0, 0], 'abc']) expect(() => index.add({ id: 'w', text: 'd', vector: v })).toThrow(ArgumentError);
    expect(() => index.update({ id: 'x', text: 'a', vector: [1] })).toThrow(ArgumentError);
    expect(index.has('x')).toBe(true);
    expect(() => index.search('a', { vector: [1, 2] })).toThrow(ArgumentError);
    expect(() => index.search('a', { hybrid: { fusion: 'rrf' } })).toThrow(ArgumentError);
    expect(() => index.search('a', { vector: [1, 2, 3], hybrid: { fusion: 'max' as never } })).toThrow(ArgumentError);
    expect(() => index.search('a', { vector: [1, 2, 3], hybrid: { weight: 2 } })).toThrow(ArgumentError);
    const plain = await SearchIndex.create({ fields: ['text'] });
    expect(() => plain.search('a', { vector: [1] })).toThrow(ArgumentError);
    await expect(SearchIndex.create({ fields: ['text'], vectorField: 'text' })).rejects.toBeInstanceOf(ConfigError);
  });
});
