/**
 * `TextCategorizer`: document classification over tf-idf or count features with multinomial naive
 * Bayes or L2 logistic regression; binary, multiclass (exclusive) or multilabel. As a pipeline
 * component it writes `{ label: probability }` to `doc.user.get('cats')` (read it with {@link cats}).
 */
import { setOwn } from '../../util/own.js';
import { ArgumentError, FormatError } from '../../core/errors.js';
import { resolveOptions, type OptionSchema } from '../../core/options.js';
import type { Doc } from '../../core/doc.js';
import type { Component } from '../../pipeline/component.js';
import { holdout } from '../../eval/validation.js';
import type { CsrMatrix } from '../../vectorize/csr.js';
import { Featurizer, type FeatureOptions } from './features.js';
import { readModelFile, writeModelFile } from './format.js';
import type { LinearModel } from './linear.js';
import { trainLogreg, predictLinear, type Target } from './logreg.js';
import { trainNb } from './nb.js';

/** Classification mode, inferred from the labels: strings (2 distinct: binary, more: multiclass) or string lists (multilabel). */
export type TextcatMode = 'binary' | 'multiclass' | 'multilabel';

/** Training options of {@link TextCategorizer.train}. */
export interface TextcatOptions extends FeatureOptions {
  /** `'nb'` (multinomial naive Bayes) or `'logreg'` (default, L2 logistic regression by L-BFGS). */
  model?: 'nb' | 'logreg';
  /** NB additive smoothing alpha > 0 (default 1, as scikit-learn). */
  alpha?: number;
  /** Logistic regression inverse regularization C > 0 (default 10; scikit-learn's default is 1). */
  C?: number;
  /** L-BFGS iterations, an integer >= 0 (default 100). */
  maxIter?: number;
  /** L-BFGS gradient tolerance, >= 0 (default 1e-4). */
  tol?: number;
  /** Share of the training data held out (stratified) for early stopping of logreg, in [0, 0.5) (default 0: off). */
  devSize?: number;
  /** Iterations without dev log-loss improvement before stopping, an integer >= 0 (default 5). */
  patience?: number;
  /** Seed of the dev split, an integer (default 1). */
  seed?: number;
  /** Multilabel decision threshold, in (0, 1) (default 0.5). */
  threshold?: number;
  /** Called per training iteration (logreg) with losses. */
  onIteration?: (iter: number, trainLoss: number, devLoss: number | null) => void;
}

/** Defaults of {@link TextcatOptions}. */
export const TEXTCAT_DEFAULTS = Object.freeze({
  model: 'logreg' as 'nb' | 'logreg',
  alpha: 1,
  C: 10,
  maxIter: 100,
  tol: 1e-4,
  devSize: 0,
  patience: 5,
  seed: 1,
  threshold: 0.5,
});

