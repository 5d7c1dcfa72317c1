/**
 * Shared helpers for categorical encoders: input checking, category ordering and unknown handling.
 */
import { ArgumentError } from '../core/errors.js';
import { compareCodePoints } from './count-kernel.js';

/** A categorical value. */
export type Category = string | number | boolean | null;

/** Rows of categorical values, one array per sample, one entry per feature. */
export type CategoryRows = readonly (readonly Category[])[];

function typeRank(v: Category): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  return 3;
}

/**
 * Sort order of categories (as `np.unique` for one type): numbers ascending (NaN last among
 * numbers), then strings by code point, then false, true, then null.
 */
export function compareCategories(a: Category, b: Category): number {
  const ta = typeRank(a);
  const tb = typeRank(b);
  if (ta !== tb) return ta - tb;
  if (ta === 0) {
    const x = a as number;
    const y = b as number;
    if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
    if (Number.isNaN(y)) return -1;
    return x - y;
  }
  if (ta === 1) return compareCodePoints(a as string, b as string);
  if (ta === 2) return Number(a) - Number(b);
  return 0;
}

/** Checks rows are arrays of equal width of valid categories; returns the width. */
export function checkRows(X: CategoryRows, expectedWidth?: number): number {
  if (!Array.isArray(X)) throw new ArgumentError('expected an array of rows (arrays of categories)');
  const width = expectedWidth ?? (X.length ? (X[0]?.length ?? 0) : 0);
  for (let i = 0; i < X.length; i++) {
    const r = X[i];
    if (!Array.isArray(r)) throw new ArgumentError(`row ${i} is not an array`, { key: `X[${i}]` });
    if (r.length !== width) throw new ArgumentError(`row ${i} has ${r.length} features, expected ${width}`, { key: `X[${i}]` });
    for (let j = 0; j < width; j++) {
      const v = r[j];
      if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
        throw new ArgumentError(`row ${i} feature ${j} is not a category (string, number, boolean or null)`, { key: `X[${i}][${j}]` });
      }
    }
  }
  return width;
}

/** Distinct values of column `j`, in first-appearance order, with their counts. */
export function columnCounts(X: CategoryRows, j: number): Map<Category, number> {
  const m = new Map<Category, number>();
  for (const r of X) {
    const v = r[j]!;
    m.set(v, (m.get(v) ?? 0) + 1);
  }
  return m;
}

/** Name of a category in feature names (`null` -> "null"). */
export function categoryName(v: Category): string {
  return String(v);
}

/** Default input feature names x0, x1, ... */
export function defaultFeatureNames(n: number, given?: readonly string[]): string[] {
  if (given) {
    if (given.length !== n) throw new ArgumentError(`inputFeatures has ${given.length} names, the encoder has ${n} features`, { key: 'inputFeatures' });
    return given.slice();
  }
  return Array.from({ length: n }, (_, j) => `x${j}`);
}

/** The error for an unknown category at (row, feature). */
export function unknownError(v: Category, i: number, j: number): ArgumentError {
  return new ArgumentError(`unknown category ${JSON.stringify(v)} in feature ${j} (row ${i}); use handleUnknown to accept it`, { key: `X[${i}][${j}]` });
}

/** Throws unless the encoder is fitted. */
export function requireFitted<T>(v: T | null, name: string): T {
  if (v === null) throw new ArgumentError(`${name} is not fitted: call fit() first`);
  return v;
}
