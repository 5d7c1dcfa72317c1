/**
 * The tagger's per-vocab cache: per word type its feature attribute ids, single-template weights,
 * candidate and dictionary classes (filled once per type by the model), plus the table of adjacent
 * type pairs with their summed word-word template weights, built on demand.
 */
import { grow } from '../../util/typed.js';
import { hashKey, key1 } from './feature-table.js';
import { findSlots, type PackedTagger } from './kernel.js';
import { N_FEATURE_ATTRS } from './features.js';

/** Initial size of the per-vocab pair table (kept at most half full). */
const PAIR_CAP0 = 1 << 12;
/** Default largest pair-table size before it is cleared (bounded memory on endless streams). */
export const PAIR_CAP_MAX = 1 << 21;

/** Initial number of type slots of a new {@link VocabCache}. */
export const SLOT_CAP0 = 1 << 10;
/**
 * Default largest number of type slots (about 1 KB each with the shipped model): past it the
 * slots start over, so a long stream's cache stays bounded whatever its vocabulary.
 */
export const SLOT_CAP_MAX = 1 << 14;

/**
 * Per-vocab cache, filled once per word type. Each type seen gets a compact slot (row): slot 0 is
 * "before the start", 1 "after the end", words from 2 on in order of first use; per slot its
 * attribute ids, summed single-template weights, tag-dictionary class. When the slots run out
 * they are all released together with the pair table (keyed by slots) and refilled on demand.
 */
export interface VocabCache {
  /** orth -> slot (valid only when `slotOrth[slot] === orth` and slot < `nSlots`). */
  slotOf: Int32Array;
  /** slot -> orth. */
  slotOrth: Int32Array;
  /** Slots in use (2 = none but the padding rows). */
  nSlots: number;
  /** Uses of each slot since it was filled or last kept (halved when kept). */
  hits: Int32Array;
  attrs: Int32Array;
  /** Summed single-template weights per (type, offset, class); see `decodePacked`. */
  vec: Int32Array;
  /** Candidate classes per type (see `CAND_STRIDE`). */
  cand: Int32Array;
  dict: Int32Array;
  /** Per (type, tag-word template): offset of its tag list in the model's `twLists` (0 = none). */
  twOff: Int32Array;
  /**
   * Adjacent type pairs seen so far, open addressing with slots `[typeA, typeB, entry, 0]`
   * (one cache line holds a whole slot); entry is an offset in `pd`, -1 = no rows, 0 = empty slot.
   */
  pairTab: Int32Array;
  pairCount: number;
  /** Pair entries: 4 bounds (one block per role) then each role's summed packed weights. */
  pd: Int32Array;
  pdLen: number;
  tagIds: Uint32Array;
  posIds: Uint32Array;
}

/** Scratch of a batched slot lookup ({@link findSlots}): keys in, slot offsets out, one per template. */
export interface PairLookup {
  k1s: Int32Array;
  k2s: Int32Array;
  /** What each key stands for (a template's place in its list). */
  tpl: Int32Array;
  found: Int32Array;
}

/** The empty pair table of a new {@link VocabCache}. */
export function emptyPairTable(): Pick<VocabCache, 'pairTab' | 'pairCount' | 'pd' | 'pdLen'> {
  return { pairTab: new Int32Array(PAIR_CAP0 * 4), pairCount: 0, pd: new Int32Array(1 << 16), pdLen: 1 };
}

/** Releases every pair entry (the slots they are keyed by are about to be reused). */
export function clearPairs(c: VocabCache): void {
  Object.assign(c, emptyPairTable());
}

/** Pair entries past this many ints are dropped rather than kept when slots are compacted. */
const PD_KEEP_MAX = 1 << 22;

/**
 * After the word slots were compacted (`newOf[old slot]` = new slot, -1 = released; the padding
 * slots 0 and 1 stay), keeps the pairs of two kept slots under their new keys and drops the rest;
 * when the pair entries have grown past PD_KEEP_MAX ints they are all released instead.
 */
export function remapPairs(c: VocabCache, newOf: Int32Array): void {
  if (c.pdLen > PD_KEEP_MAX) {
    clearPairs(c);
    return;
  }
  const old = c.pairTab;
  const tab = new Int32Array(old.length);
  const mask = (old.length >> 2) - 1;
  let count = 0;
  for (let i = 0; i < old.length; i += 4) {
    if (old[i + 2] === 0) continue;
    const a = old[i]! < 2 ? old[i]! : newOf[old[i]!]!;
    const b = old[i + 1]! < 2 ? old[i + 1]! : newOf[old[i + 1]!]!;
    if (a < 0 || b < 0) continue;
    let s = hashKey(a, b) & mask;
    while (tab[s * 4 + 2] !== 0) s = (s + 1) & mask;
    tab[s * 4] = a;
    tab[s * 4 + 1] = b;
    tab[s * 4 + 2] = old[i + 2]!;
    count++;
  }
  c.pairTab = tab;
  c.pairCount = count;
}

