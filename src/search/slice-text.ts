/**
 * The texts of one worker slice of the threaded build, as UTF-8 bytes back to back (one
 * transferred buffer) with each text's end offset. Not one string of them all, joined and cloned:
 * the join and the clone cost the calling thread more than this encoding, and a text with one
 * character beyond Latin-1 made that whole string two bytes per character, so every document of
 * the slice was then analyzed as a slice of a two-byte string. Decoded one text at a time, most
 * texts come back one byte per character. UTF-8 cannot hold a lone surrogate (the encoder would
 * write U+FFFD), so a text with one travels as it is, beside the bytes.
 */

const encoder = new TextEncoder();

/** Packed texts (see the file comment): text `d` is `bytes[ends[d - 1] .. ends[d])` (from 0 for d = 0). */
export interface PackedTexts {
  bytes: Uint8Array;
  ends: Uint32Array;
  /** Texts that are not well-formed UTF-16 (no bytes of theirs in `bytes`), by index. */
  odd: [number, string][];
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Whether `s` has no lone surrogate (String#isWellFormed where the runtime has it).
function wellFormed(s: string): boolean {
  const native = (s as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(s) : !LONE_SURROGATE.test(s);
}

/** Characters per encoder call: texts are encoded a run at a time, not one call each. */
const RUN_CHARS = 1 << 16;

/** Encodes `texts` back to back. */
export function packTexts(texts: readonly string[]): PackedTexts {
  let chars = 0;
  for (const t of texts) chars += t.length;
  const p = new Packer(texts.length, chars);
  for (let d = 0; d < texts.length; ) {
    // A run of texts, RUN_CHARS characters at most (or one text).
    let e = d + 1;
    let n = texts[d]!.length;
    while (e < texts.length && n + texts[e]!.length <= RUN_CHARS) n += texts[e++]!.length;
    if (!p.run(texts, d, e, n)) for (let k = d; k < e; k++) p.one(texts[k]!, k);
    d = e;
  }
  return p.done();
}

// The growing output of packTexts.
class Packer {
  // Most texts are ASCII: room for their bytes plus a little; the buffer grows when needed.
  private bytes: Uint8Array;
  private o = 0;
  private readonly ends: Uint32Array;
  private readonly odd: [number, string][] = [];

  constructor(count: number, chars: number) {
    this.bytes = new Uint8Array(Math.max(64, chars + (chars >>> 4)));
    this.ends = new Uint32Array(count);
  }

  /**
   * Encodes texts [d, e) (`n` characters) with one encoder call; false when one of them is not
   * well-formed (then each goes by `one`). Joined, a text ending in a high surrogate and the next
   * starting with a low one would read as a pair, so such a run goes text by text too.
   */
  run(texts: readonly string[], d: number, e: number, n: number): boolean {
    for (let k = d; k < e - 1; k++) {
      const t = texts[k]!;
      const c = t.length ? t.charCodeAt(t.length - 1) : 0;
      if (c >= 0xd800 && c <= 0xdbff) return false;
    }
    const joined = e - d === 1 ? texts[d]! : texts.slice(d, e).join('');
    if (!wellFormed(joined)) return false;
    this.room(3 * n);
    const { bytes, ends } = this;
    const r = encoder.encodeInto(joined, bytes.subarray(this.o));
    let b = this.o;
    if (r.written === n) {
      // All ASCII: a byte per character.
      for (let k = d; k < e; k++) ends[k] = b += texts[k]!.length;
    } else {
      // Each text's end: walk its characters' UTF-8 sequences (4 bytes hold 2 UTF-16 units).
      for (let k = d; k < e; k++) {
        for (let units = texts[k]!.length; units > 0; ) {
          const x = bytes[b]!;
          if (x < 0x80) b++;
          else if (x < 0xe0) b += 2;
          else if (x < 0xf0) b += 3;
          else {
            b += 4;
            units--;
          }
          units--;
        }
        ends[k] = b;
      }
    }
    this.o += r.written;
    return true;
  }

  /** Encodes text `k` alone (kept as a string when it is not well-formed). */
  one(text: string, k: number): void {
    if (!wellFormed(text)) this.odd.push([k, text]);
    else {
      this.room(3 * text.length);
      this.o += encoder.encodeInto(text, this.bytes.subarray(this.o)).written;
    }
    this.ends[k] = this.o;
  }

  done(): PackedTexts {
    // A view: the buffer travels whole (transferred, not copied), its slack unread.
    return { bytes: this.bytes.subarray(0, this.o), ends: this.ends, odd: this.odd };
  }

  // Room for `n` more bytes (UTF-8 takes at most 3 bytes per UTF-16 unit).
  private room(n: number): void {
    if (this.o + n <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.o + n));
    next.set(this.bytes.subarray(0, this.o));
    this.bytes = next;
  }
}

/** Decodes packed texts one at a time. */
export class TextUnpacker {
  private readonly decoder = new TextDecoder();
  private readonly odd: Map<number, string> | null;

  constructor(private readonly packed: PackedTexts) {
    this.odd = packed.odd.length ? new Map(packed.odd) : null;
  }

  /** Text `d`. */
  text(d: number): string {
    const odd = this.odd?.get(d);
    if (odd !== undefined) return odd;
    const { bytes, ends } = this.packed;
    return this.decoder.decode(bytes.subarray(d ? ends[d - 1]! : 0, ends[d]!));
  }
}
