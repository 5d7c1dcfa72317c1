/** Helpers for growable typed-array columns. */

/** Any numeric typed array textloom stores columns in. */
export type NumericArray =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | Float32Array
  | Float64Array;

/**
 * Returns `arr` if it holds at least `min` items, else a copy at least double the size (a power
 * of two times the old size, 8 at least) whose new items are `fill` (default 0).
 * @example ids = grow(ids, n + 1); lengths = grow(lengths, orth + 1, -1)
 */
export function grow<T extends NumericArray>(arr: T, min: number, fill = 0): T {
  if (arr.length >= min) return arr;
  let cap = Math.max(8, arr.length * 2);
  while (cap < min) cap *= 2;
  const out = new (arr.constructor as new (n: number) => T)(cap);
  out.set(arr as unknown as ArrayLike<number> & T);
  if (fill !== 0) out.fill(fill, arr.length);
  return out;
}
