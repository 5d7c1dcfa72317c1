/**
 * Feature extraction for the arc-eager parser: the templates of Zhang & Nivre (2011) — words and
 * tags of the stack top (S0), its head and grandhead, the buffer's first three words (N0..N2), the
 * leftmost/rightmost dependents and their labels, valency, distance and the label sets of S0 and
 * N0 — each hashed to one 32-bit integer. No strings or objects: words are 32-bit hashes of their
 * lower-cased form, tags and labels are small integer ids.
 *
 * The first {@link N_LABEL_FEATURES} features are the ones the label classifier uses (about the
 * arc between S0 and N0); the action classifier uses all {@link N_FEATURES}.
 */
import { fnv1a32 } from '../../util/hash.js';
import type { ParseState } from './transitions.js';

/** Number of features per parser state. */
export const N_FEATURES = 98;
/** The label classifier uses features 0..N_LABEL_FEATURES-1. */
export const N_LABEL_FEATURES = 46;

/**
 * Word clusters: a word's cluster code is a path in a three-level tree (16 x 4 x 16 leaves, see
 * `clusters.ts`), so `code >> 6` is its coarse cluster (4 bits), `code >> 4` its middle one (6 bits)
 * and `code` its leaf (10 bits), as Koo et al. (2008) use prefixes of Brown cluster paths.
 */
export const CLUSTER_LEAVES = 1024;
/** Cluster code of a word without a cluster, of a missing position and of the root (their prefixes differ from every real code's). */
export const UNK_CLUSTER = 0x7c00;
const NO_CLUSTER = 0x7800;
const ROOT_CLUSTER = 0x7400;
/**
 * Cluster codes of words without a cluster, by the shape of the word: numbers, punctuation and
 * symbols, capitalized words, web addresses, hyphenated words and clitics (`n't`, `'ve`). Their
 * prefixes differ from every real code's and from each other's.
 */
const SHAPE_NUMBER = 0x4000;
const SHAPE_SYMBOL = 0x4400;
const SHAPE_CAPITAL = 0x4800;
const SHAPE_WEB = 0x4c00;
const SHAPE_HYPHEN = 0x5000;
const SHAPE_CLITIC = 0x5400;

/**
 * The cluster code of a word the cluster table does not have: a code for its shape, else
 * {@link UNK_CLUSTER}. One pass over the characters, no regular expression.
 */
export function shapeCluster(form: string): number {
  let digits = 0, letters = 0, upper0 = false, hyphen = false, web = false;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c > 127) {
      letters++;
      if (i === 0 && c >= 65 && c <= 90) upper0 = true;
    } else if (c === 45) hyphen = true;
    else if (c === 64 || (c === 47 && i > 0 && form.charCodeAt(i - 1) === 58)) web = true;
  }
  if (web && letters > 0) return SHAPE_WEB;
  if (digits > 0) return SHAPE_NUMBER;
  if (letters === 0) return SHAPE_SYMBOL;
  const c0 = form.charCodeAt(0);
  if (c0 === 39 || c0 === 0x2019 || (form.length === 3 && (form === "n't" || form === "N'T" || form === 'n’t'))) return SHAPE_CLITIC;
  if (upper0) return SHAPE_CAPITAL;
  if (hyphen) return SHAPE_HYPHEN;
  return UNK_CLUSTER;
}

/** Word value of a missing position, and of the root. */
const NO_WORD = 0x7f4a7c15;
const ROOT_WORD = 0x2545f491;
/** Tag (and label) value of a missing position; the root's tag is {@link ROOT_TAG}. */
const NO_TAG = 0x3ff;
export const ROOT_TAG = 0x3fe;
const NO_LABEL = 0x3fd;

/** The word feature value of a form: a hash of its lower-cased text (never the reserved values). */
export function wordHash(form: string): number {
  const h = fnv1a32(form.toLowerCase()) | 0;
  return h === NO_WORD || h === ROOT_WORD ? h + 1 : h;
}

/**
 * Mixes a template id and up to three values into a 32-bit feature hash (MurmurHash3 rounds).
 */
