/**
 * A bounded least-recently-used cache of search answers (Solr's queryResultCache): the served
 * index never changes while the server runs, so an answer stays right for as long as it is kept.
 * Keys are the normalized query with the page and page size; values are the answer's bytes.
 */
export class ResultCache<V = string> {
  // Each entry remembers when it was last used: a hit only writes that stamp (no reordering of the
  // map), and a full cache drops the entry with the oldest stamp, found by a scan when an answer is
  // added (a miss, which costs a whole search anyway).
  private readonly entries = new Map<string, { value: V; used: number }>();
  private clock = 0;
  hits = 0;
  misses = 0;

  constructor(
    /** Most answers kept (0: nothing is kept). */
    readonly maxEntries: number,
  ) {}

  /** The answer kept under `key`, now the most recently used, or undefined. */
  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (e === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    e.used = ++this.clock;
    return e.value;
  }

  /** Keeps `value` under `key`, dropping the least recently used answer when full. */
  set(key: string, value: V): void {
    if (this.maxEntries <= 0) return;
    const e = this.entries.get(key);
    if (e) {
      e.value = value;
      e.used = ++this.clock;
      return;
    }
    if (this.entries.size >= this.maxEntries) {
      let oldest: string | undefined;
      let when = Infinity;
      for (const [k, x] of this.entries) if (x.used < when) (when = x.used), (oldest = k);
      this.entries.delete(oldest!);
    }
    this.entries.set(key, { value, used: ++this.clock });
  }

  /** Number of answers kept. */
  get size(): number {
    return this.entries.size;
  }
}
