/**
 * The options of {@link NgramLM} in one place: the frozen {@link LM_DEFAULTS} (the one place a
 * default value is written) and per method a schema whose `default` points at it, checked by the
 * library's one options checker (`core/options.ts`). These are a call's options, so a bad one is
 * an ArgumentError naming the key; a misspelt or Python-style key (`max_tokens`) is named with the
 * option it stands for.
 */
import { checkOptions, type OptionSchema } from '../core/options.js';
import type { SmoothingName } from './smoothing/index.js';

/** Highest order `NgramLM.train` accepts. */
export const MAX_ORDER = 16;

/** Defaults of `NgramLM.train` and the query methods (`score`, `generate`). */
export const LM_DEFAULTS = Object.freeze({
  order: 3,
  smoothing: 'kn' as SmoothingName,
  minCount: 1,
  k: 1,
  alpha: 0.4,
  maxTokens: 50,
  seed: 1,
  temperature: 1,
  base: 10 as 10 | 'e',
  bos: true,
  eos: true,
});

/** Schema of `TrainOptions` (`smoothing` names and `discountFallback` are checked by the trainer). */
export const LM_TRAIN_SCHEMA: OptionSchema = Object.freeze({
  order: { type: 'integer', min: 1, max: MAX_ORDER, default: LM_DEFAULTS.order, doc: 'n-gram order' },
  smoothing: { type: 'string', default: LM_DEFAULTS.smoothing, doc: 'kn, witten-bell, mle, laplace, add-k or stupid-backoff' },
  minCount: { type: 'integer', min: 1, default: LM_DEFAULTS.minCount, doc: 'words seen fewer times become <unk>' },
  vocab: { type: 'any', doc: 'a fixed vocabulary (default: every word of the corpus)' },
  k: { type: 'number', min: 0, exclusiveMin: true, default: LM_DEFAULTS.k, doc: 'the k of add-k' },
  alpha: { type: 'number', min: 0, exclusiveMin: true, max: 1, default: LM_DEFAULTS.alpha, doc: 'stupid-backoff multiplier' },
  discountFallback: { type: 'array', doc: 'Kneser-Ney discounts [D1, D2, D3+] when they cannot be estimated (default: throw)' },
  onProgress: { type: 'function', doc: 'called with progress reports' },
} satisfies OptionSchema);

/** Schema of `ScoreOptions`. */
export const LM_SCORE_SCHEMA: OptionSchema = Object.freeze({
  base: { type: 'any', default: LM_DEFAULTS.base, doc: "logarithm base: 10 or 'e'" },
  bos: { type: 'boolean', default: LM_DEFAULTS.bos, doc: 'start with the <s> context' },
  eos: { type: 'boolean', default: LM_DEFAULTS.eos, doc: 'score </s> at the end' },
} satisfies OptionSchema);

/** Schema of `GenerateOptions` (`seed` must also be a safe integer, checked by `generate`). */
export const LM_GENERATE_SCHEMA: OptionSchema = Object.freeze({
  maxTokens: { type: 'integer', min: 0, default: LM_DEFAULTS.maxTokens, doc: 'stop after this many generated tokens' },
  seed: { type: 'integer', default: LM_DEFAULTS.seed, doc: 'random seed' },
  temperature: { type: 'number', min: 0, exclusiveMin: true, default: LM_DEFAULTS.temperature, doc: 'sampling temperature (lower is greedier)' },
  prefix: { type: 'any', doc: 'words to start from (default none)' },
} satisfies OptionSchema);

const SCHEMAS = Object.freeze({ train: LM_TRAIN_SCHEMA, score: LM_SCORE_SCHEMA, generate: LM_GENERATE_SCHEMA });

/**
 * Checks the options of an NgramLM method: keys (with did-you-mean), types and ranges; an
 * ArgumentError naming the key.
 * @example checkLmOptions({ max_tokens: 3 }, 'generate') // ArgumentError: unknown generate option "max_tokens"; did you mean "maxTokens"?
 */
export function checkLmOptions(options: unknown, method: keyof typeof SCHEMAS): void {
  checkOptions(SCHEMAS[method], options, { what: method });
}
