/**
 * Distances and similarities: cosine, Euclidean, L2 norm, Jaccard, and Levenshtein edit distance
 * (bit-parallel Myers/Hyyrö for strings up to 32 UTF-16 units after trimming, a single-row DP otherwise).
 */
import { ArgumentError } from '../core/errors.js';
import { checkPaired } from './check.js';

/**
 * Euclidean (L2) norm sqrt(sum x^2), scaled to avoid overflow/underflow like `Math.hypot`.
 * @example l2Norm([3, 4]) // 5
 */
export function l2Norm(x: ArrayLike<number>): number {
  let scale = 0;
  for (let i = 0; i < x.length; i++) { const a = Math.abs(x[i]!); if (a > scale) scale = a; }
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < x.length; i++) { const v = x[i]! / scale; s += v * v; }
  return scale * Math.sqrt(s);
}

/**
 * Cosine similarity of two vectors a.b / (|a| |b|); 0 when either is all zeros (as scikit-learn's
 * `cosine_similarity`). For all row pairs of two matrices use the vectorizers' `cosineSimilarity`.
 * @example vectorCosine([1, 0], [1, 1]) // 0.7071
 */
export function vectorCosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkPaired(a, b, ['a', 'b']);
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!, y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return 0;
  const s = dot / (Math.sqrt(na) * Math.sqrt(nb));
  return s > 1 ? 1 : s < -1 ? -1 : s;
}

/**
 * Cosine distance 1 - vectorCosine(a, b), in [0, 2].
 * @example cosineDistance([1, 0], [0, 1]) // 1
 */
export function cosineDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return 1 - vectorCosine(a, b);
}

/**
 * Euclidean distance |a - b|.
 * @example euclidean([0, 0], [3, 4]) // 5
 */
export function euclidean(a: ArrayLike<number>, b: ArrayLike<number>): number {
  checkPaired(a, b, ['a', 'b']);
  let s = 0;
  for (let i = 0; i < a.length; i++) { const d = a[i]! - b[i]!; s += d * d; }
  return Math.sqrt(s);
}

/**
 * Jaccard similarity |A ∩ B| / |A ∪ B| of two collections taken as sets; 1 when both are empty
 * (identical sets). Distance is `1 - jaccard(a, b)`.
 * @example jaccard(['a', 'b', 'c'], ['b', 'c', 'd']) // 0.5
 */
export function jaccard<T>(a: Iterable<T>, b: Iterable<T>): number {
  const sa = a instanceof Set ? (a as Set<T>) : new Set(a);
  const sb = b instanceof Set ? (b as Set<T>) : new Set(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (sa.size + sb.size - inter);
}

// Scratch for the bit-parallel kernel: one mask per UTF-16 code unit, cleared after each call.
const PEQ = new Uint32Array(65536);
let row = new Uint32Array(64);

/**
 * Levenshtein edit distance (unit-cost insertions, deletions and substitutions) over UTF-16 code units,
 * as natural's `LevenshteinDistance` with default costs. Exact (no bound); bit-parallel (Myers)
 * when the shorter string has at most 32 units.
 *
 * Units, not code points: a character outside the BMP (an emoji) counts as two, so
 * `levenshtein('😀', 'a')` is 2. The Matcher's FUZZY predicate (`levenshteinCompare`) follows
 * spaCy instead and counts code points with an edit bound; see `components/matcher/predicates.ts`.
 * @example levenshtein('kitten', 'sitting') // 3
 */
export function levenshtein(a: string, b: string): number {
  if (typeof a !== 'string' || typeof b !== 'string') throw new ArgumentError('levenshtein expects two strings');
  // Trim the common prefix and suffix: they never cost anything.
  let start = 0;
  let endA = a.length, endB = b.length;
  while (start < endA && start < endB && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) { endA--; endB--; }
  let m = endA - start, n = endB - start;
  if (m === 0) return n;
  if (n === 0) return m;
  // The pattern (bit vector side) is the shorter string.
  let p = a, t = b, ps = start, ts = start;
  if (m > n) { p = b; t = a; const tmp = m; m = n; n = tmp; }
  return m <= 32 ? myers32(p, ps, m, t, ts, n) : rowDp(p, ps, m, t, ts, n);
}

/** Myers (1999) / Hyyrö bit-parallel global edit distance for a pattern of at most 32 units. */
function myers32(p: string, ps: number, m: number, t: string, ts: number, n: number): number {
  for (let i = 0; i < m; i++) PEQ[p.charCodeAt(ps + i)] |= 1 << i;
  const last = 1 << (m - 1);
  let pv = -1, mv = 0, score = m;
  for (let j = 0; j < n; j++) {
    const eq = PEQ[t.charCodeAt(ts + j)]!;
    const xv = eq | mv;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  for (let i = 0; i < m; i++) PEQ[p.charCodeAt(ps + i)] = 0;
  return score;
}

/** Classic single-row dynamic programme, O(m n) time, O(m) memory. */
function rowDp(p: string, ps: number, m: number, t: string, ts: number, n: number): number {
  if (row.length < m + 1) row = new Uint32Array(Math.max(m + 1, row.length * 2));
  const r = row;
  for (let i = 0; i <= m; i++) r[i] = i;
  for (let j = 1; j <= n; j++) {
    const c = t.charCodeAt(ts + j - 1);
    let diag = r[0]!;
    r[0] = j;
    for (let i = 1; i <= m; i++) {
      const up = r[i]!;
      let v = diag + (p.charCodeAt(ps + i - 1) === c ? 0 : 1);
      const ins = r[i - 1]! + 1;
      const del = up + 1;
      if (ins < v) v = ins;
      if (del < v) v = del;
      r[i] = v;
      diag = up;
    }
  }
  return r[m]!;
}
