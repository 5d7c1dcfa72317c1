import type { Doc } from './doc.js';
import { ArgumentError } from './errors.js';

/**
 * How a Doc finds word vectors (spaCy's `user_hooks` for vectors): a component that assigns
 * vectors (the `vectors` component) sets `doc.vectorHook`, and `token.vector`, `span.vector`,
 * `doc.vector` and `.similarity()` read through it.
 */
export interface VectorHook {
  /** Vector width. */
  readonly dim: number;
  /** Writes the mean vector of tokens [start, end) into `out` (unknown tokens count as zeros). */
  mean(doc: Doc, start: number, end: number, out: Float32Array): Float32Array;
  /** Whether token `i` has a vector. */
  has(doc: Doc, i: number): boolean;
}

/** The mean vector of tokens [start, end) of `doc`; throws if no component assigned vectors. */
export function meanVector(doc: Doc, start: number, end: number): Float32Array {
  const hook = doc.vectorHook;
  if (!hook) throw new ArgumentError('this doc has no vectors: add the "vectors" component to the pipeline');
  return hook.mean(doc, start, end, new Float32Array(hook.dim));
}

/** Cosine similarity of two vectors; 0 when either is all zeros (as spaCy). */
export function cosine(u: Float32Array, v: Float32Array): number {
  if (u.length !== v.length) throw new ArgumentError(`vectors differ in size (${u.length} vs ${v.length})`);
  let dot = 0;
  let nu = 0;
  let nv = 0;
  for (let c = 0; c < u.length; c++) {
    dot += u[c]! * v[c]!;
    nu += u[c]! * u[c]!;
    nv += v[c]! * v[c]!;
  }
  return nu === 0 || nv === 0 ? 0 : dot / Math.sqrt(nu * nv);
}
