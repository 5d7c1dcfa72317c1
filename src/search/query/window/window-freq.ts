/**
 * Proximity kernels: the "sloppy frequency" of two terms' position lists within a window, as
 * Lucene's span queries score it (each match adds `1 / (1 + width)`, width = positions strictly
 * between the two terms).
 *
 * - ordered (Lucene's lazy `NearSpansOrdered`): each occurrence p of the first term, in order,
 *   is paired with the first occurrence q > p of the second (the pointer never moves back); it
 *   matches when q - p - 1 <= slop.
 * - unordered (`NearSpansUnordered`): the two lists are merged; at each step the pair of current
 *   positions matches when |p - q| - 1 <= slop, then the smaller position advances.
 * A pair of identical terms is paired occurrence to next occurrence (order is meaningless).
 */

/**
 * Sloppy frequency of `a[0..na)` then `b[0..nb)` (ascending positions) within `slop`.
 * @example windowFreq(Int32Array.of(0, 5), 2, Int32Array.of(1, 9), 2, 1, true) // 1 (0->1 matches, 5->9 does not)
 */
export function windowFreq(a: Int32Array, na: number, b: Int32Array, nb: number, slop: number, ordered: boolean, same = false): number {
  let freq = 0;
  if (ordered || same) {
    let j = 0;
    for (let i = 0; i < na; i++) {
      const p = a[i]!;
      while (j < nb && b[j]! <= p) j++;
      if (j === nb) break;
      const w = b[j]! - p - 1;
      if (w <= slop) freq += 1 / (1 + w);
    }
    return freq;
  }
  let i = 0;
  let j = 0;
  while (i < na && j < nb) {
    const p = a[i]!;
    const q = b[j]!;
    const w = (p < q ? q - p : p - q) - 1;
    if (w <= slop) freq += 1 / (1 + w);
    if (p < q) i++;
    else j++;
  }
  return freq;
}

/** An upper bound of {@link windowFreq} given the two terms' largest frequencies in a doc. */
export function windowFreqBound(maxA: number, maxB: number, ordered: boolean): number {
  // ordered: at most one match per occurrence of the first term; unordered: one per merge step.
  return ordered ? maxA : maxA + maxB - 1;
}
