/**
 * Resampling and model selection: holdout (optionally stratified), k-fold (optionally shuffled and
 * stratified, as scikit-learn's `KFold` / `StratifiedKFold`), bootstrap with out-of-bag indices,
 * cross-validation, grid and random search, and deterministic A/B bucketing. All randomness comes
 * from a seeded {@link Rng}, so equal seeds give equal splits on every platform.
 */
import { ArgumentError } from '../core/errors.js';
import { Rng } from '../util/rng.js';
import { murmur3_32 } from '../util/hash.js';
import type { Label } from './check.js';

/** Defaults of this module. */
export const VALIDATION_DEFAULTS = Object.freeze({
  seed: 1,
  testSize: 0.25,
  nIter: 10,
});

/** Train/test indices of one split. Both are ascending. */
export interface Fold {
  train: number[];
  test: number[];
}

function checkStratify(stratify: ArrayLike<Label> | undefined, n: number): void {
  if (stratify && stratify.length !== n) throw new ArgumentError(`stratify has ${stratify.length} labels for ${n} samples`, { key: 'stratify' });
}

/** Groups sample indices by label, classes in order of first appearance. */
function groupByLabel(labels: ArrayLike<Label>): number[][] {
  const byLabel = new Map<Label, number[]>();
  for (let i = 0; i < labels.length; i++) {
    let g = byLabel.get(labels[i]!);
    if (!g) byLabel.set(labels[i]!, (g = []));
    g.push(i);
  }
  return [...byLabel.values()];
}

/**
 * Distributes `draws` over classes proportionally to `counts`: floors, then one more for the largest
 * remainders, ties broken at random (scikit-learn `_approximate_mode`).
 */
function approximateMode(counts: number[], draws: number, rng: Rng): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const cont = counts.map((c) => (c * draws) / total);
  const out = cont.map(Math.floor);
  let need = draws - out.reduce((a, b) => a + b, 0);
  const rem = cont.map((c, i) => c - out[i]!);
  const values = [...new Set(rem)].sort((a, b) => b - a);
  for (const v of values) {
    if (need <= 0) break;
    const idx = rng.shuffle(rem.flatMap((r, i) => (r === v ? [i] : [])));
    for (const i of idx.slice(0, need)) out[i]!++;
    need -= Math.min(idx.length, need);
  }
  return out;
}

/** Options of {@link holdout}. */
export interface HoldoutOptions {
  /** Test share in (0, 1) (rounded up, as scikit-learn) or an absolute count >= 1 (default 0.25). */
  testSize?: number;
  /** Seed of the shuffle (default 1). */
  seed?: number;
  /** Shuffle before splitting (default true); false takes the last samples as test. */
  shuffle?: boolean;
  /** One label per sample: keep each class's share the same in train and test (needs shuffle). */
  stratify?: ArrayLike<Label>;
}

/** A holdout split: the items and their indices. */
export interface HoldoutSplit<T> extends Fold {
  trainItems: T[];
  testItems: T[];
}

/**
 * Splits data (or `0..n-1` when given a count) into train and test sets, like scikit-learn's
 * `train_test_split`.
 * @example
 * const { trainItems, testItems } = holdout(docs, { testSize: 0.2, seed: 7, stratify: labels });
 */
export function holdout<T>(data: readonly T[] | number, options: HoldoutOptions = {}): HoldoutSplit<T> {
  const items: readonly T[] = typeof data === 'number' ? (Array.from({ length: data }, (_, i) => i) as T[]) : data;
  const n = items.length;
  const testSize = options.testSize ?? VALIDATION_DEFAULTS.testSize;
  let nTest: number;
  if (testSize > 0 && testSize < 1) nTest = Math.ceil(testSize * n);
  else if (Number.isInteger(testSize) && testSize >= 1) nTest = testSize;
  else throw new ArgumentError(`testSize must be in (0, 1) or a positive integer, got ${testSize}`, { key: 'testSize' });
  const nTrain = n - nTest;
  if (nTrain < 1 || nTest < 1) throw new ArgumentError(`testSize ${testSize} leaves an empty train or test set for ${n} samples`, { key: 'testSize' });
  const rng = new Rng(options.seed ?? VALIDATION_DEFAULTS.seed);
  let train: number[] = [];
  let test: number[] = [];
  if (options.stratify) {
    checkStratify(options.stratify, n);
    if (options.shuffle === false) throw new ArgumentError('stratify needs shuffle', { key: 'shuffle' });
    const groups = groupByLabel(options.stratify);
    if (groups.some((g) => g.length < 2)) throw new ArgumentError('the least populated class has only 1 member: cannot stratify', { key: 'stratify' });
    if (nTest < groups.length || nTrain < groups.length) {
      throw new ArgumentError(`train (${nTrain}) and test (${nTest}) must each hold at least one sample of each of ${groups.length} classes`, { key: 'testSize' });
    }
    const counts = groups.map((g) => g.length);
    const tAlloc = approximateMode(counts, nTest, rng);
    const nAlloc = approximateMode(counts.map((c, i) => c - tAlloc[i]!), nTrain, rng);
    groups.forEach((g, c) => {
      const perm = rng.shuffle([...g]);
      train.push(...perm.slice(0, nAlloc[c]!));
      test.push(...perm.slice(nAlloc[c]!, nAlloc[c]! + tAlloc[c]!));
    });
  } else {
    const idx = Array.from({ length: n }, (_, i) => i);
    if (options.shuffle !== false) rng.shuffle(idx);
    train = idx.slice(0, nTrain);
    test = idx.slice(nTrain);
  }
  train.sort((a, b) => a - b);
  test.sort((a, b) => a - b);
  return { train, test, trainItems: train.map((i) => items[i]!), testItems: test.map((i) => items[i]!) };
}

