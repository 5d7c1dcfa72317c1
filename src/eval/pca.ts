/**
 * Principal component analysis for dense vectors, by symmetric eigen-decomposition (Jacobi) of the
 * sample covariance matrix. Matches scikit-learn's `PCA` (full solver): same components up to the sign
 * convention below, same `explainedVariance` (ddof 1) and ratio.
 */
import { ArgumentError } from '../core/errors.js';
import { jacobiEigen } from './jacobi.js';

/** Options of {@link PCA}. */
export interface PcaOptions {
  /** Number of components to keep, 1..min(nSamples, nFeatures) (default: min(nSamples, nFeatures)). */
  nComponents?: number;
}

/** Defaults of this module. */
export const PCA_DEFAULTS = Object.freeze({ nComponents: undefined as number | undefined });

type Matrix = ReadonlyArray<ArrayLike<number>>;

/**
 * PCA: `fit` learns the mean and the principal axes, `transform` projects onto them.
 * Sign convention (scikit-learn >= 1.5 `svd_flip(u_based_decision=False)`): in each component the
 * entry of largest magnitude is positive.
 * @example
 * const pca = new PCA({ nComponents: 2 }).fit([[-1, -1], [-2, -1], [-3, -2], [1, 1], [2, 1], [3, 2]]);
 * pca.explainedVarianceRatio // [0.99244, 0.00756]
 */
export class PCA {
  private readonly requested: number | undefined;
  private fitted = false;
  /** Per-feature mean of the training data. */
  mean: Float64Array = new Float64Array(0);
  /** Principal axes, one row per component, unit length, by decreasing variance. */
  components: Float64Array[] = [];
  /** Variance along each component (eigenvalues of the covariance, ddof 1). */
  explainedVariance: number[] = [];
  /** Fraction of the total variance along each component. */
  explainedVarianceRatio: number[] = [];
  /** Singular values of the centred data: sqrt(explainedVariance * (n - 1)). */
  singularValues: number[] = [];

  constructor(options: PcaOptions = {}) {
    const k = options.nComponents ?? PCA_DEFAULTS.nComponents;
    if (k !== undefined && (!Number.isInteger(k) || k < 1)) {
      throw new ArgumentError(`nComponents must be a positive integer, got ${k}`, { key: 'nComponents' });
    }
    this.requested = k;
  }

  /** Learns mean and components from rows `x` (n samples x d features). Returns `this`. */
  fit(x: Matrix): this {
    const n = x.length;
    if (n < 2) throw new ArgumentError(`PCA needs at least 2 samples, got ${n}`, { key: 'x' });
    const d = x[0]!.length;
    if (d === 0) throw new ArgumentError('PCA needs at least 1 feature', { key: 'x' });
    const k = this.requested ?? Math.min(n, d);
    if (k > Math.min(n, d)) throw new ArgumentError(`nComponents ${k} exceeds min(nSamples, nFeatures) = ${Math.min(n, d)}`, { key: 'nComponents' });
    const mu = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      const row = x[i]!;
      if (row.length !== d) throw new ArgumentError(`row ${i} has ${row.length} features, expected ${d}`, { key: 'x' });
      for (let j = 0; j < d; j++) {
        const v = row[j]!;
        if (!Number.isFinite(v)) throw new ArgumentError(`x[${i}][${j}] is not finite`, { key: 'x' });
        mu[j]! += v;
      }
    }
    for (let j = 0; j < d; j++) mu[j]! /= n;
    // Covariance (upper triangle, mirrored), ddof 1.
    const cov = new Float64Array(d * d);
    const c = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      const row = x[i]!;
      for (let j = 0; j < d; j++) c[j] = row[j]! - mu[j]!;
      for (let p = 0; p < d; p++) {
        const cp = c[p]!;
        if (cp === 0) continue;
        for (let q = p; q < d; q++) cov[p * d + q]! += cp * c[q]!;
      }
    }
    for (let p = 0; p < d; p++) {
      for (let q = p; q < d; q++) {
        const v = cov[p * d + q]! / (n - 1);
        cov[p * d + q] = v;
        cov[q * d + p] = v;
      }
    }
    const { values, vectors } = jacobiEigen(cov, d);
    const order = [...values.keys()].sort((a, b) => values[b]! - values[a]!);
    let total = 0;
    for (const v of values) total += Math.max(0, v);
    this.mean = mu;
    this.components = [];
    this.explainedVariance = [];
    this.explainedVarianceRatio = [];
    this.singularValues = [];
    for (let r = 0; r < k; r++) {
      const col = order[r]!;
      const comp = new Float64Array(d);
      let best = 0;
      for (let j = 0; j < d; j++) {
        comp[j] = vectors[j * d + col]!;
        if (Math.abs(comp[j]!) > Math.abs(comp[best]!)) best = j;
      }
      if (comp[best]! < 0) for (let j = 0; j < d; j++) comp[j] = -comp[j]!;
      const ev = Math.max(0, values[col]!);
      this.components.push(comp);
      this.explainedVariance.push(ev);
      this.explainedVarianceRatio.push(total > 0 ? ev / total : 0);
      this.singularValues.push(Math.sqrt(ev * (n - 1)));
    }
    this.fitted = true;
    return this;
  }

  /** Projects rows `x` onto the components: (x - mean) . components^T, one row of k values per sample. */
  transform(x: Matrix): Float64Array[] {
    if (!this.fitted) throw new ArgumentError('PCA.transform called before fit');
    const d = this.mean.length;
    return x.map((row, i) => {
      if (row.length !== d) throw new ArgumentError(`row ${i} has ${row.length} features, expected ${d}`, { key: 'x' });
      const out = new Float64Array(this.components.length);
      for (let r = 0; r < this.components.length; r++) {
        const comp = this.components[r]!;
        let s = 0;
        for (let j = 0; j < d; j++) s += (row[j]! - this.mean[j]!) * comp[j]!;
        out[r] = s;
      }
      return out;
    });
  }

  /** `fit(x)` then `transform(x)`. */
  fitTransform(x: Matrix): Float64Array[] {
    return this.fit(x).transform(x);
  }

  /** Maps projected rows back to feature space: y . components + mean. */
  inverseTransform(y: Matrix): Float64Array[] {
    if (!this.fitted) throw new ArgumentError('PCA.inverseTransform called before fit');
    const d = this.mean.length;
    return y.map((row) => {
      const out = Float64Array.from(this.mean);
      for (let r = 0; r < this.components.length; r++) {
        const comp = this.components[r]!;
        const w = row[r]!;
        for (let j = 0; j < d; j++) out[j]! += w * comp[j]!;
      }
      return out;
    });
  }
}
