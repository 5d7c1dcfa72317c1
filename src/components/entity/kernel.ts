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
}

/** Fresh scratch buffers for `nC` classes. */
export function newScratch(nC: number): Scratch {
  return { feats: new Uint32Array(N_FEATURES), scores: new Int32Array(nC) };
}

/**
 * Decodes words PAD..PAD+n-1 of a padded sentence, writing classes to `tags[p]` (tags[0..PAD)
 * must hold -1). See {@link extractFeatures} for `at`, `pos` and `mem`.
 */
export function decodePacked(rowStart: Uint32Array, data: Int32Array, nC: number, mask: number, at: Int32Array, pos: Int32Array, mem: Int32Array, tags: Int32Array, n: number, s: Scratch): void {
  const { feats, scores } = s;
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
    tags[p] = bestAllowed(scores, nC, tags[p - 1]!, p === end - 1);
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
