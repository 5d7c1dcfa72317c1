/**
 * The entity recognizer's decoding kernel: greedy left-to-right BILUO decoding of one padded
 * sentence under the BILUO transition rules. Two speed-ups, both exact (integer weights, so the
 * scores equal a plain sum over every feature):
 * - the weights of the templates that read one word type only ({@link roleKeys}) are summed once
 *   per type and role into a score vector, cached by the caller per lexeme: a token then costs
 *   five short vector adds for 26 of the 57 templates;
 * - the remaining keys are looked up in a {@link WeightIndex}: a bitset of non-empty hash buckets,
 *   so an empty bucket costs one read in a table small enough for the cache, and a non-empty one a
 *   popcount, a hop over its neighbours' rows and a short contiguous scan of `value << 8 | class` entries.
 * Typed arrays and integers only; no allocation.
 */
import { allowed, contextKeys, N_CONTEXT, N_ROLES, PAD, roleKeys, sentenceMode } from './features.js';

/**
 * Packed weights addressed through a bitset of non-empty buckets: bucket b is non-empty when bit b
 * of `bits[2 * (b >>> 5)]` is set. The rows of one bitset word's buckets lie one after the other
 * in `data` from `bits[2 * (b >>> 5) + 1]`, each a length then that many `value << 8 | class`
 * entries; a bucket's row is reached by skipping the rows of the set bits below it (1.7 rows per
 * word on average, on the same cache lines). So a lookup reads one line of `bits` and the row
 * itself, with no table of row starts in between.
 */
export interface WeightIndex {
  bits: Uint32Array;
  data: Int32Array;
  nC: number;
  mask: number;
}

