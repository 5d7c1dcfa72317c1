/**
 * Multinomial naive Bayes as scikit-learn's `MultinomialNB`: feature log-probabilities
 * log((N_cj + alpha) / (N_c + alpha * d)) and empirical class log-priors, folded into a linear model.
 */
import type { CsrMatrix } from '../../vectorize/csr.js';
import type { LinearModel } from './linear.js';

/**
 * Fits NB over `nClasses` exclusive classes (`y[i]` in 0..nClasses-1). Returns per-class log-likelihood
 * weights (feature-major, d x C) and log-priors: the joint log-likelihood is x . W + b.
 */
export function fitMultinomialNb(X: CsrMatrix, y: Int32Array, nClasses: number, alpha: number, fitPrior = true): { weights: Float64Array; bias: Float64Array } {
  const d = X.nCols;
  const C = nClasses;
  const counts = new Float64Array(d * C);
  const total = new Float64Array(C);
  const classCount = new Float64Array(C);
  const { indptr, indices, data } = X;
  for (let i = 0; i < X.nRows; i++) {
    const c = y[i]!;
    classCount[c]!++;
    for (let p = indptr[i]!; p < indptr[i + 1]!; p++) {
      counts[indices[p]! * C + c]! += data[p]!;
      total[c]! += data[p]!;
    }
  }
  const weights = new Float64Array(d * C);
  const logDen = new Float64Array(C);
  for (let c = 0; c < C; c++) logDen[c] = Math.log(total[c]! + alpha * d);
  for (let j = 0; j < d; j++) for (let c = 0; c < C; c++) weights[j * C + c] = Math.log(counts[j * C + c]! + alpha) - logDen[c]!;
  const bias = new Float64Array(C);
  for (let c = 0; c < C; c++) bias[c] = fitPrior ? Math.log(classCount[c]! / X.nRows) : -Math.log(C);
  return { weights, bias };
}

/**
 * NB as a linear model. Exclusive classes use softmax over C outputs, except two classes, which
 * collapse to one sigmoid logit (log-odds of class 1). Multilabel (`Y` columns 0/1) fits one binary
 * NB per label and keeps its log-odds.
 */
export function trainNb(X: CsrMatrix, target: { classes: Int32Array; nClasses: number } | { multilabel: Uint8Array; nLabels: number }, alpha: number): LinearModel {
  const d = X.nCols;
  if ('classes' in target) {
    const { weights, bias } = fitMultinomialNb(X, target.classes, target.nClasses, alpha);
    if (target.nClasses > 2) return { nFeatures: d, nOut: target.nClasses, link: 'softmax', weights, bias };
    return collapse([{ weights, bias }], d);
  }
  const L = target.nLabels;
  const parts: Array<{ weights: Float64Array; bias: Float64Array }> = [];
  const y = new Int32Array(X.nRows);
  for (let l = 0; l < L; l++) {
    for (let i = 0; i < X.nRows; i++) y[i] = target.multilabel[i * L + l]!;
    parts.push(fitMultinomialNb(X, y, 2, alpha));
  }
  return collapse(parts, d);
}

/** Turns two-class NB fits into sigmoid logits: w1 - w0, b1 - b0. */
function collapse(parts: Array<{ weights: Float64Array; bias: Float64Array }>, d: number): LinearModel {
  const K = parts.length;
  const weights = new Float64Array(d * K);
  const bias = new Float64Array(K);
  parts.forEach((p, k) => {
    for (let j = 0; j < d; j++) weights[j * K + k] = p.weights[j * 2 + 1]! - p.weights[j * 2]!;
    bias[k] = p.bias[1]! - p.bias[0]!;
  });
  return { nFeatures: d, nOut: K, link: 'sigmoid', weights, bias };
}
