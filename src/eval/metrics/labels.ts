/**
 * Label-based classification metrics: accuracy, balanced accuracy, confusion matrix and
 * precision / recall / F-beta, with scikit-learn's definitions (`sklearn.metrics`).
 */
import { ArgumentError } from '../../core/errors.js';
import { checkPaired, labelIndex, uniqueLabels, type Label } from '../check.js';

export type { Label } from '../check.js';

/** Defaults of this module. */
export const LABEL_METRIC_DEFAULTS = Object.freeze({
  average: 'binary' as PrfAverage,
  posLabel: 1 as Label,
  beta: 1,
  zeroDivision: 0,
});

/**
 * Fraction of predictions equal to the truth (scikit-learn `accuracy_score`).
 * @param options.normalize when false, return the count of correct predictions (default true)
 * @example accuracy([0, 1, 2, 3], [0, 2, 1, 3]) // 0.5
 */
export function accuracy(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: { normalize?: boolean } = {}): number {
  checkPaired(yTrue, yPred, ['yTrue', 'yPred']);
  let hit = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hit++;
  return options.normalize === false ? hit : hit / yTrue.length;
}

/** A confusion matrix: `matrix[i][j]` counts samples of true `labels[i]` predicted as `labels[j]`. */
export interface ConfusionMatrix {
  labels: Label[];
  matrix: number[][];
}

/**
 * Confusion matrix with rows = true label, columns = predicted label (scikit-learn `confusion_matrix`).
 * @param options.labels label order; samples whose true or predicted label is not listed are ignored
 *   (default: the sorted union of both arrays)
 * @example confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]).matrix // [[2,0,0],[0,0,1],[1,0,2]]
 */
export function confusionMatrix(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: { labels?: readonly Label[] } = {},
): ConfusionMatrix {
  checkPaired(yTrue, yPred, ['yTrue', 'yPred']);
  const labels = options.labels ? [...options.labels] : uniqueLabels(yTrue, yPred);
  if (labels.length === 0) throw new ArgumentError('labels is empty', { key: 'labels' });
  const index = labelIndex(labels);
  if (index.size !== labels.length) throw new ArgumentError('labels contains duplicates', { key: 'labels' });
  const matrix = labels.map(() => new Array<number>(labels.length).fill(0));
  for (let i = 0; i < yTrue.length; i++) {
    const t = index.get(yTrue[i]!);
    const p = index.get(yPred[i]!);
    if (t !== undefined && p !== undefined) matrix[t]![p]!++;
  }
  return { labels, matrix };
}

/**
 * Mean of per-class recall over the classes present in `yTrue` (scikit-learn `balanced_accuracy_score`);
 * robust to class imbalance. Classes that only appear in `yPred` are ignored.
 * @param options.adjusted rescale so that chance scores 0 and perfect scores 1 (default false)
 * @example balancedAccuracy([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1]) // 0.625
 */
export function balancedAccuracy(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: { adjusted?: boolean } = {},
): number {
  const { matrix } = confusionMatrix(yTrue, yPred);
  let sum = 0;
  let classes = 0;
  for (let i = 0; i < matrix.length; i++) {
    const row = matrix[i]!;
    let total = 0;
    for (const v of row) total += v;
    if (total === 0) continue;
    sum += row[i]! / total;
    classes++;
  }
  let score = sum / classes;
  if (options.adjusted) {
    const chance = 1 / classes;
    score = (score - chance) / (1 - chance);
  }
  return score;
}

/** How `precisionRecallF1` averages over classes; `null` returns per-class values. */
export type PrfAverage = 'binary' | 'micro' | 'macro' | 'weighted';

/** Options of {@link precisionRecallF1}. */
export interface PrfOptions {
  /** `'binary'` (default: report `posLabel` only), `'micro'`, `'macro'`, `'weighted'` (by support), or `null` for per class. */
  average?: PrfAverage | null;
  /** The positive class for `average: 'binary'` (default 1). */
  posLabel?: Label;
  /** Classes to include and their order (default: sorted union of yTrue and yPred). */
  labels?: readonly Label[];
  /** F-beta's beta, > 0 (default 1: F1). */
  beta?: number;
  /** Value for 0/0 (a class never predicted or never true): 0 (default), 1 or NaN (NaN is skipped by averages). */
  zeroDivision?: number;
}

/** Averaged precision, recall and F-beta; `support` is the number of true samples of the included classes. */
export interface PrfScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Per-class precision, recall, F-beta and support, aligned with `labels`. */
export interface PrfPerClass {
  labels: Label[];
  precision: number[];
  recall: number[];
  f1: number[];
  support: number[];
}

