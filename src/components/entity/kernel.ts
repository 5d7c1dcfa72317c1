/**
 * The entity recognizer's decoding kernel: greedy left-to-right BILUO decoding of one padded
 * sentence under the BILUO transition rules. Weights are packed per hash bucket as
 * `value << 8 | class` in `data[rowStart[b] .. rowStart[b + 1])`, so a feature costs one
 * index read and a short contiguous scan. Typed arrays and integers only; no allocation.
 */
import { allowed, extractFeatures, N_FEATURES, PAD, sentenceMode } from './features.js';

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
  return { feats: new Uint32Array(N_FEATURES), scores: new Int32Array(nC), trans };
}

/**
 * Decodes words PAD..PAD+n-1 of a padded sentence, writing classes to `tags[p]` (tags[0..PAD)
 * must hold -1). See {@link extractFeatures} for `at`, `pos` and `mem`.
 */
export function decodePacked(rowStart: Uint32Array, data: Int32Array, nC: number, mask: number, at: Int32Array, pos: Int32Array, mem: Int32Array, tags: Int32Array, n: number, s: Scratch): void {
  const { feats, scores, trans } = s;
  const end = n + PAD;
  const mode = sentenceMode(at, n);
  for (let p = PAD; p < end; p++) {
    extractFeatures(at, pos, tags, mem, mode, p, mask, feats);
    scores.fill(0);
    for (let f = 0; f < N_FEATURES; f++) {
      const b = feats[f]!;
      for (let j = rowStart[b]!, e = rowStart[b + 1]!; j < e; j++) {
        const d = data[j]!;
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
