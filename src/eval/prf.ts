/** Precision, recall and F1. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** P/R/F1 from counts: matched items, predicted items and gold items (0 where undefined). */
export function prf(tp: number, predicted: number, gold: number): PRF {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
