/**
 * Numeric feature scalers with scikit-learn's definitions: MinMaxScaler (x * scale + min, scale =
 * range / (max - min)) and StandardScaler (z-score with the population standard deviation).
 * Constant features get scale 1, as scikit-learn's `_handle_zeros_in_scale`. NaN is a missing
 * value, as in scikit-learn: left out of fit (per feature) and kept as NaN by the transforms; a
 * feature with no value at all fits to NaN. Infinity is an error.
 */
import { ArgumentError, ConfigError } from '../core/errors.js';
import { checkOptions, MIN_MAX_SCALER_DEFAULTS, MIN_MAX_SCALER_SCHEMA, STANDARD_SCALER_DEFAULTS, STANDARD_SCALER_SCHEMA } from './options.js';

/** Numeric rows: one array per sample. */
export type NumericRows = readonly ArrayLike<number>[];

function checkNumeric(X: NumericRows, width?: number): number {
  if (!Array.isArray(X)) throw new ArgumentError('expected an array of numeric rows');
  const w = width ?? (X.length ? X[0]!.length : 0);
  for (let i = 0; i < X.length; i++) {
    const r = X[i]!;
    if (!r || r.length !== w) throw new ArgumentError(`row ${i} has ${r?.length} features, expected ${w}`, { key: `X[${i}]` });
    for (let j = 0; j < w; j++) {
      const v = r[j];
      if (typeof v !== 'number' || v === Infinity || v === -Infinity) throw new ArgumentError(`row ${i} feature ${j} is not a finite number or NaN`, { key: `X[${i}][${j}]` });
    }
  }
  return w;
}

/** Checks rows to fit on (numeric, one width, at least one row) and returns the width. */
function fitWidth(X: NumericRows): number {
  const w = checkNumeric(X);
  if (X.length === 0) throw new ArgumentError('cannot fit on zero rows');
  return w;
}

/**
 * Visits every present (non-NaN) value of every row with its column index, in row order (the fits'
 * accumulation loop); returns the number of values seen per column.
 */
function forEachValue(X: NumericRows, w: number, visit: (v: number, j: number) => void): Float64Array {
  const seen = new Float64Array(w);
  for (const r of X) {
    for (let j = 0; j < w; j++) {
      const v = r[j]!;
      if (v !== v) continue; // NaN: missing
      seen[j]++;
      visit(v, j);
    }
  }
  return seen;
}

/** Checks rows against a fitted width, then maps each value with its column index (transforms and inverses). */
function mapValues(X: NumericRows, w: number, f: (v: number, j: number) => number): Float64Array[] {
  checkNumeric(X, w);
  return X.map((r) => {
    const o = new Float64Array(w);
    for (let j = 0; j < w; j++) o[j] = f(r[j]!, j);
    return o;
  });
}

function requireFit<T>(v: T | null, name: string): T {
  if (v === null) throw new ArgumentError(`${name} is not fitted: call fit() first`);
  return v;
}

/** Options of {@link MinMaxScaler}. */
export interface MinMaxScalerOptions {
  /** Target range [lo, hi] with lo < hi (default [0, 1]). */
  featureRange?: readonly [number, number];
  /** Clip transformed values into the range (default false). */
  clip?: boolean;
}

/**
 * Scales each feature to a range, as scikit-learn's `MinMaxScaler`.
 * @example
 * new MinMaxScaler().fitTransform([[-1, 2], [-0.5, 6], [0, 10], [1, 18]]);
 * // [[0, 0], [0.25, 0.25], [0.5, 0.5], [1, 1]]
 */
export class MinMaxScaler {
  /** The options in effect. */
  readonly options: Readonly<Required<MinMaxScalerOptions>>;
  /** Per-feature minimum seen in fit (`data_min_`). */
  dataMin: Float64Array | null = null;
  /** Per-feature maximum seen in fit (`data_max_`). */
  dataMax: Float64Array | null = null;
  /** Per-feature multiplier (`scale_`). */
  scale: Float64Array | null = null;
  /** Per-feature offset (`min_`). */
  min: Float64Array | null = null;

  constructor(options: MinMaxScalerOptions = {}) {
    checkOptions(options, MIN_MAX_SCALER_SCHEMA);
    const r = options.featureRange ?? MIN_MAX_SCALER_DEFAULTS.featureRange;
    if (!(Array.isArray(r) && r.length === 2 && Number.isFinite(r[0]) && Number.isFinite(r[1]) && r[0] < r[1])) throw new ConfigError(`featureRange must be [lo, hi] with lo < hi, got ${JSON.stringify(r)}`, { key: 'featureRange' });
    this.options = Object.freeze({ featureRange: [r[0], r[1]] as const, clip: options.clip ?? MIN_MAX_SCALER_DEFAULTS.clip });
  }

