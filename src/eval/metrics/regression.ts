/** Regression metrics with scikit-learn's definitions: RMSE, MAE, MAPE and R². */
import { ArgumentError } from '../../core/errors.js';
import { checkFinite, checkPaired } from '../check.js';

/** Defaults of this module. */
export const REGRESSION_DEFAULTS = Object.freeze({
  zeroTargets: 'epsilon' as MapeZeroTargets,
});

function checked(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): void {
  checkPaired(yTrue, yPred, ['yTrue', 'yPred']);
  checkFinite(yTrue, 'yTrue');
  checkFinite(yPred, 'yPred');
}

/**
 * Root mean squared error.
 * @example rmse([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) // 0.6124
 */
export function rmse(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checked(yTrue, yPred);
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) { const d = yTrue[i]! - yPred[i]!; s += d * d; }
  return Math.sqrt(s / yTrue.length);
}

/**
 * Mean absolute error.
 * @example mae([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) // 0.5
 */
export function mae(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checked(yTrue, yPred);
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) s += Math.abs(yTrue[i]! - yPred[i]!);
  return s / yTrue.length;
}

/**
 * What {@link mape} does with a zero target, where the percentage error is undefined:
 * `'epsilon'` divides by `Number.EPSILON` instead (scikit-learn's choice: a huge but finite error),
 * `'skip'` leaves those samples out, `'error'` throws an ArgumentError naming the first one.
 */
export type MapeZeroTargets = 'epsilon' | 'skip' | 'error';

/**
 * Mean absolute percentage error as a fraction (0.1 = 10%), sum |y - ŷ| / |y| / n.
 * @param options.zeroTargets `'epsilon'` (default, as scikit-learn), `'skip'` or `'error'`
 * @example mape([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) // 0.3274
 */
export function mape(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: { zeroTargets?: MapeZeroTargets } = {}): number {
  checked(yTrue, yPred);
  const mode = options.zeroTargets ?? REGRESSION_DEFAULTS.zeroTargets;
  let s = 0, n = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i]!;
    const err = Math.abs(t - yPred[i]!);
    if (t === 0) {
      if (mode === 'skip') continue;
      if (mode === 'error') throw new ArgumentError(`yTrue[${i}] is 0: MAPE is undefined (use zeroTargets 'skip' or 'epsilon')`, { key: 'yTrue' });
      s += err / Number.EPSILON;
    } else {
      s += err / Math.abs(t);
    }
    n++;
  }
  if (n === 0) throw new ArgumentError('every target is 0: MAPE is undefined', { key: 'yTrue' });
  return s / n;
}

/**
 * Coefficient of determination R² = 1 - SS_res / SS_tot. When the targets are constant (SS_tot = 0) it is
 * 1 for a perfect prediction and 0 otherwise (scikit-learn `force_finite=True`).
 * @example r2([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) // 0.9486
 */
export function r2(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  checked(yTrue, yPred);
  const n = yTrue.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += yTrue[i]!;
  m /= n;
  let res = 0, tot = 0;
  for (let i = 0; i < n; i++) {
    const d = yTrue[i]! - yPred[i]!;
    const e = yTrue[i]! - m;
    res += d * d;
    tot += e * e;
  }
  if (tot === 0) return res === 0 ? 1 : 0;
  return 1 - res / tot;
}