/** Options of {@link kFold}. */
export interface KFoldOptions {
  /** Shuffle before cutting folds (default false: contiguous folds). */
  shuffle?: boolean;
  /** Seed of the shuffle (default 1). */
  seed?: number;
  /** One label per sample: every fold keeps the class proportions (scikit-learn `StratifiedKFold`). */
  stratify?: ArrayLike<Label>;
}

/**
 * K-fold cross-validation splits of `0..n-1`. Each sample is in exactly one test fold; the first n % k
 * folds are one larger. With `stratify`, classes are dealt round-robin over folds as scikit-learn does.
 * @example kFold(10, 3) // test folds [0..3], [4..6], [7..9]
 */
export function kFold(n: number, k: number, options: KFoldOptions = {}): Fold[] {
  if (!Number.isInteger(k) || k < 2) throw new ArgumentError(`k must be an integer >= 2, got ${k}`, { key: 'k' });
  if (!Number.isInteger(n) || n < k) throw new ArgumentError(`cannot make ${k} folds of ${n} samples`, { key: 'n' });
  const rng = new Rng(options.seed ?? VALIDATION_DEFAULTS.seed);
  const foldOf = new Int32Array(n);
  if (options.stratify) {
    checkStratify(options.stratify, n);
    const groups = groupByLabel(options.stratify);
    if (groups.every((g) => g.length < k)) throw new ArgumentError(`k=${k} is greater than the number of members in each class`, { key: 'k' });
    // Sorting the encoded labels and dealing every k-th one to a fold fixes how many of each class go where.
    const order: number[] = [];
    groups.forEach((g, c) => { for (let i = 0; i < g.length; i++) order.push(c); });
    const alloc = Array.from({ length: k }, () => new Array<number>(groups.length).fill(0));
    for (let i = 0; i < order.length; i++) alloc[i % k]![order[i]!]!++;
    groups.forEach((g, c) => {
      const folds: number[] = [];
      for (let f = 0; f < k; f++) for (let r = 0; r < alloc[f]![c]!; r++) folds.push(f);
      if (options.shuffle) rng.shuffle(folds);
      g.forEach((sample, j) => { foldOf[sample] = folds[j]!; });
    });
  } else {
    const idx = Array.from({ length: n }, (_, i) => i);
    if (options.shuffle) rng.shuffle(idx);
    let pos = 0;
    for (let f = 0; f < k; f++) {
      const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
      for (let j = 0; j < size; j++) foldOf[idx[pos++]!] = f;
    }
  }
  const out: Fold[] = Array.from({ length: k }, () => ({ train: [], test: [] }));
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < k; f++) (f === foldOf[i] ? out[f]!.test : out[f]!.train).push(i);
  }
  return out;
}

/** A bootstrap resample: `inBag` has n draws with repeats (ascending), `outOfBag` the never-drawn indices. */
export interface BootstrapSample {
  inBag: number[];
  outOfBag: number[];
}

/**
 * Draws n indices of `0..n-1` with replacement. For large n about 1/e ≈ 36.8% are out of bag.
 * @param options.seed seed (default 1); options.size draws (default n)
 * @example const { inBag, outOfBag } = bootstrap(1000, { seed: 3 });
 */