/** Makes room for `n` new pairs: doubles the pair table, or clears it past `capMax` slots. */
export function reservePairs(c: VocabCache, n: number, capMax: number): void {
  const size = c.pairTab.length >> 2;
  if ((c.pairCount + n) * 2 <= size) return;
  if (size * 2 > capMax || (c.pairCount + n) * 2 > capMax) {
    // Bounded memory on endless streams: start over (entries are rebuilt on demand).
    let cap = PAIR_CAP0;
    while (n * 2 > cap) cap *= 2;
    c.pairTab = new Int32Array(cap * 4);
    c.pairCount = 0;
    c.pd = new Int32Array(1 << 16);
    c.pdLen = 1;
    return;
  }
  let cap = size * 2;
  while ((c.pairCount + n) * 2 > cap) cap *= 2;
  const tab = new Int32Array(cap * 4);
  const old = c.pairTab;
  for (let i = 0; i < old.length; i += 4) {
    if (old[i + 2] === 0) continue;
    let s = hashKey(old[i]!, old[i + 1]!) & (cap - 1);
    while (tab[s * 4 + 2] !== 0) s = (s + 1) & (cap - 1);
    tab.set(old.subarray(i, i + 4), s * 4);
  }
  c.pairTab = tab;
}

/**
 * The entry of adjacent types (a, b): for each role r (the pair at offsets r-1, r), the summed
 * weights of the word-word templates on it, so decoding needs one probe per pair instead of one
 * hashed lookup per template. `spec` holds the word-word templates as [template, role, attr1,
 * onB1, attr2, onB2]; `acc` is a zeroed scratch row of one value per class, left zeroed.
 * Returns the entry's offset in `c.pd`, or 0 when no template has a row.
 */
export function pairEntry(c: VocabCache, a: number, b: number, spec: Int32Array, packed: PackedTagger, acc: Int32Array, look: PairLookup): number {
  const tab = c.pairTab;
  const mask = (tab.length >> 2) - 1;
  let s = hashKey(a, b) & mask;
  for (;;) {
    const v = tab[s * 4 + 2]!;
    if (v === 0) break;
    if (tab[s * 4] === a && tab[s * 4 + 1] === b) return v < 0 ? 0 : v;
    s = (s + 1) & mask;
  }
  const slots = packed.slots;
  const data = packed.data;
  const nC = acc.length;
  // Worst case: every class of every role, each split in two (see below).
  // Past its first size, straight to PD_KEEP_MAX ints (doubling would copy the entries into
  // fresh memory each time; the untouched end costs no memory).
  if (c.pdLen + 4 + 6 * nC > c.pd.length) c.pd = grow(c.pd, Math.max(c.pdLen + 4 + 6 * nC, PD_KEEP_MAX));
  const pd = c.pd;
  const off = c.pdLen;
  // The slots of every template with both values looked up at once (their reads overlap); key i
  // is that of template spec[6 * tpl[i]].
  const { k1s, k2s, tpl, found: slotAt } = look;
  let m = 0;
  for (let q = 0; q < spec.length; q += 6) {
    const v1 = c.attrs[(spec[q + 3] ? b : a) * N_FEATURE_ATTRS + spec[q + 2]!]!;
    const v2 = c.attrs[(spec[q + 5] ? b : a) * N_FEATURE_ATTRS + spec[q + 4]!]!;
    if (v1 === 0 || v2 === 0) continue;
    k1s[m] = key1(spec[q]!, v1) | 0;
    k2s[m] = v2;
    tpl[m++] = q;
  }
  findSlots(packed, k1s, k2s, m, slotAt);
  let w = off + 4;
  for (let role = 0; role < 3; role++) {
    pd[off + role] = w;
    let any = false;
    for (let i = 0; i < m; i++) {
      if (spec[tpl[i]! + 1] !== role) continue;
      const o = slotAt[i]!;
      if (o < 0) continue;
      for (let j = slots[o + 2]!; j < slots[o + 3]!; j++) acc[data[j]! & 255] += data[j]! >> 8;
      any = true;
    }
    if (!any) continue;
    // The role's rows summed per class and stored inline, so decoding reads one block.
    for (let cl = 0; cl < nC; cl++) {
      let v = acc[cl]!;
      if (v === 0) continue;
      acc[cl] = 0;
      // Packed entries hold a 24-bit signed value: split larger sums.
      if (v > 0x7fffff || v < -0x7fffff) {
        const part = v > 0 ? 0x7fffff : -0x7fffff;
        pd[w++] = (part << 8) | cl;
        v -= part;
      }
      pd[w++] = (v << 8) | cl;
    }
  }
  pd[off + 3] = w;
  const found = w > off + 4;
  if (found) c.pdLen = w;
  tab[s * 4] = a;
  tab[s * 4 + 1] = b;
  tab[s * 4 + 2] = found ? off : -1;
  c.pairCount++;
  return found ? off : 0;
}
