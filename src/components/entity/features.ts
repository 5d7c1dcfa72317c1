/**
 * The entity recognizer's classes (BILUO over the model's labels) and features. A word type is
 * reduced once to {@link N_ATTRS} integer attributes (string hashes); a token's features are
 * hashed `(template, value, value)` triples masked to the model's weight table, so the hot loop
 * reads integers only.
 */
import { fnv1a32 } from '../../util/hash.js';

/** Word-type attributes, in their column order. */
export const enum Attr {
  LOWER = 0,
  FORM = 1,
  SHAPE = 2,
  CSHAPE = 3,
  PRE3 = 4,
  SUF3 = 5,
  SUF2 = 6,
  CLUSTER = 7,
  /** How the lower-case form is written in the unlabelled corpus: 1 mostly lower, 2 mixed, 3 mostly capitalized, 0 unseen. */
  CAP = 8,
  /** The first character: 1 upper-case letter, 2 lower-case letter, 0 anything else (for {@link sentenceMode}). */
  FIRST = 9,
  /** The gazetteer class of the lower-case form (see {@link lexValue}) plus 1; 1 = in no list. */
  GAZ = 10,
  /** The coarse word cluster plus 1 (0 = none): a second, smaller k-means over the same vectors. */
  COARSE = 11,
}
/** Attributes per word type. */
export const N_ATTRS = 12;
/** Padding positions on each side of a sentence (the features look two words away). */
export const PAD = 2;

/** Class index of `O`; label l has B = 1 + 4l, I = 2 + 4l, L = 3 + 4l, U = 4 + 4l. */
export const CLASS_O = 0;

/** BILUO class names for the labels (`O`, then B-, I-, L-, U- per label). */
export function classNames(labels: readonly string[]): string[] {
  const out = ['O'];
  for (const l of labels) out.push(`B-${l}`, `I-${l}`, `L-${l}`, `U-${l}`);
  return out;
}

/** A string's attribute hash (never 0, which means "none"). */
export function strHash(s: string): number {
  return fnv1a32(s) || 1;
}

/** spaCy-style shape: X x d for upper, lower, digit, other characters kept; runs longer than `cap` cut. */
export function shapeOf(s: string, cap: number): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of s) {
    let c: string;
    if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch) c = 'X';
    else if (ch.toUpperCase() !== ch) c = 'x';
    else c = ch;
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= cap) out += c;
  }
  return out;
}

/**
 * The word lexicon of the cluster and list features: string -> a value {@link lexValue} packs
 * (the capitalization class, see {@link Attr.CAP}, and the gazetteer class are kept on lower-case forms).
 */
export interface Lexicon {
  get(word: string): number | undefined;
}

/**
 * Packs a lexicon value: bits 0-11 the cluster + 1 (0 = none), 12-13 the capitalization class,
 * 14-18 the gazetteer class (0 = none; see `gazetteerClasses`), 19-28 the coarse cluster + 1.
 */
export function lexValue(cluster: number, capClass: number, gaz = 0, coarse = -1): number {
  return ((coarse + 1) << 19) | (gaz << 14) | (capClass << 12) | (cluster + 1);
}

/** Largest cluster count a lexicon can hold. */
export const MAX_CLUSTERS = 4095;
/** Largest coarse cluster count a lexicon can hold. */
export const MAX_COARSE = 1023;
/** Largest gazetteer class a lexicon can hold. */
export const MAX_GAZ = 31;

/** Fills the attributes of one word type at `out[off..off + N_ATTRS)`. */
export function wordAttrs(word: string, lexicon: Lexicon | null, out: Int32Array, off: number): void {
  const lower = word.toLowerCase();
  out[off + Attr.LOWER] = strHash(lower);
  out[off + Attr.FORM] = strHash(word);
  out[off + Attr.SHAPE] = strHash(shapeOf(word, 4));
  out[off + Attr.CSHAPE] = strHash(shapeOf(word, 1));
  const chars = Array.from(lower);
  out[off + Attr.PRE3] = strHash(chars.slice(0, 3).join(''));
  out[off + Attr.SUF3] = strHash(chars.slice(-3).join(''));
  out[off + Attr.SUF2] = strHash(chars.slice(-2).join(''));
  const vf = lexicon?.get(word) ?? 0;
  const vl = lexicon?.get(lower) ?? 0;
  // A lower-cased name ("kerala") takes the clusters of its capitalized form when it has none.
  const e = vf & 4095 ? vf : vl & 4095 ? vl : lexicon?.get(lower.charAt(0).toUpperCase() + lower.slice(1)) ?? 0;
  out[off + Attr.CLUSTER] = (e & 4095) + 1;
  out[off + Attr.CAP] = ((vl >>> 12) & 3) + 1;
  out[off + Attr.GAZ] = ((vl >>> 14) & 31) + 1;
  out[off + Attr.COARSE] = (e >>> 19) & 1023;
  const f = word.charAt(0);
  out[off + Attr.FIRST] = f.toLowerCase() !== f ? 1 : f.toUpperCase() !== f ? 2 : 0;
}