/**
 * Precision, recall and F-beta as scikit-learn's `precision_recall_fscore_support`: binary, micro, macro,
 * weighted or per class, with an explicit value for zero divisions.
 * @example
 * precisionRecallF1(['a','b','c','a','b','c'], ['a','c','b','a','a','b'], { average: 'macro' })
 * // { precision: 0.2222, recall: 0.3333, f1: 0.2667, support: 6 }
 */
export function precisionRecallF1(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: PrfOptions & { average: null }): PrfPerClass;
export function precisionRecallF1(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options?: PrfOptions): PrfScores;
export function precisionRecallF1(yTrue: ArrayLike<Label>, yPred: ArrayLike<Label>, options: PrfOptions = {}): PrfScores | PrfPerClass {
  checkPaired(yTrue, yPred, ['yTrue', 'yPred']);
  const average = options.average === undefined ? LABEL_METRIC_DEFAULTS.average : options.average;
  const beta = options.beta ?? LABEL_METRIC_DEFAULTS.beta;
  const zd = options.zeroDivision ?? LABEL_METRIC_DEFAULTS.zeroDivision;
  if (!(beta > 0)) throw new ArgumentError(`beta must be > 0, got ${beta}`, { key: 'beta' });
  if (!(zd === 0 || zd === 1 || Number.isNaN(zd))) throw new ArgumentError(`zeroDivision must be 0, 1 or NaN, got ${zd}`, { key: 'zeroDivision' });

  const present = uniqueLabels(yTrue, yPred);
  let labels: Label[];
  if (average === 'binary') {
    const posLabel = options.posLabel ?? LABEL_METRIC_DEFAULTS.posLabel;
    if (present.length > 2) {
      throw new ArgumentError(`average 'binary' needs at most 2 classes, got ${present.length}; choose micro, macro, weighted or null`, { key: 'average' });
    }
    if (present.length === 2 && !present.includes(posLabel)) {
      throw new ArgumentError(`posLabel ${JSON.stringify(posLabel)} is not a valid label: ${JSON.stringify(present)}`, { key: 'posLabel' });
    }
    labels = [posLabel];
  } else {
    labels = options.labels ? [...options.labels] : present;
  }
  const index = labelIndex(labels);
  const k = labels.length;
  const tp = new Float64Array(k);
  const predSum = new Float64Array(k);
  const trueSum = new Float64Array(k);
  for (let i = 0; i < yTrue.length; i++) {
    const t = index.get(yTrue[i]!);
    const p = index.get(yPred[i]!);
    if (t !== undefined) trueSum[t]!++;
    if (p !== undefined) predSum[p]!++;
    if (t !== undefined && t === p) tp[t]!++;
  }
  const b2 = beta * beta;
  const divide = (num: number, den: number): number => (den === 0 ? zd : num / den);
  const fOf = (tpv: number, pred: number, tru: number): number => divide((1 + b2) * tpv, b2 * tru + pred);

  if (average === 'micro') {
    let t = 0, p = 0, s = 0;
    for (let j = 0; j < k; j++) { t += tp[j]!; p += predSum[j]!; s += trueSum[j]!; }
    return { precision: divide(t, p), recall: divide(t, s), f1: fOf(t, p, s), support: s };
  }
  const precision: number[] = [];
  const recall: number[] = [];
  const f1: number[] = [];
  const support: number[] = [];
  for (let j = 0; j < k; j++) {
    precision.push(divide(tp[j]!, predSum[j]!));
    recall.push(divide(tp[j]!, trueSum[j]!));
    f1.push(fOf(tp[j]!, predSum[j]!, trueSum[j]!));
    support.push(trueSum[j]!);
  }
  if (average === null) return { labels, precision, recall, f1, support };
  let total = 0;
  for (const s of support) total += s;
  if (average === 'weighted') {
    if (total === 0) return { precision: zd, recall: zd, f1: zd, support: 0 };
    return { precision: nanAverage(precision, support), recall: nanAverage(recall, support), f1: nanAverage(f1, support), support: total };
  }
  // binary has a single label, so the mean is that label's value.
  return { precision: nanAverage(precision), recall: nanAverage(recall), f1: nanAverage(f1), support: total };
}

/** Mean (weighted if `weights`) of the non-NaN values; NaN if none. */
function nanAverage(values: readonly number[], weights?: readonly number[]): number {
  let s = 0, w = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const wi = weights ? weights[i]! : 1;
    s += v * wi;
    w += wi;
  }
  return w === 0 ? NaN : s / w;
}
