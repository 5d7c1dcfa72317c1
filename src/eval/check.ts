/** Shared argument checks and label helpers for the eval metrics (internal). */
import { ArgumentError } from '../core/errors.js';

/** A class label: numbers and strings, as scikit-learn accepts. */
export type Label = string | number;

/** Throws unless both arrays are non-empty and equally long. */
export function checkPaired(a: ArrayLike<unknown>, b: ArrayLike<unknown>, names: [string, string]): void {
  if (a.length !== b.length) {
    throw new ArgumentError(`${names[0]} and ${names[1]} differ in length (${a.length} vs ${b.length})`, { key: names[1] });
  }
  if (a.length === 0) throw new ArgumentError(`${names[0]} is empty`, { key: names[0] });
}

/** Throws unless the array is non-empty and every value is finite. */
export function checkFinite(a: ArrayLike<number>, name: string): void {
  if (a.length === 0) throw new ArgumentError(`${name} is empty`, { key: name });
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i]!)) throw new ArgumentError(`${name}[${i}] is not a finite number (${a[i]})`, { key: name });
  }
}

/** Compares labels the way numpy sorts them: numbers numerically, strings by code unit. */
export function compareLabels(a: Label, b: Label): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a !== typeof b) throw new ArgumentError(`labels mix numbers and strings (${JSON.stringify(a)}, ${JSON.stringify(b)})`);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted distinct labels over all given arrays (scikit-learn's `unique_labels`). */
export function uniqueLabels(...arrays: ReadonlyArray<ArrayLike<Label>>): Label[] {
  const seen = new Set<Label>();
  for (const arr of arrays) for (let i = 0; i < arr.length; i++) seen.add(arr[i]!);
  return [...seen].sort(compareLabels);
}

/** Map from label to its index in `labels`. */
export function labelIndex(labels: readonly Label[]): Map<Label, number> {
  const m = new Map<Label, number>();
  labels.forEach((l, i) => m.set(l, i));
  return m;
}
