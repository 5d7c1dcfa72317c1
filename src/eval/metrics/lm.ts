/**
 * Language-model metrics from per-token log-probabilities: cross-entropy per token and perplexity, as
 * KenLM's `query` reports them (perplexity = base^(-mean log-prob)).
 */
import { ArgumentError } from '../../core/errors.js';

/** Defaults of this module. */
export const LM_METRIC_DEFAULTS = Object.freeze({
  /** Base of the given log-probabilities: e. KenLM and ARPA files use 10. */
  base: Math.E,
});

function meanNegLog(logProbs: ArrayLike<number>, base: number | undefined): number {
  const b = base ?? LM_METRIC_DEFAULTS.base;
  if (!(b > 0 && b !== 1)) throw new ArgumentError(`base must be > 0 and != 1, got ${b}`, { key: 'base' });
  if (logProbs.length === 0) throw new ArgumentError('logProbs is empty', { key: 'logProbs' });
  let s = 0;
  for (let i = 0; i < logProbs.length; i++) {
    const v = logProbs[i]!;
    if (Number.isNaN(v) || v > 0) throw new ArgumentError(`logProbs[${i}] = ${v} is not a log-probability (<= 0)`, { key: 'logProbs' });
    s -= v;
  }
  // Convert to nats once.
  return (s / logProbs.length) * Math.log(b);
}

/**
 * Cross-entropy per token in bits: -mean(log2 p). A token with probability 0 (log-prob -Infinity) gives Infinity.
 * @param options.base base of the given log-probabilities (default e; 10 for KenLM output)
 * @example tokenCrossEntropy([Math.log(0.5), Math.log(0.25)]) // 1.5
 */
export function tokenCrossEntropy(logProbs: ArrayLike<number>, options: { base?: number } = {}): number {
  return meanNegLog(logProbs, options.base) / Math.LN2;
}

/**
 * Perplexity = exp(-mean ln p) = 2^crossEntropy; KenLM's "Perplexity including OOVs" when given its log10 scores.
 * @param options.base base of the given log-probabilities (default e; 10 for KenLM output)
 * @example perplexity([-1, -1, -2], { base: 10 }) // 10^(4/3) = 21.544
 */
export function perplexity(logProbs: ArrayLike<number>, options: { base?: number } = {}): number {
  return Math.exp(meanNegLog(logProbs, options.base));
}