/** Attribute rows of the sentence padding (before the start, after the end). */
export const BOS_ATTRS = Int32Array.from({ length: N_ATTRS }, (_, a) => strHash(`<s>${a}`));
export const EOS_ATTRS = Int32Array.from({ length: N_ATTRS }, (_, a) => strHash(`</s>${a}`));

/**
 * Names the feature templates and attribute definitions below; stored in model files, which are
 * refused when it differs. Change it whenever a template or attribute changes.
 */
export const FEATURE_SET = 'en-biluo-57.1';

/** Number of feature templates {@link extractFeatures} writes. */
export const N_FEATURES = 57;

function mix(t: number, a: number, b: number): number {
  let h = Math.imul(t + 0x9e3779b9, 0x85ebca6b) ^ a;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Feature roles that read one word type only: the word itself, and the words 1 and 2 before and after it. */
export const enum Role {
  SELF = 0,
  PREV1 = 1,
  NEXT1 = 2,
  PREV2 = 3,
  NEXT2 = 4,
}
/** Number of {@link Role}s. */
export const N_ROLES = 5;
/**
 * The templates of each role (the keys {@link roleKeys} writes, in order). Their scores depend on
 * one word type only, so a decoder sums them once per type and role (see `kernel.ts`).
 */
export const ROLE_TEMPLATES: readonly (readonly number[])[] = [
  [0, 1, 2, 7, 11, 12, 13, 20, 23, 32, 49, 50],
  [3, 8, 21, 51, 52],
  [4, 9, 22, 53, 54],
  [5, 39],
  [6, 40],
];
/** The templates {@link contextKeys} writes, in order: those reading several words, tags or decisions. */
export const CONTEXT_TEMPLATES: readonly number[] = [10, 14, 15, 16, 17, 18, 19, 24, 25, 26, 27, 28, 29, 30, 31, 33, 34, 35, 36, 37, 38, 41, 42, 43, 44, 45, 46, 47, 48, 55, 56];
/** Number of keys {@link contextKeys} writes. */
export const N_CONTEXT = 31;

/**
 * Writes the keys (masked by `mask`) of the templates of `role` for the word type whose attributes
 * are `at[o..o + N_ATTRS)`, into `out` from `off`; returns how many it wrote.
 */
export function roleKeys(role: number, at: Int32Array, o: number, mask: number, out: Uint32Array, off: number): number {
  const lo = at[o + Attr.LOWER]!;
  const cl = at[o + Attr.CLUSTER]!;
  switch (role) {
    case Role.SELF: {
      const cs = at[o + Attr.CSHAPE]!;
      out[off] = mix(0, 0, 0) & mask;
      out[off + 1] = mix(1, lo, 0) & mask;
      out[off + 2] = mix(2, at[o + Attr.FORM]!, 0) & mask;
      out[off + 3] = mix(7, at[o + Attr.SHAPE]!, 0) & mask;
      out[off + 4] = mix(11, at[o + Attr.PRE3]!, 0) & mask;
      out[off + 5] = mix(12, at[o + Attr.SUF3]!, 0) & mask;
      out[off + 6] = mix(13, at[o + Attr.SUF2]!, 0) & mask;
      out[off + 7] = mix(20, cl, 0) & mask;
      out[off + 8] = mix(23, cl, cs) & mask;
      out[off + 9] = mix(32, at[o + Attr.CAP]!, cs) & mask;
      out[off + 10] = mix(49, at[o + Attr.GAZ]!, cs) & mask;
      out[off + 11] = mix(50, at[o + Attr.COARSE]!, 0) & mask;
      return 12;
    }
    case Role.PREV1:
      out[off] = mix(3, lo, 0) & mask;
      out[off + 1] = mix(8, at[o + Attr.CSHAPE]!, 0) & mask;
      out[off + 2] = mix(21, cl, 0) & mask;
      out[off + 3] = mix(51, at[o + Attr.GAZ]!, 0) & mask;
      out[off + 4] = mix(52, at[o + Attr.COARSE]!, 0) & mask;
      return 5;
    case Role.NEXT1:
      out[off] = mix(4, lo, 0) & mask;
      out[off + 1] = mix(9, at[o + Attr.CSHAPE]!, 0) & mask;
      out[off + 2] = mix(22, cl, 0) & mask;
      out[off + 3] = mix(53, at[o + Attr.GAZ]!, 0) & mask;
      out[off + 4] = mix(54, at[o + Attr.COARSE]!, 0) & mask;
      return 5;
    case Role.PREV2:
      out[off] = mix(5, lo, 0) & mask;
      out[off + 1] = mix(39, cl, 0) & mask;
      return 2;
    default:
      out[off] = mix(6, lo, 0) & mask;
      out[off + 1] = mix(40, cl, 0) & mask;
      return 2;
  }
}

/**
 * Writes the {@link N_CONTEXT} keys of the {@link CONTEXT_TEMPLATES} of padded position `p` into
 * `out[0..N_CONTEXT)`: the templates combining several words, the tagger tags, the decisions
 * already made, the document memory and the sentence's casing. See {@link extractFeatures} for the arguments.
 */
export function contextKeys(at: Int32Array, pos: Int32Array, tags: Int32Array, mem: Int32Array, mode: number, p: number, mask: number, out: Uint32Array): void {
  const o0 = p * N_ATTRS;
  const om1 = o0 - N_ATTRS;
  const om2 = om1 - N_ATTRS;
  const op1 = o0 + N_ATTRS;
  const t1 = tags[p - 1]! + 2;
  const t2 = tags[p - 2]! + 2;
  const cs0 = at[o0 + Attr.CSHAPE]!;
  const lo0 = at[o0 + Attr.LOWER]!;
  const cl0 = at[o0 + Attr.CLUSTER]!;
  const m0 = mem[p]!;
  const first = p === PAD ? 1 : 0;
  out[0] = mix(10, mix(at[om1 + Attr.CSHAPE]!, cs0, 0), at[op1 + Attr.CSHAPE]!) & mask;
  out[1] = mix(14, t1, 0) & mask;
  out[2] = mix(15, t1, t2) & mask;
  out[3] = mix(16, t1, lo0) & mask;
  out[4] = mix(17, t1, cs0) & mask;
  out[5] = mix(18, at[om1 + Attr.LOWER]!, lo0) & mask;
  out[6] = mix(19, lo0, at[op1 + Attr.LOWER]!) & mask;
  out[7] = mix(24, pos[p]!, 0) & mask;
  out[8] = mix(25, pos[p - 1]!, pos[p]!) & mask;
  out[9] = mix(26, pos[p]!, pos[p + 1]!) & mask;
  out[10] = mix(27, m0, 0) & mask;
  out[11] = mix(28, m0, cs0) & mask;
  out[12] = mix(29, first, cs0) & mask;
  out[13] = mix(30, t1, cl0) & mask;
  out[14] = mix(31, at[om1 + Attr.CLUSTER]!, cl0) & mask;
  const cap0 = at[o0 + Attr.CAP]!;
  out[15] = mix(33, cap0 * 2 + first, cs0) & mask;
  out[16] = mix(34, mode, cs0) & mask;
  out[17] = mix(35, mode * 8 + cap0, cs0) & mask;
  out[18] = mix(36, at[om1 + Attr.LOWER]!, cs0) & mask;
  out[19] = mix(37, at[op1 + Attr.LOWER]!, cs0) & mask;
  out[20] = mix(38, at[om2 + Attr.LOWER]!, cs0) & mask;
  out[21] = mix(41, cl0, at[op1 + Attr.CLUSTER]!) & mask;
  // The capitalized name run the word starts or continues ("Housing Authority of New Orleans"):
  // its head word (the last one) says ORG/LOC/PER before a greedy decoder reaches it.
  let q = p;
  let len = 0;
  if (at[o0 + Attr.FIRST] === 1) {
    for (let r = p + 1; r < p + 8; r++) {
      const f = at[r * N_ATTRS + Attr.FIRST]!;
      if (f === 1) q = r;
      else if (f === 2 && isConnector(at[r * N_ATTRS + Attr.LOWER]!) && at[(r + 1) * N_ATTRS + Attr.FIRST] === 1) continue;
      else break;
    }
    len = Math.min(q - p + 1, 4);
  }
  const head = len ? at[q * N_ATTRS + Attr.LOWER]! : 0;
  out[22] = mix(42, head, 0) & mask;
  out[23] = mix(43, head, len) & mask;
  out[24] = mix(44, len ? at[q * N_ATTRS + Attr.SUF3]! : 0, len) & mask;
  out[25] = mix(45, head, t1) & mask;
  // Organization cues around the run, learned as context: the word after it ("... Inc", "... said",
  // "... 's"), the head's word cluster, and where in the run the word sits (first, inside, head).
  const after = len ? at[(q + 1) * N_ATTRS + Attr.LOWER]! : 0;
  out[26] = mix(46, after, len) & mask;
  out[27] = mix(47, len ? at[q * N_ATTRS + Attr.CLUSTER]! : 0, len) & mask;
  out[28] = mix(48, len ? (q === p ? 1 : 2) + (at[(p - 1) * N_ATTRS + Attr.FIRST] === 1 ? 2 : 0) : 0, head) & mask;
  // Gazetteer classes: of the run's head, and of the word with the next one ("new" + "york").
  out[29] = mix(55, len ? at[q * N_ATTRS + Attr.GAZ]! : 0, len) & mask;
  out[30] = mix(56, at[o0 + Attr.GAZ]!, at[op1 + Attr.GAZ]!) & mask;
}

/** Role offsets from a position: the word itself, 1 before, 1 after, 2 before, 2 after. */
export const ROLE_OFFSETS: readonly number[] = [0, -1, 1, -2, 2];
const roleScratch = new Uint32Array(16);
const contextScratch = new Uint32Array(N_CONTEXT);

/**
 * Writes the {@link N_FEATURES} hashed feature keys (masked by `mask`) of sentence position `p`
 * (padded: word i sits at p = i + PAD) into `out`, key t at `out[t]` for template t: the
 * {@link roleKeys} of the word and its neighbours plus the {@link contextKeys}. `at` holds N_ATTRS
 * attributes per padded position, `pos` a tagger tag hash per padded position (0 = none), `tags`
 * the classes already chosen (START = -1 before the sentence), `mem` the label remembered for the
 * word from earlier in the document (0 = none), `mode` the sentence's casing ({@link sentenceMode}).
 */
export function extractFeatures(at: Int32Array, pos: Int32Array, tags: Int32Array, mem: Int32Array, mode: number, p: number, mask: number, out: Uint32Array): void {
  for (let r = 0; r < N_ROLES; r++) {
    const n = roleKeys(r, at, (p + ROLE_OFFSETS[r]!) * N_ATTRS, mask, roleScratch, 0);
    const tpl = ROLE_TEMPLATES[r]!;
    for (let j = 0; j < n; j++) out[tpl[j]!] = roleScratch[j]!;
  }
  contextKeys(at, pos, tags, mem, mode, p, mask, contextScratch);
  for (let j = 0; j < N_CONTEXT; j++) out[CONTEXT_TEMPLATES[j]!] = contextScratch[j]!;
}

const CONNECTORS = new Set(['of', 'and', '&', 'for', 'de'].map(strHash));
/** Whether a lower-case word hash is a connector inside names ("Bank of America", "Johnson & Johnson"). */
function isConnector(lowerHash: number): boolean {
  return CONNECTORS.has(lowerHash);
}

/**
 * A sentence's casing: 1 when most of its (at least three) words start with a capital (a
 * headline), 2 when no word starts upper-case, 0 otherwise; `at` is the padded attribute block of n words.
 */
export function sentenceMode(at: Int32Array, n: number): number {
  let up = 0;
  let low = 0;
  for (let p = PAD; p < n + PAD; p++) {
    const f = at[p * N_ATTRS + Attr.FIRST];
    if (f === 1) up++;
    else if (f === 2) low++;
  }
  if (up === 0 && low > 0) return 2;
  return up + low >= 3 && up > 2 * low ? 1 : 0;
}

/**
 * Whether class `c` may follow class `prev` (-1 = sentence start) under BILUO, and may stand at
 * the sentence's last word when `last`.
 */
export function allowed(prev: number, c: number, last: boolean): boolean {
  const inside = prev > 0 && ((prev - 1) & 3) < 2; // prev is B or I: the entity must continue
  if (inside) {
    const k = (c - 1) & 3;
    if (c === 0 || ((c - 1) >> 2) !== ((prev - 1) >> 2)) return false;
    return last ? k === 2 : k === 1 || k === 2;
  }
  if (c === 0) return true;
  const k = (c - 1) & 3;
  if (k === 1 || k === 2) return false; // I or L without an open entity
  return !(last && k === 0); // a B needs a word after it
}
