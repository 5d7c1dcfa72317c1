/**
 * Stage 4 (estimate + interpolate): turns per-order counts into an interpolated model written in
 * backoff form (ARPA semantics), as lmplz's InitialProbabilities + Interpolate.
 *
 * For an n-gram `c w` with count a (adjusted counts for Kneser-Ney, raw for Witten-Bell):
 *   p(w | c) = num(a) / den(c) + gamma(c) * p(w | c')         (c' = c without its first word)
 * where, summed over the n-grams sharing the context c,
 *   modified KN: num(a) = a - D(a), den(c) = sum a, gamma(c) = sum_k D(k) N_k(c) / den(c)
 *   Witten-Bell: num(a) = a,        den(c) = sum a + T(c), gamma(c) = T(c) / den(c)
 * (N_k: continuations with count k, k = 3 meaning 3+; T: distinct continuations). Unigrams
 * interpolate with the uniform distribution over the vocabulary without `<s>` (so `<unk>` gets
 * gamma / |V|, lmplz's default). The backoff weight of an n-gram is gamma of it as a context
 * (log10), or 0 if nothing follows it. Output: log10 prob and backoff per entry, as Float32 (as
 * KenLM stores them).
 */
import type { NgramTable } from './ngram-table.js';
import type { Links } from './links.js';
import { applyDiscount, type Discount } from './discount.js';
import type { TrainProgress } from './corpus.js';
import { BOS } from './vocab.js';

/** How counts are discounted: modified Kneser-Ney with per-order discounts, or Witten-Bell. */
export type InterpolationMethod = { kind: 'kn'; discounts: readonly Discount[] } | { kind: 'wb' };

/** log10 probability and log10 backoff per entry, per order (index n-1). */
export interface BackoffWeights {
  prob: Float32Array[];
  backoff: Float32Array[];
}

/** Estimates the interpolated model (see the module contract). */
export function estimateInterpolated(
  tables: readonly NgramTable[],
  links: Links,
  counts: readonly Uint32Array[],
  method: InterpolationMethod,
  onProgress?: (p: TrainProgress) => void,
): BackoffWeights {
  const f = Math.fround;
  const order = tables.length;
  const prob: Float32Array[] = [];
  const backoff: Float32Array[] = [];
  // Unigrams.
  const uni = counts[0]!;
  const vocabSize = uni.length - 1; // <s> is not predicted
  let den = 0;
  let mass = 0;
  let types = 0;
  const d0 = method.kind === 'kn' ? method.discounts[0]! : undefined;
  for (let w = 0; w < uni.length; w++) {
    const a = uni[w]!;
    den += a;
    if (a > 0) {
      types++;
      if (d0) mass += applyDiscount(d0, a);
    }
  }
  if (!d0) {
    den += types;
    mass = types;
  }
  const gamma0 = den > 0 ? mass / den : 1;
  const uniform = 1 / vocabSize;
  let lowerP = new Float64Array(uni.length);
  const p1 = new Float32Array(uni.length);
  for (let w = 0; w < uni.length; w++) {
    const a = uni[w]!;
    const num = d0 ? (a > 0 ? a - applyDiscount(d0, a) : 0) : a;
    const p = f((den > 0 ? num / den : 0) + gamma0 * uniform);
    lowerP[w] = p;
    p1[w] = w === BOS ? 0 : Math.log10(p);
  }
  prob.push(p1);
  // Higher orders.
  for (let n = 2; n <= order; n++) {
    const t = tables[n - 1]!;
    const lowerSize = tables[n - 2]!.size;
    const cnt = counts[n - 1]!;
    const ctx = links.context[n - 1]!;
    const suf = links.suffix[n - 1]!;
    const d = method.kind === 'kn' ? method.discounts[n - 1]! : undefined;
    const denom = new Float64Array(lowerSize);
    const gammaNum = new Float64Array(lowerSize);
    for (let e = 0; e < t.size; e++) {
      const a = cnt[e]!;
      const c = ctx[e]!;
      denom[c]! += a;
      gammaNum[c]! += d ? applyDiscount(d, a) : 1;
    }
    const bo = new Float32Array(lowerSize);
    for (let c = 0; c < lowerSize; c++) {
      if (gammaNum[c] === 0) continue;
      if (!d) denom[c]! += gammaNum[c]!;
      const g = gammaNum[c]! / denom[c]!;
      gammaNum[c] = g;
      bo[c] = Math.log10(f(g));
    }
    backoff.push(bo);
    const pn = new Float64Array(t.size);
    const lp = new Float32Array(t.size);
    for (let e = 0; e < t.size; e++) {
      const a = cnt[e]!;
      const c = ctx[e]!;
      const num = d ? a - applyDiscount(d, a) : a;
      const p = f(num / denom[c]! + gammaNum[c]! * lowerP[suf[e]!]!);
      pn[e] = p;
      lp[e] = Math.log10(p);
    }
    prob.push(lp);
    lowerP = pn;
    onProgress?.({ stage: 'estimate', done: n, total: order });
  }
  backoff.push(new Float32Array(tables[order - 1]!.size)); // highest order: no backoff
  return { prob, backoff };
}
