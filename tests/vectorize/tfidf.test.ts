import { describe, expect, it } from 'vitest';
import { ArgumentError, CsrMatrix, TfidfTransformer, TfidfVectorizer } from '../../src/index.js';
import { DOCSTRING_CORPUS, expectMatrixClose } from './helpers.js';

// scikit-learn user guide, "Tf-idf term weighting": the 6x3 counts example.
const COUNTS = [
  [3, 0, 1],
  [2, 0, 0],
  [3, 0, 0],
  [4, 0, 0],
  [3, 2, 0],
  [3, 0, 2],
];

// Row-normalizes a dense vector (L2) for closed-form expectations.
function l2(v: number[]): number[] {
  const n = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return v.map((x) => x / n);
}

describe('TfidfTransformer.fitTransform', () => {
  it('matches the published smooth_idf=False output of the user guide', () => {
    const t = new TfidfTransformer({ smoothIdf: false });
    const X = t.fitTransform(CsrMatrix.fromDense(COUNTS));
    expect(X.nnz).toBe(9);
    // Published (8 decimals).
    expectMatrixClose(X.toArray(), [
      [0.81940995, 0, 0.57320793],
      [1, 0, 0],
      [1, 0, 0],
      [1, 0, 0],
      [0.47330339, 0.88089948, 0],
      [0.58149261, 0, 0.81355169],
    ], 5e-9);
    // Closed form from the documented definition idf = ln(n/df) + 1, to 1e-12.
    const idf = [Math.log(6 / 6) + 1, Math.log(6 / 1) + 1, Math.log(6 / 2) + 1];
    const expected = COUNTS.map((r) => {
      const v = r.map((c, j) => c * idf[j]!);
      return l2(v);
    });
    expectMatrixClose(X.toArray(), expected, 1e-12);
    expect(Array.from(t.idf)).toEqual(idf);
  });

  it('matches the published default (smooth_idf=True) output and idf_', () => {
    const t = new TfidfTransformer();
    const X = t.fitTransform(CsrMatrix.fromDense(COUNTS));
    expectMatrixClose(X.toArray(), [
      [0.85151335, 0, 0.52433293],
      [1, 0, 0],
      [1, 0, 0],
      [1, 0, 0],
      [0.55422893, 0.83236428, 0],
      [0.63035731, 0, 0.77630514],
    ], 5e-9);
    // idf_ printed as [1. ..., 2.25..., 1.84...]
    expect(t.idf[0]).toBe(1);
    expect(t.idf[1]).toBeCloseTo(Math.log(7 / 2) + 1, 14);
    expect(t.idf[1]!.toFixed(2)).toBe('2.25');
    expect(t.idf[2]!.toFixed(2)).toBe('1.85'); // 1.8472..., printed truncated as 1.84...
    expect(String(t.idf[2]).startsWith('1.84')).toBe(true);
    const idf = [1, Math.log(7 / 2) + 1, Math.log(7 / 3) + 1];
    expectMatrixClose(X.toArray(), COUNTS.map((r) => l2(r.map((c, j) => c * idf[j]!))), 1e-12);
  });

  it('applies sublinear tf, l1 norm and no norm', () => {
    const Xc = CsrMatrix.fromDense(COUNTS);
    const sub = new TfidfTransformer({ sublinearTf: true, norm: null }).fitTransform(Xc).toArray();
    const idf = [1, Math.log(7 / 2) + 1, Math.log(7 / 3) + 1];
    expectMatrixClose(sub, COUNTS.map((r) => r.map((c, j) => (c ? (Math.log(c) + 1) * idf[j]! : 0))), 1e-12);
    const l1 = new TfidfTransformer({ norm: 'l1', useIdf: false }).fitTransform(Xc).toArray();
    expectMatrixClose(l1, COUNTS.map((r) => { const s = r.reduce((a, b) => a + b, 0); return r.map((c) => c / s); }), 1e-15);
  });

  it('leaves the input alone unless copy is false', () => {
    const Xc = CsrMatrix.fromDense(COUNTS);
    const t = new TfidfTransformer().fit(Xc);
    const a = t.transform(Xc);
    expect(Xc.toArray()).toEqual(COUNTS);
    const b = t.transform(Xc, 'float64', false);
    expect(b).toBe(Xc);
    expect(b.toArray()).toEqual(a.toArray());
  });

  it('rejects a bad norm', () => {
    expect(() => new TfidfTransformer({ norm: 'l3' as never })).toThrow(/norm/);
  });

  it('accepts dense count rows as scikit-learn does, with the same result as CSR input', () => {
    const t = new TfidfTransformer({ smoothIdf: false });
    expect(t.fitTransform(COUNTS).toArray()).toEqual(new TfidfTransformer({ smoothIdf: false }).fitTransform(CsrMatrix.fromDense(COUNTS)).toArray());
    expect(new TfidfTransformer().fit(COUNTS).transform([[0, 1, 0]]).toArray()).toEqual(new TfidfTransformer().fit(CsrMatrix.fromDense(COUNTS)).transform(CsrMatrix.fromDense([[0, 1, 0]])).toArray());
    expect(() => new TfidfTransformer().fit(42 as never)).toThrow(ArgumentError);
  });
});