/** Schema of {@link TextcatOptions} (the feature options are the vectorizers' and checked by them too). */
export const TEXTCAT_SCHEMA: OptionSchema = Object.freeze({
  features: { type: 'string', enum: ['tfidf', 'count'], doc: 'tfidf or count (default: count for nb, tfidf for logreg)' },
  analyzer: { type: 'string', enum: ['word', 'char', 'char_wb'], doc: 'analyzer (default word)' },
  lowercase: { type: 'boolean', doc: 'lowercase first (default true)' },
  tokenPattern: { type: 'string', doc: "token pattern of the word analyzer (default scikit-learn's)" },
  stopWords: { type: 'any', doc: "'english', a word list, or null (default null)" },
  ngramRange: { type: 'array', doc: 'n-gram sizes [minN, maxN] (default [1, 1])' },
  minDf: { type: 'any', doc: 'drop terms in fewer documents (default 1)' },
  maxDf: { type: 'any', doc: 'drop terms in more documents (default all kept)' },
  maxFeatures: { type: 'integer', min: 1, nullable: true, doc: 'keep the N most frequent terms (default null = all)' },
  norm: { type: 'string', enum: ['l1', 'l2'], nullable: true, doc: "tf-idf row normalization (default 'l2')" },
  sublinearTf: { type: 'boolean', doc: 'tf-idf: 1 + ln(tf) (default false)' },
  smoothIdf: { type: 'boolean', doc: 'tf-idf: smooth idf (default true)' },
  model: { type: 'string', enum: ['nb', 'logreg'], default: TEXTCAT_DEFAULTS.model, doc: 'naive Bayes or logistic regression' },
  alpha: { type: 'number', min: 0, exclusiveMin: true, default: TEXTCAT_DEFAULTS.alpha, doc: 'NB additive smoothing' },
  C: { type: 'number', min: 0, exclusiveMin: true, default: TEXTCAT_DEFAULTS.C, doc: 'logreg inverse regularization' },
  maxIter: { type: 'integer', min: 0, default: TEXTCAT_DEFAULTS.maxIter, doc: 'L-BFGS iterations' },
  tol: { type: 'number', min: 0, default: TEXTCAT_DEFAULTS.tol, doc: 'L-BFGS gradient tolerance' },
  devSize: { type: 'number', min: 0, max: 0.5, exclusiveMax: true, default: TEXTCAT_DEFAULTS.devSize, doc: 'share held out for early stopping (0: off)' },
  patience: { type: 'integer', min: 0, default: TEXTCAT_DEFAULTS.patience, doc: 'iterations without dev improvement before stopping' },
  seed: { type: 'integer', default: TEXTCAT_DEFAULTS.seed, doc: 'seed of the dev split' },
  threshold: { type: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, default: TEXTCAT_DEFAULTS.threshold, doc: 'multilabel decision threshold' },
  onIteration: { type: 'function', doc: 'called per logreg iteration with losses' },
} satisfies OptionSchema);

/** A label of one training example: a class name, or the list of labels that apply (multilabel). */
export type TextcatLabel = string | number | ReadonlyArray<string | number>;

/** Document-level scores as written to `doc.user.get('cats')`. */
export type Cats = Record<string, number>;

/**
 * The scores a textcat component put on `doc` (`doc.user.get('cats')`), or undefined.
 * @example cats(nlp('Win a free prize now!')) // { ham: 0.03, spam: 0.97 }
 */
export function cats(doc: Doc): Cats | undefined {
  return doc.user.get('cats') as Cats | undefined;
}

/**
 * A trained text classifier; also a pipeline {@link Component}.
 * @example
 * const tc = TextCategorizer.train(texts, labels, { model: 'nb' });
 * tc.predict(['cheap meds online']); // ['spam']
 * tc.save('spam.tlc'); const again = TextCategorizer.load('spam.tlc');
 */
export class TextCategorizer implements Component {
  name = 'textcat';

  private constructor(
    /** Label names, in output order (sorted). */
    readonly labels: string[],
    /** Binary, multiclass or multilabel. */
    readonly mode: TextcatMode,
    /** `'nb'` or `'logreg'`. */
    readonly kind: 'nb' | 'logreg',
    private readonly featurizer: Featurizer,
    private readonly model: LinearModel,
    /** Multilabel decision threshold. */
    readonly threshold: number,
    /** Training iterations run (logreg) or 1 (nb). */
    readonly iterations: number,
  ) {}

