/**
 * Frequency-based and compact categorical encoders from the classic feature-engineering toolkit:
 * BinaryEncoder (ordinal code in binary digits), CountEncoder (category frequency) and
 * LabelCountEncoder (rank by frequency).
 */
import { ArgumentError } from '../core/errors.js';
import { BINARY_ENCODER_SCHEMA, checkOptions, COUNT_ENCODER_DEFAULTS as D, COUNT_ENCODER_SCHEMA, LABEL_COUNT_ENCODER_SCHEMA } from './options.js';
import { checkRows, columnCounts, defaultFeatureNames, requireFitted, unknownError, type Category, type CategoryRows } from './categories.js';

/** How unknown categories are handled: throw, or encode as `unknownValue`. */
export type HandleUnknown = 'error' | 'value';


/** Options of {@link BinaryEncoder}. */
export interface BinaryEncoderOptions {
  /** 'value' (default) encodes unknowns as all zeros; 'error' throws. */
  handleUnknown?: HandleUnknown;
}

/**
 * Encodes each feature's categories as codes 1..k (first-appearance order) written in binary, one
 * column per bit, most significant first; k categories need floor(log2 k) + 1 columns, and the
 * all-zero pattern (code 0) stands for unknown.
 * @example
 * const enc = new BinaryEncoder();
 * enc.fitTransform([['a'], ['b'], ['c']]); // [[0, 1], [1, 0], [1, 1]]
 */
export class BinaryEncoder {
  /** The options in effect. */
  readonly options: Readonly<Required<BinaryEncoderOptions>>;
  private codes: Map<Category, number>[] | null = null;
  private widths: number[] = [];

  constructor(options: BinaryEncoderOptions = {}) {
    checkOptions(options, BINARY_ENCODER_SCHEMA);
    this.options = Object.freeze({ handleUnknown: options.handleUnknown ?? D.handleUnknown });
  }

  /** Learns the codes. Returns `this`. */
  fit(X: CategoryRows): this {
    const width = checkRows(X);
    this.codes = [];
    this.widths = [];
    for (let j = 0; j < width; j++) {
      const m = new Map<Category, number>();
      for (const v of columnCounts(X, j).keys()) m.set(v, m.size + 1);
      this.codes.push(m);
      this.widths.push(Math.max(1, Math.floor(Math.log2(Math.max(1, m.size))) + 1));
    }
    return this;
  }

  /** Bits per feature. */
  get bitWidths(): number[] {
    requireFitted(this.codes, 'BinaryEncoder');
    return this.widths.slice();
  }

  /** Encodes rows as 0/1 columns. */
  transform(X: CategoryRows): number[][] {
    const codes = requireFitted(this.codes, 'BinaryEncoder');
    checkRows(X, codes.length);
    return X.map((r, i) => {
      const out: number[] = [];
      r.forEach((v, j) => {
        let c = codes[j]!.get(v);
        if (c === undefined) {
          if (this.options.handleUnknown === 'error') throw unknownError(v, i, j);
          c = 0;
        }
        for (let b = this.widths[j]! - 1; b >= 0; b--) out.push((c >>> b) & 1);
      });
      return out;
    });
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform(X: CategoryRows): number[][] {
    return this.fit(X).transform(X);
  }

  /** Decodes bit columns back to categories (code 0 or out of range -> null). */
  inverseTransform(X: readonly (readonly number[])[]): Category[][] {
    const codes = requireFitted(this.codes, 'BinaryEncoder');
    const back = codes.map((m) => [null, ...m.keys()] as Category[]);
    const total = this.widths.reduce((a, b) => a + b, 0);
    return X.map((r, i) => {
      if (r.length !== total) throw new ArgumentError(`row ${i} has ${r.length} columns, expected ${total}`);
      let p = 0;
      return back.map((cats, j) => {
        let c = 0;
        for (let b = 0; b < this.widths[j]!; b++) c = c * 2 + (r[p++] ? 1 : 0);
        return cats[c] ?? null;
      });
    });
  }

  /** Output column names `<feature>_<bit>` (bit 0 = most significant). */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    const codes = requireFitted(this.codes, 'BinaryEncoder');
    const names = defaultFeatureNames(codes.length, inputFeatures);
    return names.flatMap((n, j) => Array.from({ length: this.widths[j]! }, (_, b) => `${n}_${b}`));
  }
}

/** Options of {@link CountEncoder}. */
export interface CountEncoderOptions {
  /** Divide counts by the number of training rows (default false). */
  normalize?: boolean;
  /** 'value' (default) gives unknowns `unknownValue`; 'error' throws. */
  handleUnknown?: HandleUnknown;
  /** Code for unknown categories (default 0). */
  unknownValue?: number;
}

