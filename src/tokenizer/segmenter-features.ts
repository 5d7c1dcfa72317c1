/**
 * The feature kernel of the statistical word segmenter (`segmenter-model.ts`): a text becomes
 * code-point columns (code point, character type, ICU boundary, ICU word lengths), and each gap
 * between two code points becomes a fixed set of hashed features. Integers in, integers out: no
 * strings or objects per character, so training and prediction share one allocation-free loop.
 */
import { isSpaceCode } from './scanner.js';

/** Known words as {@link wordHash} values (a `Set<number>`, or the trainer's per-fold view). */
export interface Lexicon {
  readonly size: number;
  has(hash: number): boolean;
}

/** Character types: 0 is outside the text, then Han, Hiragana, Katakana, Latin, digit, punctuation/symbol, other, space. */
export const CT = Object.freeze({ EDGE: 0, HAN: 1, HIRAGANA: 2, KATAKANA: 3, LATIN: 4, DIGIT: 5, PUNCT: 6, OTHER: 7, SPACE: 8 });

/** Features written per gap (the length of {@link gapFeatures}'s output). */
export const GAP_FEATURES = 23;

/** Longest lexicon word (code points) the lexicon features look for. */
export const LEXICON_MAX = 6;

/** Character type of a code point (one of {@link CT}). */
export function charType(cp: number): number {
  if (cp < 0x80) {
    if (isSpaceCode(cp)) return CT.SPACE;
    if (cp >= 48 && cp <= 57) return CT.DIGIT;
    if ((cp | 32) >= 97 && (cp | 32) <= 122) return CT.LATIN;
    return CT.PUNCT;
  }
  if (isSpaceCode(cp)) return CT.SPACE;
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2ffff) || (cp >= 0xf900 && cp <= 0xfaff) || cp === 0x3005 || cp === 0x3007) return CT.HAN;
  if (cp >= 0x3041 && cp <= 0x309f) return CT.HIRAGANA;
  if ((cp >= 0x30a0 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0xff66 && cp <= 0xff9f)) return CT.KATAKANA;
  if (cp >= 0xff10 && cp <= 0xff19) return CT.DIGIT;
  if ((cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a) || (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7)) return CT.LATIN;
  if ((cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xff65) || (cp >= 0xa0 && cp <= 0xbf) || cp === 0xd7 || cp === 0xf7) return CT.PUNCT;
  return CT.OTHER;
}

/**
 * Code-point columns of one text, grown as needed and reused across texts (one per segmenter).
 * `start[k]` is the UTF-16 offset of code point k (`start[n]` is the text's length); `icu[k]` is 1
 * when ICU starts a segment at k; `icuLeft[k]`/`icuRight[k]` are the lengths (code points, capped
 * at 7) of the ICU segments ending at k-1 and starting at k.
 */
export class CodePoints {
  n = 0;
  cp = new Int32Array(256);
  type = new Uint8Array(256);
  start = new Uint32Array(257);
  icu = new Uint8Array(257);
  icuLeft = new Uint8Array(257);
  icuRight = new Uint8Array(257);
  /** Hash of the ICU segment holding code point k (its code points). */
  segHash = new Int32Array(256);
  /** Start (code point) of the ICU segment holding code point k. */
  segStart = new Uint32Array(256);
  /** Longest lexicon word ending at k-1, starting at k, and crossing the gap before k (0: none). */
  lexEnd = new Uint8Array(257);
  lexStart = new Uint8Array(257);
  lexCross = new Uint8Array(257);

  /**
   * Fills the columns from `text`, ICU's segmentation of it (`segmenter.segment(text)`) and the
   * lexicon (hashes of known words, {@link wordHash}).
   */
  fill(text: string, segmenter: Intl.Segmenter, lexicon?: Lexicon): void {
    if (this.cp.length < text.length + 1) {
      const cap = text.length * 2 + 16;
      this.cp = new Int32Array(cap);
      this.type = new Uint8Array(cap);
      this.start = new Uint32Array(cap + 1);
      this.icu = new Uint8Array(cap + 1);
      this.icuLeft = new Uint8Array(cap + 1);
      this.icuRight = new Uint8Array(cap + 1);
      this.segHash = new Int32Array(cap);
      this.segStart = new Uint32Array(cap);
      this.lexEnd = new Uint8Array(cap + 1);
      this.lexStart = new Uint8Array(cap + 1);
      this.lexCross = new Uint8Array(cap + 1);
    }
    let n = 0;
    for (let i = 0; i < text.length; n++) {
      const c = text.codePointAt(i)!;
      this.cp[n] = c;
      this.type[n] = charType(c);
      this.start[n] = i;
      this.icu[n] = 0;
      i += c > 0xffff ? 2 : 1;
    }
    this.start[n] = text.length;
    this.icu[n] = 1;
    this.n = n;
    // ICU segment starts, mapped from UTF-16 offsets to code points by a merge walk.
    let k = 0;
    for (const { index } of segmenter.segment(text)) {
      while (k < n && this.start[k]! < index) k++;
      if (k < n && this.start[k] === index) this.icu[k] = 1;
    }
    this.icu[0] = 1;
    let last = 0;
    for (let j = 1; j <= n; j++) {
      if (this.icu[j] === 1) {
        const len = Math.min(7, j - last);
        let h = 0x2545f491;
        for (let m = last; m < j; m++) h = mix(h, this.cp[m]!);
        for (let m = last; m < j; m++) {
          this.icuRight[m] = len;
          this.segHash[m] = h;
          this.segStart[m] = last;
        }
        this.icuLeft[j] = len;
        last = j;
      }
    }
    this.icuLeft[0] = 0;
    this.lexEnd.fill(0, 0, n + 1);
    this.lexStart.fill(0, 0, n + 1);
    this.lexCross.fill(0, 0, n + 1);
    if (lexicon === undefined || lexicon.size === 0) return;
    for (let st = 0; st < n; st++) {
      let h = WORD_HASH_SEED;
      for (let len = 1; len <= LEXICON_MAX && st + len <= n; len++) {
        h = mix(h, this.cp[st + len - 1]!);
        if (len < 2 || !lexicon.has(fin(h))) continue;
        const e = st + len;
        if (this.lexEnd[e]! < len) this.lexEnd[e] = len;
        if (this.lexStart[st]! < len) this.lexStart[st] = len;
        for (let m = st + 1; m < e; m++) if (this.lexCross[m]! < len) this.lexCross[m] = len;
      }
    }
  }
}

