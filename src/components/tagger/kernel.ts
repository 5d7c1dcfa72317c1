/**
 * The run-time decoding kernel. Weights are quantized to integers and packed with their class
 * as `value << 8 | class` in one Int32Array, row by row; the hash slots hold
 * `[key1, key2, start, end]` side by side, so a feature costs one probe and one contiguous read.
 * Word-type data (attribute ids, rows of single-atom templates) lives in per-type tables indexed
 * through `typeRow[p]`, so nothing is copied per token. Typed arrays and integers only.
 */
import { FeatureAttr, N_FEATURE_ATTRS, PAD } from './features.js';
import { hashKey, key1, type FeatureTable } from './feature-table.js';
import { TAG_BASE, TAG_START } from './perceptron.js';

/** Sparse rows of float weights (row r owns entries rowStart[r]..rowStart[r+1]). */
export interface SparseWeights {
  rowStart: Uint32Array;
  cls: Uint8Array;
  val: Float32Array;
}

/** Converts dense row-major weights (`rows * nC`) to sparse rows, dropping zeros. */
export function sparsify(dense: Float32Array, rows: number, nC: number): SparseWeights {
  let nnz = 0;
  for (let i = 0; i < rows * nC; i++) if (dense[i] !== 0) nnz++;
  const rowStart = new Uint32Array(rows + 1);
  const cls = new Uint8Array(nnz);
  const val = new Float32Array(nnz);
  let j = 0;
  for (let r = 0; r < rows; r++) {
    rowStart[r] = j;
    for (let c = 0; c < nC; c++) {
      const w = dense[r * nC + c]!;
      if (w !== 0) {
        cls[j] = c;
        val[j++] = w;
      }
    }
  }
  rowStart[rows] = j;
  return { rowStart, cls, val };
}

/** Scale that maps the largest |weight| to 32767 (the model file's int16 range). */
export function quantScale(w: SparseWeights): number {
  let max = 0;
  for (let i = 0; i < w.val.length; i++) max = Math.max(max, Math.abs(w.val[i]!));
  return max > 0 ? 32767 / max : 1;
}

/** Hash bits indexing the presence filter. */
export const FILTER_BITS = 23;
const FILTER_MASK = (1 << FILTER_BITS) - 1;

/** A model packed for decoding. */
export interface PackedTagger {
  nC: number;
  /** `value << 8 | class` entries, row by row. */
  data: Int32Array;
  /** Hash slots `[key1, key2, start, end]`; end = 0 marks an empty slot. */
  slots: Int32Array;
  mask: number;
  /**
   * One bit per value of the low FILTER_BITS hash bits, set where some key hashes: most absent
   * features are rejected here (1 MB, cache-resident) without touching the slots.
   */
  filter: Uint32Array;
  /** Integer bias per class. */
  bias: Int32Array;
  /** Offset of each single-atom word template. */
  uniOff: Int32Array;
  /** Other templates as [templateIndex, attr1, off1, attr2, off2] quintuples. */
  general: Int32Array;
  /**
   * Summed weights of the templates over the two previous tags only, per (tag[p-1], tag[p-2])
   * with tag values 0..nC+1: `tagVec[(t1 * (nC + 2) + t2) * nC + c]`.
   */
  tagVec: Int32Array;
}

