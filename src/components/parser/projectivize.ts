/**
 * Pseudo-projective parsing (Nivre & Nilsson 2005, "head" encoding, as spaCy does): before
 * training, non-projective arcs are lifted (the dependent moves up to its head's head, shortest
 * arc first) until the tree is projective, and a lifted word's label records the label of its
 * original head (`obj||ccomp`). After parsing, {@link deprojectivize} moves each word with such a
 * label back down: breadth-first below its current head, to the first word whose label is the
 * recorded one.
 */
import { isNonProjectiveArc } from './tree.js';

/** Separator between a lifted word's own label and its original head's label. */
export const LIFT_SEPARATOR = '||';

/**
 * Lifts non-projective arcs of a well-formed tree (see `checkTree`) in place until it is
 * projective. `heads` and `labels` are indexed 1..n. Returns the number of lifts.
 */
export function projectivize(heads: Int32Array | number[], labels: string[], n: number): number {
  let lifts = 0;
  for (;;) {
    let best = -1;
    let bestLen = Infinity;
    for (let d = 1; d <= n; d++) {
      const h = heads[d]!;
      if (h === 0) continue;
      const len = Math.abs(h - d);
      if (len < bestLen && isNonProjectiveArc(heads, d)) {
        best = d;
        bestLen = len;
      }
    }
    if (best < 0) return lifts;
    const h = heads[best]!;
    if (!labels[best]!.includes(LIFT_SEPARATOR)) labels[best] = `${labels[best]}${LIFT_SEPARATOR}${baseOf(labels[h]!)}`;
    heads[best] = heads[h]!;
    lifts++;
  }
}

/** The label without a lift decoration. */
export function baseOf(label: string): string {
  const i = label.indexOf(LIFT_SEPARATOR);
  return i < 0 ? label : label.slice(0, i);
}

/**
 * Undoes lifting on a parse in place. `labels` are label ids at 1..n; `base[id]` is the id of
 * the label without decoration and `liftedFrom[id]` the id of the recorded head label (-1 when
 * not decorated). `scratch` needs room for 2(n+1) ints. Words keep their head when no word with
 * the recorded label is found below it (or only inside their own subtree).
 */
export function deprojectivize(heads: Int32Array, labels: Int32Array, n: number, base: Int32Array, liftedFrom: Int32Array, scratch: Int32Array): void {
  let any = false;
  for (let d = 1; d <= n; d++) if (liftedFrom[labels[d]!]! >= 0) any = true;
  if (!any) return;
  const queue = scratch;
  for (let d = 1; d <= n; d++) {
    const want = liftedFrom[labels[d]!]!;
    if (want < 0) continue;
    // Breadth-first over the descendants of the current head, in word order per level.
    let qh = 0;
    let qt = 0;
    queue[qt++] = heads[d]!;
    let found = -1;
    while (qh < qt && found < 0) {
      const x = queue[qh++]!;
      for (let k = 1; k <= n; k++) {
        if (heads[k] !== x || k === d || underWord(heads, k, d)) continue;
        if (base[labels[k]!] === want) {
          found = k;
          break;
        }
        if (qt < queue.length) queue[qt++] = k;
      }
    }
    if (found >= 0) heads[d] = found;
    labels[d] = base[labels[d]!]!;
  }
}

// Whether `k` is `d` or below it.
function underWord(heads: Int32Array, k: number, d: number): boolean {
  for (let x = k, steps = 0; x > 0 && steps < heads.length; x = heads[x]!, steps++) if (x === d) return true;
  return false;
}
