/**
 * A bounded least-recently-used cache of search answers (Solr's queryResultCache): the served
 * index never changes while the server runs, so an answer stays right for as long as it is kept.
 * Keys are the normalized query with the page and page size; values are the answer's JSON.
 */
export class ResultCache {
  // A Map iterates in insertion order: re-inserting on a hit keeps the least recently used first.
  private readonly entries = new Map<string, string>();
  hits = 0;
  misses = 0;

  constructor(
    /** Most answers kept (0: nothing is kept). */
    readonly maxEntries: number,
  ) {}

  /** The answer kept under `key`, now the most recently used, or undefined. */
  get(key: string): string | undefined {
    const v = this.entries.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, v);
    return v;
  }

  /** Keeps `value` under `key`, dropping the least recently used answer when full. */
  set(key: string, value: string): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Number of answers kept. */
  get size(): number {
    return this.entries.size;
  }
}