function hash(t: number, a: number, b: number, c: number): number {
  let h = Math.imul(t + 1, 0x9e3779b1);
  let k = Math.imul(a, 0xcc9e2d51);
  h ^= Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  k = Math.imul(b, 0xcc9e2d51);
  h ^= Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  k = Math.imul(c, 0xcc9e2d51);
  h ^= Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Distance bucket between S0 and N0: 1, 2, 3, 4, 5-6, 7-9, 10+ (0 when either is missing or S0 is the root). */
function distance(s0: number, n0: number): number {
  if (s0 <= 0 || n0 < 0) return 0;
  const d = n0 - s0;
  return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7;
}

function wv(words: Int32Array, i: number): number {
  return i < 0 ? NO_WORD : i === 0 ? ROOT_WORD : words[i]!;
}

function pv(tags: Int32Array, i: number): number {
  return i < 0 ? NO_TAG : i === 0 ? ROOT_TAG : tags[i]!;
}

function cv(clus: Int32Array, i: number): number {
  return i < 0 ? NO_CLUSTER : i === 0 ? ROOT_CLUSTER : clus[i]!;
}

function lv(label: Int32Array, i: number): number {
  return i <= 0 || label[i]! < 0 ? NO_LABEL : label[i]!;
}

/**
 * Writes the {@link N_FEATURES} feature hashes of `st` into `out`. `words` and `tags` hold the
 * sentence's word hashes and tag ids at 1..n, `clus` their cluster codes (index 0, the root, is set
 * by the caller to anything; the root's values are fixed here).
 */
export function extractFeatures(st: ParseState, words: Int32Array, tags: Int32Array, clus: Int32Array, out: Int32Array): void {
  const n = st.n;
  const head = st.head;
  const label = st.label;
  const s0 = st.stack[st.sp - 1]!;
  const n0 = st.b <= n ? st.b : -1;
  const n1 = st.b + 1 <= n ? st.b + 1 : -1;
  const n2 = st.b + 2 <= n ? st.b + 2 : -1;
  const s0h = s0 > 0 ? head[s0]! : -1;
  const s0h2 = s0h > 0 ? head[s0h]! : -1;
  const s0l = s0 > 0 ? st.lc1[s0]! : -1;
  const s0l2 = s0 > 0 ? st.lc2[s0]! : -1;
  const s0r = s0 > 0 ? st.rc1[s0]! : -1;
  const s0r2 = s0 > 0 ? st.rc2[s0]! : -1;
  const n0l = n0 > 0 ? st.lc1[n0]! : -1;
  const n0l2 = n0 > 0 ? st.lc2[n0]! : -1;


  const s0w = wv(words, s0), s0p = pv(tags, s0), n0w = wv(words, n0), n0p = pv(tags, n0), n1w = wv(words, n1), n1p = pv(tags, n1), n2w = wv(words, n2), n2p = pv(tags, n2);
  const s0hp = pv(tags, s0h), s0lp = pv(tags, s0l), s0rp = pv(tags, s0r), n0lp = pv(tags, n0l);
  const d = distance(s0, n0);
  const s0vl = s0 > 0 ? Math.min(st.nl[s0]!, 7) : 0;
  const s0vr = s0 > 0 ? Math.min(st.nr[s0]!, 7) : 0;
  const n0vl = n0 > 0 ? Math.min(st.nl[n0]!, 7) : 0;
  const s0sl = s0 > 0 ? st.lsl0[s0]! ^ Math.imul(st.lsl1[s0]!, 0x9e3779b1) : 0;
  const s0sr = s0 > 0 ? st.lsr0[s0]! ^ Math.imul(st.lsr1[s0]!, 0x9e3779b1) : 0;
  const n0sl = n0 > 0 ? st.lsl0[n0]! ^ Math.imul(st.lsl1[n0]!, 0x9e3779b1) : 0;
  const s0ll = lv(label, s0l), s0rl = lv(label, s0r), n0ll = lv(label, n0l), s0l0 = lv(label, s0);
  const s0c = cv(clus, s0), n0c = cv(clus, n0), n1c = cv(clus, n1);
  const s0c4 = s0c >> 6, s0c6 = s0c >> 4, n0c4 = n0c >> 6, n0c6 = n0c >> 4, n1c4 = n1c >> 6, n1c6 = n1c >> 4;
  let i = 0;
  // --- label features (the arc between S0 and N0 and its surroundings) ---
  out[i++] = hash(i, s0w, 0, 0);
  out[i++] = hash(i, s0p, 0, 0);
  out[i++] = hash(i, s0w, s0p, 0);
  out[i++] = hash(i, n0w, 0, 0);
  out[i++] = hash(i, n0p, 0, 0);
  out[i++] = hash(i, n0w, n0p, 0);
  out[i++] = hash(i, s0w, n0w, 0);
  out[i++] = hash(i, s0p, n0p, 0);
  out[i++] = hash(i, s0w, s0p, n0p);
  out[i++] = hash(i, s0p, n0w, n0p);
  out[i++] = hash(i, s0w, n0p, 0);
  out[i++] = hash(i, s0p, n0w, 0);
  out[i++] = hash(i, s0p, n0p, d);
  out[i++] = hash(i, s0w, d, 0);
  out[i++] = hash(i, n0w, d, 0);
  out[i++] = hash(i, s0p, n0p, n1p);
  out[i++] = hash(i, s0hp, s0p, n0p);
  out[i++] = hash(i, s0p, s0lp, n0p);
  out[i++] = hash(i, s0p, s0rp, n0p);
  out[i++] = hash(i, s0p, n0p, n0lp);
  out[i++] = hash(i, s0p, s0ll, n0p);
  out[i++] = hash(i, s0p, s0rl, n0p);
  out[i++] = hash(i, s0p, n0p, n0ll);
  out[i++] = hash(i, s0p, s0sl, n0p);
  out[i++] = hash(i, s0p, s0sr, n0p);
  out[i++] = hash(i, s0p, n0p, n0sl);
  out[i++] = hash(i, s0p, s0vl, n0p);
  out[i++] = hash(i, s0p, s0vr, n0p);
  out[i++] = hash(i, s0p, n0p, n0vl);
  out[i++] = hash(i, s0l0, s0p, n0p);
  out[i++] = hash(i, n0w, n1p, 0);
  out[i++] = hash(i, n0p, n1p, 0);
  out[i++] = hash(i, s0w, n0w, n0p);
  out[i++] = hash(i, s0w, s0p, n0w);
  out[i++] = hash(i, pv(tags, s0 - 1 >= 1 ? s0 - 1 : -1), s0p, n0p);
  out[i++] = hash(i, s0p, n0p, pv(tags, n0 - 1 > s0 ? n0 - 1 : -1));
  // word clusters (label)
  out[i++] = hash(i, s0c6, 0, 0);
  out[i++] = hash(i, n0c6, 0, 0);
  out[i++] = hash(i, s0c, 0, 0);
  out[i++] = hash(i, n0c, 0, 0);
  out[i++] = hash(i, s0c4, n0c4, 0);
  out[i++] = hash(i, s0c6, n0c6, 0);
  out[i++] = hash(i, s0c6, n0p, 0);
  out[i++] = hash(i, s0p, n0c6, 0);
  out[i++] = hash(i, s0c, n0p, d);
  out[i++] = hash(i, s0p, n0c, d);
  // --- action-only features ---
  out[i++] = hash(i, n1w, 0, 0);
  out[i++] = hash(i, n1p, 0, 0);
  out[i++] = hash(i, n1w, n1p, 0);
  out[i++] = hash(i, n2w, 0, 0);
  out[i++] = hash(i, n2p, 0, 0);
  out[i++] = hash(i, n2w, n2p, 0);
  out[i++] = hash(i, s0w, s0p, n0w ^ Math.imul(n0p, 0x27d4eb2d));
  out[i++] = hash(i, n0p, n1p, n2p);
  out[i++] = hash(i, s0p, d, 0);
  out[i++] = hash(i, n0p, d, 0);
  out[i++] = hash(i, s0w, n0w, d);
  out[i++] = hash(i, s0w, s0vr, 0);
  out[i++] = hash(i, s0p, s0vr, 0);
  out[i++] = hash(i, s0w, s0vl, 0);
  out[i++] = hash(i, s0p, s0vl, 0);
  out[i++] = hash(i, n0w, n0vl, 0);
  out[i++] = hash(i, n0p, n0vl, 0);
  out[i++] = hash(i, wv(words, s0h), 0, 0);
  out[i++] = hash(i, s0hp, 0, 0);
  out[i++] = hash(i, s0l0, 0, 0);
  out[i++] = hash(i, wv(words, s0l), 0, 0);
  out[i++] = hash(i, s0lp, s0ll, 0);
  out[i++] = hash(i, wv(words, s0r), 0, 0);
  out[i++] = hash(i, s0rp, s0rl, 0);
  out[i++] = hash(i, wv(words, n0l), 0, 0);
  out[i++] = hash(i, n0lp, n0ll, 0);
  out[i++] = hash(i, wv(words, s0h2), 0, 0);
  out[i++] = hash(i, pv(tags, s0h2), lv(label, s0h), 0);
  out[i++] = hash(i, wv(words, s0l2), 0, 0);
  out[i++] = hash(i, pv(tags, s0l2), lv(label, s0l2), 0);
  out[i++] = hash(i, wv(words, s0r2), 0, 0);
  out[i++] = hash(i, pv(tags, s0r2), lv(label, s0r2), 0);
  out[i++] = hash(i, wv(words, n0l2), 0, 0);
  out[i++] = hash(i, pv(tags, n0l2), lv(label, n0l2), 0);
  out[i++] = hash(i, s0p, s0lp, pv(tags, s0l2));
  out[i++] = hash(i, s0p, s0rp, pv(tags, s0r2));
  out[i++] = hash(i, s0p, s0hp, pv(tags, s0h2));
  out[i++] = hash(i, n0p, n0lp, pv(tags, n0l2));
  out[i++] = hash(i, s0w, s0sr, 0);
  out[i++] = hash(i, n0w, n0sl, 0);
  // word clusters (action)
  out[i++] = hash(i, n1c6, 0, 0);
  out[i++] = hash(i, n1c, 0, 0);
  out[i++] = hash(i, s0c4, n0c4, n1c4);
  out[i++] = hash(i, s0p, n0c6, n1p);
  out[i++] = hash(i, n0c6, n1c6, 0);
  out[i++] = hash(i, cv(clus, s0h) >> 4, s0p, n0p);
  out[i++] = hash(i, cv(clus, n2) >> 4, 0, 0);
  out[i++] = hash(i, s0c, n0c, 0);
  out[i++] = hash(i, cv(clus, s0l) >> 4, s0p, n0p);
  out[i++] = hash(i, cv(clus, s0r) >> 4, s0p, n0p);
  out[i++] = hash(i, cv(clus, n0l) >> 4, s0p, n0p);
  out[i++] = hash(i, s0c6, n0c6, d);
}

/** Number of features {@link extractRightLabelFeatures} writes. */
export const N_RIGHT_LABEL_FEATURES = 46;
/** Template ids of the right-arc label features start here (apart from the state features' ids). */
const RIGHT_LABEL_TEMPLATE = 256;

/**
 * Writes the features that label a right arc `h -> d` once `d` leaves the stack (REDUCE), when
 * `d`'s subtree is complete: an arc-eager RIGHT-ARC is made before the dependent has its right
 * dependents, so its label is decided here rather than then (`ccomp`, `xcomp`, `advcl`, `obj`
 * and `conj`, `parataxis` hinge on what the dependent governs). `h` is a word (not the root).
 */
export function extractRightLabelFeatures(st: ParseState, h: number, d: number, words: Int32Array, tags: Int32Array, clus: Int32Array, out: Int32Array): void {
  const label = st.label;
  const n = st.n;
  const hw = words[h]!, hp = tags[h]!, dw = words[d]!, dp = tags[d]!;
  const dc = clus[d]!, hc = clus[h]!;
  const dc6 = dc >> 4, hc6 = hc >> 4;
  const hh = st.head[h]!;
  const hhp = pv(tags, hh);
  const hl = lv(label, h);
  const dl = st.lc1[d]!, dl2 = st.lc2[d]!, dr = st.rc1[d]!, dr2 = st.rc2[d]!;
  const dlw = wv(words, dl), dlp = pv(tags, dl), dll = lv(label, dl);
  const drw = wv(words, dr), drp = pv(tags, dr), drl = lv(label, dr);
  const dl2p = pv(tags, dl2), dl2l = lv(label, dl2), dr2p = pv(tags, dr2), dr2l = lv(label, dr2);
  const dsl = st.lsl0[d]! ^ Math.imul(st.lsl1[d]!, 0x9e3779b1);
  const dsr = st.lsr0[d]! ^ Math.imul(st.lsr1[d]!, 0x9e3779b1);
  const hsl = st.lsl0[h]! ^ Math.imul(st.lsl1[h]!, 0x9e3779b1);
  const dvl = Math.min(st.nl[d]!, 7), dvr = Math.min(st.nr[d]!, 7);
  const dist = distance(h, d);
  const prev = pv(tags, d - 1 > h ? d - 1 : -1);
  const next = st.b <= n ? st.b : -1;
  const nw = wv(words, next), np = pv(tags, next);
  let i = RIGHT_LABEL_TEMPLATE;
  let k = 0;
  out[k++] = hash(i++, dw, 0, 0);
  out[k++] = hash(i++, dp, 0, 0);
  out[k++] = hash(i++, dw, dp, 0);
  out[k++] = hash(i++, hw, 0, 0);
  out[k++] = hash(i++, hp, 0, 0);
  out[k++] = hash(i++, hw, hp, 0);
  out[k++] = hash(i++, hw, dw, 0);
  out[k++] = hash(i++, hp, dp, 0);
  out[k++] = hash(i++, hw, hp, dp);
  out[k++] = hash(i++, hp, dw, dp);
  out[k++] = hash(i++, hw, dp, 0);
  out[k++] = hash(i++, hp, dw, 0);
  out[k++] = hash(i++, hp, dp, dist);
  out[k++] = hash(i++, dw, dist, 0);
  out[k++] = hash(i++, hl, hp, dp);
  out[k++] = hash(i++, hhp, hp, dp);
  out[k++] = hash(i++, hp, dp, dlp);
  out[k++] = hash(i++, hp, dp, dll);
  out[k++] = hash(i++, dp, dlw, 0);
  out[k++] = hash(i++, dw, dlw, 0);
  out[k++] = hash(i++, hw, dlw, 0);
  out[k++] = hash(i++, hp, dlw, dll);
  out[k++] = hash(i++, hp, dp, drp);
  out[k++] = hash(i++, hp, dp, drl);
  out[k++] = hash(i++, dp, drw, 0);
  out[k++] = hash(i++, dw, drw, 0);
  out[k++] = hash(i++, hp, drw, drl);
  out[k++] = hash(i++, dp, dl2p, dl2l);
  out[k++] = hash(i++, dp, dr2p, dr2l);
  out[k++] = hash(i++, hp, dp, dsl);
  out[k++] = hash(i++, hp, dp, dsr);
  out[k++] = hash(i++, dw, dsl, 0);
  out[k++] = hash(i++, dw, dsr, 0);
  out[k++] = hash(i++, dsl, dsr, dp);
  out[k++] = hash(i++, hp, dp, hsl);
  out[k++] = hash(i++, dp, dvl, dvr);
  out[k++] = hash(i++, hp, dp, prev);
  out[k++] = hash(i++, hp, dp, np);
  out[k++] = hash(i++, dp, nw, 0);
  out[k++] = hash(i++, hl, dp, dll);
  out[k++] = hash(i++, dc6, 0, 0);
  out[k++] = hash(i++, dc, 0, 0);
  out[k++] = hash(i++, hc6, dc6, 0);
  out[k++] = hash(i++, hp, dc6, 0);
  out[k++] = hash(i++, hc6, dp, 0);
  out[k++] = hash(i++, hp, dc, dist);
}
