/**
 * Score-based binary metrics: ROC curve and AUC, precision-recall curve and average precision, exactly as
 * scikit-learn computes them (tied scores form one threshold, so a tie between a positive and a negative
 * earns half credit in the AUC).
 */
import { ArgumentError } from '../../core/errors.js';
import { checkFinite, checkPaired, labelIndex, uniqueLabels, type Label } from '../check.js';

/** Options shared by the binary curve functions. */
export interface CurveOptions {
  /** The positive class. Default 1 when yTrue's labels are within {0, 1} or {-1, 1}; otherwise required. */
  posLabel?: Label;
}

/** A ROC curve: `fpr[i]`, `tpr[i]` are the rates when predicting positive for scores >= `thresholds[i]`. */
export interface RocCurve {
  fpr: number[];
  tpr: number[];
  /** Decreasing; the first is `Infinity` (nothing predicted positive). */
  thresholds: number[];
}

/** A precision-recall curve; the last point is precision 1, recall 0 with no threshold. */
export interface PrCurve {
  precision: number[];
  recall: number[];
  /** Increasing; one fewer than precision/recall. */
  thresholds: number[];
}

interface ClfCurve {
  fps: number[];
  tps: number[];
  thresholds: number[];
}

function resolvePosLabel(yTrue: ArrayLike<Label>, posLabel: Label | undefined): Label {
  const classes = uniqueLabels(yTrue);
  if (classes.length > 2) throw new ArgumentError(`yTrue must be binary, found ${classes.length} classes`, { key: 'yTrue' });
  if (posLabel !== undefined) return posLabel;
  const ok = classes.every((c) => c === 0 || c === 1) || classes.every((c) => c === -1 || c === 1);
  if (!ok) throw new ArgumentError(`yTrue labels ${JSON.stringify(classes)} are not {0,1} or {-1,1}: give posLabel`, { key: 'posLabel' });
  return 1;
}

/** Cumulative false/true positives at each distinct score, in decreasing score order (sklearn `_binary_clf_curve`). */
function binaryClfCurve(yTrue: ArrayLike<Label>, yScore: ArrayLike<number>, posLabel?: Label): ClfCurve {
  checkPaired(yTrue, yScore, ['yTrue', 'yScore']);
  checkFinite(yScore, 'yScore');
  const pos = resolvePosLabel(yTrue, posLabel);
  const n = yScore.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => yScore[b]! - yScore[a]!);
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    if (yTrue[i] === pos) tp++;
    // Emit a point only at the last sample of each run of equal scores.
    if (r === n - 1 || yScore[order[r + 1]!]! !== yScore[i]!) {
      tps.push(tp);
      fps.push(r + 1 - tp);
      thresholds.push(yScore[i]!);
    }
  }
  return { fps, tps, thresholds };
}

/**
 * Receiver operating characteristic (scikit-learn `roc_curve`).
 * @param options.dropIntermediate drop points that lie on a straight segment (default true, as sklearn)
 * @example rocCurve([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], { posLabel: 2 })
 * // fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1], thresholds [Infinity, 0.8, 0.4, 0.35, 0.1]
 */
export function rocCurve(yTrue: ArrayLike<Label>, yScore: ArrayLike<number>, options: CurveOptions & { dropIntermediate?: boolean } = {}): RocCurve {
  let { fps, tps, thresholds } = binaryClfCurve(yTrue, yScore, options.posLabel);
  if (options.dropIntermediate !== false && fps.length > 2) {
    // Keep the ends and every point where the second difference of fps or tps is non-zero (a corner).
    const keep: number[] = [0];
    for (let i = 1; i < fps.length - 1; i++) {
      if (fps[i - 1]! - 2 * fps[i]! + fps[i + 1]! !== 0 || tps[i - 1]! - 2 * tps[i]! + tps[i + 1]! !== 0) keep.push(i);
    }
    keep.push(fps.length - 1);
    fps = keep.map((i) => fps[i]!);
    tps = keep.map((i) => tps[i]!);
    thresholds = keep.map((i) => thresholds[i]!);
  }
  const nNeg = fps[fps.length - 1]!;
  const nPos = tps[tps.length - 1]!;
  return {
    fpr: [0, ...fps.map((v) => (nNeg > 0 ? v / nNeg : NaN))],
    tpr: [0, ...tps.map((v) => (nPos > 0 ? v / nPos : NaN))],
    thresholds: [Infinity, ...thresholds],
  };
}

