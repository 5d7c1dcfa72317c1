/**
 * One-hot and ordinal encoders for categorical features, with scikit-learn's semantics
 * (categories sorted unless given, `handleUnknown`, `drop`).
 */
import { ArgumentError, ConfigError } from '../core/errors.js';
import { checkRows, columnCounts, compareCategories, categoryName, defaultFeatureNames, requireFitted, unknownError, type Category, type CategoryRows } from './categories.js';
import { CsrMatrix } from './csr.js';

export type { Category, CategoryRows } from './categories.js';

/** Options of {@link OneHotEncoder}. */
export interface OneHotEncoderOptions {
  /** 'auto' (default: the sorted distinct values seen in fit) or one list of categories per feature. */
  categories?: 'auto' | readonly (readonly Category[])[];
  /** 'error' (default) throws on an unknown category; 'ignore' encodes it as all zeros. */
  handleUnknown?: 'error' | 'ignore';
  /** null (default), 'first' (drop each feature's first category) or 'if_binary' (only for 2-category features). */
  drop?: null | 'first' | 'if_binary';
}

/** Defaults of {@link OneHotEncoder}. */
export const ONE_HOT_DEFAULTS = Object.freeze({ categories: 'auto' as const, handleUnknown: 'error' as const, drop: null });

function learnCategories(X: CategoryRows, width: number, given: OneHotEncoderOptions['categories']): Category[][] {
  const out: Category[][] = [];
  for (let j = 0; j < width; j++) {
    if (given && given !== 'auto') {
      const cats = given[j];
      if (!cats) throw new ConfigError(`categories has no list for feature ${j}`, { key: 'categories' });
      const set = new Set(cats);
      if (set.size !== cats.length) throw new ConfigError(`categories of feature ${j} has duplicates`, { key: 'categories' });
      for (let i = 0; i < X.length; i++) if (!set.has(X[i]![j]!)) throw new ArgumentError(`found unknown category ${JSON.stringify(X[i]![j])} in feature ${j} during fit`, { key: `X[${i}][${j}]` });
      out.push(cats.slice());
    } else out.push([...columnCounts(X, j).keys()].sort(compareCategories));
  }
  if (given && given !== 'auto' && given.length !== width) throw new ConfigError(`categories has ${given.length} lists, X has ${width} features`, { key: 'categories' });
  return out;
}

/**
 * Encodes each categorical feature as one indicator column per category.
 * @example
 * const enc = new OneHotEncoder({ handleUnknown: 'ignore' });
 * enc.fit([['Male', 1], ['Female', 3], ['Female', 2]]);
 * enc.transform([['Female', 1], ['Male', 4]]).toArray(); // [[1, 0, 1, 0, 0], [0, 1, 0, 0, 0]]
 * enc.getFeatureNamesOut(['gender', 'group']); // ['gender_Female', 'gender_Male', 'group_1', 'group_2', 'group_3']
 */
export class OneHotEncoder {
  /** The options in effect. */
  readonly options: Readonly<Required<OneHotEncoderOptions>>;
  private cats: Category[][] | null = null;
  private index: Map<Category, number>[] = [];
  private dropIdx: number[] = [];
  private offsets: number[] = [];

  constructor(options: OneHotEncoderOptions = {}) {
    const handleUnknown = options.handleUnknown ?? ONE_HOT_DEFAULTS.handleUnknown;
    if (handleUnknown !== 'error' && handleUnknown !== 'ignore') throw new ConfigError(`handleUnknown must be "error" or "ignore", got ${JSON.stringify(handleUnknown)}`, { key: 'handleUnknown' });
    const drop = options.drop ?? null;
    if (drop !== null && drop !== 'first' && drop !== 'if_binary') throw new ConfigError(`drop must be null, "first" or "if_binary", got ${JSON.stringify(drop)}`, { key: 'drop' });
    this.options = Object.freeze({ categories: options.categories ?? 'auto', handleUnknown, drop });
  }

  /** The categories of each feature, in column order (scikit-learn's `categories_`). */
  get categories(): Category[][] {
    return requireFitted(this.cats, 'OneHotEncoder').map((c) => c.slice());
  }

