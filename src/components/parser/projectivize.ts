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
 * not decorated). `scratch` needs room for 3(n+2) ints. Words keep their head when no word with
 * the recorded label is found below it (outside their own subtree). Linear in n per
 * lifted word (children are listed once, in word order).
 */
export function deprojectivize(heads: Int32Array, labels: Int32Array, n: number, base: Int32Array, liftedFrom: Int32Array, scratch: Int32Array): void {
  let any = false;
  for (let d = 1; d <= n; d++) if (liftedFrom[labels[d]!]! >= 0) any = true;
  if (!any) return;
  // Children of each word in word order: start[h]..start[h+1] in `kids` (a counting sort).
  const start = scratch.subarray(0, n + 2);
  const kids = scratch.subarray(n + 2, 2 * n + 2);
  const queue = scratch.subarray(2 * n + 2, 3 * n + 4);
  for (let d = 1; d <= n; d++) {
    const want = liftedFrom[labels[d]!]!;
    if (want < 0) continue;
    start.fill(0);
    for (let k = 1; k <= n; k++) start[heads[k]! + 1]!++;
    for (let h = 1; h <= n + 1; h++) start[h]! += start[h - 1]!;
    for (let k = 1; k <= n; k++) kids[start[heads[k]!]!++] = k;
    for (let h = n + 1; h > 0; h--) start[h] = start[h - 1]!;
    start[0] = 0;
    // Breadth-first over the descendants of the current head.
    let qh = 0;
    let qt = 0;
    queue[qt++] = heads[d]!;
    let found = -1;
    while (qh < qt && found < 0) {
      const x = queue[qh++]!;
      for (let j = start[x]!; j < start[x + 1]!; j++) {
        const k = kids[j]!;
        if (k === d) continue; // nor anything below it
        if (base[labels[k]!] === want) {
          found = k;
          break;
        }
        queue[qt++] = k;
      }
    }
    if (found >= 0) heads[d] = found;
    labels[d] = base[labels[d]!]!;
  }
}
