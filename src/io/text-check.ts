/**
 * Refuses binary input: every byte of a text input is checked, as it streams, for NUL bytes and
 * invalid UTF-8, so a model file, an image or a latin-1 file given where text is expected fails
 * with one message naming the file, line and byte, instead of feeding garbage "words" to a trainer
 * (at any depth: a file whose first megabytes are text is checked to its end).
 */
import { isUtf8 } from 'node:buffer';
import { FormatError } from '../core/errors.js';

/**
 * The offset of the first byte of `bytes` that is not part of valid UTF-8, or -1. A sequence cut
 * off by the end of `bytes` is valid when `more` (the rest may follow).
 * @example invalidUtf8At(Buffer.from([0x61, 0xff])) // 1
 */
export function invalidUtf8At(bytes: Uint8Array, more = false): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte: length and the allowed range of the second byte (no overlongs, no surrogates, <= U+10FFFF).
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k < len; k++) {
      if (i + k >= n) return more ? -1 : i;
      const c = bytes[i + k]!;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += len;
  }
  return -1;
}

/** Bytes a UTF-8 sequence with lead byte `b` takes (1 for ASCII and for bytes that cannot lead). */
function sequenceLength(b: number): number {
  return b >= 0xf0 && b <= 0xf7 ? 4 : b >= 0xe0 ? (b <= 0xef ? 3 : 1) : b >= 0xc0 ? 2 : 1;
}

/** Where the incomplete UTF-8 sequence at the end of `bytes[from..]` starts (`bytes.length` if none). */
function incompleteTail(bytes: Uint8Array, from: number): number {
  const n = bytes.length;
  for (let i = n - 1; i >= Math.max(from, n - 3); i--) {
    const b = bytes[i]!;
    if (b < 0x80) return n;
    if (b >= 0xc0) return n - i < sequenceLength(b) ? i : n;
  }
  return n;
}

/** The first bad byte {@link TextChecker} found. */
export interface BadByte {
  /** 0-based byte offset in the whole input. */
  offset: number;
  /** Its value. */
  byte: number;
  /** A NUL byte (binary data) rather than bytes that are not UTF-8. */
  nul: boolean;
}

/**
 * Checks a byte stream chunk by chunk for NUL bytes and invalid UTF-8 (a character may be split
 * across chunks). Each chunk costs two native scans (`indexOf(0)` and `isUtf8`); the byte-by-byte
 * {@link invalidUtf8At} runs only to locate a fault.
 * @example const c = new TextChecker(); c.feed(Buffer.from('caf\xe9', 'latin1')) // { offset: 3, byte: 0xe9, nul: false }
 */
export class TextChecker {
  /** Bytes fed so far. */
  offset = 0;
  private readonly carry = new Uint8Array(4);
  private carryLength = 0;

  /** The first bad byte of `chunk` (its offset counted over the whole input), or undefined. */
  feed(chunk: Buffer): BadByte | undefined {
    const base = this.offset;
    this.offset += chunk.length;
    let from = 0;
    if (this.carryLength > 0) {
      // Complete the character the previous chunk ended inside.
      const want = sequenceLength(this.carry[0]!);
      while (this.carryLength < want && from < chunk.length) this.carry[this.carryLength++] = chunk[from++]!;
      if (this.carryLength < want) return undefined;
      const held = this.carry.subarray(0, this.carryLength);
      this.carryLength = 0;
      const bad = invalidUtf8At(held);
      if (bad >= 0) return { offset: base + from - held.length + bad, byte: held[bad]!, nul: false };
    }
    const end = incompleteTail(chunk, from);
    const body = from === 0 && end === chunk.length ? chunk : chunk.subarray(from, end);
    const nul = body.indexOf(0);
    if (nul >= 0 || !isUtf8(body)) {
      const bad = invalidUtf8At(nul >= 0 ? body.subarray(0, nul) : body);
      const at = bad >= 0 ? bad : nul;
      return { offset: base + from + at, byte: body[at]!, nul: bad < 0 };
    }
    for (let i = end; i < chunk.length; i++) this.carry[this.carryLength++] = chunk[i]!;
    return undefined;
  }

  /** At the end of the input: a character cut off by it, or undefined. */
  end(): BadByte | undefined {
    if (this.carryLength === 0) return undefined;
    return { offset: this.offset - this.carryLength, byte: this.carry[0]!, nul: false };
  }
}

/**
 * The FormatError for a bad byte of input `file` (line 1-based, when known).
 * @example badByteError({ offset: 4, byte: 0, nul: true }, 'model.bin', 1).message // → 'binary data, not text: a NUL byte at byte 4 (at model.bin:1)'
 */
export function badByteError(bad: BadByte, file: string, line?: number): FormatError {
  const where = { file, ...(line !== undefined ? { line } : {}), offset: bad.offset };
  if (bad.nul) return new FormatError(`binary data, not text: a NUL byte at byte ${bad.offset}`, where);
  return new FormatError(`not UTF-8 text: invalid byte 0x${bad.byte.toString(16)} at byte ${bad.offset}; convert it first, e.g. iconv -f latin1 -t utf-8`, where);
}

/** Line terminators (\n, \r\n, a lone \r) in `bytes[0..end)`; `afterCr`: the bytes follow a \r. */
export function lineBreaks(bytes: Uint8Array, end: number, afterCr = false): number {
  let n = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      if (!(i === 0 ? afterCr : bytes[i - 1] === 0x0d)) n++;
    } else if (b === 0x0d) n++;
  }
  return n;
}
