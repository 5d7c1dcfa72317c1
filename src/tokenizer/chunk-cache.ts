import { grow } from '../util/typed.js';

/** FNV-1a offset basis; the tokenizer folds each chunk's code units into it while scanning. */
export const HASH_SEED = 0x811c9dc5 | 0;

/** One FNV-1a step over a UTF-16 code unit. */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/**
 * spaCy's chunk cache: whitespace-delimited chunk -> the orth ids and lengths of its tokens.
 * Open addressing keyed by a hash the caller computes while scanning, and compared with
 * `text.startsWith(key, start)`, so a cached chunk is found without slicing the text. Bounded:
 * when `maxEntries` is reached the cache is emptied and refills with the current vocabulary.
 */
export class ChunkCache {
  private slots: Int32Array;
  private mask: number;
  private keys: string[] = [];
  private hashes = new Int32Array(1024);
  private starts = new Int32Array(1024);
  private counts = new Uint16Array(1024);
  /** Flat pool of (orth, length) pairs. */
  pool = new Int32Array(8192);
  private poolLen = 0;

  constructor(readonly maxEntries = 100_000) {
    let cap = 1024;
    while (cap < maxEntries * 2) cap <<= 1;
    this.slots = new Int32Array(Math.min(cap, 1 << 22));
    this.mask = this.slots.length - 1;
  }

  /** Number of cached chunks. */
  get size(): number {
    return this.keys.length;
  }

  /** Entry index of `text[start, end)` with hash `h`, or -1. */
  find(text: string, start: number, end: number, h: number): number {
    const len = end - start;
    let slot = h & this.mask;
    for (;;) {
      const e = this.slots[slot]! - 1;
      if (e < 0) return -1;
      if (this.hashes[e] === h) {
        const k = this.keys[e]!;
        if (k.length === len && text.startsWith(k, start)) return e;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** Offset in {@link pool} of entry `e`'s first (orth, length) pair. */
  start(e: number): number {
    return this.starts[e]!;
  }

  /** Number of tokens of entry `e`. */
  count(e: number): number {
    return this.counts[e]!;
  }

  /** Caches `key` (hash `h`) -> tokens given as parallel orth/length arrays of `n` items. */
  insert(key: string, h: number, orths: Int32Array, lens: Int32Array, n: number): void {
    if (n > 0xffff) return;
    if (this.keys.length >= this.maxEntries) this.clear();
    const e = this.keys.length;
    if (e >= this.hashes.length) {
      this.hashes = grow(this.hashes, e + 1);
      this.starts = grow(this.starts, e + 1);
      this.counts = grow(this.counts, e + 1);
    }
    if (this.poolLen + 2 * n > this.pool.length) this.pool = grow(this.pool, this.poolLen + 2 * n);
    this.keys.push(key);
    this.hashes[e] = h;
    this.starts[e] = this.poolLen;
    this.counts[e] = n;
    for (let k = 0; k < n; k++) {
      this.pool[this.poolLen++] = orths[k]!;
      this.pool[this.poolLen++] = lens[k]!;
    }
    let slot = h & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = e + 1;
  }

  /** Empties the cache (after rule changes, or when full). */
  clear(): void {
    this.slots.fill(0);
    this.keys = [];
    this.poolLen = 0;
  }
}