/** Builds the index from per-bucket row starts (length 2^bits + 1) and the packed entries. */
export function buildWeightIndex(rowStart: Uint32Array, data: Int32Array, nC: number): WeightIndex {
  const size = rowStart.length - 1;
  const words = Math.ceil(size / 32);
  const bits = new Uint32Array(2 * words);
  let nRows = 0;
  for (let b = 0; b < size; b++) if (rowStart[b + 1]! > rowStart[b]!) nRows++;
  const out = new Int32Array(rowStart[size]! - rowStart[0]! + nRows);
  let o = 0;
  for (let w = 0; w < words; w++) {
    bits[2 * w + 1] = o;
    let mask = 0;
    for (let b = w * 32, e = Math.min(size, b + 32); b < e; b++) {
      const from = rowStart[b]!;
      const to = rowStart[b + 1]!;
      if (to === from) continue;
      mask |= 1 << (b & 31);
      out[o++] = to - from;
      for (let j = from; j < to; j++) out[o++] = data[j]!;
    }
    bits[2 * w] = mask;
  }
  return { bits, data: out, nC, mask: size - 1 };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** The offset in `ix.data` of bucket `b`'s row (its length, then its entries), or -1 when empty. */
function rowOf(ix: WeightIndex, b: number): number {
  const w = 2 * (b >>> 5);
  const word = ix.bits[w]!;
  const bit = b & 31;
  if (((word >>> bit) & 1) === 0) return -1;
  const data = ix.data;
  let j = ix.bits[w + 1]!;
  for (let k = popcount(word & ((1 << bit) - 1)); k > 0; k--) j += data[j]! + 1;
  return j;
}

/** Adds the weights of bucket `b` to `scores[off..off + nC)`. */
function addRow(ix: WeightIndex, b: number, scores: Int32Array, off: number): void {
  const j = rowOf(ix, b);
  if (j < 0) return;
  const data = ix.data;
  for (let e = j + 1 + data[j]!, q = j + 1; q < e; q++) {
    const d = data[q]!;
    scores[off + (d & 255)] += d >> 8;
  }
}

/** Scratch buffers one decoder reuses across sentences. */
export interface Scratch {
  feats: Uint32Array;
  scores: Int32Array;
  /** {@link allowed} precomputed: `trans[((prev + 1) * 2 + last) * nC + c]` is 1 when allowed. */
  trans: Uint8Array;
}

/** Fresh scratch buffers for `nC` classes. */
export function newScratch(nC: number): Scratch {
  const trans = new Uint8Array((nC + 1) * 2 * nC);
  for (let prev = -1; prev < nC; prev++) {
    for (let last = 0; last < 2; last++) for (let c = 0; c < nC; c++) trans[((prev + 1) * 2 + last) * nC + c] = allowed(prev, c, last === 1) ? 1 : 0;
  }
  return { feats: new Uint32Array(16), scores: new Int32Array(nC), trans };
}

/**
 * Writes the score vectors of one word type (attributes `at[o..o + N_ATTRS)`) for every role into
 * `out[off .. off + N_ROLES * nC)`, role r at `off + r * nC`.
 */
export function typeVectors(ix: WeightIndex, at: Int32Array, o: number, out: Int32Array, off: number, s: Scratch): void {
  const nC = ix.nC;
  out.fill(0, off, off + N_ROLES * nC);
  for (let r = 0; r < N_ROLES; r++) {
    const n = roleKeys(r, at, o, ix.mask, s.feats, 0);
    for (let j = 0; j < n; j++) addRow(ix, s.feats[j]!, out, off + r * nC);
  }
}

const contextFeats = new Uint32Array(N_CONTEXT);
const rowAt = new Int32Array(N_CONTEXT);

/**
 * Decodes words PAD..PAD+n-1 of a padded sentence, writing classes to `tags[p]` (tags[0..PAD)
 * must hold -1). `vec` holds the {@link typeVectors} of every padded position (stride
 * N_ROLES * nC); see `extractFeatures` in `features.ts` for `at`, `pos` and `mem`.
 */
export function decodeSentence(ix: WeightIndex, at: Int32Array, vec: Int32Array, pos: Int32Array, mem: Int32Array, tags: Int32Array, n: number, s: Scratch): void {
  const { scores, trans } = s;
  const nC = ix.nC;
  const stride = N_ROLES * nC;
  const end = n + PAD;
  const mode = sentenceMode(at, n);
  const feats = contextFeats;
  for (let p = PAD; p < end; p++) {
    contextKeys(at, pos, tags, mem, mode, p, ix.mask, feats);
    // Roles in order SELF, PREV1, NEXT1, PREV2, NEXT2: each reads its own row of that word's vectors.
    const v0 = p * stride;
    const v1 = (p - 1) * stride + nC;
    const v2 = (p + 1) * stride + 2 * nC;
    const v3 = (p - 2) * stride + 3 * nC;
    const v4 = (p + 2) * stride + 4 * nC;
    for (let c = 0; c < nC; c++) scores[c] = vec[v0 + c]! + vec[v1 + c]! + vec[v2 + c]! + vec[v3 + c]! + vec[v4 + c]!;
    // Two passes: first every key's row (the bitset and row reads of all keys issued together,
    // not one after the other), then the sums.
    const data = ix.data;
    for (let f = 0; f < N_CONTEXT; f++) rowAt[f] = rowOf(ix, feats[f]!);
    for (let f = 0; f < N_CONTEXT; f++) {
      const j = rowAt[f]!;
      if (j < 0) continue;
      for (let q = j + 1, e = j + 1 + data[j]!; q < e; q++) {
        const d = data[q]!;
        scores[d & 255] += d >> 8;
      }
    }
    // The best class the transition table allows (lowest index on ties), as bestAllowed.
    const t0 = ((tags[p - 1]! + 1) * 2 + (p === end - 1 ? 1 : 0)) * nC;
    let best = -1;
    let bestScore = 0;
    for (let c = 0; c < nC; c++) {
      if (trans[t0 + c] === 0) continue;
      const v = scores[c]!;
      if (best < 0 || v > bestScore) {
        best = c;
        bestScore = v;
      }
    }
    tags[p] = best;
  }
}

/** The highest-scoring class allowed after `prev` (lowest index on ties). */
export function bestAllowed(scores: Int32Array | Float32Array, nC: number, prev: number, last: boolean): number {
  let best = -1;
  let bestScore = 0;
  for (let c = 0; c < nC; c++) {
    if (!allowed(prev, c, last)) continue;
    const v = scores[c]!;
    if (best < 0 || v > bestScore) {
      best = c;
      bestScore = v;
    }
  }
  return best;
}
