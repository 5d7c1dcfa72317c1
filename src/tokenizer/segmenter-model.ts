/**
 * A trained word segmenter for languages written without spaces: a binary averaged perceptron
 * that decides, left to right, whether a word boundary falls in each gap between two characters
 * (features: `segmenter-features.ts`). Weights live in one hashed table; the compact file form
 * keeps only the non-zero weights (delta-coded bucket, int16 value) with a CRC-32 footer.
 */
import { FormatError } from '../core/errors.js';
import { crc32 } from '../util/crc32.js';
import { CodePoints, CT, GAP_FEATURES, gapFeatures } from './segmenter-features.js';
export { wordHash } from './segmenter-features.js';

/** Magic bytes of the compact model form. */
export const SEGMENTER_MAGIC = 'TLSG';
/** Version of the compact form (and of the feature templates it was trained with). */
export const SEGMENTER_FORMAT_VERSION = 1;

/**
 * Word-boundary model: `weights` is a hashed table of 2^`bits` entries (see `gapFeatures`).
 * @example
 * const model = decodeSegmenterModel(bytes);
 * const seg = new WordSegmenter(new Vocab(), { locale: 'zh', model });
 */
export class SegmenterModel {
  readonly bits: number;
  readonly weights: Float32Array;
  /** Known words ({@link wordHash} of 2 to 6 code points): the training set's word list. */
  readonly lexicon: Set<number>;
  private readonly feats = new Uint32Array(GAP_FEATURES);

  constructor(bits: number, weights?: Float32Array, lexicon: Iterable<number> = []) {
    if (!Number.isInteger(bits) || bits < 8 || bits > 24) throw new FormatError(`segmenter table bits must be an integer in 8..24, got ${bits}`, { key: 'bits' });
    this.bits = bits;
    this.weights = weights ?? new Float32Array(1 << bits);
    this.lexicon = new Set(lexicon);
    if (this.weights.length !== 1 << bits) throw new FormatError(`segmenter table has ${this.weights.length} weights, expected ${1 << bits}`, { key: 'weights' });
  }

  /** Score of the gap before code point `g` (positive: boundary). */
  score(c: CodePoints, g: number, prev: number): number {
    const f = this.feats;
    gapFeatures(c, g, prev, f, (1 << this.bits) - 1);
    const w = this.weights;
    let s = 0;
    for (let i = 0; i < GAP_FEATURES; i++) s += w[f[i]!]!;
    return s;
  }

  /**
   * Writes 1 into `out[g]` for each code point `g` that starts a word (greedy, left to right);
   * gaps next to whitespace are always boundaries, and so are the text's ends.
   */
  boundaries(c: CodePoints, out: Uint8Array): void {
    const n = c.n;
    out[0] = 1;
    out[n] = 1;
    let prev = 1;
    for (let g = 1; g < n; g++) {
      let b: number;
      if (c.type[g - 1] === CT.SPACE || c.type[g] === CT.SPACE) b = 1;
      else b = this.score(c, g, prev) > 0 ? 1 : 0;
      out[g] = b;
      prev = b;
    }
  }
}

function ascii(bytes: Uint8Array, at: number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[at + i]!);
  return s;
}

/**
 * The compact form: `TLSG`, version (u8), bits (u8), 2 zero bytes, scale (f32), count (u32), then
 * per non-zero weight the bucket's distance from the previous one (unsigned LEB128) and the weight
 * times scale (int16), then the lexicon's size (u32) and its word hashes ascending (u32), then the CRC-32 of everything before it (u32). Little-endian.
 */
