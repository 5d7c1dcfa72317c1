/**
 * Exact-match precision / recall / F1 for labelled spans (entities, matcher output), as spaCy's
 * `Scorer.score_spans`: a predicted span counts only if start, end and label all match a gold span.
 */
import { ArgumentError } from '../../core/errors.js';

/** A span over token (or character) offsets, end exclusive; `label` may be omitted for unlabelled spans. */
export interface SpanLike {
  start: number;
  end: number;
  label?: string;
}

/** Precision, recall and F1 with the counts they came from. */
export interface SpanPrf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

/** Micro-averaged scores plus one entry per label. */
export interface SpanScores extends SpanPrf {
  perLabel: Record<string, SpanPrf>;
}

function prf(tp: number, fp: number, fn: number): SpanPrf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

/**
 * Scores predicted spans against gold spans, document by document (`gold[d]` and `pred[d]` are the spans of
 * document d). Duplicate spans within a document count once. Scores with no denominator are 0.
 * @param options.labeled compare labels too (default true); false scores boundaries only
 * @example
 * spanPrf([[{ start: 0, end: 2, label: 'PER' }]], [[{ start: 0, end: 2, label: 'PER' }, { start: 3, end: 4, label: 'LOC' }]])
 * // { precision: 0.5, recall: 1, f1: 0.667, ... }
 */
export function spanPrf(
  gold: ReadonlyArray<ReadonlyArray<SpanLike>>,
  pred: ReadonlyArray<ReadonlyArray<SpanLike>>,
  options: { labeled?: boolean } = {},
): SpanScores {
  if (gold.length !== pred.length) {
    throw new ArgumentError(`gold and pred have different document counts (${gold.length} vs ${pred.length})`, { key: 'pred' });
  }
  const labeled = options.labeled !== false;
  const counts = new Map<string, [number, number, number]>();
  const bump = (label: string, k: 0 | 1 | 2): void => {
    let c = counts.get(label);
    if (!c) counts.set(label, (c = [0, 0, 0]));
    c[k]++;
  };
  let tp = 0, fp = 0, fn = 0;
  for (let d = 0; d < gold.length; d++) {
    const keyOf = (s: SpanLike, where: string): string => {
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end < s.start) {
        throw new ArgumentError(`invalid span [${s.start}, ${s.end}) in ${where} document ${d}`, { key: where });
      }
      return `${s.start}:${s.end}:${labeled ? s.label ?? '' : ''}`;
    };
    const g = new Map<string, string>();
    for (const s of gold[d]!) g.set(keyOf(s, 'gold'), labeled ? s.label ?? '' : '');
    const p = new Map<string, string>();
    for (const s of pred[d]!) p.set(keyOf(s, 'pred'), labeled ? s.label ?? '' : '');
    for (const [k, label] of p) {
      if (g.has(k)) { tp++; bump(label, 0); } else { fp++; bump(label, 1); }
    }
    for (const [k, label] of g) if (!p.has(k)) { fn++; bump(label, 2); }
  }
  const perLabel: Record<string, SpanPrf> = {};
  for (const label of [...counts.keys()].sort()) {
    const [a, b, c] = counts.get(label)!;
    perLabel[label] = prf(a, b, c);
  }
  return { ...prf(tp, fp, fn), perLabel };
}