  /** Learns the categories. Returns `this`. */
  fit(X: CategoryRows): this {
    const width = checkRows(X);
    const cats = learnCategories(X, width, this.options.categories);
    this.cats = cats;
    this.index = cats.map((c) => new Map(c.map((v, k) => [v, k])));
    const { drop } = this.options;
    this.dropIdx = cats.map((c) => (drop === 'first' || (drop === 'if_binary' && c.length === 2) ? 0 : -1));
    let off = 0;
    this.offsets = cats.map((c, j) => {
      const o = off;
      off += c.length - (this.dropIdx[j]! >= 0 ? 1 : 0);
      return o;
    });
    this.offsets.push(off);
    return this;
  }

  /** Number of output columns. */
  get nOutputs(): number {
    requireFitted(this.cats, 'OneHotEncoder');
    return this.offsets[this.offsets.length - 1]!;
  }

  /** Encodes rows as a sparse 0/1 matrix. */
  transform(X: CategoryRows): CsrMatrix {
    const cats = requireFitted(this.cats, 'OneHotEncoder');
    checkRows(X, cats.length);
    const indptr = new Int32Array(X.length + 1);
    const indices: number[] = [];
    for (let i = 0; i < X.length; i++) {
      for (let j = 0; j < cats.length; j++) {
        const v = X[i]![j]!;
        const k = this.index[j]!.get(v);
        if (k === undefined) {
          if (this.options.handleUnknown === 'error') throw unknownError(v, i, j);
          continue;
        }
        const d = this.dropIdx[j]!;
        if (k === d) continue;
        indices.push(this.offsets[j]! + (d >= 0 && k > d ? k - 1 : k));
      }
      indptr[i + 1] = indices.length;
    }
    return new CsrMatrix(X.length, this.nOutputs, indptr, Int32Array.from(indices), new Float64Array(indices.length).fill(1));
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform(X: CategoryRows): CsrMatrix {
    return this.fit(X).transform(X);
  }

  /** Decodes indicator rows back to categories; a feature with no active column gives null (unknown or dropped first). */
  inverseTransform(X: CsrMatrix | ArrayLike<ArrayLike<number>>): Category[][] {
    const cats = requireFitted(this.cats, 'OneHotEncoder');
    const dense = X instanceof CsrMatrix ? X.toDense() : Array.from(X as ArrayLike<ArrayLike<number>>);
    return dense.map((row, i) => {
      if (row.length !== this.nOutputs) throw new ArgumentError(`row ${i} has ${row.length} columns, expected ${this.nOutputs}`);
      return cats.map((c, j) => {
        const d = this.dropIdx[j]!;
        const o = this.offsets[j]!;
        const n = this.offsets[j + 1]! - o;
        for (let k = 0; k < n; k++) if (row[o + k] !== 0) return c[d >= 0 && k >= d ? k + 1 : k]!;
        return d >= 0 ? c[d]! : null;
      });
    });
  }

  /** Output column names: `<feature>_<category>` (features named x0, x1, ... unless given). */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    const cats = requireFitted(this.cats, 'OneHotEncoder');
    const names = defaultFeatureNames(cats.length, inputFeatures);
    const out: string[] = [];
    cats.forEach((c, j) => c.forEach((v, k) => k !== this.dropIdx[j] && out.push(`${names[j]}_${categoryName(v)}`)));
    return out;
  }
}

/** Options of {@link OrdinalEncoder}. */
export interface OrdinalEncoderOptions {
  /**
   * 'auto' (default: sorted distinct values -> 0, 1, ...) or one ordered list per feature (its
   * position is the code, e.g. [['low', 'mid', 'high']] -> 0, 1, 2).
   */
  categories?: 'auto' | readonly (readonly Category[])[];
  /**
   * Explicit codes per feature, overriding `categories`: e.g. [{ high: 3, mid: 2, low: 1 }]
   * (object keys are strings; use a Map for numbers, booleans or null).
   */
  mapping?: readonly (ReadonlyMap<Category, number> | Readonly<Record<string, number>>)[] | null;
  /** 'error' (default) or 'use_encoded_value' (unknowns get `unknownValue`). */
  handleUnknown?: 'error' | 'use_encoded_value';
  /** Code for unknown categories with 'use_encoded_value' (default NaN). */
  unknownValue?: number;
}

