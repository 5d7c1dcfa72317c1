/**
 * Term interning straight from a text range: an open-addressing hash table over term ids that
 * hashes and compares UTF-16 units of `text[start, end)` in place, so a known term costs no
 * string allocation at all. Ids are dense, in first-seen order.
 */
import { fnv1a32 } from '../util/hash.js';
import { grow } from '../util/typed.js';


/**
 * Interns terms given as ranges of a string.
 * @example
 * const t = new TermInterner();
 * const s = 'cat dog cat';
 * t.intern(s, 0, 3); // 0
 * t.find(s, 8, 11); // 0
 */
export class TermInterner {
  /** Term strings by id. */
  readonly terms: string[] = [];
  private slots: Int32Array; // id + 1, or 0 when empty
  private hashes: Uint32Array; // hash per id
  private mask: number;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    this.hashes = new Uint32Array(Math.max(16, capacity));
  }

  /** Number of terms. */
  get size(): number {
    return this.terms.length;
  }

  /** Id of `s[a, b)`, or -1. */
  find(s: string, a: number, b: number, h = fnv1a32(s, a, b)): number {
    const { slots, hashes, terms, mask } = this;
    const len = b - a;
    let p = h & mask;
    for (;;) {
      const v = slots[p]!;
      if (v === 0) return -1;
      const id = v - 1;
      if (hashes[id] === h) {
        const t = terms[id]!;
        if (t.length === len) {
          let i = 0;
          while (i < len && t.charCodeAt(i) === s.charCodeAt(a + i)) i++;
          if (i === len) return id;
        }
      }
      p = (p + 1) & mask;
    }
  }

  /** Id of `s[a, b)`, added if new; `h` must be `fnv1a32(s, a, b)` when given. */
  intern(s: string, a: number, b: number, h = fnv1a32(s, a, b)): number {
    const id = this.find(s, a, b, h);
    return id >= 0 ? id : this.add(s.slice(a, b), h);
  }

  /** Id of a whole string, added if new. */
  internString(t: string): number {
    return this.intern(t, 0, t.length);
  }

  /** Id of a whole string, or -1. */
  findString(t: string): number {
    return this.find(t, 0, t.length);
  }

  private add(t: string, h: number): number {
    const id = this.terms.length;
    if ((id + 1) * 2 > this.slots.length) this.rehash();
    this.hashes = grow(this.hashes, id + 1);
    this.terms.push(t);
    this.hashes[id] = h;
    let p = h & this.mask;
    while (this.slots[p] !== 0) p = (p + 1) & this.mask;
    this.slots[p] = id + 1;
    return id;
  }

  private rehash(): void {
    const cap = this.slots.length * 2;
    const slots = new Int32Array(cap);
    const mask = cap - 1;
    for (let id = 0; id < this.terms.length; id++) {
      let p = this.hashes[id]! & mask;
      while (slots[p] !== 0) p = (p + 1) & mask;
      slots[p] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
