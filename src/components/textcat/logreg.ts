/**
 * Logistic regression with L2 penalty, trained by L-BFGS on a sparse matrix: multinomial (softmax) for
 * exclusive classes, one sigmoid per output for binary and multilabel. Objective as scikit-learn's
 * `LogisticRegression(penalty='l2', solver='lbfgs')`: mean log loss + ||W||^2 / (2 C n); the bias is
 * not penalized. Optional early stopping keeps the weights with the best log loss on a dev matrix.
 */
import type { CsrMatrix } from '../../vectorize/csr.js';
import { lbfgs } from './lbfgs.js';
import { linkInPlace, scoresKernel, softplus, type Link, type LinearModel } from './linear.js';

/** Training target: class ids (exclusive) or a 0/1 matrix (multilabel, row-major n x L). */
export type Target = { classes: Int32Array; nClasses: number } | { multilabel: Uint8Array; nLabels: number };

/** Options of {@link trainLogreg}. */
export interface LogregOptions {
  /** Inverse regularization strength (default 10; scikit-learn's default is 1). */
  C: number;
  /** L-BFGS iterations (default 100). */
  maxIter: number;
  /** Gradient tolerance (default 1e-4). */
  tol: number;
  /** Dev data for early stopping, or null. */
  dev: { X: CsrMatrix; target: Target } | null;
  /** Iterations without dev improvement before stopping (default 5). */
  patience: number;
  /** Progress callback per iteration. */
  onIteration?: (iter: number, trainLoss: number, devLoss: number | null) => void;
}

function shape(target: Target): { nOut: number; link: Link } {
  if ('classes' in target) return target.nClasses > 2 ? { nOut: target.nClasses, link: 'softmax' } : { nOut: 1, link: 'sigmoid' };
  return { nOut: target.nLabels, link: 'sigmoid' };
}

/** Mean log loss of `model` on (X, target), with gradient w.r.t. dz written to `dz` when given. */
function lossAndDz(X: CsrMatrix, target: Target, model: LinearModel, z: Float64Array, dz: Float64Array | null): number {
  scoresKernel(X, model, z);
  const K = model.nOut;
  const n = X.nRows;
  let loss = 0;
  if (model.link === 'softmax') {
    const y = (target as { classes: Int32Array }).classes;
    for (let i = 0; i < n; i++) {
      const o = i * K;
      let max = -Infinity;
      for (let k = 0; k < K; k++) if (z[o + k]! > max) max = z[o + k]!;
      let sum = 0;
      for (let k = 0; k < K; k++) sum += Math.exp(z[o + k]! - max);
      const lse = max + Math.log(sum);
      loss += lse - z[o + y[i]!]!;
      if (dz) for (let k = 0; k < K; k++) dz[o + k] = Math.exp(z[o + k]! - lse) - (k === y[i] ? 1 : 0);
    }
  } else {
    const get = 'classes' in target ? (i: number): number => target.classes[i]! : (i: number, k: number): number => target.multilabel[i * K + k]!;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < K; k++) {
        const v = z[i * K + k]!;
        const yk = get(i, k);
        loss += softplus(v) - yk * v;
        if (dz) dz[i * K + k] = 1 / (1 + Math.exp(-v)) - yk;
      }
    }
  }
  return loss / n;
}

/** Trains the model; returns it with the number of iterations run. */
export function trainLogreg(X: CsrMatrix, target: Target, options: LogregOptions): { model: LinearModel; iterations: number } {
  const { nOut: K, link } = shape(target);
  const d = X.nCols;
  const n = X.nRows;
  const params = new Float64Array(d * K + K);
  const model: LinearModel = { nFeatures: d, nOut: K, link, weights: params.subarray(0, d * K), bias: params.subarray(d * K) };
  const z = new Float64Array(n * K);
  const dz = new Float64Array(n * K);
  const lambda = 1 / (options.C * n);
  const { indptr, indices, data } = X;
  const evaluate = (x: Float64Array, grad: Float64Array): number => {
    const m: LinearModel = { nFeatures: d, nOut: K, link, weights: x.subarray(0, d * K), bias: x.subarray(d * K) };
    let f = lossAndDz(X, target, m, z, dz);
    grad.fill(0);
    const gb = d * K;
    for (let i = 0; i < n; i++) {
      const o = i * K;
      for (let k = 0; k < K; k++) grad[gb + k]! += dz[o + k]! / n;
      for (let p = indptr[i]!; p < indptr[i + 1]!; p++) {
        const xv = data[p]! / n;
        const w = indices[p]! * K;
        for (let k = 0; k < K; k++) grad[w + k]! += xv * dz[o + k]!;
      }
    }
    let sq = 0;
    for (let j = 0; j < d * K; j++) { const w = x[j]!; sq += w * w; grad[j]! += lambda * w; }
    f += (lambda / 2) * sq;
    return f;
  };
  const dev = options.dev;
  let best = Infinity;
  let bestParams: Float64Array | null = null;
  let sinceBest = 0;
  const devZ = dev ? new Float64Array(dev.X.nRows * K) : null;
  const result = lbfgs(params, evaluate, {
    maxIter: options.maxIter,
    tol: options.tol,
    onIteration: (iter, x, f) => {
      let devLoss: number | null = null;
      if (dev) {
        const m: LinearModel = { nFeatures: d, nOut: K, link, weights: x.subarray(0, d * K), bias: x.subarray(d * K) };
        devLoss = lossAndDz(dev.X, dev.target, m, devZ!, null);
        if (devLoss < best - 1e-9) { best = devLoss; bestParams = Float64Array.from(x); sinceBest = 0; } else sinceBest++;
      }
      options.onIteration?.(iter, f, devLoss);
      return !(dev && sinceBest >= options.patience);
    },
  });
  if (bestParams) params.set(bestParams);
  return { model, iterations: result.iterations };
}

/** Probabilities of the model for every row (row-major n x nOut). */
export function predictLinear(X: CsrMatrix, model: LinearModel): Float64Array {
  const z = new Float64Array(X.nRows * model.nOut);
  scoresKernel(X, model, z);
  linkInPlace(z, X.nRows, model.nOut, model.link);
  return z;
}
