/**
 * Probabilistic metrics: log loss (scikit-learn `log_loss`), and entropy, cross-entropy and KL divergence
 * between discrete distributions (as `scipy.stats.entropy`, which normalizes its inputs).
 */
import { ArgumentError } from '../../core/errors.js';
import { checkPaired, labelIndex, uniqueLabels, type Label } from '../check.js';

/** Defaults of this module. */
export const PROBABILITY_DEFAULTS = Object.freeze({
  /** Clipping bound for log loss: float64 machine epsilon, as scikit-learn >= 1.2 (`eps='auto'`). */
  eps: Number.EPSILON,
  /** Logarithm base for entropy-type measures (natural log). */
  base: Math.E,
});

/** Options of {@link logLoss}. */
export interface LogLossOptions {
  /** Class order of the probability columns (default: sorted labels of yTrue). Needed when yTrue has one class. */
  labels?: readonly Label[];
  /** Probabilities are clipped to [eps, 1 - eps] (default `Number.EPSILON`). */
  eps?: number;
  /** Mean over samples (default true) or sum. */
  normalize?: boolean;
}

/**
 * Log loss (negative log-likelihood) of predicted probabilities, natural log. `yProb` is either one
 * probability per sample for the greater of two labels, or one row of class probabilities per sample
 * in sorted label order. Rows must sum to 1.
 * @example logLoss(['spam', 'ham', 'ham', 'spam'], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]) // 0.21616
 */
export function logLoss(
  yTrue: ArrayLike<Label>,
  yProb: ArrayLike<number> | ReadonlyArray<ArrayLike<number>>,
  options: LogLossOptions = {},
): number {
  checkPaired(yTrue, yProb, ['yTrue', 'yProb']);
  const eps = options.eps ?? PROBABILITY_DEFAULTS.eps;
  if (!(eps >= 0 && eps < 0.5)) throw new ArgumentError(`eps must be in [0, 0.5), got ${eps}`, { key: 'eps' });
  const labels = options.labels ? [...options.labels] : uniqueLabels(yTrue);
  if (labels.length < 2) {
    throw new ArgumentError(`yTrue contains only one label (${JSON.stringify(labels[0])}); pass options.labels`, { key: 'labels' });
  }
  const index = labelIndex(labels);
  const oneD = typeof yProb[0] === 'number';
  if (oneD && labels.length !== 2) throw new ArgumentError(`1-D yProb needs exactly 2 labels, got ${labels.length}`, { key: 'yProb' });
  const clip = (p: number): number => (p < eps ? eps : p > 1 - eps ? 1 - eps : p);
  const tol = Math.sqrt(Number.EPSILON);
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const c = index.get(yTrue[i]!);
    if (c === undefined) throw new ArgumentError(`yTrue[${i}] = ${JSON.stringify(yTrue[i])} is not in labels`, { key: 'yTrue' });
    let p: number;
    if (oneD) {
      const q = (yProb as ArrayLike<number>)[i]!;
      checkProb(q, i);
      p = c === 1 ? q : 1 - q;
    } else {
      const row = (yProb as ReadonlyArray<ArrayLike<number>>)[i]!;
      if (row.length !== labels.length) {
        throw new ArgumentError(`yProb[${i}] has ${row.length} columns, expected ${labels.length}`, { key: 'yProb' });
      }
      let sum = 0;
      for (let j = 0; j < row.length; j++) { checkProb(row[j]!, i); sum += row[j]!; }
      if (Math.abs(sum - 1) > tol) throw new ArgumentError(`yProb[${i}] sums to ${sum}, not 1`, { key: 'yProb' });
      p = row[c]!;
    }
    total -= Math.log(clip(p));
  }
  return options.normalize === false ? total : total / yTrue.length;
}

function checkProb(p: number, i: number): void {
  if (!(p >= 0 && p <= 1)) throw new ArgumentError(`yProb[${i}] holds ${p}, not a probability in [0, 1]`, { key: 'yProb' });
}

/** Normalizes a non-negative vector to sum 1 (as scipy does before computing entropies). */
function normalized(p: ArrayLike<number>, name: string): Float64Array {
  if (p.length === 0) throw new ArgumentError(`${name} is empty`, { key: name });
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const v = p[i]!;
    if (!(v >= 0) || !Number.isFinite(v)) throw new ArgumentError(`${name}[${i}] = ${v} is not a non-negative finite number`, { key: name });
    sum += v;
  }
  if (sum === 0) throw new ArgumentError(`${name} sums to 0`, { key: name });
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = p[i]! / sum;
  return out;
}

function logBase(base: number | undefined): number {
  const b = base ?? PROBABILITY_DEFAULTS.base;
  if (!(b > 0 && b !== 1)) throw new ArgumentError(`base must be > 0 and != 1, got ${b}`, { key: 'base' });
  return Math.log(b);
}

/**
 * Shannon entropy H(p) = -sum p log p (0 log 0 = 0). `p` is normalized to sum 1 first.
 * @param options.base logarithm base (default e; 2 gives bits)
 * @example entropy([0.5, 0.5], { base: 2 }) // 1
 */
export function entropy(p: ArrayLike<number>, options: { base?: number } = {}): number {
  const lb = logBase(options.base);
  const q = normalized(p, 'p');
  let h = 0;
  for (let i = 0; i < q.length; i++) if (q[i]! > 0) h -= q[i]! * Math.log(q[i]!);
  return h / lb;
}

/**
 * Cross-entropy H(p, q) = -sum p log q = H(p) + KL(p || q); both are normalized first. Infinity when
 * q is 0 where p is not.
 * @param options.base logarithm base (default e)
 * @example crossEntropy([1, 0], [0.5, 0.5], { base: 2 }) // 1
 */
export function crossEntropy(p: ArrayLike<number>, q: ArrayLike<number>, options: { base?: number } = {}): number {
  return pairedSum(p, q, options.base, false);
}

/**
 * Kullback-Leibler divergence KL(p || q) = sum p log(p / q) (scipy `entropy(pk, qk)`); both are
 * normalized first. Infinity when q is 0 where p is not.
 * @param options.base logarithm base (default e)
 * @example klDivergence([0.5, 0.5], [0.9, 0.1]) // 0.5108
 */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>, options: { base?: number } = {}): number {
  return pairedSum(p, q, options.base, true);
}

/**
 * Over the support of normalized `p`: sum p log(p / q) (`kl`) or -sum p log q, divided by the
 * log of `base`; Infinity when q is 0 where p is not.
 */
function pairedSum(p: ArrayLike<number>, q: ArrayLike<number>, base: number | undefined, kl: boolean): number {
  checkPaired(p, q, ['p', 'q']);
  const lb = logBase(base);
  const pp = normalized(p, 'p');
  const qq = normalized(q, 'q');
  let sum = 0;
  for (let i = 0; i < pp.length; i++) {
    if (pp[i]! === 0) continue;
    if (qq[i]! === 0) return Infinity;
    if (kl) sum += pp[i]! * Math.log(pp[i]! / qq[i]!);
    else sum -= pp[i]! * Math.log(qq[i]!);
  }
  return sum / lb;
}
