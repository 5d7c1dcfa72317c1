/**
 * Stage 3 (discount): the three modified Kneser-Ney discounts per order, from counts of
 * adjusted counts, exactly as lmplz (Chen & Goodman eq. 26):
 * Y = t1 / (t1 + 2 t2), D(k) = k - (k+1) Y t(k+1) / t(k) for k = 1, 2, 3 (D(k>3) = D(3)),
 * where t(k) is the number of n-grams of that order with adjusted count k.
 */
import { ArgumentError } from '../core/errors.js';

/** Discounts of one order: `amount[k]` for adjusted count k (amount[0] = 0, k >= 3 uses amount[3]). */
export interface Discount {
  amount: [number, number, number, number];
}

/** The discount subtracted from an adjusted count `c`. */
export function applyDiscount(d: Discount, c: number): number {
  return d.amount[c < 3 ? c : 3];
}

/** Counts t(1..4) of adjusted counts in `adjusted`: `t[k]` = n-grams with count k. */
export function countOfCounts(adjusted: Uint32Array): Float64Array {
  const t = new Float64Array(5);
  for (let i = 0; i < adjusted.length; i++) {
    const c = adjusted[i]!;
    if (c < 5) t[c]!++;
  }
  return t;
}

/**
 * Computes the discounts of every order. lmplz works in 32-bit floats; so does this, so the
 * discounts are bit-identical. When some t(k) is 0 (tiny or artificial data) the `fallback`
 * discounts are used if given (lmplz --discount_fallback), otherwise an ArgumentError is thrown.
 */
export function computeDiscounts(adjusted: readonly Uint32Array[], fallback?: readonly [number, number, number]): Discount[] {
  const f = Math.fround;
  return adjusted.map((adj, i) => {
    const t = countOfCounts(adj);
    const order = i + 1;
    let bad = '';
    for (let k = 1; k <= 4 && !bad; k++) if (t[k] === 0) bad = `no ${order}-grams have adjusted count ${k}`;
    const amount: [number, number, number, number] = [0, 0, 0, 0];
    if (!bad) {
      const y = f(f(t[1]!) / (f(t[1]!) + 2 * f(t[2]!)));
      for (let k = 1; k <= 3; k++) {
        amount[k] = f(k - f(f(f((k + 1) * y) * f(t[k + 1]!)) / f(t[k]!)));
        if (amount[k]! < 0 || amount[k]! > k) bad = `the ${order}-gram discount for count ${k} is out of range (${amount[k]})`;
      }
    }
    if (bad) {
      if (!fallback) {
        throw new ArgumentError(
          `cannot compute Kneser-Ney discounts: ${bad}; the corpus is too small or artificial (pass discountFallback, e.g. [0.5, 1, 1.5])`,
          { key: 'discountFallback' },
        );
      }
      return { amount: [0, fallback[0], fallback[1], fallback[2]] };
    }
    return { amount };
  });
}