  /**
   * Trains on `texts` with one label each (a string, or a list of strings for multilabel).
   * See {@link TextcatOptions} for options and defaults.
   */
  static train(texts: readonly string[], labels: readonly TextcatLabel[], options: TextcatOptions = {}): TextCategorizer {
    if (texts.length !== labels.length) throw new ArgumentError(`${texts.length} texts but ${labels.length} labels`, { key: 'labels' });
    if (texts.length < 2) throw new ArgumentError('textcat needs at least 2 training examples', { key: 'texts' });
    // Training options are kept and saved with the model: a bad one is a ConfigError.
    const o = { ...TEXTCAT_DEFAULTS, ...(resolveOptions(TEXTCAT_SCHEMA, options, { what: 'textcat', config: true }) as TextcatOptions) };
    // NB models term counts (its multinomial assumption); logreg does best on l2-normalized tf-idf.
    o.features = options.features ?? (o.model === 'nb' ? 'count' : 'tfidf');
    const multilabel = labels.some((l) => Array.isArray(l));
    const names = new Set<string>();
    labels.forEach((l, i) => {
      if (multilabel && !Array.isArray(l)) throw new ArgumentError(`label ${i} is not a list, but others are (multilabel)`, { key: `labels[${i}]` });
      for (const v of (Array.isArray(l) ? l : [l]) as Array<string | number>) {
        if (typeof v !== 'string' && typeof v !== 'number') throw new ArgumentError(`label ${i} is not a string or number`, { key: `labels[${i}]` });
        names.add(String(v));
      }
    });
    const sorted = [...names].sort();
    if (!multilabel && sorted.length < 2) throw new ArgumentError(`need at least 2 distinct labels, got ${JSON.stringify(sorted)}`, { key: 'labels' });
    if (multilabel && sorted.length < 1) throw new ArgumentError('no labels given', { key: 'labels' });
    const mode: TextcatMode = multilabel ? 'multilabel' : sorted.length === 2 ? 'binary' : 'multiclass';
    const index = new Map(sorted.map((n, i) => [n, i]));
    const classes = new Int32Array(texts.length);
    const L = sorted.length;
    const multi = new Uint8Array(multilabel ? texts.length * L : 0);
    labels.forEach((l, i) => {
      if (multilabel) for (const v of l as ReadonlyArray<string | number>) multi[i * L + index.get(String(v))!] = 1;
      else classes[i] = index.get(String(l))!;
    });
    texts.forEach((t, i) => { if (typeof t !== 'string') throw new ArgumentError(`text ${i} is not a string`, { key: `texts[${i}]` }); });

    let trainIdx: number[] | null = null;
    let devIdx: number[] = [];
    if (o.model === 'logreg' && o.devSize > 0) {
      const split = holdout(texts.length, { testSize: o.devSize, seed: o.seed, ...(multilabel ? {} : { stratify: classes }) });
      trainIdx = split.train;
      devIdx = split.test;
    }
    const pick = <T>(arr: readonly T[], idx: number[] | null): T[] => (idx ? idx.map((i) => arr[i]!) : [...arr]);
    const subTarget = (idx: number[] | null): Target => {
      if (!multilabel) return { classes: idx ? Int32Array.from(idx, (i) => classes[i]!) : classes, nClasses: L };
      if (!idx) return { multilabel: multi, nLabels: L };
      const m = new Uint8Array(idx.length * L);
      idx.forEach((i, r) => m.set(multi.subarray(i * L, i * L + L), r * L));
      return { multilabel: m, nLabels: L };
    };
    const { featurizer, X } = Featurizer.fit(pick(texts, trainIdx), o);
    let model: LinearModel;
    let iterations = 1;
    if (o.model === 'nb') {
      model = trainNb(X, subTarget(null), o.alpha);
    } else {
      const dev = devIdx.length ? { X: featurizer.transform(devIdx.map((i) => texts[i]!)), target: subTarget(devIdx) } : null;
      const r = trainLogreg(X, subTarget(trainIdx), {
        C: o.C, maxIter: o.maxIter, tol: o.tol, dev, patience: o.patience,
        ...(o.onIteration ? { onIteration: o.onIteration } : {}),
      });
      model = r.model;
      iterations = r.iterations;
    }
    return new TextCategorizer(sorted, mode, o.model, featurizer, model, o.threshold, iterations);
  }

  /** Probabilities, one row per text with one value per label (`labels` order). */
  predictProba(texts: readonly string[]): Float64Array[] {
    return this.probaFromMatrix(this.featurizer.transform(texts));
  }

