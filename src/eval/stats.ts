/**
 * Descriptive statistics and correlation: mean, variance, standard deviation, covariance, Pearson and
 * Spearman correlation (numpy / scipy definitions), with the conventional strength label.
 */
import { ArgumentError } from '../core/errors.js';
import { checkFinite, checkPaired } from './check.js';

/** Defaults of this module: numpy's `var`/`std` use ddof 0, `np.cov` uses ddof 1. */
export const STATS_DEFAULTS = Object.freeze({
  varianceDdof: 0,
  covarianceDdof: 1,
});

/**
 * Arithmetic mean.
 * @example mean([1, 2, 3, 4]) // 2.5
 */
export function mean(x: ArrayLike<number>): number {
  checkFinite(x, 'x');
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return s / x.length;
}

function checkDdof(n: number, ddof: number): void {
  if (!Number.isInteger(ddof) || ddof < 0) throw new ArgumentError(`ddof must be a non-negative integer, got ${ddof}`, { key: 'ddof' });
  if (n - ddof <= 0) throw new ArgumentError(`need more than ddof=${ddof} values, got ${n}`, { key: 'ddof' });
}

/**
 * Variance sum((x - mean)^2) / (n - ddof), two-pass for accuracy.
 * @param options.ddof delta degrees of freedom: 0 (default, population, as numpy) or 1 (sample)
 * @example variance([1, 2, 3, 4]) // 1.25
 */
export function variance(x: ArrayLike<number>, options: { ddof?: number } = {}): number {
  const ddof = options.ddof ?? STATS_DEFAULTS.varianceDdof;
  const m = mean(x);
  checkDdof(x.length, ddof);
  let s = 0;
  for (let i = 0; i < x.length; i++) { const d = x[i]! - m; s += d * d; }
  return s / (x.length - ddof);
}

/**
 * Standard deviation, the square root of {@link variance}.
 * @param options.ddof 0 (default) or 1
 * @example std([2, 4, 4, 4, 5, 5, 7, 9]) // 2
 */
export function std(x: ArrayLike<number>, options: { ddof?: number } = {}): number {
  return Math.sqrt(variance(x, options));
}

/**
 * Covariance sum((x - mx)(y - my)) / (n - ddof).
 * @param options.ddof 1 (default, sample, as `np.cov`) or 0
 * @example covariance([1, 2, 3], [1, 2, 4]) // 1.5
 */
export function covariance(x: ArrayLike<number>, y: ArrayLike<number>, options: { ddof?: number } = {}): number {
  checkPaired(x, y, ['x', 'y']);
  const ddof = options.ddof ?? STATS_DEFAULTS.covarianceDdof;
  const mx = mean(x);
  const my = mean(y);
  checkDdof(x.length, ddof);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i]! - mx) * (y[i]! - my);
  return s / (x.length - ddof);
}

/** Conventional strength of |r|: very weak .00-.19, weak .20-.39, moderate .40-.59, strong .60-.79, very strong .80-1. */
export type CorrelationStrength = 'very weak' | 'weak' | 'moderate' | 'strong' | 'very strong';

/** A correlation coefficient with its strength label (`null` when r is undefined, i.e. NaN). */
export interface Correlation {
  r: number;
  strength: CorrelationStrength | null;
}

/**
 * Strength label of a correlation coefficient, by |r| rounded to two decimals.
 * @example correlationStrength(-0.65) // 'strong'
 */
export function correlationStrength(r: number): CorrelationStrength | null {
  if (Number.isNaN(r)) return null;
  // Round to the two decimals the bands are written in, so 0.199 counts as .20 ("weak").
  const a = Math.round(Math.abs(r) * 100) / 100;
  if (a < 0.2) return 'very weak';
  if (a < 0.4) return 'weak';
  if (a < 0.6) return 'moderate';
  if (a < 0.8) return 'strong';
  return 'very strong';
}

function pearsonR(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN; // a constant input: r is undefined (scipy returns nan)
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

/**
 * Pearson correlation coefficient (scipy `pearsonr`'s statistic). NaN, with strength null, when either
 * input is constant.
 * @example pearson([1, 2, 3, 4, 5], [10, 9, 2.5, 6, 4]) // { r: -0.7426, strength: 'strong' }
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): Correlation {
  checkPaired(x, y, ['x', 'y']);
  if (x.length < 2) throw new ArgumentError('correlation needs at least 2 pairs', { key: 'x' });
  const r = pearsonR(x, y);
  return { r, strength: correlationStrength(r) };
}

/**
 * Ranks 1..n with ties given their average rank (scipy `rankdata(method='average')`).
 * @example rankAverage([10, 20, 10, 30]) // [1.5, 3, 1.5, 4]
 */
export function rankAverage(x: ArrayLike<number>): Float64Array {
  checkFinite(x, 'x');
  const n = x.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => x[a]! - x[b]!);
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && x[order[j + 1]!]! === x[order[i]!]!) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]!] = r;
    i = j + 1;
  }
  return ranks;
}

/**
 * Spearman rank correlation: Pearson's r on average ranks, so ties are handled as scipy `spearmanr`.
 * @example spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) // { r: 0.8208, strength: 'very strong' }
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): Correlation {
  checkPaired(x, y, ['x', 'y']);
  if (x.length < 2) throw new ArgumentError('correlation needs at least 2 pairs', { key: 'x' });
  const r = pearsonR(rankAverage(x), rankAverage(y));
  return { r, strength: correlationStrength(r) };
}
