/**
 * Open-addressing hash table from an n-gram of word ids to a dense entry index.
 *
 * Contract: every key is exactly `order` u32 word ids, stored flat in `keys` (entry i occupies
 * `keys[i*order .. i*order+order)`). Entries are numbered 0,1,2,... in insertion order and never
 * move, so callers keep per-entry values (counts, probabilities) in parallel typed arrays.
 * No string and no object is made per n-gram.
 */
import { grow } from '../util/typed.js';

/** Hashes `n` ids starting at `ids[off]` (a 32-bit multiply-xorshift mix per id). */
export function hashIds(ids: ArrayLike<number>, off: number, n: number): number {
  let h = 0x9e3779b9 ^ n;
  for (let i = 0; i < n; i++) {
    h = Math.imul(h ^ ids[off + i]!, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A typed-array hash set of fixed-order n-grams with dense entry ids. */
export class NgramTable {
  /** Number of ids per key. */
  readonly order: number;
  /** Flat key storage, `order` ids per entry; may be longer than `size * order`. */
  keys: Uint32Array;
  /** Number of entries. */
  size = 0;
  private slots: Int32Array;
  private mask: number;

  /** @param order ids per key (>= 1); @param expected entries to pre-size for. */
  constructor(order: number, expected = 16) {
    this.order = order;
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    this.keys = new Uint32Array(Math.max(16, expected) * order);
  }

  /** Entry index of the n-gram `ids[off .. off+order)`, or -1. */
  find(ids: ArrayLike<number>, off: number): number {
    const n = this.order;
    const keys = this.keys;
    const slots = this.slots;
    let s = hashIds(ids, off, n) & this.mask;
    for (;;) {
      const e = slots[s]! - 1;
      if (e < 0) return -1;
      const base = e * n;
      let i = 0;
      while (i < n && keys[base + i] === ids[off + i]) i++;
      if (i === n) return e;
      s = (s + 1) & this.mask;
    }
  }

  /** Entry index of the n-gram `ids[off .. off+order)`, inserting it if absent. */
  insert(ids: ArrayLike<number>, off: number): number {
    const n = this.order;
    let s = hashIds(ids, off, n) & this.mask;
    for (;;) {
      const e = this.slots[s]! - 1;
      if (e < 0) break;
      const base = e * n;
      let i = 0;
      while (i < n && this.keys[base + i] === ids[off + i]) i++;
      if (i === n) return e;
      s = (s + 1) & this.mask;
    }
    const e = this.size++;
    if ((e + 1) * n > this.keys.length) this.keys = grow(this.keys, (e + 1) * n);
    const base = e * n;
    for (let i = 0; i < n; i++) this.keys[base + i] = ids[off + i]!;
    this.slots[s] = e + 1;
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return e;
  }

  /** Makes room for `n` entries in total without further growth (one rehash at most). */
  reserve(n: number): void {
    if (n * this.order > this.keys.length) this.keys = grow(this.keys, n * this.order);
    let cap = this.slots.length;
    while (cap < n * 2) cap *= 2;
    if (cap !== this.slots.length) this.rehash(cap);
  }

  /** Trims `keys` to exactly `size * order` ids (after building, to free slack). */
  compact(): void {
    if (this.keys.length !== this.size * this.order) this.keys = this.keys.slice(0, this.size * this.order);
  }

  /** Builds a table from flat keys (entry order preserved), e.g. after loading a file. */
  static fromKeys(order: number, keys: Uint32Array, size: number): NgramTable {
    const t = new NgramTable(order, size);
    t.keys = keys;
    t.size = size;
    t.rehash(t.slots.length);
    return t;
  }

  private rehash(cap: number): void {
    const n = this.order;
    const slots = new Int32Array(cap);
    const mask = cap - 1;
    for (let e = 0; e < this.size; e++) {
      let s = hashIds(this.keys, e * n, n) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = e + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
