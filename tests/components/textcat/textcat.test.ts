import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextCategorizer, cats } from '../../../src/components/textcat/textcat.js';
import { evaluateTextcat } from '../../../src/components/textcat/evaluate.js';
import { fitMultinomialNb } from '../../../src/components/textcat/nb.js';
import { lbfgs } from '../../../src/components/textcat/lbfgs.js';
import { CsrMatrix } from '../../../src/vectorize/csr.js';
import { createPipeline } from '../../../src/pipeline/pipeline.js';
import '../../../src/components/register.js';
import { ArgumentError, ConfigError, FormatError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/util/rng.js';

// A small deterministic corpus: two topics with distinct vocabularies plus shared filler.
function corpus(n: number, seed = 1): { texts: string[]; labels: string[] } {
  const rng = new Rng(seed);
  const vocab: Record<string, string[]> = {
    sport: ['goal', 'match', 'team', 'score', 'league', 'coach'],
    tech: ['code', 'chip', 'server', 'laptop', 'software', 'cloud'],
    food: ['pasta', 'bread', 'cheese', 'recipe', 'oven', 'sauce'],
  };
  const filler = ['the', 'and', 'today', 'really', 'news', 'people'];
  const topics = Object.keys(vocab);
  const texts: string[] = [], labels: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = topics[i % 3]!;
    const words: string[] = [];
    for (let w = 0; w < 8; w++) words.push(rng.next() < 0.5 ? vocab[t]![rng.int(6)]! : filler[rng.int(6)]!);
    texts.push(words.join(' '));
    labels.push(t);
  }
  return { texts, labels };
}

describe('fitMultinomialNb', () => {
  it('matches MultinomialNB feature_log_prob_ and class_log_prior_ by hand', () => {
    // 3 docs x 2 features; classes 0, 0, 1; alpha 1.
    const X = CsrMatrix.fromDense([[2, 0], [1, 1], [0, 3]]);
    const { weights, bias } = fitMultinomialNb(X, Int32Array.of(0, 0, 1), 2, 1);
    // class 0 counts (3, 1), total 4 -> log((3+1)/(4+2)), log((1+1)/6); class 1 counts (0, 3) -> log(1/5), log(4/5)
    expect(weights[0]).toBeCloseTo(Math.log(4 / 6), 12);
    expect(weights[2]).toBeCloseTo(Math.log(2 / 6), 12);
    expect(weights[1]).toBeCloseTo(Math.log(1 / 5), 12);
    expect(weights[3]).toBeCloseTo(Math.log(4 / 5), 12);
    expect([...bias].map((b) => +b.toFixed(12))).toEqual([+Math.log(2 / 3).toFixed(12), +Math.log(1 / 3).toFixed(12)]);
  });
});

describe('lbfgs', () => {
  it('minimizes a convex quadratic and the Rosenbrock function', () => {
    const x = Float64Array.of(5, -3);
    const r = lbfgs(x, (v, g) => { g[0] = 2 * (v[0]! - 1); g[1] = 20 * (v[1]! + 2); return (v[0]! - 1) ** 2 + 10 * (v[1]! + 2) ** 2; }, { tol: 1e-10 });
    expect(r.converged).toBe(true);
    expect(x[0]).toBeCloseTo(1, 6);
    expect(x[1]).toBeCloseTo(-2, 6);
    const y = Float64Array.of(-1.2, 1);
    lbfgs(y, (v, g) => {
      const [a, b] = [v[0]!, v[1]!];
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    }, { tol: 1e-8, maxIter: 500 });
    expect(y[0]).toBeCloseTo(1, 4);
    expect(y[1]).toBeCloseTo(1, 4);
  });
});

