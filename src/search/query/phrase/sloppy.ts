/**
 * The sloppy phrase frequency of Lucene's `SloppyPhraseMatcher` (for terms without repeats): each
 * term's occurrences are shifted back by its offset in the phrase; the smallest shifted position is
 * advanced while that does not pass the next smallest, tracking the match length (largest minus
 * smallest shifted position); a match with length <= slop adds `1 / (1 + length)`. Ties in the
 * queue order by offset, then by term, as Lucene's PhraseQueue.
 */

/** Per-term state of {@link sloppyPhraseFreq}, made once per scorer rather than per document. */
export interface SloppyScratch {
  idx: Int32Array;
  pos: Int32Array;
  inQueue: Uint8Array;
}

/** Scratch for a phrase of `n` terms. */
export function sloppyScratch(n: number): SloppyScratch {
  return { idx: new Int32Array(n), pos: new Int32Array(n), inQueue: new Uint8Array(n) };
}

/**
 * Sum of `1 / (1 + matchLength)` over the sloppy matches of the terms' positions in one doc.
 * `lists[i][0..lens[i])` are term i's positions (ascending), `offsets[i]` its place in the phrase.
 * @example sloppyPhraseFreq([Int32Array.of(1), Int32Array.of(0)], [1, 1], [0, 1], 2) // 1/3 ("b a" for "a b"~2)
 */
export function sloppyPhraseFreq(lists: readonly Int32Array[], lens: ArrayLike<number>, offsets: readonly number[], slop: number, scratch: SloppyScratch = sloppyScratch(lists.length)): number {
  const n = lists.length;
  const { idx, pos, inQueue } = scratch;
  idx.fill(0);
  let end = -Infinity;
  for (let i = 0; i < n; i++) {
    if (lens[i]! === 0) return 0;
    pos[i] = lists[i]![0]! - offsets[i]!;
    if (pos[i]! > end) end = pos[i]!;
    inQueue[i] = 1;
  }
  // The queue is tiny (one entry per phrase term): a linear scan with Lucene's ordering.
  const less = (a: number, b: number): boolean =>
    pos[a]! !== pos[b]! ? pos[a]! < pos[b]! : offsets[a]! !== offsets[b]! ? offsets[a]! < offsets[b]! : a < b;
  const top = (): number => {
    let m = -1;
    for (let i = 0; i < n; i++) if (inQueue[i] && (m < 0 || less(i, m))) m = i;
    return m;
  };
  const pop = (): number => {
    const m = top();
    inQueue[m] = 0;
    return m;
  };
  let freq = 0;
  let pp = pop();
  let next = pos[top()]!;
  let matchLength = end - pos[pp]!;
  for (;;) {
    // advance pp to its next occurrence (Lucene's advancePP)
    if (++idx[pp]! >= lens[pp]!) break;
    pos[pp] = lists[pp]![idx[pp]!]! - offsets[pp]!;
    if (pos[pp]! > end) end = pos[pp]!;
    if (pos[pp]! > next) {
      // done minimizing this match's length
      inQueue[pp] = 1;
      if (matchLength <= slop) freq += 1 / (1 + matchLength);
      pp = pop();
      next = pos[top()]!;
      matchLength = end - pos[pp]!;
    } else {
      const ml = end - pos[pp]!;
      if (ml < matchLength) matchLength = ml;
    }
  }
  if (matchLength <= slop) freq += 1 / (1 + matchLength);
  return freq;
}
