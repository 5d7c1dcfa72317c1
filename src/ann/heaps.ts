/**
 * The priority queue of the HNSW walk: a binary max-heap of (slot, score) over preallocated typed
 * arrays (grown when a larger ef asks for it, never per call). The walk uses two: the frontier
 * (candidates to expand, most similar on top) and the nearest found so far, which holds negated
 * similarities so that its top is the least similar kept ({@link drainBestFirst} undoes the sign).
 * One class for both keeps the walk's call sites monomorphic.
 */

/** A max-heap of (slot, score). */
export class SlotHeap {
  /** Scores, heap-ordered (index 0 = the largest). */
  private scores = new Float32Array(64);
  /** Slots, parallel to {@link scores}. */
  private slots = new Int32Array(64);
  /** Items held. */
  size = 0;

  clear(): void {
    this.size = 0;
  }

  /** Largest score held; only valid when size > 0. */
  get topScore(): number {
    return this.scores[0]!;
  }

  /** Slot of the top. */
  get topSlot(): number {
    return this.slots[0]!;
  }

  push(slot: number, score: number): void {
    if (this.size === this.scores.length) this.growTo(this.size * 2);
    const sc = this.scores;
    const sl = this.slots;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (sc[p]! >= score) break;
      sc[i] = sc[p]!;
      sl[i] = sl[p]!;
      i = p;
    }
    sc[i] = score;
    sl[i] = slot;
  }

  /** Removes the top. */
  pop(): void {
    const n = --this.size;
    if (n === 0) return;
    this.siftDown(this.slots[n]!, this.scores[n]!, n);
  }

  /** Replaces the top by (slot, score): a push then a pop of the top in one sift (size > 0). */
  replaceTop(slot: number, score: number): void {
    this.siftDown(slot, score, this.size);
  }

  // Puts (slot, score) at the root of the first n items and sifts it down.
  private siftDown(slot: number, score: number, n: number): void {
    const sc = this.scores;
    const sl = this.slots;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && sc[r]! > sc[l]! ? r : l;
      if (sc[c]! <= score) break;
      sc[i] = sc[c]!;
      sl[i] = sl[c]!;
      i = c;
    }
    sc[i] = score;
    sl[i] = slot;
  }

  private growTo(n: number): void {
    const s = new Float32Array(n);
    s.set(this.scores);
    const t = new Int32Array(n);
    t.set(this.slots);
    this.scores = s;
    this.slots = t;
  }
}

/**
 * Empties `heap`, which holds negated similarities (the "nearest" heap of the walk), into
 * `slots`/`sims` (each at least `heap.size` long) from the most to the least similar, with the
 * similarities' sign restored; returns how many.
 */
export function drainBestFirst(heap: SlotHeap, slots: Int32Array, sims: Float32Array): number {
  const n = heap.size;
  for (let i = n - 1; i >= 0; i--) {
    slots[i] = heap.topSlot;
    sims[i] = -heap.topScore;
    heap.pop();
  }
  return n;
}
