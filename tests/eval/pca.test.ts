import { describe, expect, it } from 'vitest';
import { PCA } from '../../src/eval/pca.js';
import { Rng } from '../../src/util/rng.js';
import { ArgumentError } from '../../src/core/errors.js';

const X = [[-1, -1], [-2, -1], [-3, -2], [1, 1], [2, 1], [3, 2]];

describe('fit', () => {
  it('matches the scikit-learn doc example', () => {
    const pca = new PCA({ nComponents: 2 }).fit(X);
    expect(pca.explainedVarianceRatio[0]).toBeCloseTo(0.9924428900898052, 12);
    expect(pca.explainedVarianceRatio[1]).toBeCloseTo(0.007557109910194766, 12);
    expect(pca.singularValues[0]).toBeCloseTo(6.30061232, 7);
    expect(pca.singularValues[1]).toBeCloseTo(0.54980396, 7);
    // Largest-magnitude loading is positive.
    for (const c of pca.components) expect(Math.max(...c.map(Math.abs))).toBe(Math.max(...c));
  });
  it('recovers the axes of a known covariance and orthonormal components', () => {
    const rng = new Rng(5);
    const pts: number[][] = [];
    for (let i = 0; i < 400; i++) {
      const a = (rng.next() - 0.5) * 10, b = (rng.next() - 0.5) * 2, c = (rng.next() - 0.5) * 0.2;
      pts.push([a + b, a - b, c, 3]);
    }
    const pca = new PCA().fit(pts);
    // Each component satisfies the eigen equation of the sample covariance: C v = lambda v.
    const n = pts.length;
    const mu = [0, 1, 2, 3].map((j) => pts.reduce((s, r) => s + r[j]!, 0) / n);
    const cov = [0, 1, 2, 3].map((p) => [0, 1, 2, 3].map((q) => pts.reduce((s, r) => s + (r[p]! - mu[p]!) * (r[q]! - mu[q]!), 0) / (n - 1)));
    pca.components.forEach((v, r) => {
      for (let p = 0; p < 4; p++) expect(cov[p]!.reduce((s, c, q) => s + c * v[q]!, 0)).toBeCloseTo(pca.explainedVariance[r]! * v[p]!, 10);
    });
    expect(pca.explainedVariance[0]).toBeGreaterThan(pca.explainedVariance[1]!);
    expect(Math.abs(pca.components[0]![0]!)).toBeCloseTo(Math.SQRT1_2, 1);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
      const dot = pca.components[i]!.reduce((s, v, k) => s + v * pca.components[j]![k]!, 0);
      expect(dot).toBeCloseTo(i === j ? 1 : 0, 9);
    }
    expect(pca.explainedVariance[3]).toBeCloseTo(0, 9); // the constant feature
    const sum = pca.explainedVarianceRatio.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
  });
  it('rejects bad shapes', () => {
    expect(() => new PCA({ nComponents: 3 }).fit(X)).toThrow(ArgumentError);
    expect(() => new PCA().fit([[1, 2]])).toThrow(ArgumentError);
    expect(() => new PCA().fit([[1, 2], [1]])).toThrow(/row 1/);
  });
});

describe('transform', () => {
  it('projects so that the variance of each score equals explainedVariance', () => {
    const pca = new PCA({ nComponents: 1 });
    const y = pca.fitTransform(X);
    const v = y.map((r) => r[0]!);
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    expect(m).toBeCloseTo(0, 12);
    expect(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1)).toBeCloseTo(pca.explainedVariance[0]!, 12);
    expect(() => new PCA().transform(X)).toThrow(ArgumentError);
  });
});

describe('inverseTransform', () => {
  it('round-trips with all components', () => {
    const pca = new PCA();
    const back = pca.inverseTransform(pca.fitTransform(X));
    back.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(X[i]![j]!, 12)));
  });
});
