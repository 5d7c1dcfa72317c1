/**
 * Scores a trained {@link TextCategorizer} on labelled texts with the eval toolkit: accuracy, macro F1,
 * ROC-AUC and log loss (for multilabel: subset accuracy, and the others macro-averaged over labels).
 */
import { ArgumentError } from '../../core/errors.js';
import { accuracy, precisionRecallF1 } from '../../eval/metrics/labels.js';
import { rocAuc } from '../../eval/metrics/curves.js';
import { logLoss } from '../../eval/metrics/probability.js';
import type { TextCategorizer, TextcatLabel } from './textcat.js';

/**
 * Evaluation figures. `macroF1` averages over the labels present in the gold or the predictions
 * (scikit-learn's `f1_score(average='macro')`). `rocAuc` is NaN when a label has only one class in
 * the data; `rocAuc` and `logLoss` are NaN when a gold label is unknown to the model (as
 * scikit-learn's scorers give `error_score=nan` there), e.g. in a cross-validation fold that never saw it.
 */
export interface TextcatScores {
  n: number;
  accuracy: number;
  macroF1: number;
  rocAuc: number;
  logLoss: number;
}

/**
 * Evaluates `model` on `texts` with gold `labels`.
 * @example evaluateTextcat(tc, testTexts, testLabels) // { n, accuracy, macroF1, rocAuc, logLoss }
 */
export function evaluateTextcat(model: TextCategorizer, texts: readonly string[], labels: readonly TextcatLabel[]): TextcatScores {
  if (texts.length !== labels.length || texts.length === 0) throw new ArgumentError('texts and labels must be non-empty and equally long', { key: 'labels' });
  const probs = model.predictProba(texts);
  const L = model.labels;
  const safeAuc = (f: () => number): number => { try { return f(); } catch { return NaN; } };
  if (model.mode !== 'multilabel') {
    const gold = labels.map((l) => String(l));
    const pred = probs.map((p) => { let b = 0; for (let k = 1; k < p.length; k++) if (p[k]! > p[b]!) b = k; return L[b]!; });
    // A gold label the model never saw (a rare class missing from a CV training fold) is simply a
    // wrong prediction; the probability metrics are undefined then.
    const known = gold.every((g) => L.includes(g));
    const auc = !known ? NaN : model.mode === 'binary'
      ? safeAuc(() => rocAuc(gold, probs.map((p) => p[1]!), { posLabel: L[1]! }))
      : safeAuc(() => rocAuc(gold, probs, { labels: L }));
    return {
      n: texts.length,
      accuracy: accuracy(gold, pred),
      macroF1: precisionRecallF1(gold, pred, { average: 'macro' }).f1,
      rocAuc: auc,
      logLoss: known ? logLoss(gold, probs, { labels: L }) : NaN,
    };
  }
  const sets = labels.map((l) => new Set((Array.isArray(l) ? l : [l]).map(String)));
  let exact = 0, f1 = 0, auc = 0, loss = 0, aucN = 0;
  const th = model.threshold;
  probs.forEach((p, i) => { if (L.every((l, k) => (p[k]! >= th) === sets[i]!.has(l))) exact++; });
  L.forEach((l, k) => {
    const g = sets.map((s) => (s.has(l) ? 1 : 0));
    const pred = probs.map((p) => (p[k]! >= th ? 1 : 0));
    f1 += precisionRecallF1(g, pred, { posLabel: 1 }).f1;
    const a = safeAuc(() => rocAuc(g, probs.map((p) => p[k]!)));
    if (!Number.isNaN(a)) { auc += a; aucN++; }
    loss += logLoss(g, probs.map((p) => p[k]!), { labels: [0, 1] });
  });
  return { n: texts.length, accuracy: exact / texts.length, macroF1: f1 / L.length, rocAuc: aucN ? auc / aucN : NaN, logLoss: loss / L.length };
}