export function bootstrap(n: number, options: { seed?: number; size?: number } = {}): BootstrapSample {
  if (!Number.isInteger(n) || n < 1) throw new ArgumentError(`n must be a positive integer, got ${n}`, { key: 'n' });
  const size = options.size ?? n;
  if (!Number.isInteger(size) || size < 1) throw new ArgumentError(`size must be a positive integer, got ${size}`, { key: 'size' });
  const rng = new Rng(options.seed ?? VALIDATION_DEFAULTS.seed);
  const counts = new Uint32Array(n);
  for (let i = 0; i < size; i++) counts[rng.int(n)]!++;
  const inBag: number[] = [];
  const outOfBag: number[] = [];
  for (let i = 0; i < n; i++) {
    if (counts[i] === 0) outOfBag.push(i);
    for (let c = 0; c < counts[i]!; c++) inBag.push(i);
  }
  return { inBag, outOfBag };
}

/** Scores of every fold, their mean and standard deviation (ddof 0), per metric. A bare number is named `score`. */
export interface CrossValidation {
  folds: Array<Record<string, number>>;
  mean: Record<string, number>;
  std: Record<string, number>;
}

/**
 * Trains on each fold's train indices and evaluates on its test indices.
 * @param train builds a model from train indices
 * @param evaluate scores a model on test indices: a number or named metrics
 * @param folds splits, e.g. from {@link kFold}
 * @example crossValidate((tr) => fit(tr), (m, te) => ({ accuracy: acc(m, te) }), kFold(n, 5, { shuffle: true }))
 */
export function crossValidate<M>(
  train: (trainIdx: number[], fold: number) => M,
  evaluate: (model: M, testIdx: number[], fold: number) => number | Record<string, number>,
  folds: readonly Fold[],
): CrossValidation {
  if (folds.length === 0) throw new ArgumentError('no folds given', { key: 'folds' });
  const scores: Array<Record<string, number>> = [];
  folds.forEach((f, i) => {
    const model = train(f.train, i);
    const s = evaluate(model, f.test, i);
    scores.push(typeof s === 'number' ? { score: s } : { ...s });
  });
  const mean: Record<string, number> = {};
  const std: Record<string, number> = {};
  for (const key of Object.keys(scores[0]!)) {
    const v = scores.map((s) => s[key]!);
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    mean[key] = m;
    std[key] = Math.sqrt(v.reduce((a, b) => a + (b - m) * (b - m), 0) / v.length);
  }
  return { folds: scores, mean, std };
}

/** One evaluated parameter setting. */
export interface Trial<P> {
  params: P;
  score: number;
}

/** All trials in evaluation order, and the best (first best on ties; NaN scores never win). */
export interface SearchResult<P> {
  best: Trial<P>;
  trials: Trial<P>[];
}

/** Options shared by the searches. */
export interface SearchOptions {
  /** Maximize the objective (default true); false minimizes (e.g. a loss). */
  maximize?: boolean;
}

function bestOf<P>(trials: Trial<P>[], maximize: boolean): Trial<P> {
  let best: Trial<P> | undefined;
  for (const t of trials) {
    if (Number.isNaN(t.score)) continue;
    if (!best || (maximize ? t.score > best.score : t.score < best.score)) best = t;
  }
  if (!best) throw new ArgumentError('every trial scored NaN');
  return best;
}

type Grid = Record<string, readonly unknown[]>;
type GridParams<S extends Grid> = { [K in keyof S]: S[K][number] };

/**
 * Exhaustive search over the Cartesian product of parameter lists (scikit-learn `ParameterGrid` order:
 * keys sorted, the last key varies fastest).
 * @example gridSearch({ alpha: [0.1, 1], fitPrior: [true, false] }, (p) => cvScore(p)).best.params
 */
export function gridSearch<S extends Grid>(space: S, objective: (params: GridParams<S>) => number, options: SearchOptions = {}): SearchResult<GridParams<S>> {
  const keys = Object.keys(space).sort();
  for (const k of keys) if (!Array.isArray(space[k]) || space[k]!.length === 0) throw new ArgumentError(`parameter ${k} needs a non-empty list`, { key: k });
  const total = keys.reduce((a, k) => a * space[k]!.length, 1);
  const trials: Trial<GridParams<S>>[] = [];
  for (let i = 0; i < total; i++) {
    const params = paramsAt(space, keys, i) as GridParams<S>;
    trials.push({ params, score: objective(params) });
  }
  return { best: bestOf(trials, options.maximize !== false), trials };
}