describe('train', () => {
  const { texts, labels } = corpus(240);
  const test = corpus(90, 2);
  it('NB and logreg learn a multiclass task; probabilities sum to 1', () => {
    for (const model of ['nb', 'logreg'] as const) {
      const tc = TextCategorizer.train(texts, labels, { model });
      expect(tc.mode).toBe('multiclass');
      expect(tc.labels).toEqual(['food', 'sport', 'tech']);
      const s = evaluateTextcat(tc, test.texts, test.labels);
      expect(s.accuracy).toBeGreaterThan(0.9);
      expect(s.rocAuc).toBeGreaterThan(0.95);
      for (const p of tc.predictProba(test.texts.slice(0, 5))) expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });
  it('binary mode uses one sigmoid and reports both labels', () => {
    const idx = labels.map((l, i) => (l === 'food' ? -1 : i)).filter((i) => i >= 0);
    const tc = TextCategorizer.train(idx.map((i) => texts[i]!), idx.map((i) => labels[i]!), { model: 'logreg' });
    expect(tc.mode).toBe('binary');
    const p = tc.scores('goal team coach');
    expect(p.sport).toBeGreaterThan(0.8);
    expect(p.sport! + p.tech!).toBeCloseTo(1, 12);
    expect(tc.predict(['cloud server chip'])).toEqual(['tech']);
  });
  it('multilabel: independent labels with a threshold', () => {
    const ml = texts.map((_t, i) => (i % 5 === 0 ? [labels[i]!, 'short'] : [labels[i]!]));
    for (const model of ['nb', 'logreg'] as const) {
      const tc = TextCategorizer.train(texts, ml, { model });
      expect(tc.mode).toBe('multilabel');
      expect(tc.labels).toEqual(['food', 'short', 'sport', 'tech']);
      const pred = tc.predict(['pasta cheese oven sauce']) as string[][];
      expect(pred[0]).toContain('food');
      expect(pred[0]).not.toContain('tech');
    }
  });
  it('early stopping on a dev split stops before maxIter', () => {
    const devLosses: number[] = [];
    const tc = TextCategorizer.train(texts, labels, { model: 'logreg', devSize: 0.2, patience: 2, C: 1e6, maxIter: 200, onIteration: (_i, _t, d) => { if (d !== null) devLosses.push(d); } });
    expect(devLosses.length).toBe(tc.iterations);
    expect(tc.iterations).toBeLessThan(200);
    expect(evaluateTextcat(tc, test.texts, test.labels).accuracy).toBeGreaterThan(0.9);
  });
  it('stronger regularization shrinks confidence', () => {
    const weak = TextCategorizer.train(texts, labels, { C: 100 }).scores('goal team');
    const strong = TextCategorizer.train(texts, labels, { C: 0.01 }).scores('goal team');
    expect(weak.sport).toBeGreaterThan(strong.sport!);
  });
  it('rejects bad input with typed errors', () => {
    expect(() => TextCategorizer.train(['a b'], ['x', 'y'])).toThrow(ArgumentError);
    expect(() => TextCategorizer.train(['aa bb', 'cc dd'], ['x', 'x'])).toThrow(/2 distinct/);
    expect(() => TextCategorizer.train(texts, labels, { C: -1 })).toThrow(ConfigError);
    expect(() => TextCategorizer.train(texts, labels, { model: 'svm' as 'nb' })).toThrow(ConfigError);
  });
});

describe('save / load', () => {
  const { texts, labels } = corpus(120);
  const dir = mkdtempSync(join(tmpdir(), 'textcat-'));
  it('round-trips predictions exactly for both models and feature kinds', () => {
    for (const [model, features] of [['nb', 'count'], ['logreg', 'tfidf'], ['nb', 'tfidf']] as const) {
      const tc = TextCategorizer.train(texts, labels, { model, features, ngramRange: [1, 2] });
      const path = join(dir, `${model}-${features}.tlc`);
      tc.save(path);
      const back = TextCategorizer.load(path);
      expect(back.labels).toEqual(tc.labels);
      expect(back.predictProba(texts.slice(0, 10))).toEqual(tc.predictProba(texts.slice(0, 10)));
    }
  });
  it('rejects corrupt, truncated, foreign and future-version files', () => {
    const path = join(dir, 'm.tlc');
    TextCategorizer.train(texts, labels, { model: 'nb' }).save(path);
    const good = readFileSync(path);
    const flip = Buffer.from(good); flip[40] ^= 0xff;
    writeFileSync(join(dir, 'flip.tlc'), flip);
    expect(() => TextCategorizer.load(join(dir, 'flip.tlc'))).toThrow(/CRC/);
    writeFileSync(join(dir, 'short.tlc'), good.subarray(0, good.length - 20));
    expect(() => TextCategorizer.load(join(dir, 'short.tlc'))).toThrow(FormatError);
    writeFileSync(join(dir, 'foreign.tlc'), 'hello world, not a model');
    expect(() => TextCategorizer.load(join(dir, 'foreign.tlc'))).toThrow(/magic/);
    const v2 = Buffer.from(good); v2[4] = 2;
    writeFileSync(join(dir, 'v2.tlc'), v2);
    expect(() => TextCategorizer.load(join(dir, 'v2.tlc'))).toThrow(/version 2/);
    expect(() => TextCategorizer.load(join(dir, 'missing.tlc'))).toThrow(/cannot read/);
  });
});

describe('process / pipe / cats', () => {
  it('writes scores to doc.user cats from a pipeline config', async () => {
    const { texts, labels } = corpus(120);
    const dir = mkdtempSync(join(tmpdir(), 'textcat-pipe-'));
    TextCategorizer.train(texts, labels, { model: 'nb' }).save(join(dir, 'topic.tlc'));
    const nlp = await createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'textcat', options: { model: 'topic.tlc' } }] }, { baseDir: dir });
    const doc = nlp('pasta cheese sauce recipe');
    const c = cats(doc)!;
    expect(Object.keys(c).sort()).toEqual(['food', 'sport', 'tech']);
    expect(c.food).toBeGreaterThan(0.9);
    const docs = [...nlp.pipe(['goal match team', 'server code cloud'])];
    expect(cats(docs[0]!)!.sport).toBeGreaterThan(0.9);
    expect(cats(docs[1]!)!.tech).toBeGreaterThan(0.9);
    await expect(createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'textcat' }] })).rejects.toThrow(ConfigError);
  });
});

