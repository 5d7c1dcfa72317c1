/**
 * Postings codec kernels: unsigned LEB128 variable-byte integers on Uint8Array.
 *
 * Doc stream of a term: for each doc, `varint(docDelta << 1 | (freq === 1))`, then `varint(freq)`
 * when freq > 1 (the low bit saves a byte for the common freq-1 case, as Lucene does).
 * Position stream: for each doc, its `freq` positions as varint deltas from the previous position
 * in that doc (the first from 0).
 */

/** Writes `v` (0 <= v < 2^32) at `buf[pos]`; returns the new position. The caller ensures 5 bytes of room. */
export function writeVarint(buf: Uint8Array, pos: number, v: number): number {
  while (v >= 0x80) {
    buf[pos++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  buf[pos++] = v;
  return pos;
}

/** Number of bytes {@link writeVarint} uses for `v`. */
export function varintSize(v: number): number {
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

/**
 * A read cursor shared by decoders: `pos` advances as values are read. Reading past `end` yields
 * 0s rather than throwing; callers bound their loops by counts they know.
 */
export class VarintReader {
  constructor(
    public buf: Uint8Array,
    public pos: number,
    public end: number,
  ) {}

  /** Reads one varint. */
  read(): number {
    const buf = this.buf;
    let b = buf[this.pos++]!;
    if (b < 0x80) return b;
    let v = b & 0x7f;
    let shift = 7;
    do {
      b = buf[this.pos++]!;
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b >= 0x80 && shift < 35);
    return v;
  }

  /** Skips `n` varints. */
  skip(n: number): void {
    const buf = this.buf;
    let p = this.pos;
    while (n > 0) {
      if (buf[p++]! < 0x80) n--;
    }
    this.pos = p;
  }
}
