/**
 * Sampling kernel: draws the next word id from p(. | context)^(1/T), renormalized, over every word
 * except `<s>` and `<unk>`. One pass computes the scores into a reused Float64Array, so the result
 * for a seed depends only on the model and the seed.
 */
import type { Rng } from '../util/rng.js';
import { BOS, UNK } from './vocab.js';

/** Scores word `w` (log10) given the context ending at `seq[end-1]`, placing `w` at `seq[end]`. */
export type ScoreFn = (seq: Uint32Array, end: number, ctxLen: number) => number;

/**
 * Samples one word id. `seq[end-ctxLen .. end)` holds the context; `seq[end]` is overwritten.
 * `scratch` must hold `vocabSize` entries.
 */
export function sampleNext(score: ScoreFn, seq: Uint32Array, end: number, ctxLen: number, vocabSize: number, temperature: number, rng: Rng, scratch: Float64Array): number {
  let max = -Infinity;
  const inv = 1 / temperature;
  for (let w = 0; w < vocabSize; w++) {
    if (w === BOS || w === UNK) {
      scratch[w] = -Infinity;
      continue;
    }
    seq[end] = w;
    const s = score(seq, end, ctxLen) * inv;
    scratch[w] = s;
    if (s > max) max = s;
  }
  if (max === -Infinity) return -1;
  let sum = 0;
  for (let w = 0; w < vocabSize; w++) {
    const p = scratch[w] === -Infinity ? 0 : Math.pow(10, scratch[w]! - max);
    scratch[w] = p;
    sum += p;
  }
  let u = rng.next() * sum;
  let last = -1;
  for (let w = 0; w < vocabSize; w++) {
    const p = scratch[w]!;
    if (p === 0) continue;
    last = w;
    u -= p;
    if (u < 0) return w;
  }
  return last;
}
