/**
 * Top-k selection with a fixed-size binary min-heap over typed arrays: keeps the k largest scores
 * seen so far without allocating per candidate.
 */
export class TopK {
  readonly k: number;
  private readonly scores: Float64Array;
  private readonly ids: Int32Array;
  private n = 0;

  constructor(k: number) {
    this.k = Math.max(0, Math.floor(k));
    this.scores = new Float64Array(this.k);
    this.ids = new Int32Array(this.k);
  }

  /** Number of items held (at most k). */
  get size(): number {
    return this.n;
  }

  /** Smallest score held, or -Infinity while fewer than k are held (the entry threshold). */
  get threshold(): number {
    return this.n < this.k ? -Infinity : this.scores[0]!;
  }

  /** Offers a candidate; ties with the threshold are rejected so earlier ids win. */
  push(id: number, score: number): void {
    if (this.k === 0) return;
    if (this.n < this.k) {
      let i = this.n++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.less(score, id, this.scores[p]!, this.ids[p]!)) break;
        this.scores[i] = this.scores[p]!;
        this.ids[i] = this.ids[p]!;
        i = p;
      }
      this.scores[i] = score;
      this.ids[i] = id;
      return;
    }
    if (!this.less(this.scores[0]!, this.ids[0]!, score, id)) return;
    this.siftDown(id, score);
  }

  /** Items sorted by descending score (ascending id on ties). Does not clear the heap. */
  sorted(): { id: number; score: number }[] {
    const out: { id: number; score: number }[] = [];
    for (let i = 0; i < this.n; i++) out.push({ id: this.ids[i]!, score: this.scores[i]! });
    out.sort((a, b) => b.score - a.score || a.id - b.id);
    return out;
  }

  // a "less" than b: lower score, or equal score and larger id (so smaller ids are kept).
  private less(sa: number, ia: number, sb: number, ib: number): boolean {
    return sa < sb || (sa === sb && ia > ib);
  }

  private siftDown(id: number, score: number): void {
    let i = 0;
    const n = this.n;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && this.less(this.scores[r]!, this.ids[r]!, this.scores[l]!, this.ids[l]!)) c = r;
      if (!this.less(this.scores[c]!, this.ids[c]!, score, id)) break;
      this.scores[i] = this.scores[c]!;
      this.ids[i] = this.ids[c]!;
      i = c;
    }
    this.scores[i] = score;
    this.ids[i] = id;
  }
}