describe('evaluateTextcat', () => {
  const texts = ['win money now free prize', 'cheap pills free offer', 'meeting at noon tomorrow', 'see you at lunch', 'project report attached', 'claim your free prize', 'a once-only label here'];
  const labels = ['spam', 'spam', 'ham', 'ham', 'ham', 'spam', 'rare'];
  it('averages macro F1 over the labels in the gold or the predictions, as scikit-learn', () => {
    const tc = TextCategorizer.train(texts, labels, { model: 'nb' });
    expect(tc.predict(['free prize', 'lunch tomorrow'])).toEqual(['spam', 'ham']);
    // The model's third label, absent from this test set, must not count as a zero.
    const s = evaluateTextcat(tc, ['free prize', 'lunch tomorrow'], ['spam', 'ham']);
    expect(s.accuracy).toBe(1);
    expect(s.macroF1).toBe(1);
  });
  it('scores a gold label unknown to the model as a miss (a CV fold without a rare class)', () => {
    const tc = TextCategorizer.train(texts.slice(0, 6), labels.slice(0, 6), { model: 'logreg' });
    expect(tc.predict(['free prize', 'lunch tomorrow', 'a once-only label'])).toEqual(['spam', 'ham', 'ham']);
    const s = evaluateTextcat(tc, ['free prize', 'lunch tomorrow', 'a once-only label'], ['spam', 'ham', 'rare']);
    expect(s.accuracy).toBeCloseTo(2 / 3, 12);
    expect(s.macroF1).toBeCloseTo((1 + 2 / 3 + 0) / 3, 12); // F1 of spam 1, ham 2/3 (P 1/2, R 1), rare 0
    expect(s.rocAuc).toBeNaN();
    expect(s.logLoss).toBeNaN();
  });
});
