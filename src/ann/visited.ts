/**
 * The slots one HNSW walk has seen, as a bitset: n/8 bytes, so at a million slots it stays in the
 * L2 cache (an epoch-stamped Uint32Array per slot is 4 MB, and every neighbour test missed it).
 * Instead of clearing all of it per walk, the words the walk turned non-zero are listed and only
 * those are zeroed by the next {@link VisitedSet.reset}.
 */
export class VisitedSet {
  /** Bit s & 31 of word s >>> 5 is set once slot s is seen. */
  bits: Int32Array;
  /** Indexes of the words made non-zero since the last reset. */
  touched: Int32Array;
  /** How many of {@link touched} are in use. */
  nTouched = 0;

  constructor(capacity: number) {
    const words = Math.max(1, Math.ceil(capacity / 32));
    this.bits = new Int32Array(words);
    this.touched = new Int32Array(words);
  }

  /** Bytes held. */
  get bytes(): number {
    return this.bits.byteLength + this.touched.byteLength;
  }

  /** Makes room for `capacity` slots (all unseen). */
  reserve(capacity: number): void {
    if (capacity <= this.bits.length * 32) return;
    const words = Math.ceil(Math.max(capacity, this.bits.length * 48) / 32);
    this.bits = new Int32Array(words);
    this.touched = new Int32Array(words);
    this.nTouched = 0;
  }

  /** Marks every slot unseen. */
  reset(): void {
    const bits = this.bits;
    const touched = this.touched;
    const n = this.nTouched;
    if (n > bits.length >> 3) bits.fill(0);
    else for (let i = 0; i < n; i++) bits[touched[i]!] = 0;
    this.nTouched = 0;
  }

  /** Marks `s` seen; returns false when it already was. */
  add(s: number): boolean {
    const w = s >>> 5;
    const m = 1 << (s & 31);
    const b = this.bits[w]!;
    if ((b & m) !== 0) return false;
    if (b === 0) this.touched[this.nTouched++] = w;
    this.bits[w] = b | m;
    return true;
  }
}
