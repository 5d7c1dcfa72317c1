/**
 * An open-addressing hash table from a two-word integer feature key to a dense row number.
 * Keys are `(template << 21 | value1, value2)`; no strings, no per-entry objects.
 */

/** Largest value the first atom of a key may hold (21 bits). */
export const MAX_VALUE1 = (1 << 21) - 1;

/** Builds the first key word from a template index and the first atom's value. */
export function key1(template: number, value1: number): number {
  return ((template << 21) | value1) >>> 0;
}

/** Mixes a two-word key (shared by the training table and the run-time packed table). */
export function hashKey(k1: number, k2: number): number {
  let h = Math.imul(k1 ^ 0x9e3779b9, 0x85ebca6b);
  h ^= Math.imul(k2 + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * Two-word key -> row table with linear probing, load factor at most 1/2.
 * @example const t = new FeatureTable(); const r = t.insert(key1(3, 17), 0); t.get(key1(3, 17), 0) === r
 */
export class FeatureTable {
  /** Number of keys (rows are 0..size-1, in insertion order). */
  size = 0;
  /** First key word of each row. */
  rowKey1: Uint32Array;
  /** Second key word of each row. */
  rowKey2: Uint32Array;
  private slots: Int32Array;
  private mask: number;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.rowKey1 = new Uint32Array(Math.max(16, capacity));
    this.rowKey2 = new Uint32Array(Math.max(16, capacity));
  }

  /** The row of a key, or -1. */
  get(k1: number, k2: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let s = hashKey(k1, k2) & mask;
    for (;;) {
      const r = slots[s]!;
      if (r < 0) return -1;
      if (this.rowKey1[r] === k1 && this.rowKey2[r] === k2) return r;
      s = (s + 1) & mask;
    }
  }

  /** The row of a key, adding it (as row `size`) if absent. */
  insert(k1: number, k2: number): number {
    const found = this.get(k1, k2);
    if (found >= 0) return found;
    const r = this.size++;
    if (r >= this.rowKey1.length) {
      const n = this.rowKey1.length * 2;
      const a = new Uint32Array(n);
      a.set(this.rowKey1);
      this.rowKey1 = a;
      const b = new Uint32Array(n);
      b.set(this.rowKey2);
      this.rowKey2 = b;
    }
    this.rowKey1[r] = k1 >>> 0;
    this.rowKey2[r] = k2 >>> 0;
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(r);
    return r;
  }

  private place(r: number): void {
    let s = hashKey(this.rowKey1[r]!, this.rowKey2[r]!) & this.mask;
    while (this.slots[s]! >= 0) s = (s + 1) & this.mask;
    this.slots[s] = r;
  }

  private rehash(cap: number): void {
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    for (let r = 0; r < this.size; r++) this.place(r);
  }

  /** Builds a table whose rows are the given keys in order. */
  static fromKeys(k1: Uint32Array, k2: Uint32Array): FeatureTable {
    const t = new FeatureTable(k1.length);
    t.rowKey1 = k1;
    t.rowKey2 = k2;
    t.size = k1.length;
    for (let r = 0; r < t.size; r++) t.place(r);
    return t;
  }
}
