import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VectorIndex } from '../../src/ann/vector-index.js';
import type { VectorIndexOptions } from '../../src/ann/options.js';
import { BinaryFileError } from '../../src/io/binfmt.js';
import { ArgumentError, ConfigError } from '../../src/core/errors.js';
import { Rng } from '../../src/util/rng.js';

/** n vectors of dimension dim from a seeded mixture of 8 Gaussian clusters. */
function mixture(n: number, dim: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const centres = Array.from({ length: 8 }, () => Float32Array.from({ length: dim }, () => gauss() * 3));
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const c = centres[rng.int(8)]!;
    for (let d = 0; d < dim; d++) out[i * dim + d] = c[d]! + gauss();
  }
  return out;
}

function build(opts: VectorIndexOptions, data: Float32Array, ids?: number[]): VectorIndex {
  const index = VectorIndex.create(opts);
  const n = data.length / opts.dim;
  index.addAll(ids ?? Array.from({ length: n }, (_, i) => i), data);
  return index;
}

/** Mean recall@k of `approx` against `exact` over the queries. */
function recall(approx: VectorIndex, exact: VectorIndex, queries: Float32Array, k: number, ef?: number): number {
  const a = approx.searchBatch(queries, k, ef ? { efSearch: ef } : {});
  const e = exact.searchBatch(queries, k);
  let hit = 0;
  for (let q = 0; q < a.length; q++) {
    const truth = new Set(e[q]!.map((h) => h.id));
    hit += a[q]!.filter((h) => truth.has(h.id)).length;
  }
  return hit / (a.length * k);
}

/** Brute-force top-k in plain JS (the oracle of the flat index). */
function bruteForce(data: Float32Array, dim: number, q: Float32Array, k: number, metric: 'cosine' | 'ip' | 'l2'): { id: number; score: number }[] {
  const n = data.length / dim;
  const qn = Math.hypot(...q);
  const out: { id: number; score: number }[] = [];
  for (let i = 0; i < n; i++) {
    const row = data.subarray(i * dim, (i + 1) * dim);
    let dot = 0;
    let l2 = 0;
    for (let d = 0; d < dim; d++) {
      dot += row[d]! * q[d]!;
      l2 += (row[d]! - q[d]!) ** 2;
    }
    const score = metric === 'cosine' ? dot / (Math.hypot(...row) * qn) : metric === 'ip' ? dot : Math.sqrt(l2);
    out.push({ id: i, score });
  }
  out.sort((a, b) => (metric === 'l2' ? a.score - b.score : b.score - a.score));
  return out.slice(0, k);
}

const DIM = 24;
const DATA = mixture(3000, DIM, 7);
const QUERIES = mixture(100, DIM, 8);

describe('VectorIndex.create', () => {
  it('rejects bad options with the key', () => {
    expect(() => VectorIndex.create({ dim: 0 })).toThrow(ConfigError);
    expect(() => VectorIndex.create({ dim: 4, metric: 'dot' as never })).toThrow(/metric/);
    expect(() => VectorIndex.create({ dim: 4, ef_search: 3 } as never)).toThrow(/efSearch/);
    expect(() => VectorIndex.create({} as never)).toThrow(ArgumentError);
    expect(() => VectorIndex.create({ dim: 4, kind: 'flat', quantization: 'int8' })).toThrow(/hnsw/);
  });
});

describe('flat search', () => {
  it.each(['cosine', 'ip', 'l2'] as const)('matches a brute-force scan under %s', (metric) => {
    const index = build({ dim: DIM, kind: 'flat', metric }, DATA);
    for (let q = 0; q < 20; q++) {
      const query = QUERIES.subarray(q * DIM, (q + 1) * DIM);
      const got = index.search(query, 5);
      const want = bruteForce(DATA, DIM, query, 5, metric);
      expect(got.map((h) => h.id)).toEqual(want.map((h) => h.id));
      got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 2));
    }
  });
  it('searchBatch equals one search per query (more queries than one batch tile)', () => {
    const index = build({ dim: DIM, kind: 'flat' }, DATA);
    const batch = index.searchBatch(QUERIES.subarray(0, 37 * DIM), 7);
    expect(batch).toHaveLength(37);
    batch.forEach((hits, q) => expect(hits).toEqual(index.search(QUERIES.subarray(q * DIM, (q + 1) * DIM), 7)));
  });
});

