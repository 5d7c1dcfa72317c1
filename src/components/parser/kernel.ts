/**
 * The parser's scoring kernels over hashed weight tables (typed arrays and integers only).
 *
 * Actions: a table of `2^actionBits` rows of {@link N_ACTIONS} weights; feature hash `h` reads row
 * `h & mask`. Labels: one flat table of `2^labelBits` weights; feature `h` for label `lab` in
 * direction `dir` (0 = LEFT, 1 = RIGHT) reads {@link labelSlot}. Only the labels seen in training
 * for the arc's head tag, dependent tag and direction are scored.
 */
import { N_ACTIONS } from './transitions.js';

/** Slot of (feature hash, label, direction) in the label table. */
export function labelSlot(h: number, lab: number, dir: number, mask: number): number {
  return (h + Math.imul(lab * 2 + dir + 1, 0x9e3779b1)) & mask;
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

/** The score of one label for an arc in direction `dir`. */
export function scoreLabel(feats: Int32Array, nFeats: number, w: Float32Array, mask: number, lab: number, dir: number): number {
  const k = Math.imul(lab * 2 + dir + 1, 0x9e3779b1);
  let s = 0;
  for (let i = 0; i < nFeats; i++) s += w[(feats[i]! + k) & mask]!;
  return s;
}

/**
 * The best label among `cands[from..to)` for an arc in direction `dir` (ties: the earlier
 * candidate, i.e. the more frequent label).
 */
export function bestLabel(feats: Int32Array, nFeats: number, w: Float32Array, mask: number, cands: Int32Array, from: number, to: number, dir: number): number {
  let best = cands[from]!;
  let bestScore = -Infinity;
  for (let j = from; j < to; j++) {
    const lab = cands[j]!;
    const s = scoreLabel(feats, nFeats, w, mask, lab, dir);
    if (s > bestScore) {
      bestScore = s;
      best = lab;
    }
  }
  return best;
}

/** {@link scoreActions} over int16 weights (the run-time tables). */
export function scoreActionsQ(feats: Int32Array, nFeats: number, w: Int16Array, mask: number, scores: Int32Array): void {
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

/** {@link bestLabel} over int16 weights (the run-time table). */
export function bestLabelQ(feats: Int32Array, nFeats: number, w: Int16Array, mask: number, cands: Int32Array, from: number, to: number, dir: number): number {
  let best = cands[from]!;
  let bestScore = -Infinity;
  for (let j = from; j < to; j++) {
    const lab = cands[j]!;
    const k = Math.imul(lab * 2 + dir + 1, 0x9e3779b1);
    let s = 0;
    for (let i = 0; i < nFeats; i++) s += w[(feats[i]! + k) & mask]!;
    if (s > bestScore) {
      bestScore = s;
      best = lab;
    }
  }
  return best;
}

/**
 * Quantizes weights to int16 with one scale (`q = round(w * scale)`, the largest |w| mapping to
 * 32767); weights whose |q| is below `minQ` become 0.
 */
export function quantizeWeights(w: Float32Array, minQ = 0): { q: Int16Array; scale: number } {
  let max = 0;
  for (let i = 0; i < w.length; i++) {
    const a = Math.abs(w[i]!);
    if (a > max) max = a;
  }
  const scale = max > 0 ? 32767 / max : 1;
  const q = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const v = Math.round(w[i]! * scale);
    if (v >= minQ || -v >= minQ) q[i] = v;
  }
  return { q, scale };
}