/** Packs a feature table plus sparse weights (rows with no weight are left out). */
export function packTagger(table: FeatureTable, w: SparseWeights, nC: number, biasRow: number, uniOff: Int32Array, general: Int32Array): { packed: PackedTagger; rowRange: Int32Array } {
  const scale = quantScale(w);
  const rows = table.size;
  const data = new Int32Array(w.val.length);
  const rowRange = new Int32Array(rows * 2);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    rowRange[r * 2] = k;
    for (let j = w.rowStart[r]!; j < w.rowStart[r + 1]!; j++) {
      const q = Math.round(w.val[j]! * scale);
      if (q !== 0) data[k++] = (q << 8) | w.cls[j]!;
    }
    rowRange[r * 2 + 1] = k;
  }
  let cap = 16;
  while (cap < rows * 2) cap *= 2;
  const slots = new Int32Array(cap * 4);
  const mask = cap - 1;
  const filter = new Uint32Array(1 << (FILTER_BITS - 5));
  for (let r = 0; r < rows; r++) {
    const start = rowRange[r * 2]!;
    const end = rowRange[r * 2 + 1]!;
    if (end === start) continue;
    const k1 = table.rowKey1[r]!;
    const k2 = table.rowKey2[r]!;
    const h = hashKey(k1, k2);
    filter[(h & FILTER_MASK) >>> 5] |= 1 << (h & 31);
    let s = h & mask;
    while (slots[s * 4 + 3] !== 0) s = (s + 1) & mask;
    slots[s * 4] = k1 | 0;
    slots[s * 4 + 1] = k2 | 0;
    slots[s * 4 + 2] = start;
    slots[s * 4 + 3] = end;
  }
  const bias = new Int32Array(nC);
  if (biasRow >= 0) for (let j = rowRange[biasRow * 2]!; j < rowRange[biasRow * 2 + 1]!; j++) bias[data[j]! & 255] += data[j]! >> 8;
  return { packed: { nC, data: data.subarray(0, k), slots, mask, filter, bias, uniOff, general, tagVec: new Int32Array((nC + TAG_BASE) * (nC + TAG_BASE) * nC) }, rowRange };
}

/** The slot offset (index of `[key1, key2, start, end]`) of a feature, or -1 when absent. */
export function findSlot(m: PackedTagger, k1: number, k2: number): number {
  const h = hashKey(k1 >>> 0, k2);
  if ((m.filter[(h & FILTER_MASK) >>> 5]! & (1 << (h & 31))) === 0) return -1;
  let s = h & m.mask;
  for (;;) {
    const o = s * 4;
    if (m.slots[o + 3] === 0) return -1;
    if (m.slots[o] === k1 && m.slots[o + 1] === k2) return o;
    s = (s + 1) & m.mask;
  }
}

/**
 * {@link findSlot} for keys `k1s[i], k2s[i]` (i < n) at once, into `out[i]` (-1 when absent): the
 * filter reads of every key first, then the slot probes of those that pass, so that the reads of
 * different keys overlap instead of following one another.
 */
export function findSlots(m: PackedTagger, k1s: Int32Array, k2s: Int32Array, n: number, out: Int32Array): void {
  const { filter, slots, mask } = m;
  for (let i = 0; i < n; i++) {
    const h = hashKey(k1s[i]! >>> 0, k2s[i]!);
    out[i] = (filter[(h & FILTER_MASK) >>> 5]! & (1 << (h & 31))) === 0 ? -1 : h & mask;
  }
  for (let i = 0; i < n; i++) {
    let s = out[i]!;
    if (s < 0) continue;
    const k1 = k1s[i]!;
    const k2 = k2s[i]!;
    for (;;) {
      const o = s * 4;
      if (slots[o + 3] === 0) {
        out[i] = -1;
        break;
      }
      if (slots[o] === k1 && slots[o + 1] === k2) {
        out[i] = o;
        break;
      }
      s = (s + 1) & mask;
    }
  }
}

/** Slots per type in the candidate table: a count (0 = every class) then up to MAX_CANDIDATES classes. */
export const MAX_CANDIDATES = 7;
/** Stride of the candidate table. */
export const CAND_STRIDE = MAX_CANDIDATES + 1;

/** Word positions whose single-atom templates are folded into per-type vectors: offsets -2..+2. */
export const N_OFFSETS = 5;

// Scratch of `decodePacked`'s other templates: per template passing the filter its key and first
// slot, then per template found its row's range.
let genKey = new Int32Array(0);
let genRow = new Int32Array(0);

