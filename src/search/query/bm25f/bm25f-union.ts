/**
 * A BM25F term's postings merged across its fields: the docs holding the term in any field,
 * ascending, each with its combined normalized frequency x = Σ w_f · tf_f / (k1 · B_f), summed in
 * field order as the scorer sums it. x depends on the term, the field weights and the norm tables,
 * not on the query, so the union is kept between searches (like the decoded lists it is built from)
 * and a term-at-a-time pass reads one array per term instead of merging its fields each time.
 */
import type { DecodedList } from '../bound-pass.js';

/** One field's part as the union reads it: its decoded list, norms, norm cache 1 / (k1 · B_f) and weight. */
export interface UnionPart {
  list: DecodedList;
  norms: Uint8Array;
  cache: Float64Array;
  w: number;
  /** Where the list starts in its buffer (with the norm cache, names the list). */
  start: number;
}

/** Docs (ascending) of a term in any of its fields, and each doc's combined x. */
export interface Bm25fUnion {
  readonly docs: Int32Array;
  readonly xs: Float64Array;
}

interface Kept extends Bm25fUnion {
  readonly parts: UnionPart[];
}

/**
 * Unions kept between searches, by the first field's norm cache (a new table when the statistics
 * or similarity change) and the parts' list offsets and weights, checked against the very lists
 * and tables on use; up to {@link Bm25fUnions.MAX_DOCS} docs in all, then emptied and filled again.
 */
export class Bm25fUnions {
  /** Most docs kept (12 bytes each). */
  static readonly MAX_DOCS = 1 << 21;
  /** The store every scorer reads. */
  static readonly shared = new Bm25fUnions();
  private byCache = new WeakMap<Float64Array, Map<string, Kept>>();
  private size = 0;

  /** The union of `parts` (two or more), kept or merged now. */
  get(parts: readonly UnionPart[]): Bm25fUnion {
    let key = '';
    for (const p of parts) key += `${p.start}:${p.w};`;
    let m = this.byCache.get(parts[0]!.cache);
    const kept = m?.get(key);
    if (kept && sameParts(kept.parts, parts)) return kept;
    const u = merge(parts);
    if (u.docs.length > Bm25fUnions.MAX_DOCS) return u;
    if (this.size + u.docs.length > Bm25fUnions.MAX_DOCS) {
      this.byCache = new WeakMap();
      this.size = 0;
      m = undefined;
    }
    if (!m) this.byCache.set(parts[0]!.cache, (m = new Map()));
    if (kept) this.size -= kept.docs.length;
    const k = { docs: u.docs, xs: u.xs, parts: parts.slice() };
    m.set(key, k);
    this.size += u.docs.length;
    return k;
  }
}

function sameParts(a: readonly UnionPart[], b: readonly UnionPart[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.list !== y.list || x.norms !== y.norms || x.cache !== y.cache || !Object.is(x.w, y.w)) return false;
  }
  return true;
}

// The parts' lists merged by doc, each doc's x summed in part order from 0.
function merge(parts: readonly UnionPart[]): Bm25fUnion {
  const n = parts.length;
  let total = 0;
  for (const p of parts) total += p.list.docs.length;
  const docs = new Int32Array(total);
  const xs = new Float64Array(total);
  const at = new Int32Array(n);
  let m = 0;
  for (;;) {
    let d = 0x7fffffff;
    for (let k = 0; k < n; k++) {
      const l = parts[k]!.list.docs;
      if (at[k]! < l.length && l[at[k]!]! < d) d = l[at[k]!]!;
    }
    if (d === 0x7fffffff) break;
    let x = 0;
    for (let k = 0; k < n; k++) {
      const p = parts[k]!;
      const i = at[k]!;
      if (i < p.list.docs.length && p.list.docs[i] === d) {
        x += p.w * p.list.freqs[i]! * p.cache[p.norms[d]!]!;
        at[k] = i + 1;
      }
    }
    docs[m] = d;
    xs[m++] = x;
  }
  return { docs: docs.slice(0, m), xs: xs.slice(0, m) };
}
