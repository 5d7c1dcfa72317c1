/**
 * Features of the trained sentence segmenter: per word type attributes (computed once per type and
 * vocab, kept in typed arrays) and the feature templates of one candidate token, hashed to integers.
 *
 * A candidate is a non-whitespace token; the question is "does a sentence start here?". The
 * context is the candidate, the two words before it and the two after (whitespace tokens
 * skipped), the whitespace before the candidate (none, a space, several spaces, a newline, a
 * blank line), the rule splitter's answer for the candidate, and how many words the current
 * sentence has so far.
 */
import type { Doc } from '../../core/doc.js';
import { LexFlag } from '../../core/lexeme.js';
import type { Vocab } from '../../core/vocab.js';
import { fnv1a32 } from '../../util/hash.js';
import { EN_EMOTICONS } from '../../lang/en/tokenizer.js';
import { CLOSERS, OPENERS, TERMINAL_CHARS } from '../senter-rules.js';

/** Coarse word classes (what the rules reason about: case, terminal punctuation, closers, ...). */
export const enum WordClass {
  /** Padding before the doc's first word / after its last. */
  None = 0,
  Title = 1,
  Upper = 2,
  Lower = 3,
  Digit = 4,
  /** Only terminal punctuation (`.`, `?!`, `...`, `…`). */
  Terminal = 5,
  /** Closing quotes and brackets. */
  Closer = 6,
  /** Opening quotes and brackets, bullets, dashes. */
  Opener = 7,
  /** `,` `;` `:` */
  Clause = 8,
  OtherPunct = 9,
  /** Emoticons and emoji. */
  Emoticon = 10,
  /** A word ending in `.` (`etc.`, `U.S.`, `Mr.`). */
  Abbrev = 11,
  /** A single capital letter. */
  Initial = 12,
  /** Mixed case, digits with letters, and the rest. */
  Mixed = 13,
  Url = 14,
  /** A word ending in `?` or `!` (`what?`). */
  AskEnd = 15,
}

/** Whitespace before a candidate. */
export const enum Gap {
  None = 0,
  Space = 1,
  Spaces = 2,
  Newline = 3,
  BlankLine = 4,
}

/** Number of feature templates; {@link extractFeatures} writes exactly this many keys. */
export const N_FEATURES = 35;

const EMOTICONS = new Set(EN_EMOTICONS);
const RE_EMOJI = /^[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}]+$/u;
const CLAUSE = new Set([',', ';', ':']);

/** The word class of a type's text. */
export function wordClass(text: string, flags: number): WordClass {
  if (CLOSERS.has(text)) return WordClass.Closer;
  if (OPENERS.has(text)) return WordClass.Opener;
  if (CLAUSE.has(text)) return WordClass.Clause;
  if (EMOTICONS.has(text) || RE_EMOJI.test(text)) return WordClass.Emoticon;
  if ((flags & (LexFlag.LIKE_URL | LexFlag.LIKE_EMAIL)) !== 0) return WordClass.Url;
  let terminal = true;
  for (const ch of text) if (!TERMINAL_CHARS.has(ch)) terminal = false;
  if (terminal) return WordClass.Terminal;
  const last = text.charCodeAt(text.length - 1);
  if (last === 46) return WordClass.Abbrev;
  if ((last === 63 || last === 33) && text.length > 1) return WordClass.AskEnd;
  if ((flags & LexFlag.IS_PUNCT) !== 0) return WordClass.OtherPunct;
  if ((flags & LexFlag.IS_DIGIT) !== 0) return WordClass.Digit;
  if ((flags & LexFlag.IS_TITLE) !== 0) return text.length === 1 ? WordClass.Initial : WordClass.Title;
  if ((flags & LexFlag.IS_UPPER) !== 0) return text.length === 1 ? WordClass.Initial : WordClass.Upper;
  if ((flags & LexFlag.IS_LOWER) !== 0) return WordClass.Lower;
  return WordClass.Mixed;
}

/** Per-vocab type attributes, indexed by orth id (`done[o]` = 1 once filled). */
export interface TypeTable {
  done: Uint8Array;
  cls: Uint8Array;
  /** 1 for whitespace tokens. */
  space: Uint8Array;
  /** Newlines in a whitespace token (capped at 2). */
  newlines: Uint8Array;
  low: Uint32Array;
  shape: Uint32Array;
  suffix: Uint32Array;
}

/** An empty type table. */
export function newTypeTable(size = 1024): TypeTable {
  return {
    done: new Uint8Array(size),
    cls: new Uint8Array(size),
    space: new Uint8Array(size),
    newlines: new Uint8Array(size),
    low: new Uint32Array(size),
    shape: new Uint32Array(size),
    suffix: new Uint32Array(size),
  };
}

