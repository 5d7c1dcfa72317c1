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

/** Encodes `texts` back to back. */
export function packTexts(texts: readonly string[]): PackedTexts {
  let chars = 0;
  for (const t of texts) chars += t.length;
  // Most texts are ASCII: room for their bytes plus a little; a text that does not fit grows the buffer.
  let bytes = new Uint8Array(Math.max(64, chars + (chars >>> 4)));
  const ends = new Uint32Array(texts.length);
  const odd: [number, string][] = [];
  let o = 0;
  for (let d = 0; d < texts.length; d++) {
    let text = texts[d]!;
    if (!wellFormed(text)) {
      odd.push([d, text]);
      ends[d] = o;
      continue;
    }
    for (;;) {
      const r = encoder.encodeInto(text, bytes.subarray(o));
      o += r.written;
      if (r.read === text.length) break;
      // Out of room (a character takes up to 3 bytes per UTF-16 unit): grow, encode the rest.
      text = text.slice(r.read);
      const next = new Uint8Array(Math.max(bytes.length * 2, o + 3 * text.length));
      next.set(bytes.subarray(0, o));
      bytes = next;
    }
    ends[d] = o;
  }
  return { bytes: o < bytes.length ? bytes.slice(0, o) : bytes, ends, odd };
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