  private probaFromMatrix(X: CsrMatrix): Float64Array[] {
    const z = predictLinear(X, this.model);
    const L = this.labels.length;
    const out: Float64Array[] = [];
    for (let i = 0; i < X.nRows; i++) {
      if (this.mode === 'binary') {
        const p = z[i]!;
        out.push(Float64Array.of(1 - p, p));
      } else out.push(z.slice(i * L, i * L + L));
    }
    return out;
  }

  /** Predicted label per text (the most probable); for multilabel, the labels at or above the threshold. */
  predict(texts: readonly string[]): string[] | string[][] {
    const probs = this.predictProba(texts);
    if (this.mode === 'multilabel') return probs.map((p) => this.labels.filter((_, k) => p[k]! >= this.threshold));
    return probs.map((p) => {
      let best = 0;
      for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
      return this.labels[best]!;
    });
  }

  /** Scores of one text as `{ label: probability }`. */
  scores(text: string): Cats {
    return this.toCats(this.predictProba([text])[0]!);
  }

  private toCats(p: Float64Array): Cats {
    const c: Cats = {};
    // A label is data: `__proto__` must become a key, not the object's prototype.
    this.labels.forEach((l, k) => setOwn(c, l, p[k]!));
    return c;
  }

  /** Component: sets `doc.user.get('cats')` from the doc's text. */
  process(doc: Doc): void {
    doc.user.set('cats', this.scores(doc.text));
  }

  /** Component batch path: one matrix for the whole batch. */
  pipe(docs: Doc[]): void {
    const probs = this.predictProba(docs.map((d) => d.text));
    docs.forEach((d, i) => d.user.set('cats', this.toCats(probs[i]!)));
  }

  /** Saves the model (binary, versioned, CRC-checked; written atomically). */
  save(path: string): void {
    const fs = this.featurizer.state();
    const arrays: Record<string, Float64Array> = { weights: this.model.weights, bias: this.model.bias };
    if (fs.idf) arrays.idf = fs.idf;
    writeModelFile(path, {
      kind: this.kind, mode: this.mode, labels: this.labels, threshold: this.threshold, iterations: this.iterations,
      link: this.model.link, nOut: this.model.nOut, features: fs.options, vocabulary: fs.vocabulary,
    }, arrays);
  }

  /** Loads a model written by {@link save}; FormatError naming the file on any inconsistency. */
  static load(path: string): TextCategorizer {
    const { header: h, arrays } = readModelFile(path);
    const bad = (what: string): FormatError => new FormatError(`textcat model: ${what}`, { file: path });
    const labels = h.labels as string[];
    const vocabulary = h.vocabulary as string[];
    if (!Array.isArray(labels) || !Array.isArray(vocabulary)) throw bad('labels or vocabulary missing');
    if (h.kind !== 'nb' && h.kind !== 'logreg') throw bad(`unknown kind ${JSON.stringify(h.kind)}`);
    if (h.mode !== 'binary' && h.mode !== 'multiclass' && h.mode !== 'multilabel') throw bad(`unknown mode ${JSON.stringify(h.mode)}`);
    if (h.link !== 'softmax' && h.link !== 'sigmoid') throw bad(`unknown link ${JSON.stringify(h.link)}`);
    const nOut = h.nOut as number;
    const { weights, bias } = arrays;
    if (!weights || !bias || bias.length !== nOut || weights.length !== vocabulary.length * nOut) throw bad('weight shapes do not match the vocabulary');
    const options = (h.features ?? {}) as FeatureOptions;
    const featurizer = Featurizer.fromState({ options, vocabulary, idf: arrays.idf ?? null });
    const model: LinearModel = { nFeatures: vocabulary.length, nOut, link: h.link, weights, bias };
    return new TextCategorizer(labels, h.mode, h.kind, featurizer, model, Number(h.threshold ?? TEXTCAT_DEFAULTS.threshold), Number(h.iterations ?? 1));
  }
}
