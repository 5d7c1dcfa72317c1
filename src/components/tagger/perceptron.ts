/**
 * The averaged-perceptron kernel: feature keys for one position, scoring, greedy left-to-right
 * decoding, and the training update with lazy averaging (Daume's trick: keep w and
 * u = sum(step * delta); the average is w - u / steps). Typed arrays and integers only.
 *
 * Sequence layout: position p = i + PAD; `attrs[a * stride + p]` holds the model string id of
 * attribute `a` at token i (0 = unknown to the model, so features built on it are skipped) and
 * `tags[p]` holds the predicted class + 2 (1 = before the start).
 */
import { grow } from '../../util/typed.js';
import { FeatureAttr, PAD } from './features.js';
import { FeatureTable, key1 } from './feature-table.js';


/** Tag value stored in `tags` for positions before the first token. */
export const TAG_START = 1;
/** Offset added to a class id when stored in `tags`. */
export const TAG_BASE = 2;

/**
 * Writes the feature keys of position `p` into `k1s`/`k2s` and returns how many there are.
 * `tpl` is the output of `compileTemplates`.
 */
export function featureKeys(tpl: Int32Array, attrs: Int32Array, stride: number, tags: Int32Array, p: number, k1s: Uint32Array, k2s: Uint32Array): number {
  const nT = tpl.length >> 2;
  let n = 0;
  for (let t = 0; t < nT; t++) {
    const a1 = tpl[t * 4]!;
    let v1 = 0;
    let v2 = 0;
    if (a1 >= 0) {
      const o1 = tpl[t * 4 + 1]!;
      v1 = a1 === FeatureAttr.TAG ? tags[p + o1]! : attrs[a1 * stride + p + o1]!;
      if (v1 === 0) continue;
      const a2 = tpl[t * 4 + 2]!;
      if (a2 >= 0) {
        const o2 = tpl[t * 4 + 3]!;
        v2 = a2 === FeatureAttr.TAG ? tags[p + o2]! : attrs[a2 * stride + p + o2]!;
        if (v2 === 0) continue;
      }
    }
    k1s[n] = key1(t, v1);
    k2s[n] = v2;
    n++;
  }
  return n;
}

/** Index of the highest score among the first `nC` (ties go to the lower index). */
export function argmax(scores: Float64Array, nC: number): number {
  let best = 0;
  let bestScore = scores[0]!;
  for (let c = 1; c < nC; c++) {
    const s = scores[c]!;
    if (s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  return best;
}

/** Scratch buffers reused across calls (one per tagger). */
export class Scratch {
  k1s = new Uint32Array(64);
  k2s = new Uint32Array(64);
  rows = new Int32Array(64);
  scores: Float64Array;
  constructor(nClasses: number) {
    this.scores = new Float64Array(nClasses);
  }
}

/**
 * Perceptron training state: a growing feature table, current weights `w` and the step-weighted
 * update sums `u` for averaging. Rows are allocated on the first update that touches a feature.
 */
export class PerceptronTrainer {
  readonly table = new FeatureTable(1 << 16);
  w: Float32Array;
  u: Float64Array;
  /** Number of training positions seen (the averaging clock). */
  steps = 1;
  readonly scratch: Scratch;

  constructor(
    readonly tpl: Int32Array,
    readonly nC: number,
  ) {
    this.w = new Float32Array((1 << 16) * nC);
    this.u = new Float64Array((1 << 16) * nC);
    this.scratch = new Scratch(nC);
  }

  private ensureRows(rows: number): void {
    this.w = grow(this.w, rows * this.nC);
    this.u = grow(this.u, this.w.length);
  }

  /**
   * Trains on one sequence: decodes greedily with the current weights and, where the guess is
   * wrong, moves weight from the guess to the gold class. Returns the number of correct guesses.
   * `gold[p]` holds gold classes (no TAG_BASE); `dict[p]` fixed classes or -1 (skipped).
   */
  trainSequence(attrs: Int32Array, stride: number, dict: Int32Array, gold: Int32Array, tags: Int32Array, n: number): number {
    const { tpl, nC, table, scratch } = this;
    const { scores, k1s, k2s } = scratch;
    let correct = 0;
    tags[0] = TAG_START;
    tags[1] = TAG_START;
    for (let p = PAD; p < n + PAD; p++) {
      const g = gold[p]!;
      const fixed = dict[p]!;
      if (fixed >= 0) {
        tags[p] = fixed + TAG_BASE;
        if (fixed === g) correct++;
        this.steps++;
        continue;
      }
      const nk = featureKeys(tpl, attrs, stride, tags, p, k1s, k2s);
      scores.fill(0);
      const w = this.w;
      for (let k = 0; k < nk; k++) {
        const r = table.get(k1s[k]!, k2s[k]!);
        if (r < 0) continue;
        const base = r * nC;
        for (let c = 0; c < nC; c++) scores[c] += w[base + c]!;
      }
      const guess = argmax(scores, nC);
      if (guess === g) correct++;
      else {
        const step = this.steps;
        for (let k = 0; k < nk; k++) {
          const r = table.insert(k1s[k]!, k2s[k]!);
          if (r >= table.size - 1) this.ensureRows(table.size);
          const base = r * nC;
          this.w[base + g] += 1;
          this.u[base + g] += step;
          this.w[base + guess] -= 1;
          this.u[base + guess] -= step;
        }
      }
      // The guess, not the gold class, becomes history: at run time the history is predicted too.
      tags[p] = guess + TAG_BASE;
      this.steps++;
    }
    return correct;
  }

  /** The averaged weights (w - u / steps) of the rows allocated so far. */
  averaged(): Float32Array {
    const n = this.table.size * this.nC;
    const out = new Float32Array(n);
    const inv = 1 / this.steps;
    for (let i = 0; i < n; i++) out[i] = this.w[i]! - this.u[i]! * inv;
    return out;
  }
}