/**
 * Replaces each category by how often it occurs in the training data (or its proportion).
 * @example
 * new CountEncoder().fitTransform([['a'], ['b'], ['a']]); // [[2], [1], [2]]
 */
export class CountEncoder {
  /** The options in effect. */
  readonly options: Readonly<Required<CountEncoderOptions>>;
  private counts: Map<Category, number>[] | null = null;
  private n = 0;

  constructor(options: CountEncoderOptions = {}) {
    checkOptions(options, COUNT_ENCODER_SCHEMA);
    this.options = Object.freeze({ normalize: options.normalize ?? D.normalize, handleUnknown: options.handleUnknown ?? D.handleUnknown, unknownValue: options.unknownValue ?? D.unknownValue });
  }

  /** Category -> training count, per feature. */
  get categoryCounts(): ReadonlyMap<Category, number>[] {
    return requireFitted(this.counts, 'CountEncoder');
  }

  /** Learns the counts. Returns `this`. */
  fit(X: CategoryRows): this {
    const width = checkRows(X);
    this.n = X.length;
    this.counts = Array.from({ length: width }, (_, j) => columnCounts(X, j));
    return this;
  }

  /** Encodes rows as counts (or proportions). */
  transform(X: CategoryRows): number[][] {
    const counts = requireFitted(this.counts, 'CountEncoder');
    checkRows(X, counts.length);
    const { normalize, handleUnknown, unknownValue } = this.options;
    return X.map((r, i) =>
      r.map((v, j) => {
        const c = counts[j]!.get(v);
        if (c === undefined) {
          if (handleUnknown === 'error') throw unknownError(v, i, j);
          return unknownValue;
        }
        return normalize ? c / this.n : c;
      }),
    );
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform(X: CategoryRows): number[][] {
    return this.fit(X).transform(X);
  }
}

/** Options of {@link LabelCountEncoder}. */
export interface LabelCountEncoderOptions {
  /** 'desc' (default): the most frequent category gets rank 1; 'asc': the least frequent does. */
  order?: 'desc' | 'asc';
  /** 'value' (default) gives unknowns `unknownValue`; 'error' throws. */
  handleUnknown?: HandleUnknown;
  /** Code for unknown categories (default 0). */
  unknownValue?: number;
}

/**
 * Replaces each category by its rank by training frequency (1 = most frequent by default); ties
 * are broken by first appearance, so distinct categories always get distinct ranks.
 * @example
 * new LabelCountEncoder().fitTransform([['b'], ['a'], ['a'], ['c']]); // [[2], [1], [1], [3]]
 */
export class LabelCountEncoder {
  /** The options in effect. */
  readonly options: Readonly<Required<LabelCountEncoderOptions>>;
  private ranks: Map<Category, number>[] | null = null;

  constructor(options: LabelCountEncoderOptions = {}) {
    checkOptions(options, LABEL_COUNT_ENCODER_SCHEMA);
    this.options = Object.freeze({ order: options.order ?? D.order, handleUnknown: options.handleUnknown ?? D.handleUnknown, unknownValue: options.unknownValue ?? D.unknownValue });
  }

  /** Category -> rank, per feature. */
  get categoryRanks(): ReadonlyMap<Category, number>[] {
    return requireFitted(this.ranks, 'LabelCountEncoder');
  }

  /** Learns the ranks. Returns `this`. */
  fit(X: CategoryRows): this {
    const width = checkRows(X);
    const sign = this.options.order === 'desc' ? -1 : 1;
    this.ranks = Array.from({ length: width }, (_, j) => {
      const entries = [...columnCounts(X, j)];
      // Array.prototype.sort is stable: ties keep first-appearance order.
      entries.sort((a, b) => sign * (a[1] - b[1]));
      return new Map(entries.map(([v], k) => [v, k + 1]));
    });
    return this;
  }

  /** Encodes rows as ranks. */
  transform(X: CategoryRows): number[][] {
    const ranks = requireFitted(this.ranks, 'LabelCountEncoder');
    checkRows(X, ranks.length);
    return X.map((r, i) =>
      r.map((v, j) => {
        const c = ranks[j]!.get(v);
        if (c !== undefined) return c;
        if (this.options.handleUnknown === 'error') throw unknownError(v, i, j);
        return this.options.unknownValue;
      }),
    );
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform(X: CategoryRows): number[][] {
    return this.fit(X).transform(X);
  }

  /** Names of the output columns (the input names, x0, x1, ... by default). */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    return defaultFeatureNames(requireFitted(this.ranks, 'LabelCountEncoder').length, inputFeatures);
  }
}
