/**
 * The parser's scoring kernels over hashed weight tables (typed arrays and integers only).
 *
 * Actions: a table of `2^actionBits` rows of {@link N_ACTIONS} weights; feature hash `h` reads row
 * `h & mask`. Labels: a table of `2^labelBits` weights in lines of {@link LABEL_LINE}; feature `h`
 * reads one line, in which a label sits at its rank among the labels of its arc direction (most
 * frequent first), rotated by the feature's top bits ({@link labelSlot}). So scoring all candidate
 * labels of an arc costs one memory line per feature instead of one random read per feature and
 * label, no two of a feature's 64 most frequent labels share a slot, and two features sharing a
 * line mostly put a label at different places. Only the labels seen in training for the arc's
 * head tag, dependent tag and direction are scored.
 */
import { N_ACTIONS } from './transitions.js';

/** Weights per line of the label table (64 bytes of int8: one cache line). */
export const LABEL_LINE = 64;
const LINE_SHIFT = 6;

/** Mask of the label table's line numbers for a table of `2^labelBits` weights. */
export function labelLineMask(labelBits: number): number {
  return (1 << (labelBits - LINE_SHIFT)) - 1;
}

/** Slot of (feature hash `h`, label rank `pos` in its direction) in the label table. */
export function labelSlot(h: number, pos: number, lineMask: number): number {
  return ((h & lineMask) << LINE_SHIFT) | ((pos + (h >>> 26)) & (LABEL_LINE - 1));
}

/** Adds the action scores of features `feats[0..nFeats)` into `scores` (zeroed first). */
export function scoreActions(feats: Int32Array, nFeats: number, w: Float32Array, mask: number, scores: Float64Array): void {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  for (let i = 0; i < nFeats; i++) {
    const r = (feats[i]! & mask) * N_ACTIONS;
    a0 += w[r]!;
    a1 += w[r + 1]!;
    a2 += w[r + 2]!;
    a3 += w[r + 3]!;
  }
  scores[0] = a0;
  scores[1] = a1;
  scores[2] = a2;
  scores[3] = a3;
}

/**
 * Adds into `out[0..to-from)` the scores of the candidate labels at ranks `pos[from..to)` over
 * features `feats[0..nFeats)` (float weights, training).
 */
export function scoreLabels(feats: Int32Array, nFeats: number, w: Float32Array, lineMask: number, pos: Int32Array, from: number, to: number, out: Float64Array): void {
  const m = to - from;
  for (let j = 0; j < m; j++) out[j] = 0;
  for (let i = 0; i < nFeats; i++) {
    const h = feats[i]!;
    const line = (h & lineMask) << LINE_SHIFT;
    const rot = h >>> 26;
    for (let j = 0; j < m; j++) out[j]! += w[line | ((pos[from + j]! + rot) & (LABEL_LINE - 1))]!;
  }
}

/** Index (from..to) of the best score in `scores[0..to-from)`; ties: the earlier, i.e. more frequent, candidate. */
function argmax(scores: Float64Array | Int32Array, from: number, to: number): number {
  let best = 0;
  for (let j = 1; j < to - from; j++) if (scores[j]! > scores[best]!) best = j;
  return from + best;
}

/** The index in `cands` (from..to) of the best candidate label over float weights (training). */
export function bestLabel(feats: Int32Array, nFeats: number, w: Float32Array, lineMask: number, pos: Int32Array, from: number, to: number, scratch: Float64Array): number {
  if (to - from === 1) return from;
  scoreLabels(feats, nFeats, w, lineMask, pos, from, to, scratch);
  return argmax(scratch, from, to);
}

/** {@link scoreActions} over int8 weights (the run-time tables). */
export function scoreActionsQ(feats: Int32Array, nFeats: number, w: Int8Array, mask: number, scores: Int32Array): void {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  for (let i = 0; i < nFeats; i++) {
    const r = (feats[i]! & mask) << 2;
    a0 += w[r]!;
    a1 += w[r + 1]!;
    a2 += w[r + 2]!;
    a3 += w[r + 3]!;
  }
  scores[0] = a0;
  scores[1] = a1;
  scores[2] = a2;
  scores[3] = a3;
}

/**
 * {@link bestLabel} over int8 weights (the run-time table). `lines` and `rots` (at least `nFeats`
 * long) receive each feature's line and rotation, so that each candidate's sum reads lines that
 * the first candidate brought into the cache.
 */
export function bestLabelQ(feats: Int32Array, nFeats: number, w: Int8Array, lineMask: number, pos: Int32Array, from: number, to: number, lines: Int32Array, rots: Int32Array): number {
  if (to - from === 1) return from;
  for (let i = 0; i < nFeats; i++) {
    const h = feats[i]!;
    lines[i] = (h & lineMask) << LINE_SHIFT;
    rots[i] = h >>> 26;
  }
  let best = from;
  let bestScore = -Infinity;
  for (let j = from; j < to; j++) {
    const p = pos[j]!;
    let s = 0;
    for (let i = 0; i < nFeats; i++) s += w[lines[i]! | ((p + rots[i]!) & (LABEL_LINE - 1))]!;
    if (s > bestScore) {
      bestScore = s;
      best = j;
    }
  }
  return best;
}

/**
 * Quantizes weights to int8 with one scale (`q = round(w * scale)`, the largest |w| mapping to
 * 127). The parser's scores are sums of a few dozen weights, so 8 bits lose almost nothing (EWT
 * dev UAS within 0.001 of the float weights) and halve the tables that parsing reads at random.
 */
export function quantizeWeights(w: Float32Array): { q: Int8Array; scale: number } {
  let max = 0;
  for (let i = 0; i < w.length; i++) {
    const a = Math.abs(w[i]!);
    if (a > max) max = a;
  }
  const scale = max > 0 ? 127 / max : 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i]! * scale);
  return { q, scale };
}

/**
 * The label table rank of every entry of `cands`: a label's position among all the labels of its
 * direction, most frequent first (the lists of the two last keys, `nTags² * 2 + dir`).
 */
export function candidateRanks(candStart: Int32Array, cands: Int32Array, nTags: number, nLabels: number): Int32Array {
  const rank = [new Int32Array(nLabels), new Int32Array(nLabels)];
  for (let dir = 0; dir < 2; dir++) {
    const all = nTags * nTags * 2 + dir;
    // Labels never seen in a direction go after the seen ones.
    let next = candStart[all + 1]! - candStart[all]!;
    rank[dir]!.fill(-1);
    for (let j = candStart[all]!; j < candStart[all + 1]!; j++) rank[dir]![cands[j]!] = j - candStart[all]!;
    for (let l = 0; l < nLabels; l++) if (rank[dir]![l] === -1) rank[dir]![l] = next++;
  }
  const pos = new Int32Array(cands.length);
  const nKeys = candStart.length - 1;
  for (let k = 0; k < nKeys; k++) for (let j = candStart[k]!; j < candStart[k + 1]!; j++) pos[j] = rank[k & 1]![cands[j]!]!;
  return pos;
}