  /** Learns min and max per feature. Returns `this`. */
  fit(X: NumericRows): this {
    const w = fitWidth(X);
    const lo = new Float64Array(w).fill(Infinity);
    const hi = new Float64Array(w).fill(-Infinity);
    const seen = forEachValue(X, w, (v, j) => {
      if (v < lo[j]!) lo[j] = v;
      if (v > hi[j]!) hi[j] = v;
    });
    for (let j = 0; j < w; j++) if (seen[j] === 0) lo[j] = hi[j] = NaN; // numpy's nanmin of nothing
    const [a, b] = this.options.featureRange;
    const scale = new Float64Array(w);
    const min = new Float64Array(w);
    for (let j = 0; j < w; j++) {
      const range = hi[j]! - lo[j]!;
      scale[j] = (b - a) / (range === 0 ? 1 : range);
      min[j] = a - lo[j]! * scale[j]!;
    }
    this.dataMin = lo;
    this.dataMax = hi;
    this.scale = scale;
    this.min = min;
    return this;
  }

  /** Scales rows. */
  transform(X: NumericRows): Float64Array[] {
    const scale = requireFit(this.scale, 'MinMaxScaler');
    const min = this.min!;
    const [a, b] = this.options.featureRange;
    const clip = this.options.clip;
    return mapValues(X, scale.length, (x, j) => {
      const v = x * scale[j]! + min[j]!;
      return clip ? Math.min(b, Math.max(a, v)) : v;
    });
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform(X: NumericRows): Float64Array[] {
    return this.fit(X).transform(X);
  }

  /** Undoes the scaling. */
  inverseTransform(X: NumericRows): Float64Array[] {
    const scale = requireFit(this.scale, 'MinMaxScaler');
    const min = this.min!;
    return mapValues(X, scale.length, (x, j) => (x - min[j]!) / scale[j]!);
  }
}

/** Options of {@link StandardScaler}. */
export interface StandardScalerOptions {
  /** Subtract the mean (default true). */
  withMean?: boolean;
  /** Divide by the standard deviation (default true). */
  withStd?: boolean;
}

/**
 * Standardizes each feature to zero mean and unit variance (z-score), as scikit-learn's
 * `StandardScaler` (population variance, ddof = 0).
 * @example
 * new StandardScaler().fitTransform([[0, 0], [0, 0], [1, 1], [1, 1]]); // [[-1, -1], [-1, -1], [1, 1], [1, 1]]
 */
export class StandardScaler {
  /** The options in effect. */
  readonly options: Readonly<Required<StandardScalerOptions>>;
  /** Per-feature mean (`mean_`). */
  mean: Float64Array | null = null;
  /** Per-feature population variance (`var_`). */
  variance: Float64Array | null = null;
  /** Per-feature divisor (`scale_`): the standard deviation, 1 for constant features. */
  scale: Float64Array | null = null;

  constructor(options: StandardScalerOptions = {}) {
    checkOptions(options, STANDARD_SCALER_SCHEMA);
    this.options = Object.freeze({ withMean: options.withMean ?? STANDARD_SCALER_DEFAULTS.withMean, withStd: options.withStd ?? STANDARD_SCALER_DEFAULTS.withStd });
  }

  /** Learns mean and variance (two passes, for accuracy). Returns `this`. */
  fit(X: NumericRows): this {
    const w = fitWidth(X);
    const mean = new Float64Array(w);
    // n[j]: values present in feature j (scikit-learn's per-feature n_samples_seen_ with NaNs).
    const n = forEachValue(X, w, (x, j) => {
      mean[j] += x;
    });
    for (let j = 0; j < w; j++) mean[j] = mean[j]! / n[j]!;
    const v = new Float64Array(w);
    const corr = new Float64Array(w);
    forEachValue(X, w, (x, j) => {
      const d = x - mean[j]!;
      v[j] += d * d;
      corr[j] += d;
    });
    // Corrected two-pass formula (Chan, Golub & LeVeque), as scikit-learn's _incremental_mean_and_var.
    for (let j = 0; j < w; j++) v[j] = (v[j]! - (corr[j]! * corr[j]!) / n[j]!) / n[j]!;
    this.mean = mean;
    this.variance = v;
    this.scale = Float64Array.from(v, (x) => {
      const s = Math.sqrt(x);
      return s === 0 ? 1 : s;
    });
    return this;
  }

  /** Standardizes rows. */
  transform(X: NumericRows): Float64Array[] {
    const scale = requireFit(this.scale, 'StandardScaler');
    const mean = this.mean!;
    const { withMean, withStd } = this.options;
    return mapValues(X, scale.length, (x, j) => {
      if (withMean) x -= mean[j]!;
      if (withStd) x /= scale[j]!;
      return x;
    });
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform(X: NumericRows): Float64Array[] {
    return this.fit(X).transform(X);
  }

  /** Undoes the standardization. */
  inverseTransform(X: NumericRows): Float64Array[] {
    const scale = requireFit(this.scale, 'StandardScaler');
    const mean = this.mean!;
    const { withMean, withStd } = this.options;
    return mapValues(X, scale.length, (x, j) => {
      if (withStd) x *= scale[j]!;
      if (withMean) x += mean[j]!;
      return x;
    });
  }
}