/**
 * Area under a curve by the trapezoidal rule (scikit-learn `auc`); x must be monotonic.
 * @example auc([0, 0.5, 1], [0, 1, 1]) // 0.75
 */
export function auc(x: ArrayLike<number>, y: ArrayLike<number>): number {
  checkPaired(x, y, ['x', 'y']);
  if (x.length < 2) throw new ArgumentError('auc needs at least 2 points', { key: 'x' });
  let direction = 1;
  let inc = true, dec = true;
  for (let i = 1; i < x.length; i++) {
    if (x[i]! < x[i - 1]!) inc = false;
    if (x[i]! > x[i - 1]!) dec = false;
  }
  if (!inc) {
    if (!dec) throw new ArgumentError('x is neither increasing nor decreasing', { key: 'x' });
    direction = -1;
  }
  let area = 0;
  for (let i = 1; i < x.length; i++) area += (x[i]! - x[i - 1]!) * (y[i]! + y[i - 1]!) / 2;
  return direction * area;
}

/** Options of {@link rocAuc}. */
export interface RocAucOptions extends CurveOptions {
  /** Multiclass scheme when `yScore` has one column per class: `'ovr'` (default) or `'ovo'` (Hand & Till). */
  multiClass?: 'ovr' | 'ovo';
  /** Multiclass averaging: `'macro'` (default) or `'weighted'` (by prevalence). */
  average?: 'macro' | 'weighted';
  /** Class order of the score columns (default: sorted labels of yTrue). */
  labels?: readonly Label[];
}

/**
 * Area under the ROC curve (scikit-learn `roc_auc_score`). Binary when `yScore` is one score per sample;
 * multiclass one-vs-rest or one-vs-one when it is one row of class scores per sample.
 * @example rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // 0.75
 */
export function rocAuc(yTrue: ArrayLike<Label>, yScore: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>, options: RocAucOptions = {}): number {
  checkPaired(yTrue, yScore, ['yTrue', 'yScore']);
  if (typeof yScore[0] === 'number') return binaryAuc(yTrue, yScore as ArrayLike<number>, options.posLabel);
  const rows = yScore as ReadonlyArray<ArrayLike<number>>;
  const labels = options.labels ? [...options.labels] : uniqueLabels(yTrue);
  const k = labels.length;
  if (k < 2) throw new ArgumentError('rocAuc needs at least 2 classes', { key: 'labels' });
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]!.length !== k) throw new ArgumentError(`yScore[${i}] has ${rows[i]!.length} columns, expected ${k}`, { key: 'yScore' });
  }
  const index = labelIndex(labels);
  const cls = new Int32Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const c = index.get(yTrue[i]!);
    if (c === undefined) throw new ArgumentError(`yTrue[${i}] = ${JSON.stringify(yTrue[i])} is not in labels`, { key: 'yTrue' });
    cls[i] = c;
  }
  const column = (j: number, mask?: (i: number) => boolean): { t: number[]; s: number[] } => {
    const t: number[] = [], s: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      if (mask && !mask(i)) continue;
      t.push(cls[i] === j ? 1 : 0);
      s.push(rows[i]![j]!);
    }
    return { t, s };
  };
  const weighted = options.average === 'weighted';
  if ((options.multiClass ?? 'ovr') === 'ovr') {
    let sum = 0, wsum = 0;
    for (let j = 0; j < k; j++) {
      const { t, s } = column(j);
      const w = weighted ? t.reduce((a, b) => a + b, 0) : 1;
      sum += w * binaryAuc(t, s, 1);
      wsum += w;
    }
    return sum / wsum;
  }
  let sum = 0, wsum = 0;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const mask = (i: number): boolean => cls[i] === a || cls[i] === b;
      const ca = column(a, mask);
      const cb = column(b, mask);
      const score = (binaryAuc(ca.t, ca.s, 1) + binaryAuc(cb.t, cb.s, 1)) / 2;
      const w = weighted ? ca.t.length / rows.length : 1;
      sum += w * score;
      wsum += w;
    }
  }
  return sum / wsum;
}

