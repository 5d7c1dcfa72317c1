/**
 * Stage 4 (estimate + interpolate): turns per-order counts into an interpolated model written in
 * backoff form (ARPA semantics), as lmplz's InitialProbabilities + Interpolate.
 *
 * For an n-gram `c w` with count a (adjusted counts for Kneser-Ney, raw for Witten-Bell):
 *   p(w | c) = num(a) / den(c) + gamma(c) * p(w | c')         (c' = c without its first word)
 * where, over the n-grams sharing the context c (N_k: how many have count k, k = 3 meaning 3+),
 *   modified KN: num(a) = a - D(a), den(c) = sum a,        gamma(c) = sum_k D(k) N_k(c) / den(c)
 *   Witten-Bell: num(a) = a,        den(c) = sum a + T(c), gamma(c) = T(c) / den(c), T = N1+N2+N3
 * Unigrams interpolate with the uniform distribution over the vocabulary without `<s>` (so
 * `<unk>` gets gamma / |V|, lmplz's default). The backoff of an n-gram is log10 gamma of it as a
 * context, or 0 if nothing follows it. The `<s>` unigram is written with log10 prob 0, as lmplz.
 * Arithmetic follows lmplz's 32-bit float operations step by step, so values match it to the
 * last bit in almost every case. Output: Float32 log10 prob and backoff per entry.
 */
import type { NgramTable } from './ngram-table.js';
import type { Links } from './links.js';
import type { Discount } from './discount.js';
import type { TrainProgress } from './corpus.js';
import { BOS } from './vocab.js';

/** How counts are discounted: modified Kneser-Ney with per-order discounts, or Witten-Bell. */
export type InterpolationMethod = { kind: 'kn'; discounts: readonly Discount[] } | { kind: 'wb' };

/** log10 probability and log10 backoff per entry, per order (index n-1). */
export interface BackoffWeights {
  prob: Float32Array[];
  backoff: Float32Array[];
}

const f = Math.fround;

/** gamma of one context from its count sum and N1, N2, N3+ (float steps as lmplz). */
function gammaOf(d: Discount | undefined, den: number, n1: number, n2: number, n3: number): number {
  if (!d) return f(f(n1 + n2 + n3) / f(den + n1 + n2 + n3));
  let g = 0;
  g = f(g + f(d.amount[1] * f(n1)));
  g = f(g + f(d.amount[2] * f(n2)));
  g = f(g + f(d.amount[3] * f(n3)));
  return f(g / f(den));
}

/** The discounted count a - D(a) in float (lmplz's Discount::Apply), or a for Witten-Bell. */
function numerator(d: Discount | undefined, a: number): number {
  return d ? f(f(a) - d.amount[a < 3 ? a : 3]) : a;
}

/** Estimates the interpolated model (see the module contract). */
export function estimateInterpolated(
  tables: readonly NgramTable[],
  links: Links,
  counts: readonly Uint32Array[],
  method: InterpolationMethod,
  onProgress?: (p: TrainProgress) => void,
): BackoffWeights {
  const order = tables.length;
  const prob: Float32Array[] = [];
  const backoff: Float32Array[] = [];
  const discountOf = (n: number): Discount | undefined => (method.kind === 'kn' ? method.discounts[n - 1] : undefined);
  // Unigrams.
  const uni = counts[0]!;
  const d0 = discountOf(1);
  let den = 0;
  const nk = [0, 0, 0, 0];
  for (let w = 0; w < uni.length; w++) {
    const a = uni[w]!;
    den += a;
    if (a > 0) nk[a < 3 ? a : 3]!++;
  }
  const wbExtra = d0 ? 0 : nk[1]! + nk[2]! + nk[3]!;
  const gamma0 = den > 0 ? gammaOf(d0, den, nk[1]!, nk[2]!, nk[3]!) : 1;
  const denF = f(den + wbExtra);
  const uniform = f(1 / f(uni.length - 1)); // <s> is not predicted
  const mass0 = f(gamma0 * uniform);
  let lowerP = new Float32Array(uni.length);
  const p1 = new Float32Array(uni.length);
  for (let w = 0; w < uni.length; w++) {
    const a = uni[w]!;
    const p = f((a > 0 ? f(numerator(d0, a) / denF) : 0) + mass0);
    lowerP[w] = p;
    p1[w] = w === BOS ? 0 : Math.min(0, f(Math.log10(p)));
  }
  prob.push(p1);
  // Higher orders.
  for (let n = 2; n <= order; n++) {
    const t = tables[n - 1]!;
    const lowerSize = tables[n - 2]!.size;
    const cnt = counts[n - 1]!;
    const ctx = links.context[n - 1]!;
    const suf = links.suffix[n - 1]!;
    const d = discountOf(n);
    const denom = new Float64Array(lowerSize);
    const n1 = new Uint32Array(lowerSize);
    const n2 = new Uint32Array(lowerSize);
    const n3 = new Uint32Array(lowerSize);
    for (let e = 0; e < t.size; e++) {
      const a = cnt[e]!;
      const c = ctx[e]!;
      denom[c]! += a;
      if (a === 1) n1[c]!++;
      else if (a === 2) n2[c]!++;
      else if (a >= 3) n3[c]!++;
    }
    const gamma = new Float32Array(lowerSize);
    const denF = new Float32Array(lowerSize);
    const bo = new Float32Array(lowerSize);
    for (let c = 0; c < lowerSize; c++) {
      if (denom[c] === 0) continue;
      gamma[c] = gammaOf(d, denom[c]!, n1[c]!, n2[c]!, n3[c]!);
      denF[c] = d ? denom[c]! : denom[c]! + n1[c]! + n2[c]! + n3[c]!;
      bo[c] = f(Math.log10(gamma[c]!));
    }
    backoff.push(bo);
    const pn = new Float32Array(t.size);
    for (let e = 0; e < t.size; e++) {
      const c = ctx[e]!;
      const p = f(f(numerator(d, cnt[e]!) / denF[c]!) + f(gamma[c]! * lowerP[suf[e]!]!));
      pn[e] = p;
    }
    lowerP = pn;
    const lp = new Float32Array(t.size);
    for (let e = 0; e < t.size; e++) lp[e] = Math.min(0, f(Math.log10(pn[e]!))); // lmplz clamps rounding above 1
    prob.push(lp);
    onProgress?.({ stage: 'estimate', done: n, total: order });
  }
  backoff.push(new Float32Array(tables[order - 1]!.size)); // highest order: no backoff
  return { prob, backoff };
}
