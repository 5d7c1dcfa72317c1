/**
 * The estimation flags shared by `lm train` and `lm merge` (smoothing, vocabulary pruning,
 * fallback discounts), their mapping to `TrainOptions`, and the checks of `--out` made before the
 * work starts.
 */
import { ArgumentError } from '../../core/errors.js';
import { assertWritable } from '../../io/atomic.js';
import { LM_DEFAULTS, type TrainOptions } from '../../lm/model.js';
import type { SmoothingName } from '../../lm/smoothing/index.js';
import type { FlagSpec } from '../args.js';

/** `--out` of the commands that write a model (`lm train`, `lm merge`); see {@link checkModelOut}. */
export const LM_MODEL_OUT_FLAG: FlagSpec = { type: 'string', doc: 'model file: *.arpa writes ARPA, anything else the binary format', value: 'MODEL', required: true, alias: 'o' };

/** `--smoothing`, `--min-count`, `--k`, `--alpha`, `--discount-fallback`. */
export const LM_ESTIMATE_FLAGS: Record<string, FlagSpec> = {
  smoothing: { type: 'string', doc: 'kn | witten-bell | mle | laplace | add-k | stupid-backoff', default: LM_DEFAULTS.smoothing, value: 'NAME' },
  'min-count': { type: 'number', doc: 'map words seen fewer times to <unk>', default: LM_DEFAULTS.minCount },
  k: { type: 'number', doc: 'k of add-k smoothing', default: LM_DEFAULTS.k },
  alpha: { type: 'number', doc: 'stupid-backoff multiplier', default: LM_DEFAULTS.alpha },
  'discount-fallback': { type: 'string', doc: 'KN discounts "D1,D2,D3" when they cannot be estimated (tiny data)', value: 'D1,D2,D3' },
};

/** The `TrainOptions` the {@link LM_ESTIMATE_FLAGS} stand for. */
export function lmEstimateOptions(f: Record<string, unknown>): Omit<TrainOptions, 'order' | 'onProgress'> {
  let discountFallback: [number, number, number] | undefined;
  if (f['discount-fallback'] !== undefined) {
    const parts = String(f['discount-fallback']).split(',').map(Number);
    if (parts.length !== 3 || parts.some((x) => !Number.isFinite(x))) throw new ArgumentError('--discount-fallback needs three numbers like 0.5,1,1.5', { key: '--discount-fallback' });
    discountFallback = parts as [number, number, number];
  }
  return {
    smoothing: String(f.smoothing) as SmoothingName,
    minCount: Number(f['min-count']),
    k: f.smoothing === 'laplace' ? 1 : Number(f.k),
    alpha: Number(f.alpha),
    discountFallback,
  };
}

/** Checks `--out` before minutes of work; returns whether it is an ARPA file. */
export function checkModelOut(out: string, smoothing: string): boolean {
  const arpa = /\.arpa$/i.test(out);
  if (/\.gz$/i.test(out)) throw new ArgumentError('--out: writing gzipped files is not supported; write model.arpa (or model.tlm) and compress it', { key: '--out' });
  if (arpa && ['mle', 'laplace', 'add-k', 'stupid-backoff'].includes(smoothing)) {
    throw new ArgumentError(`--out: a ${smoothing} model has no exact ARPA form; write a .tlm file instead`, { key: '--out' });
  }
  assertWritable(out);
  return arpa;
}

/**
 * The API's tiny-corpus discount failure ("pass discountFallback, e.g. [0.5, 1, 1.5]") in
 * command-line terms ("pass --discount-fallback 0.5,1,1.5"); other errors pass unchanged.
 */
export function explainDiscounts(e: unknown, given: unknown): unknown {
  if (e instanceof ArgumentError && e.where?.key === 'discountFallback' && given === undefined) {
    const cut = e.detail.lastIndexOf(' (pass ');
    return new ArgumentError(`${cut >= 0 ? e.detail.slice(0, cut) : e.detail}; pass --discount-fallback 0.5,1,1.5 to use fixed discounts`, { key: '--discount-fallback' });
  }
  return e;
}
