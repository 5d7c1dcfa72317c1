// Reused String.fromCharCode argument arrays, one per word length (see toString).
const ARGS: number[][] = [];

/**
 * The mutable word a Snowball stemmer works on: the word's UTF-16 code units in a reusable buffer,
 * edited only at its end (Snowball's backward mode) except for the in-place marking of a prelude.
 * One instance per stemmer module is reused for every call, so a stem costs one string (the result).
 */
export class SnowballWord {
  /** Code units; only the first {@link n} are the word. */
  c = new Uint16Array(64);
  /** Length of the word. */
  n = 0;

  /** Replaces the buffer's content by `s`. */
  load(s: string): void {
    const len = s.length;
    if (len + 8 > this.c.length) this.c = new Uint16Array(Math.max(len + 8, this.c.length * 2));
    for (let i = 0; i < len; i++) this.c[i] = s.charCodeAt(i);
    this.n = len;
  }

  /** The word as a string. */
  toString(): string {
    const n = this.n;
    if (n > 64) return String.fromCharCode.apply(null, this.c.subarray(0, n) as unknown as number[]);
    // One reused argument array per length: the result string is the only allocation.
    const args = (ARGS[n] ??= new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) args[i] = this.c[i]!;
    return String.fromCharCode.apply(null, args);
  }

  /** The code unit at `i`, or -1 outside the word. */
  at(i: number): number {
    return i >= 0 && i < this.n ? this.c[i]! : -1;
  }

  /** Whether the word, cut at `end`, ends with `s` (ASCII or any code units). */
  endsWith(s: string, end = this.n): boolean {
    const len = s.length;
    if (len > end) return false;
    for (let i = 0; i < len; i++) if (this.c[end - len + i] !== s.charCodeAt(i)) return false;
    return true;
  }

  /** Drops the last `len` code units. */
  cut(len: number): void {
    this.n -= len;
  }

  /** Replaces the last `len` code units by `s`. */
  replaceEnd(len: number, s: string): void {
    const start = this.n - len;
    const n = start + s.length;
    if (n + 8 > this.c.length) {
      const grown = new Uint16Array(n * 2 + 8);
      grown.set(this.c.subarray(0, this.n));
      this.c = grown;
    }
    for (let i = 0; i < s.length; i++) this.c[start + i] = s.charCodeAt(i);
    this.n = n;
  }

  /** Replaces the code units in [start, end) by `s`, shifting the rest (prelude and postlude edits). */
  splice(start: number, end: number, s: string): void {
    const tail = this.n - end;
    const n = start + s.length + tail;
    if (n + 8 > this.c.length) {
      const grown = new Uint16Array(n * 2 + 8);
      grown.set(this.c.subarray(0, this.n));
      this.c = grown;
    }
    this.c.copyWithin(start + s.length, end, this.n);
    for (let i = 0; i < s.length; i++) this.c[start + i] = s.charCodeAt(i);
    this.n = n;
  }
}
