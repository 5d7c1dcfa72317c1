import { assertWritable } from '../../io/atomic.js';
import { ArgumentError } from '../../core/errors.js';
import { kFold } from '../../eval/validation.js';
import { crossValidate } from '../../eval/validation.js';
import { evaluateTextcat } from '../../components/textcat/evaluate.js';
import { TextCategorizer, type TextcatOptions } from '../../components/textcat/textcat.js';
import { TEXTCAT_DEFAULTS, VECTORIZER_ANALYZER_DEFAULTS } from '../../index.js';
import type { Command } from '../command.js';
import { parseRangeFlag } from '../flag-values.js';
import { ProgressBar } from '../progress.js';
import { LABELLED_JSONL_FLAGS, readLabelledInput } from '../flag-groups.js';

/** `textloom train textcat`: trains a text classifier from JSONL and saves it (optionally k-fold CV first). */
export const trainTextcat: Command = {
  name: 'train textcat',
  summary: 'train a text classifier (naive Bayes or logistic regression) from JSONL',
  usage: '--input FILE.jsonl --out MODEL [--text-field text] [--label-field label] [--model nb|logreg] [--kfold K] [--json]',
  help: 'Examples:\n  textloom train textcat --input train.jsonl --out spam.tlc --model nb\n  textloom train textcat --input train.jsonl --out spam.tlc --kfold 5 --json',
  flags: {
    input: { type: 'string', doc: 'JSONL training data (.gz ok)', value: 'FILE', required: true, alias: 'i' },
    out: { type: 'string', doc: 'model file to write', value: 'MODEL', required: true, alias: 'o' },
    ...LABELLED_JSONL_FLAGS,
    model: { type: 'string', doc: 'nb (multinomial naive Bayes) or logreg (L2 logistic regression)', default: TEXTCAT_DEFAULTS.model, value: 'KIND' },
    features: { type: 'string', doc: 'tfidf or count (default: count for nb, tfidf for logreg)', value: 'KIND' },
    ngram: { type: 'string', option: 'ngramRange', doc: 'word n-gram sizes MIN,MAX', default: VECTORIZER_ANALYZER_DEFAULTS.ngramRange.join(','), value: 'MIN,MAX' },
    alpha: { type: 'number', doc: 'NB smoothing', default: TEXTCAT_DEFAULTS.alpha, value: 'A' },
    c: { type: 'number', option: 'C', doc: 'logreg inverse regularization C', default: TEXTCAT_DEFAULTS.C, value: 'C' },
    'max-iter': { type: 'number', doc: 'logreg L-BFGS iterations', default: TEXTCAT_DEFAULTS.maxIter, value: 'N' },
    dev: { type: 'number', option: 'devSize', doc: 'logreg: share held out for early stopping (0 = off)', default: TEXTCAT_DEFAULTS.devSize, value: 'P' },
    kfold: { type: 'number', doc: 'cross-validate with K stratified folds before the final fit', value: 'K' },
    seed: { type: 'number', doc: 'seed of folds and dev split', default: TEXTCAT_DEFAULTS.seed, value: 'N' },
    json: { type: 'boolean', doc: 'print results as JSON' },
  },
  async run(args, io) {
    const f = args.flags;
    const model = String(f.model);
    if (model !== 'nb' && model !== 'logreg') throw new ArgumentError(`--model must be nb or logreg, got ${JSON.stringify(model)}`, { key: '--model' });
    const options: TextcatOptions = {
      model, alpha: Number(f.alpha), C: Number(f.c), maxIter: Number(f['max-iter']), devSize: Number(f.dev), seed: Number(f.seed),
      ngramRange: parseRangeFlag(f.ngram, 'ngram'),
    };
    if (f.features !== undefined) {
      if (f.features !== 'tfidf' && f.features !== 'count') throw new ArgumentError(`--features must be tfidf or count, got ${JSON.stringify(f.features)}`, { key: '--features' });
      options.features = f.features;
    }
    assertWritable(String(f.out)); // a bad output path fails now, not after the training
    const { texts, labels } = await readLabelledInput(f, io);
    const out: Record<string, unknown> = { examples: texts.length, model };
    if (f.kfold !== undefined) {
      const k = Number(f.kfold);
      if (!Number.isInteger(k) || k < 2) throw new ArgumentError(`--kfold needs an integer >= 2, got ${f.kfold}`, { key: '--kfold' });
      const multilabel = labels.some((l) => Array.isArray(l));
      const folds = kFold(texts.length, k, { shuffle: true, seed: Number(f.seed), ...(multilabel ? {} : { stratify: labels.map(String) }) });
      const cvBar = new ProgressBar('cross-validating', k, io.stderr);
      const cv = crossValidate(
        (tr, i) => { cvBar.update(i); return TextCategorizer.train(tr.map((j) => texts[j]!), tr.map((j) => labels[j]!), options); },
        (m, te) => { const s = evaluateTextcat(m, te.map((j) => texts[j]!), te.map((j) => labels[j]!)); return { accuracy: s.accuracy, macroF1: s.macroF1, rocAuc: s.rocAuc, logLoss: s.logLoss }; },
        folds,
      );
      cvBar.done();
      out.kfold = { k, mean: cv.mean, std: cv.std, folds: cv.folds };
    }
    const t0 = Date.now();
    const tc = TextCategorizer.train(texts, labels, options);
    tc.save(String(f.out));
    Object.assign(out, { labels: tc.labels, mode: tc.mode, iterations: tc.iterations, trainSeconds: (Date.now() - t0) / 1000, out: String(f.out) });
    if (f.json) io.stdout.write(JSON.stringify(out) + '\n');
    else {
      io.stdout.write(`trained ${model} (${tc.mode}, ${tc.labels.length} labels) on ${texts.length} examples in ${out.trainSeconds} s -> ${String(f.out)}\n`);
      const cv = out.kfold as { k: number; mean: Record<string, number>; std: Record<string, number> } | undefined;
      if (cv) for (const key of Object.keys(cv.mean)) io.stdout.write(`  ${cv.k}-fold ${key}: ${cv.mean[key]!.toFixed(4)} ± ${cv.std[key]!.toFixed(4)}\n`);
    }
  },
};
