import { grow } from '../util/typed.js';

/** Seeds of the two 32-bit hashes the tokenizer folds each chunk's code units into while scanning. */
export const HASH_SEED_1 = 0x811c9dc5 | 0;
export const HASH_SEED_2 = 0x3c6ef372 | 0;

/** Step of the first hash (FNV-1a) over a UTF-16 code unit. */
export function hashStep1(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** Step of the second hash (multiply-xorshift, independent of the first) over a UTF-16 code unit. */
export function hashStep2(h: number, c: number): number {
  const x = Math.imul(h + c, 0x5bd1e995);
  return x ^ (x >>> 15);
}

/**
 * spaCy's chunk cache: whitespace-delimited chunk -> the orth ids and lengths of its tokens.
 *
 * As in spaCy, a chunk is identified by a 64-bit hash (two independent 32-bit hashes the
 * tokenizer computes while scanning) plus its length, so a lookup reads one 16-byte slot and
 * never slices the text. Slots are `[hash1, hash2, length, value]`: a positive value is the orth
 * id of a chunk that is one token; a negative value `-(o + 1)` points at a record
 * `[count, orth0, len0, orth1, len1, ...]` in {@link rec}. The table doubles at half load and is
 * emptied when `maxEntries` chunks are cached.
 */
export class ChunkCache {
  private slots = new Int32Array(4 * 4096);
  private mask = 4096 - 1;
  private n = 0;
  /** Multi-token records (see the class comment). */
  rec = new Int32Array(4096);
  private recLen = 0;

  /** @param maxEntries bound on cached chunks (default 400000). */
  constructor(readonly maxEntries = 400_000) {}

  /** Number of cached chunks. */
  get size(): number {
    return this.n;
  }

  /** The slot value for (h1, h2, len): an orth id (> 0), a record pointer (< 0), or 0 if absent. */
  find(h1: number, h2: number, len: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let s = (h1 & mask) << 2;
    for (;;) {
      const v = slots[s + 3]!;
      if (v === 0) return 0;
      if (slots[s] === h1 && slots[s + 1] === h2 && slots[s + 2] === len) return v;
      s = (s + 4) & (mask << 2 | 3);
    }
  }

  /** Caches the chunk (hashes h1, h2, length len) -> tokens given as parallel orth/length arrays of `n` items. */
  insert(h1: number, h2: number, len: number, orths: ArrayLike<number>, lens: ArrayLike<number>, n: number): void {
    if (this.n >= this.maxEntries) this.clear();
    if (2 * (this.n + 1) > this.mask + 1) this.rehash();
    let v: number;
    if (n === 1 && orths[0]! > 0) v = orths[0]!;
    else {
      if (this.recLen + 1 + 2 * n > this.rec.length) this.rec = grow(this.rec, this.recLen + 1 + 2 * n);
      const o = this.recLen;
      this.rec[o] = n;
      for (let k = 0; k < n; k++) {
        this.rec[o + 1 + 2 * k] = orths[k]!;
        this.rec[o + 2 + 2 * k] = lens[k]!;
      }
      this.recLen = o + 1 + 2 * n;
      v = -(o + 1);
    }
    this.place(h1, h2, len, v);
    this.n++;
  }

  private place(h1: number, h2: number, len: number, v: number): void {
    const mask = this.mask;
    let s = (h1 & mask) << 2;
    while (this.slots[s + 3] !== 0) s = (s + 4) & ((mask << 2) | 3);
    this.slots[s] = h1;
    this.slots[s + 1] = h2;
    this.slots[s + 2] = len;
    this.slots[s + 3] = v;
  }

  private rehash(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = new Int32Array(4 * cap);
    this.mask = cap - 1;
    for (let s = 0; s < old.length; s += 4) if (old[s + 3] !== 0) this.place(old[s]!, old[s + 1]!, old[s + 2]!, old[s + 3]!);
  }

  /** Empties the cache (after rule changes, or when full). */
  clear(): void {
    this.slots = new Int32Array(4 * 4096);
    this.mask = 4096 - 1;
    this.n = 0;
    this.recLen = 0;
  }
}
