import { ArgumentError } from './errors.js';

/**
 * The mean vector of tokens [start, end) of `doc`, read through the vector hook a component set
 * (`doc.vectorHook`, see `VectorHook`); throws if no component assigned vectors. Typed by what it
 * reads, so this module does not import the Doc.
 * @example meanVector(doc, 0, doc.length) // the same as doc.vector
 */
export function meanVector<D extends { readonly vectorHook: { readonly dim: number; mean(doc: D, start: number, end: number, out: Float32Array): Float32Array } | null }>(doc: D, start: number, end: number): Float32Array {
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
