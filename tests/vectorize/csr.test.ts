import { describe, expect, it } from 'vitest';
import { ArgumentError, CsrMatrix } from '../../src/index.js';

const M = [
  [1, 0, 2],
  [0, 0, 0],
  [0, 3, 4],
];

describe('new CsrMatrix', () => {
  it('rejects row pointers and column ids that would silently drop or misplace values', () => {
    const mk = (nRows: number, nCols: number, indptr: number[], indices: number[]) => () => new CsrMatrix(nRows, nCols, Int32Array.from(indptr), Int32Array.from(indices), Float64Array.from(indices.map(() => 1)));
    expect(mk(1, 2, [0, 1], [5])).toThrow(/column index 5 at position 0 is outside \[0, 2\)/);
    expect(mk(1, 2, [0, 1], [-1])).toThrow(ArgumentError);
    expect(mk(2, 2, [0, 2, 1], [0, 1])).toThrow(/non-decreasing/);
    expect(mk(1, 2, [1, 1], [0])).toThrow(/indptr\[0\] must be 0/);
    expect(mk(1.5, 2, [0, 1], [0])).toThrow(/shape/);
    expect(mk(2, 3, [0, 1, 3], [2, 0, 1])().toArray()).toEqual([[0, 0, 1], [1, 1, 0]]);
  });
});

describe('CsrMatrix.fromDense', () => {
  it('stores non-zeros row by row', () => {
    const m = CsrMatrix.fromDense(M);
    expect(Array.from(m.indptr)).toEqual([0, 2, 2, 4]);
    expect(Array.from(m.indices)).toEqual([0, 2, 1, 2]);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4]);
    expect(m.toArray()).toEqual(M);
    expect(CsrMatrix.fromDense(M, 'float32').data).toBeInstanceOf(Float32Array);
    expect(() => CsrMatrix.fromDense([[1], [1, 2]])).toThrow(ArgumentError);
  });
});

describe('CsrMatrix.row / get', () => {
  it('gives views and values', () => {
    const m = CsrMatrix.fromDense(M);
    expect(Array.from(m.row(2).indices)).toEqual([1, 2]);
    expect(m.get(2, 2)).toBe(4);
    expect(m.get(1, 1)).toBe(0);
    expect(() => m.row(3)).toThrow(/out of range/);
  });
});

describe('CsrMatrix.dot', () => {
  it('multiplies by a dense vector', () => {
    const m = CsrMatrix.fromDense(M);
    expect(Array.from(m.dot([1, 2, 3]))).toEqual([7, 0, 18]);
    expect(m.rowDot(2, [1, 2, 3])).toBe(18);
    expect(() => m.dot([1])).toThrow(/length/);
  });
});

describe('CsrMatrix.normalizeRows', () => {
  it('scales rows to unit L2 / L1 norm and leaves zero rows', () => {
    const l2 = CsrMatrix.fromDense(M).normalizeRows();
    expect(l2.toArray()).toEqual([[1 / Math.sqrt(5), 0, 2 / Math.sqrt(5)], [0, 0, 0], [0, 0.6, 0.8]]);
    const l1 = CsrMatrix.fromDense(M).normalizeRows('l1');
    expect(l1.toArray()[2]).toEqual([0, 3 / 7, 4 / 7]);
    expect(Array.from(CsrMatrix.fromDense(M).rowNorms())).toEqual([Math.sqrt(5), 0, 5]);
  });
});

describe('CsrMatrix.transpose', () => {
  it('transposes with sorted indices', () => {
    const t = CsrMatrix.fromDense(M).transpose();
    expect(t.toArray()).toEqual([[1, 0, 0], [0, 0, 3], [2, 0, 4]]);
    expect(Array.from(CsrMatrix.fromDense(M).columnCounts())).toEqual([1, 1, 2]);
  });
});

describe('CsrMatrix (properties)', () => {
  it('round-trips dense matrices, transposes back, and multiplies like the dense product', async () => {
    const fc = (await import('fast-check')).default;
    const cell = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -5, max: 5 }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.infiniteStream(cell), (r, c, cells) => {
        const it = cells[Symbol.iterator]();
        const dense = Array.from({ length: r }, () => Array.from({ length: c }, () => it.next().value as number));
        const m = CsrMatrix.fromDense(dense);
        expect(m.toArray()).toEqual(dense.map((row) => row.map((x) => x + 0)));
        expect(m.transpose().transpose().toArray()).toEqual(m.toArray());
        const v = Array.from({ length: c }, (_, j) => j + 1);
        expect(Array.from(m.dot(v))).toEqual(dense.map((row) => row.reduce((s, x, j) => s + x * v[j]!, 0)));
      }),
      { numRuns: 200 },
    );
  });
});