describe('hnsw search', () => {
  // 24-d Gaussian clusters are a hard case (little structure within a cluster); efSearch 256 of 3000.
  it.each(['cosine', 'l2'] as const)('recall@10 against the flat index is above 0.95 under %s', (metric) => {
    const hnsw = build({ dim: DIM, metric, m: 12, efConstruction: 100 }, DATA);
    const flat = build({ dim: DIM, metric, kind: 'flat' }, DATA);
    expect(recall(hnsw, flat, QUERIES, 10, 256)).toBeGreaterThan(0.95);
    expect(recall(hnsw, flat, QUERIES, 10, 2000)).toBeGreaterThan(0.99);
  });
  it('inner product: recall grows with efSearch (unnormalised inner product is the hard case of HNSW)', () => {
    const hnsw = build({ dim: DIM, metric: 'ip', m: 12, efConstruction: 100 }, DATA);
    const flat = build({ dim: DIM, metric: 'ip', kind: 'flat' }, DATA);
    const low = recall(hnsw, flat, QUERIES, 10, 16);
    const high = recall(hnsw, flat, QUERIES, 10, 256);
    expect(high).toBeGreaterThan(low);
    expect(high).toBeGreaterThan(0.55);
  });
  it('is deterministic for a seed and differs for another seed', () => {
    const a = build({ dim: DIM, seed: 5, m: 8 }, DATA.subarray(0, 800 * DIM));
    const b = build({ dim: DIM, seed: 5, m: 8 }, DATA.subarray(0, 800 * DIM));
    const c = build({ dim: DIM, seed: 6, m: 8 }, DATA.subarray(0, 800 * DIM));
    expect(Buffer.from(a.toBytes()).equals(Buffer.from(b.toBytes()))).toBe(true);
    expect(Buffer.from(a.toBytes()).equals(Buffer.from(c.toBytes()))).toBe(false);
  });
  it('int8 quantization keeps recall and returns float scores', () => {
    const q8 = build({ dim: DIM, quantization: 'int8' }, DATA);
    const flat = build({ dim: DIM, kind: 'flat' }, DATA);
    expect(recall(q8, flat, QUERIES, 10, 256)).toBeGreaterThan(0.93);
    const query = QUERIES.subarray(0, DIM);
    const top = q8.search(query, 1)[0]!;
    const exact = flat.search(query, 3).find((h) => h.id === top.id);
    expect(exact).toBeDefined();
    expect(top.score).toBeCloseTo(exact!.score, 5);
  });
});

describe.each(['flat', 'hnsw'] as const)('%s: remove, compact, filters', (kind) => {
  it('never returns removed ids, and compact drops them', () => {
    const index = build({ dim: DIM, kind, m: 8 }, DATA.subarray(0, 1000 * DIM));
    const query = DATA.subarray(0, DIM);
    expect(index.search(query, 1)[0]!.id).toBe(0);
    const top = index.search(query, 20).map((h) => h.id);
    for (const id of top.slice(0, 10)) expect(index.remove(id)).toBe(true);
    expect(index.remove(top[0]!)).toBe(false);
    expect(index.size).toBe(990);
    const after = index.search(query, 10).map((h) => h.id);
    for (const id of top.slice(0, 10)) expect(after).not.toContain(id);
    expect(after).toEqual(expect.arrayContaining(top.slice(10, 15)));
    expect(index.compact()).toBe(10);
    expect(index.removedCount).toBe(0);
    expect(index.size).toBe(990);
    expect(index.search(query, 10).map((h) => h.id)).toEqual(after);
    index.add(top[0]!, query);
    expect(index.search(query, 1)[0]!.id).toBe(top[0]);
  });
  it('applies a filter to the results', () => {
    const index = build({ dim: DIM, kind }, DATA.subarray(0, 1000 * DIM));
    const hits = index.search(DATA.subarray(0, DIM), 10, { filter: (id) => (id as number) % 3 === 0 });
    expect(hits).toHaveLength(10);
    for (const h of hits) expect((h.id as number) % 3).toBe(0);
    const flat = build({ dim: DIM, kind: 'flat' }, DATA.subarray(0, 1000 * DIM));
    const want = flat.search(DATA.subarray(0, DIM), 10, { filter: (id) => (id as number) % 3 === 0 });
    expect(hits.filter((h) => want.some((w) => w.id === h.id)).length).toBeGreaterThanOrEqual(9);
  });
});