/**
 * Greedy left-to-right decoding of `n` tokens. Position p = i + PAD reads word type
 * `typeRow[p]` (0 = before the start, 1 = after the end, others from the per-vocab cache).
 * `typeVec[(t * N_OFFSETS + o + 2) * nC + c]` is the summed weight for class c of every
 * single-atom word template at offset o when type t sits at that offset (the bias folded into
 * o = 0), so the word part of a score is five contiguous vector reads; `typeAttrs[t * N_FEATURE_ATTRS + a]`
 * are the type's model string ids for the pair templates. `dict[p]` is a class fixed by the tag
 * dictionary or -1. Templates pairing a previous tag with a word attribute (`twSpec` quads
 * [template, attr, wordOffset, tagOffset]) need no hashing: the type at the word offset points,
 * via `twOff[type * nTW + k]` (0 = no rows), at its tag list in `tl`: `[m, tags * m, (start,
 * end) * m]` scanned in ascending tag order, or `[-1, (start, end) * nT]` indexed by tag, where
 * (start, end) is the range of the row's packed weights in `tl` itself. Word-word templates on adjacent positions come from
 * `pairs[j]` (the entry of types j, j + 1 in `pd`, 0 = none): role r of the entry at p - 1 + r
 * has its summed packed weights in `pd[pd[e + r] .. pd[e + r + 1])`. Writes class + TAG_BASE to `tags[p]`.
 */