export function encodeSegmenterModel(model: SegmenterModel): Uint8Array {
  const w = model.weights;
  let max = 0;
  let count = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]!));
  const scale = max > 0 ? 32767 / max : 1;
  for (let i = 0; i < w.length; i++) if (Math.round(w[i]! * scale) !== 0) count++;
  const lex = Uint32Array.from(model.lexicon).sort();
  const bytes = new Uint8Array(16 + count * 7 + 4 + lex.length * 4 + 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = SEGMENTER_MAGIC.charCodeAt(i);
  bytes[4] = SEGMENTER_FORMAT_VERSION;
  bytes[5] = model.bits;
  view.setFloat32(8, scale, true);
  view.setUint32(12, count, true);
  let at = 16;
  let last = 0;
  for (let i = 0; i < w.length; i++) {
    const q = Math.round(w[i]! * scale);
    if (q === 0) continue;
    let d = i - last;
    last = i;
    while (d >= 0x80) {
      bytes[at++] = (d & 0x7f) | 0x80;
      d >>>= 7;
    }
    bytes[at++] = d;
    view.setInt16(at, q, true);
    at += 2;
  }
  view.setUint32(at, lex.length, true);
  at += 4;
  for (let i = 0; i < lex.length; i++, at += 4) view.setUint32(at, lex[i]!, true);
  view.setUint32(at, crc32(bytes.subarray(0, at)), true);
  return bytes.slice(0, at + 4);
}

/** Reads {@link encodeSegmenterModel}'s bytes; a wrong magic, version, length or CRC is a {@link FormatError}. */
export function decodeSegmenterModel(bytes: Uint8Array, file = 'segmenter model'): SegmenterModel {
  if (bytes.length < 20 || ascii(bytes, 0, 4) !== SEGMENTER_MAGIC) throw new FormatError('not a textloom segmenter model (bad magic)', { file });
  if (bytes[4] !== SEGMENTER_FORMAT_VERSION) throw new FormatError(`segmenter model version ${bytes[4]} is not supported (expected ${SEGMENTER_FORMAT_VERSION})`, { file });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 4;
  if (crc32(bytes.subarray(0, end)) !== view.getUint32(end, true)) throw new FormatError('segmenter model CRC mismatch (file is damaged)', { file });
  const model = new SegmenterModel(bytes[5]!);
  const scale = view.getFloat32(8, true);
  const count = view.getUint32(12, true);
  const w = model.weights;
  let at = 16;
  let bucket = 0;
  for (let k = 0; k < count; k++) {
    let d = 0;
    let shift = 0;
    for (;;) {
      if (at >= end) throw new FormatError('segmenter model is truncated', { file });
      const b = bytes[at++]!;
      d += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) break;
    }
    bucket += d;
    if (bucket >= w.length || at + 2 > end) throw new FormatError(`segmenter model weight ${k} is out of range`, { file });
    w[bucket] = view.getInt16(at, true) / scale;
    at += 2;
  }
  if (at + 4 > end) throw new FormatError('segmenter model is truncated', { file });
  const nLex = view.getUint32(at, true);
  at += 4;
  if (at + nLex * 4 !== end) throw new FormatError(`segmenter model lexicon has ${nLex} words but ${end - at} bytes`, { file });
  for (let i = 0; i < nLex; i++, at += 4) model.lexicon.add(view.getUint32(at, true));
  if (at !== end) throw new FormatError(`segmenter model has ${end - at} trailing bytes`, { file });
  return model;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 (RFC 4648) of bytes: how a model is embedded in a language's data module. */
export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    s += B64[a >> 2]! + B64[((a & 3) << 4) | (b >> 4)]! + (i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)]! : '=') + (i + 2 < bytes.length ? B64[c & 63]! : '=');
  }
  return s;
}

/** Bytes of a base64 string (whitespace ignored); a character outside the alphabet is a {@link FormatError}. */
export function base64ToBytes(s: string, file = 'base64 data'): Uint8Array {
  const clean = s.replace(/[\s=]+/g, '');
  const out = new Uint8Array((clean.length * 3) >> 2);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = B64.indexOf(clean[i]!);
    if (v < 0) throw new FormatError(`invalid base64 character at ${i}`, { file });
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}