describe('ids', () => {
  it('takes string keys, rejects duplicates and mixed kinds', () => {
    const index = VectorIndex.create({ dim: 2, kind: 'flat' });
    index.add('a', [1, 0]);
    expect(() => index.add('a', [0, 1])).toThrow(/duplicate id "a"/);
    expect(() => index.add(3, [0, 1])).toThrow(/string ids/);
    expect(index.idType).toBe('string');
    expect([...index.ids()]).toEqual(['a']);
  });
});

describe('bad vectors', () => {
  const index = VectorIndex.create({ dim: 3 });
  it('names the dimension mismatch', () => {
    expect(() => index.add(1, [1, 2])).toThrow(/vector has 2 components, the index has dimension 3/);
  });
  it('names the NaN or infinite component', () => {
    const e = (() => {
      try {
        index.add(1, [1, Number.NaN, 2]);
      } catch (err) {
        return err as ArgumentError;
      }
    })();
    expect(e).toBeInstanceOf(ArgumentError);
    expect(e!.key).toBe('vector[1]');
    expect(() => index.addAll([1, 2], [[1, 2, 3], [1, Infinity, 3]])).toThrow(/vectors\[1\]\[1\] is Infinity/);
    expect(index.size).toBe(0);
  });
  it('refuses to search an empty index', () => {
    expect(() => index.search([1, 2, 3], 1)).toThrow(/index is empty/);
  });
  it('refuses a query of the wrong length', () => {
    index.add(1, [1, 2, 3]);
    expect(() => index.search([1, 2], 1)).toThrow(ArgumentError);
    expect(() => index.searchBatch(new Float32Array(4), 1)).toThrow(/whole number of rows/);
  });
});

describe('save and load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-ann-'));
  it.each(['flat', 'hnsw'] as const)('%s: round trip gives the same results and bytes, and can keep growing', (kind) => {
    const index = build({ dim: DIM, kind, metric: 'l2', m: 8 }, DATA.subarray(0, 500 * DIM));
    index.remove(3);
    const file = join(dir, `${kind}.tlx`);
    index.save(file);
    const back = VectorIndex.load(file);
    expect(back.size).toBe(499);
    expect(back.options).toEqual(index.options);
    expect(Buffer.from(back.toBytes()).equals(readFileSync(file))).toBe(true);
    expect(back.searchBatch(QUERIES, 5)).toEqual(index.searchBatch(QUERIES, 5));
    index.add(1000, DATA.subarray(600 * DIM, 601 * DIM));
    back.add(1000, DATA.subarray(600 * DIM, 601 * DIM));
    expect(Buffer.from(back.toBytes()).equals(Buffer.from(index.toBytes()))).toBe(true);
  });
  it('string ids round trip', () => {
    const index = VectorIndex.create({ dim: 2 });
    index.addAll(['naïve', 'b'], [[1, 0], [0, 1]]);
    const back = VectorIndex.fromBytes(index.toBytes());
    expect(back.search([1, 0.1], 1)[0]!.id).toBe('naïve');
  });
  it('a corrupt, truncated or foreign file is a BinaryFileError', () => {
    const index = build({ dim: DIM, m: 8 }, DATA.subarray(0, 200 * DIM));
    const bytes = index.toBytes();
    const flipped = bytes.slice();
    flipped[200] = flipped[200]! ^ 1;
    expect(() => VectorIndex.fromBytes(flipped, 'x.tlx')).toThrow(/CRC mismatch/);
    expect(() => VectorIndex.fromBytes(bytes.slice(0, 100), 'x.tlx')).toThrow(BinaryFileError);
    const other = bytes.slice();
    other.set(Buffer.from('WVEC'), 8);
    expect(() => VectorIndex.fromBytes(other, 'x.tlx')).toThrow(/kind is "WVEC"/);
    const file = join(dir, 'not-index.tlx');
    writeFileSync(file, 'hello world, not an index at all');
    expect(() => VectorIndex.load(file)).toThrow(BinaryFileError);
    expect(() => VectorIndex.load(join(dir, 'missing.tlx'))).toThrow(/cannot read/);
  });
});
