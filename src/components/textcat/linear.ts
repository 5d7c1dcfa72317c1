/**
 * The trained textcat model is linear in both cases: per-output weights and bias, and a link
 * (`softmax` over exclusive classes, or one `sigmoid` per output). Kernels here run on CSR arrays.
 */
import type { CsrMatrix } from '../../vectorize/csr.js';

/** Link function of the outputs. */
export type Link = 'softmax' | 'sigmoid';

/** A linear model: `weights` is feature-major (weights[j * nOut + k]). */
export interface LinearModel {
  nFeatures: number;
  nOut: number;
  link: Link;
  weights: Float64Array;
  bias: Float64Array;
}

/** Scores z = X W + b into `out` (row-major n x nOut). */
export function scoresKernel(X: CsrMatrix, m: LinearModel, out: Float64Array): void {
  const { indptr, indices, data } = X;
  const K = m.nOut;
  const W = m.weights;
  for (let i = 0; i < X.nRows; i++) {
    const o = i * K;
    for (let k = 0; k < K; k++) out[o + k] = m.bias[k]!;
    for (let p = indptr[i]!; p < indptr[i + 1]!; p++) {
      const x = data[p]!;
      const w = indices[p]! * K;
      for (let k = 0; k < K; k++) out[o + k]! += x * W[w + k]!;
    }
  }
}

/** Applies the link in place: softmax per row, or logistic per entry. */
export function linkInPlace(z: Float64Array, nRows: number, K: number, link: Link): void {
  if (link === 'sigmoid') {
    for (let i = 0; i < z.length; i++) z[i] = sigmoid(z[i]!);
    return;
  }
  for (let i = 0; i < nRows; i++) {
    const o = i * K;
    let max = -Infinity;
    for (let k = 0; k < K; k++) if (z[o + k]! > max) max = z[o + k]!;
    let sum = 0;
    for (let k = 0; k < K; k++) { const e = Math.exp(z[o + k]! - max); z[o + k] = e; sum += e; }
    for (let k = 0; k < K; k++) z[o + k]! /= sum;
  }
}

/** Numerically safe logistic function. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** log(1 + e^x) without overflow. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