export function decodePacked(m: PackedTagger, typeAttrs: Int32Array, typeVec: Int32Array, typeCand: Int32Array, tl: Int32Array, twOff: Int32Array, twSpec: Int32Array, pd: Int32Array, pairs: Int32Array, usePairs: boolean, typeRow: Int32Array, dict: Int32Array, tags: Int32Array, n: number, scores: Int32Array): void {
  const { nC, data, slots, mask, filter, general, tagVec } = m;
  const nTW = twSpec.length >> 2;
  const nT = nC + TAG_BASE;
  const nGen = general.length / 5;
  const span = N_OFFSETS * nC;
  if (genKey.length < nGen * 3) {
    genKey = new Int32Array(nGen * 3);
    genRow = new Int32Array(nGen * 2);
  }
  tags[0] = TAG_START;
  tags[1] = TAG_START;
  scores.fill(0);
  for (let p = PAD; p < n + PAD; p++) {
    const fixed = dict[p]!;
    if (fixed >= 0) {
      tags[p] = fixed + TAG_BASE;
      continue;
    }
    for (let k = 0; k < nTW; k++) {
      const off = twOff[typeRow[p + twSpec[k * 4 + 2]!]! * nTW + k]!;
      if (off === 0) continue;
      const td = tags[p + twSpec[k * 4 + 3]!]!;
      const len = tl[off]!;
      let s = 0;
      let e = 0;
      if (len < 0) {
        s = tl[off + 1 + td * 2]!;
        e = tl[off + 2 + td * 2]!;
      } else {
        for (let i = 0; i < len; i++) {
          const tg = tl[off + 1 + i]!;
          if (tg < td) continue;
          if (tg === td) {
            s = tl[off + 1 + len + i * 2]!;
            e = tl[off + 2 + len + i * 2]!;
          }
          break;
        }
      }
      for (let j = s; j < e; j++) {
        const d = tl[j]!;
        scores[d & 255] += d >> 8;
      }
    }
    if (usePairs) {
      for (let r = 0; r < 3; r++) {
        const e = pairs[p - 1 + r]!;
        if (e === 0) continue;
        for (let q = pd[e + r]!, qe = pd[e + r + 1]!; q < qe; q++) {
          const d = pd[q]!;
          scores[d & 255] += d >> 8;
        }
      }
    }
    // The other templates in three passes, so that the reads of all of them overlap instead of
    // following one another: hash and filter, then probe the slots, then sum the rows.
    let nHit = 0;
    for (let g = 0; g < nGen; g++) {
      const q = g * 5;
      const a1 = general[q + 1]!;
      const v1 = a1 === FeatureAttr.TAG ? tags[p + general[q + 2]!]! : typeAttrs[typeRow[p + general[q + 2]!]! * N_FEATURE_ATTRS + a1]!;
      if (v1 === 0) continue;
      const a2 = general[q + 3]!;
      let v2 = 0;
      if (a2 >= 0) {
        v2 = a2 === FeatureAttr.TAG ? tags[p + general[q + 4]!]! : typeAttrs[typeRow[p + general[q + 4]!]! * N_FEATURE_ATTRS + a2]!;
        if (v2 === 0) continue;
      }
      const k1 = key1(general[q]!, v1) | 0;
      const h = hashKey(k1 >>> 0, v2);
      if ((filter[(h & FILTER_MASK) >>> 5]! & (1 << (h & 31))) === 0) continue;
      genKey[nHit * 3] = k1;
      genKey[nHit * 3 + 1] = v2;
      genKey[nHit * 3 + 2] = h & mask;
      nHit++;
    }
    let nRow = 0;
    for (let i = 0; i < nHit; i++) {
      const k1 = genKey[i * 3]!;
      const v2 = genKey[i * 3 + 1]!;
      let s = genKey[i * 3 + 2]!;
      for (;;) {
        const o = s * 4;
        const e = slots[o + 3]!;
        if (e === 0) break;
        if (slots[o] === k1 && slots[o + 1] === v2) {
          genRow[nRow * 2] = slots[o + 2]!;
          genRow[nRow * 2 + 1] = e;
          nRow++;
          break;
        }
        s = (s + 1) & mask;
      }
    }
    for (let i = 0; i < nRow; i++) {
      for (let j = genRow[i * 2]!, e = genRow[i * 2 + 1]!; j < e; j++) {
        const d = data[j]!;
        scores[d & 255] += d >> 8;
      }
    }
    // The sparse features above were added into zeroed scores; now the dense part, fused with
    // the argmax, which leaves `scores` zeroed again for the next token.
    const b0 = typeRow[p - 2]! * span;
    const b1 = typeRow[p - 1]! * span + nC;
    const b2 = typeRow[p]! * span + 2 * nC;
    const b3 = typeRow[p + 1]! * span + 3 * nC;
    const b4 = typeRow[p + 2]! * span + 4 * nC;
    const bt = (tags[p - 1]! * nT + tags[p - 2]!) * nC;
    // A frequent word is only scored on the classes it had in training (its candidates).
    const cb = typeRow[p]! * CAND_STRIDE;
    const nCand = typeCand[cb]!;
    let best = 0;
    if (nCand === 0) {
      let bestScore = scores[0]! + typeVec[b0]! + typeVec[b1]! + typeVec[b2]! + typeVec[b3]! + typeVec[b4]! + tagVec[bt]!;
      scores[0] = 0;
      for (let c = 1; c < nC; c++) {
        const v = scores[c]! + typeVec[b0 + c]! + typeVec[b1 + c]! + typeVec[b2 + c]! + typeVec[b3 + c]! + typeVec[b4 + c]! + tagVec[bt + c]!;
        scores[c] = 0;
        if (v > bestScore) {
          bestScore = v;
          best = c;
        }
      }
    } else {
      best = typeCand[cb + 1]!;
      let bestScore = scores[best]! + typeVec[b0 + best]! + typeVec[b1 + best]! + typeVec[b2 + best]! + typeVec[b3 + best]! + typeVec[b4 + best]! + tagVec[bt + best]!;
      for (let k = 2; k <= nCand; k++) {
        const c = typeCand[cb + k]!;
        const v = scores[c]! + typeVec[b0 + c]! + typeVec[b1 + c]! + typeVec[b2 + c]! + typeVec[b3 + c]! + typeVec[b4 + c]! + tagVec[bt + c]!;
        if (v > bestScore || (v === bestScore && c < best)) {
          bestScore = v;
          best = c;
        }
      }
      // The sparse adds may have touched any class.
      scores.fill(0);
    }
    tags[p] = best + TAG_BASE;
  }
}