const WORD_HASH_SEED = 0x3c6ef372;

/** Hash of a word's code points `cp[start, end)`, as the lexicon stores it. */
export function wordHash(cp: ArrayLike<number>, start: number, end: number): number {
  let h = WORD_HASH_SEED;
  for (let i = start; i < end; i++) h = mix(h, cp[i]!);
  return fin(h);
}

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x5bd1e995);
  return h ^ (h >>> 15);
}

function fin(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Writes the {@link GAP_FEATURES} hashed features of the gap before code point `g` (0 < g < n)
 * into `out` (masked to the weight table by `mask`). `prev` is 1 when the segmenter put a
 * boundary at the previous gap (greedy left-to-right decoding). Templates: bias; characters at
 * -2..+1 and the pairs and triples around the gap; the character types -2..+1; ICU's boundary
 * with the types, with the two characters and with the ICU word lengths; the previous decision.
 */
export function gapFeatures(c: CodePoints, g: number, prev: number, out: Uint32Array, mask: number): void {
  const n = c.n;
  const l2 = g >= 2 ? c.cp[g - 2]! : -2;
  const l1 = c.cp[g - 1]!;
  const r1 = c.cp[g]!;
  const r2 = g + 1 < n ? c.cp[g + 1]! : -3;
  const t = ((g >= 2 ? c.type[g - 2]! : 0) << 12) | (c.type[g - 1]! << 8) | (c.type[g]! << 4) | (g + 1 < n ? c.type[g + 1]! : 0);
  const icu = c.icu[g]!;
  out[0] = fin(1) & mask;
  out[1] = fin(mix(2, l1)) & mask;
  out[2] = fin(mix(3, r1)) & mask;
  out[3] = fin(mix(4, l2)) & mask;
  out[4] = fin(mix(5, r2)) & mask;
  out[5] = fin(mix(mix(6, l2), l1)) & mask;
  out[6] = fin(mix(mix(7, l1), r1)) & mask;
  out[7] = fin(mix(mix(8, r1), r2)) & mask;
  out[8] = fin(mix(mix(mix(9, l2), l1), r1)) & mask;
  out[9] = fin(mix(mix(mix(10, l1), r1), r2)) & mask;
  out[10] = fin(mix(11, t)) & mask;
  out[11] = fin(mix(mix(12, icu), t & 0xff0)) & mask;
  out[12] = fin(mix(mix(mix(13, icu), l1), r1)) & mask;
  out[13] = fin(mix(mix(14, icu), (c.icuLeft[g]! << 4) | c.icuRight[g]!)) & mask;
  out[14] = fin(mix(mix(15, prev), l1)) & mask;
  out[15] = fin(mix(mix(16, prev), t)) & mask;
  out[16] = fin(mix(mix(mix(17, icu), c.icuRight[g]!), r1)) & mask;
  // The ICU word itself: how the treebank splits it, and what it merges with.
  const hl = c.segHash[g - 1]!;
  out[17] = fin(mix(mix(18, hl), g - c.segStart[g - 1]!)) & mask;
  out[18] = fin(mix(mix(19, hl), r1)) & mask;
  out[19] = fin(mix(mix(20, l1), c.segHash[g]!)) & mask;
  // Known words (the training lexicon) ending, starting and crossing here.
  out[20] = fin(mix(mix(21, c.lexEnd[g]!), c.lexStart[g]!)) & mask;
  out[21] = fin(mix(mix(22, c.lexCross[g]!), icu)) & mask;
  out[22] = fin(mix(mix(mix(23, c.lexEnd[g]!), c.lexStart[g]!), c.lexCross[g]!)) & mask;
}
