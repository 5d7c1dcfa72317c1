/**
 * Input checks shared by add and search: a vector must be a numeric array of the index's
 * dimension with finite components. Errors name the argument and the component.
 */
import { ArgumentError } from '../core/errors.js';

/** A vector as the API takes it. */
export type VectorLike = Float32Array | Float64Array | readonly number[];

/** Throws an ArgumentError unless `v` has `dim` finite numbers; `key` names it (e.g. `vector`, `vectors[3]`). */
export function checkVector(v: unknown, dim: number, key: string): asserts v is VectorLike {
  if (!(v instanceof Float32Array || v instanceof Float64Array || Array.isArray(v))) {
    throw new ArgumentError(`${key} must be a Float32Array, Float64Array or number[], got ${v === null ? 'null' : typeof v}`, { key });
  }
  const a = v as ArrayLike<number>;
  if (a.length !== dim) throw new ArgumentError(`${key} has ${a.length} components, the index has dimension ${dim}`, { key });
  for (let i = 0; i < dim; i++) {
    const x = a[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new ArgumentError(`${key}[${i}] is ${String(x)}; vector components must be finite numbers`, { key: `${key}[${i}]` });
  }
}