function grown<T extends Uint8Array | Uint32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** Fills the table's row for `orth` (growing the table when needed); returns the table. */
export function fillType(t: TypeTable, vocab: Vocab, orth: number): TypeTable {
  if (orth >= t.done.length) {
    const size = Math.max(orth + 1, t.done.length * 2);
    t = { done: grown(t.done, size), cls: grown(t.cls, size), space: grown(t.space, size), newlines: grown(t.newlines, size), low: grown(t.low, size), shape: grown(t.shape, size), suffix: grown(t.suffix, size) };
  }
  if (t.done[orth]) return t;
  const text = vocab.strings.get(orth);
  const flags = vocab.flags(orth);
  if ((flags & LexFlag.IS_SPACE) !== 0) {
    t.space[orth] = 1;
    let nl = 0;
    for (let c = 0; c < text.length; c++) if (text.charCodeAt(c) === 10) nl++;
    t.newlines[orth] = Math.min(nl, 2);
  } else {
    t.cls[orth] = wordClass(text, flags);
    const lower = text.toLowerCase();
    t.low[orth] = fnv1a32(lower) || 1;
    t.shape[orth] = fnv1a32(vocab.strings.get(vocab.shape(orth))) || 1;
    t.suffix[orth] = fnv1a32(lower.length > 3 ? lower.slice(-3) : lower) || 1;
  }
  t.done[orth] = 1;
  return t;
}

// Integer mixing (murmur3's finalizer steps): template id and values to a 32-bit key.
function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  return Math.imul(h, 0x1b873593) ^ (h >>> 13);
}

function key1(t: number, a: number): number {
  return mix(mix(t * 0x9e3779b1, a), 0x5bd1e995) >>> 0;
}

function key2(t: number, a: number, b: number): number {
  return mix(mix(mix(t * 0x9e3779b1, a), b), 0x5bd1e995) >>> 0;
}

function key3(t: number, a: number, b: number, c: number): number {
  return mix(mix(mix(mix(t * 0x9e3779b1, a), b), c), 0x5bd1e995) >>> 0;
}

/** Bucket of the number of words the current sentence has before the candidate. */
export function lengthBucket(words: number): number {
  return words <= 4 ? words : words <= 7 ? 5 : words <= 12 ? 6 : words <= 25 ? 7 : 8;
}

/**
 * The context of one candidate, as positions in the doc (-1: none) plus what the caller knows:
 * the whitespace before it, the rule splitter's answer, the sentence length so far.
 */
export interface Context {
  /** The candidate token. */
  i: number;
  /** The word before (whitespace skipped), and the one before that. */
  p: number;
  p2: number;
  /** The word after, and the one after that. */
  n: number;
  n2: number;
  gap: Gap;
  /** 1 when the rule splitter starts a sentence at the candidate. */
  rule: number;
  /** {@link lengthBucket} of the current sentence. */
  len: number;
}

/**
 * Writes the {@link N_FEATURES} hashed keys of a candidate into `out` (no allocation). `t` must
 * hold every type of the doc.
 */
export function extractFeatures(doc: Doc, t: TypeTable, c: Context, out: Uint32Array): void {
  const orth = doc.orth;
  const oi = orth[c.i]!;
  const ci = t.cls[oi]!;
  const li = t.low[oi]!;
  const op = c.p >= 0 ? orth[c.p]! : -1;
  const cp = op >= 0 ? t.cls[op]! : 0;
  const lp = op >= 0 ? t.low[op]! : 0;
  const op2 = c.p2 >= 0 ? orth[c.p2]! : -1;
  const cp2 = op2 >= 0 ? t.cls[op2]! : 0;
  const lp2 = op2 >= 0 ? t.low[op2]! : 0;
  const on = c.n >= 0 ? orth[c.n]! : -1;
  const cn = on >= 0 ? t.cls[on]! : 0;
  const ln = on >= 0 ? t.low[on]! : 0;
  const on2 = c.n2 >= 0 ? orth[c.n2]! : -1;
  const cn2 = on2 >= 0 ? t.cls[on2]! : 0;
  const sn = on >= 0 ? t.shape[on]! : 0;
  const si = t.shape[oi]!;
  const sp = op >= 0 ? t.shape[op]! : 0;
  const gap = c.gap;
  const rule = c.rule;
  out[0] = key1(0, 0);
  out[1] = key1(1, ci);
  out[2] = key1(2, cp);
  out[3] = key1(3, cp2);
  out[4] = key1(4, cn);
  out[5] = key1(5, li);
  out[6] = key1(6, lp);
  out[7] = key1(7, lp2);
  out[8] = key1(8, ln);
  out[9] = key1(9, gap);
  out[10] = key3(10, gap, cp, ci);
  out[11] = key2(11, cp, ci);
  out[12] = key3(12, cp2, cp, ci);
  out[13] = key3(13, cp, ci, cn);
  out[14] = key2(14, lp, ci);
  out[15] = key2(15, cp, li);
  out[16] = key2(16, lp, li);
  out[17] = key2(17, lp2, lp);
  out[18] = key1(18, si);
  out[19] = key1(19, sp);
  out[20] = key2(20, sp, si);
  out[21] = key1(21, rule);
  out[22] = key2(22, rule, ci);
  out[23] = key3(23, rule, gap, cp);
  out[24] = key1(24, c.len);
  out[25] = key2(25, c.len, cp);
  out[26] = key1(26, op >= 0 ? t.suffix[op]! : 0);
  out[27] = key2(27, li, cn);
  out[28] = key3(28, lp2, lp, ci);
  out[29] = key3(29, rule, cp, ci);
  out[30] = key2(30, li, ln);
  out[31] = key3(31, ci, cn, cn2);
  out[32] = key2(32, si, sn);
  out[33] = key3(33, lp, ci, cn);
  out[34] = key3(34, cp2, cp, li);
}