/** Defaults of {@link OrdinalEncoder}. */
export const ORDINAL_DEFAULTS = Object.freeze({ categories: 'auto' as const, mapping: null, handleUnknown: 'error' as const, unknownValue: NaN });

/**
 * Encodes each categorical feature as one integer column.
 * @example
 * const enc = new OrdinalEncoder({ mapping: [{ high: 3, mid: 2, low: 1 }] });
 * enc.fitTransform([['low'], ['high'], ['mid']]); // [[1], [3], [2]]
 * new OrdinalEncoder({ categories: [['low', 'mid', 'high']] }).fitTransform([['high']]); // [[2]]
 */
export class OrdinalEncoder {
  /** The options in effect. */
  readonly options: Readonly<OrdinalEncoderOptions>;
  private codes: Map<Category, number>[] | null = null;

  constructor(options: OrdinalEncoderOptions = {}) {
    const handleUnknown = options.handleUnknown ?? ORDINAL_DEFAULTS.handleUnknown;
    if (handleUnknown !== 'error' && handleUnknown !== 'use_encoded_value') throw new ConfigError(`handleUnknown must be "error" or "use_encoded_value", got ${JSON.stringify(handleUnknown)}`, { key: 'handleUnknown' });
    this.options = Object.freeze({ ...ORDINAL_DEFAULTS, ...options, handleUnknown });
  }

  /** Category -> code of each feature. */
  get mappings(): ReadonlyMap<Category, number>[] {
    return requireFitted(this.codes, 'OrdinalEncoder');
  }

  /** Learns the codes. Returns `this`. */
  fit(X: CategoryRows): this {
    const width = checkRows(X);
    const { mapping } = this.options;
    if (mapping) {
      if (mapping.length !== width) throw new ConfigError(`mapping has ${mapping.length} entries, X has ${width} features`, { key: 'mapping' });
      this.codes = mapping.map((m, j) => {
        const map = m instanceof Map ? new Map(m as ReadonlyMap<Category, number>) : new Map<Category, number>(Object.entries(m));
        for (const [k, v] of map) if (typeof v !== 'number' || Number.isNaN(v)) throw new ConfigError(`mapping of feature ${j} gives ${JSON.stringify(k)} a non-number code`, { key: 'mapping' });
        return map;
      });
      if (this.options.handleUnknown === 'error') for (let i = 0; i < X.length; i++) for (let j = 0; j < width; j++) if (!this.codes[j]!.has(X[i]![j]!)) throw unknownError(X[i]![j]!, i, j);
    } else {
      this.codes = learnCategories(X, width, this.options.categories).map((c) => new Map(c.map((v, k) => [v, k])));
    }
    return this;
  }

  /** Encodes rows as integer codes. */
  transform(X: CategoryRows): number[][] {
    const codes = requireFitted(this.codes, 'OrdinalEncoder');
    checkRows(X, codes.length);
    const useValue = this.options.handleUnknown === 'use_encoded_value';
    const unknown = this.options.unknownValue ?? NaN;
    return X.map((r, i) =>
      r.map((v, j) => {
        const c = codes[j]!.get(v);
        if (c !== undefined) return c;
        if (useValue) return unknown;
        throw unknownError(v, i, j);
      }),
    );
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform(X: CategoryRows): number[][] {
    return this.fit(X).transform(X);
  }

  /** Decodes codes back to categories (unknown codes give null). */
  inverseTransform(X: readonly (readonly number[])[]): Category[][] {
    const codes = requireFitted(this.codes, 'OrdinalEncoder');
    const back = codes.map((m) => new Map([...m].map(([k, v]) => [v, k])));
    return X.map((r) => r.map((c, j) => back[j]?.get(c) ?? null));
  }
}
