import { describe, expect, it } from 'vitest';
import { MinMaxScaler, StandardScaler } from '../../src/index.js';
import { expectMatrixClose } from './helpers.js';

describe('MinMaxScaler.transform', () => {
  it('reproduces the scikit-learn docstring example', () => {
    const data = [[-1, 2], [-0.5, 6], [0, 10], [1, 18]];
    const s = new MinMaxScaler().fit(data);
    expect(Array.from(s.dataMax!)).toEqual([1, 18]);
    expectMatrixClose(s.transform(data), [[0, 0], [0.25, 0.25], [0.5, 0.5], [1, 1]], 1e-15);
    expectMatrixClose(s.transform([[2, 2]]), [[1.5, 0]], 1e-15);
    expectMatrixClose(s.inverseTransform(s.transform(data)), data, 1e-14);
  });
  it('uses the feature range, clips, and leaves constant features finite', () => {
    const s = new MinMaxScaler({ featureRange: [-1, 1], clip: true }).fit([[0, 5], [10, 5]]);
    expectMatrixClose(s.transform([[5, 5], [20, 5]]), [[0, -1], [1, -1]], 1e-15);
    expect(() => new MinMaxScaler({ featureRange: [1, 0] })).toThrow(/featureRange/);
    expect(() => new MinMaxScaler().fit([[1], [Infinity]])).toThrow(/row 1 feature 0/);
  });
});

describe('NaN as a missing value (scikit-learn: ignored in fit, kept in transform)', () => {
  const X = [[1, NaN], [3, 4], [NaN, 8], [5, 6]];
  it('MinMaxScaler fits on the present values of each feature', () => {
    const s = new MinMaxScaler().fit(X);
    expect(Array.from(s.dataMin!)).toEqual([1, 4]);
    expect(Array.from(s.dataMax!)).toEqual([5, 8]);
    const t = s.transform(X).map((r) => Array.from(r));
    expect(t).toEqual([[0, NaN], [0.5, 0], [NaN, 1], [1, 0.5]]);
    // A feature with no value fits to NaN and transforms to NaN, as numpy's nanmin of nothing.
    expect(Array.from(new MinMaxScaler().fitTransform([[NaN, 1], [NaN, 2]])[0]!)).toEqual([NaN, 0]);
  });
  it('StandardScaler counts the present values per feature', () => {
    const s = new StandardScaler().fit(X);
    expect(Array.from(s.mean!)).toEqual([3, 6]);
    expect(s.variance![0]).toBeCloseTo(8 / 3, 14);
    expect(s.variance![1]).toBeCloseTo(8 / 3, 14);
    const t = s.transform(X);
    expect(t[0]![0]).toBeCloseTo(-2 / Math.sqrt(8 / 3), 14);
    expect(t[0]![1]).toBeNaN();
    expect(t[2]![0]).toBeNaN();
    expect(Array.from(s.inverseTransform(t)[1]!)).toEqual([3, 4]);
  });
});

describe('StandardScaler.transform', () => {
  it('reproduces the scikit-learn docstring example', () => {
    const data = [[0, 0], [0, 0], [1, 1], [1, 1]];
    const s = new StandardScaler().fit(data);
    expect(Array.from(s.mean!)).toEqual([0.5, 0.5]);
    expectMatrixClose(s.transform(data), [[-1, -1], [-1, -1], [1, 1], [1, 1]], 1e-15);
    expectMatrixClose(s.transform([[2, 2]]), [[3, 3]], 1e-15);
  });
  it('uses the population variance and scale 1 for constant features', () => {
    const s = new StandardScaler().fit([[1, 7], [2, 7], [3, 7], [4, 7]]);
    expect(s.variance![0]).toBeCloseTo(1.25, 15);
    expect(s.scale![1]).toBe(1);
    expectMatrixClose(s.inverseTransform(s.transform([[2.5, 7]])), [[2.5, 7]], 1e-15);
    const noMean = new StandardScaler({ withMean: false }).fit([[2], [4]]);
    expectMatrixClose(noMean.transform([[2]]), [[2]], 1e-15);
  });
});