describe('TfidfVectorizer.fitTransform', () => {
  // Published output of TfidfVectorizer() on the docstring corpus.
  const PUBLISHED = [
    [0, 0.46979139, 0.58028582, 0.38408524, 0, 0, 0.38408524, 0, 0.38408524],
    [0, 0.6876236, 0, 0.28108867, 0, 0.53864762, 0.28108867, 0, 0.28108867],
    [0.51184851, 0, 0, 0.26710379, 0.51184851, 0, 0.26710379, 0.51184851, 0.26710379],
    [0, 0.46979139, 0.58028582, 0.38408524, 0, 0, 0.38408524, 0, 0.38408524],
  ];

  it('reproduces the docstring corpus: features, shape, nnz, values', () => {
    const tv = new TfidfVectorizer();
    const X = tv.fitTransform(DOCSTRING_CORPUS);
    expect(tv.getFeatureNamesOut()).toEqual(['and', 'document', 'first', 'is', 'one', 'second', 'the', 'third', 'this']);
    expect(X.shape).toEqual([4, 9]);
    expect(X.nnz).toBe(21);
    expectMatrixClose(X.toArray(), PUBLISHED, 5e-9);
    // Closed form (idf = ln(5 / (1 + df)) + 1) to 1e-12.
    const counts = [
      [0, 1, 1, 1, 0, 0, 1, 0, 1],
      [0, 2, 0, 1, 0, 1, 1, 0, 1],
      [1, 0, 0, 1, 1, 0, 1, 1, 1],
      [0, 1, 1, 1, 0, 0, 1, 0, 1],
    ];
    const df = [1, 3, 2, 4, 1, 1, 4, 1, 4];
    const idf = df.map((d) => Math.log(5 / (1 + d)) + 1);
    expectMatrixClose(X.toArray(), counts.map((r) => l2(r.map((c, j) => c * idf[j]!))), 1e-12);
  });

  it('exposes idf_ as published', () => {
    const tv = new TfidfVectorizer().fit(DOCSTRING_CORPUS);
    expectMatrixClose([Array.from(tv.idf)], [[1.91629073, 1.22314355, 1.51082562, 1, 1.91629073, 1.91629073, 1, 1.91629073, 1]], 5e-9);
  });

  it('transforms unseen text as published ("This is a apple")', () => {
    const tv = new TfidfVectorizer().fit(DOCSTRING_CORPUS);
    expectMatrixClose(tv.transform(['This is a apple']).toArray(), [[0, 0, 0, 0.70710678, 0, 0, 0, 0, 0.70710678]], 5e-9);
    expect(tv.transform(['This is a apple']).get(0, 3)).toBeCloseTo(Math.SQRT1_2, 15);
  });

  it('transform(fit corpus) equals fitTransform', () => {
    const tv = new TfidfVectorizer({ sublinearTf: true, ngramRange: [1, 2] });
    const A = tv.fitTransform(DOCSTRING_CORPUS).toArray();
    expectMatrixClose(tv.transform(DOCSTRING_CORPUS).toArray(), A, 0);
  });

  it('honours dtype float32', () => {
    const X = new TfidfVectorizer({ dtype: 'float32' }).fitTransform(DOCSTRING_CORPUS);
    expect(X.data).toBeInstanceOf(Float32Array);
    expect(X.get(0, 1)).toBeCloseTo(0.46979139, 6);
  });
});

describe('TfidfVectorizer.inverseTransform', () => {
  it('lists the non-zero terms per row', () => {
    const tv = new TfidfVectorizer();
    const X = tv.fitTransform(DOCSTRING_CORPUS);
    expect(tv.inverseTransform(X)[2]).toEqual(['and', 'is', 'one', 'the', 'third', 'this']);
  });
});
