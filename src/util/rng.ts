/**
 * A small seeded PRNG (xoshiro128**), so every "seed" option in textloom gives the same stream on
 * every platform. Not cryptographic.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** @param seed any integer; equal seeds give equal streams. */
  constructor(seed = 1) {
    // splitmix32 expands the seed into four non-zero state words.
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next() || 1;
  }

  /** The four state words (to save a generator and resume it with {@link setState}). */
  getState(): Uint32Array {
    return Uint32Array.of(this.a, this.b, this.c, this.d);
  }

  /** Resumes from {@link getState}'s words; an all-zero state (which would stick at 0) is refused. */
  setState(s: ArrayLike<number>): void {
    if (s.length !== 4 || (s[0]! | s[1]! | s[2]! | s[3]!) === 0) throw new RangeError('Rng state must be four words, not all zero');
    this.a = s[0]! >>> 0;
    this.b = s[1]! >>> 0;
    this.c = s[2]! >>> 0;
    this.d = s[3]! >>> 0;
  }

  /** Next unsigned 32-bit integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Shuffles an array in place (Fisher-Yates) and returns it. */
  shuffle<T>(arr: T[]): T[] {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = arr[i]!;
      arr[i] = arr[j]!;
      arr[j] = tmp;
    }
    return arr;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
