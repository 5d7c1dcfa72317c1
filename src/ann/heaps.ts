/**
 * The two priority queues of the HNSW walk, over preallocated typed arrays (grown when a larger
 * ef asks for it, never per call): {@link Frontier} pops the most similar candidate first,
 * {@link Nearest} keeps the `ef` most similar seen so far with the least similar on top.
 */

/** A max-heap of (slot, score): the candidates still to expand. */
export class Frontier {
  private scores = new Float32Array(64);
  private slots = new Int32Array(64);
  /** Items held. */
  size = 0;

  clear(): void {
    this.size = 0;
  }

  /** Best score held (the top); only valid when size > 0. */
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
    const sc = this.scores;
    const sl = this.slots;
    const score = sc[n]!;
    const slot = sl[n]!;
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

/** A min-heap of (slot, score) bounded by the caller: the best results found so far. */
export class Nearest {
  /** Scores, heap-ordered (index 0 = least similar held). */
  scores = new Float32Array(64);
  /** Slots, parallel to {@link scores}. */
  slots = new Int32Array(64);
  /** Items held. */
  size = 0;

  clear(): void {
    this.size = 0;
  }

  /** Least similar score held; only valid when size > 0. */
  get worst(): number {
    return this.scores[0]!;
  }

  push(slot: number, score: number): void {
    if (this.size === this.scores.length) {
      const s = new Float32Array(this.size * 2);
      s.set(this.scores);
      const t = new Int32Array(this.size * 2);
      t.set(this.slots);
      this.scores = s;
      this.slots = t;
    }
    const sc = this.scores;
    const sl = this.slots;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (sc[p]! <= score) break;
      sc[i] = sc[p]!;
      sl[i] = sl[p]!;
      i = p;
    }
    sc[i] = score;
    sl[i] = slot;
  }

  /** Removes the least similar. */
  pop(): void {
    const n = --this.size;
    if (n === 0) return;
    const sc = this.scores;
    const sl = this.slots;
    const score = sc[n]!;
    const slot = sl[n]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && sc[r]! < sc[l]! ? r : l;
      if (sc[c]! >= score) break;
      sc[i] = sc[c]!;
      sl[i] = sl[c]!;
      i = c;
    }
    sc[i] = score;
    sl[i] = slot;
  }

  /**
   * Moves the held items into `slots`/`scores` (each at least `size` long) from the most to the
   * least similar, emptying the heap; returns how many.
   */
  drainBestFirst(slots: Int32Array, scores: Float32Array): number {
    const n = this.size;
    for (let i = n - 1; i >= 0; i--) {
      slots[i] = this.slots[0]!;
      scores[i] = this.scores[0]!;
      this.pop();
    }
    return n;
  }
}