function binaryAuc(yTrue: ArrayLike<Label>, yScore: ArrayLike<number>, posLabel?: Label): number {
  const { fps, tps } = binaryClfCurve(yTrue, yScore, posLabel);
  const nNeg = fps[fps.length - 1]!;
  const nPos = tps[tps.length - 1]!;
  if (nNeg === 0 || nPos === 0) throw new ArgumentError('only one class present in yTrue: ROC AUC is not defined', { key: 'yTrue' });
  // Trapezoids over (0,0) + points; exact integer arithmetic, one division at the end.
  let area = 0, pf = 0, pt = 0;
  for (let i = 0; i < fps.length; i++) {
    area += (fps[i]! - pf) * (tps[i]! + pt);
    pf = fps[i]!;
    pt = tps[i]!;
  }
  return area / (2 * nNeg * nPos);
}

/**
 * Precision-recall pairs for every distinct threshold (scikit-learn `precision_recall_curve`, full curve).
 * @example prCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
 * // precision [0.5, 0.667, 0.5, 1, 1], recall [1, 1, 0.5, 0.5, 0], thresholds [0.1, 0.35, 0.4, 0.8]
 */
export function prCurve(yTrue: ArrayLike<Label>, yScore: ArrayLike<number>, options: CurveOptions = {}): PrCurve {
  const { fps, tps, thresholds } = binaryClfCurve(yTrue, yScore, options.posLabel);
  const nPos = tps[tps.length - 1]!;
  const m = tps.length;
  const precision: number[] = [];
  const recall: number[] = [];
  const th: number[] = [];
  for (let i = m - 1; i >= 0; i--) {
    const ps = tps[i]! + fps[i]!;
    precision.push(ps === 0 ? 0 : tps[i]! / ps);
    // sklearn sets recall to 1 everywhere when there is no positive sample.
    recall.push(nPos === 0 ? 1 : tps[i]! / nPos);
    th.push(thresholds[i]!);
  }
  precision.push(1);
  recall.push(0);
  return { precision, recall, thresholds: th };
}

/** Options of {@link averagePrecision}. */
export interface AveragePrecisionOptions extends CurveOptions {
  /** For one-row-per-sample class scores: `'macro'` (default), `'weighted'` (by support) or `'micro'`. */
  average?: 'macro' | 'weighted' | 'micro';
  /** Class order of the score columns (default: sorted labels of yTrue). */
  labels?: readonly Label[];
}

/**
 * Average precision, the step-wise (non-interpolated) area under the PR curve: sum over thresholds of
 * (R_n - R_{n-1}) * P_n (scikit-learn `average_precision_score`). Multiclass scores are binarized
 * one-vs-rest and averaged.
 * @example averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // 0.8333
 */
export function averagePrecision(
  yTrue: ArrayLike<Label>,
  yScore: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>,
  options: AveragePrecisionOptions = {},
): number {
  checkPaired(yTrue, yScore, ['yTrue', 'yScore']);
  if (typeof yScore[0] === 'number') return binaryAp(yTrue, yScore as ArrayLike<number>, options.posLabel);
  const rows = yScore as ReadonlyArray<ArrayLike<number>>;
  const labels = options.labels ? [...options.labels] : uniqueLabels(yTrue);
  const k = labels.length;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]!.length !== k) throw new ArgumentError(`yScore[${i}] has ${rows[i]!.length} columns, expected ${k}`, { key: 'yScore' });
  }
  const average = options.average ?? 'macro';
  if (average === 'micro') {
    const t: number[] = [], s: number[] = [];
    for (let i = 0; i < rows.length; i++) for (let j = 0; j < k; j++) { t.push(yTrue[i] === labels[j] ? 1 : 0); s.push(rows[i]![j]!); }
    return binaryAp(t, s, 1);
  }
  let sum = 0, wsum = 0;
  for (let j = 0; j < k; j++) {
    const t: number[] = [], s: number[] = [];
    let support = 0;
    for (let i = 0; i < rows.length; i++) { const y = yTrue[i] === labels[j] ? 1 : 0; support += y; t.push(y); s.push(rows[i]![j]!); }
    const w = average === 'weighted' ? support : 1;
    if (w === 0) continue;
    sum += w * binaryAp(t, s, 1);
    wsum += w;
  }
  return wsum === 0 ? 0 : sum / wsum;
}

function binaryAp(yTrue: ArrayLike<Label>, yScore: ArrayLike<number>, posLabel?: Label): number {
  const { precision, recall } = prCurve(yTrue, yScore, posLabel === undefined ? {} : { posLabel });
  let ap = 0;
  for (let i = 0; i < precision.length - 1; i++) ap -= (recall[i + 1]! - recall[i]!) * precision[i]!;
  return Math.max(0, ap);
}