/** The i-th setting of the grid in ParameterGrid order. */
function paramsAt(space: Grid, keys: string[], i: number): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (let j = keys.length - 1; j >= 0; j--) {
    const list = space[keys[j]!]!;
    params[keys[j]!] = list[i % list.length];
    i = Math.floor(i / list.length);
  }
  const ordered: Record<string, unknown> = {};
  for (const k of keys) ordered[k] = params[k];
  return ordered;
}

/** A search space entry: a list to pick from uniformly, or a sampler drawing from the seeded Rng. */
export type Distribution = readonly unknown[] | ((rng: Rng) => unknown);
type RandomParams<S extends Record<string, Distribution>> = {
  [K in keyof S]: S[K] extends readonly unknown[] ? S[K][number] : S[K] extends (rng: Rng) => infer R ? R : never;
};

/**
 * Random search (scikit-learn `RandomizedSearchCV` sampling): `nIter` settings drawn with the seeded Rng.
 * When every entry is a list, settings are drawn from the grid without replacement (at most the grid size).
 * @param options.nIter settings to try (default 10); options.seed (default 1); options.maximize (default true)
 * @example randomSearch({ c: (rng) => 10 ** (rng.next() * 4 - 2), penalty: ['l2'] }, (p) => cvScore(p), { nIter: 20 })
 */
export function randomSearch<S extends Record<string, Distribution>>(
  space: S,
  objective: (params: RandomParams<S>) => number,
  options: SearchOptions & { nIter?: number; seed?: number } = {},
): SearchResult<RandomParams<S>> {
  const nIter = options.nIter ?? VALIDATION_DEFAULTS.nIter;
  if (!Number.isInteger(nIter) || nIter < 1) throw new ArgumentError(`nIter must be a positive integer, got ${nIter}`, { key: 'nIter' });
  const rng = new Rng(options.seed ?? VALIDATION_DEFAULTS.seed);
  const keys = Object.keys(space).sort();
  for (const k of keys) {
    const d = space[k];
    if (typeof d !== 'function' && (!Array.isArray(d) || d.length === 0)) throw new ArgumentError(`parameter ${k} needs a non-empty list or a sampler`, { key: k });
  }
  const trials: Trial<RandomParams<S>>[] = [];
  if (keys.every((k) => Array.isArray(space[k]))) {
    const grid = space as unknown as Grid;
    const total = keys.reduce((a, k) => a * grid[k]!.length, 1);
    // Partial Fisher-Yates over grid positions: distinct settings without materializing the grid.
    const swapped = new Map<number, number>();
    for (let i = 0; i < Math.min(nIter, total); i++) {
      const j = i + rng.int(total - i);
      const pick = swapped.get(j) ?? j;
      swapped.set(j, swapped.get(i) ?? i);
      const params = paramsAt(grid, keys, pick) as RandomParams<S>;
      trials.push({ params, score: objective(params) });
    }
  } else {
    for (let i = 0; i < nIter; i++) {
      const params: Record<string, unknown> = {};
      for (const k of keys) {
        const d = space[k]!;
        params[k] = typeof d === 'function' ? d(rng) : d[rng.int(d.length)];
      }
      trials.push({ params: params as RandomParams<S>, score: objective(params as RandomParams<S>) });
    }
  }
  return { best: bestOf(trials, options.maximize !== false), trials };
}

const utf8 = new TextEncoder();

/**
 * Deterministic A/B bucket of a user: MurmurHash3 of `salt + ":" + userId`, mapped to a bucket by
 * multiply-shift (no modulo bias). Same user, buckets and salt give the same bucket on every run and
 * platform; a new salt (one per experiment) reshuffles users independently.
 * @param buckets a count (returns 0..buckets-1) or bucket names (returns a name)
 * @example abBucket('user-42', ['control', 'treatment'], 'checkout-v2') // 'control' or 'treatment', stable
 */
export function abBucket(userId: string | number, buckets: number, salt?: string): number;
export function abBucket<B extends string>(userId: string | number, buckets: readonly B[], salt?: string): B;
export function abBucket(userId: string | number, buckets: number | readonly string[], salt = ''): number | string {
  const n = typeof buckets === 'number' ? buckets : buckets.length;
  if (!Number.isInteger(n) || n < 1 || n > 0xffffffff) throw new ArgumentError(`buckets must be a positive integer or a non-empty list, got ${String(buckets)}`, { key: 'buckets' });
  const h = murmur3_32(utf8.encode(`${salt}:${userId}`));
  const b = Math.floor((h * n) / 4294967296);
  return typeof buckets === 'number' ? b : buckets[b]!;
}
