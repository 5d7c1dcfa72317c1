export { prf, type PRF } from './prf.js';

function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return [s, e];
}

/**
 * Counts sentence boundaries that match between gold and predicted sentences of one text. A
 * boundary is the (whitespace-trimmed) end offset of every sentence but the text's last, whose end
 * is trivially right. This is the boundary F1 the sentence-splitting literature reports.
 */
export function countSentenceBoundaries(text: string, gold: readonly [number, number][], predicted: readonly [number, number][]): { tp: number; predicted: number; gold: number } {
  const ends = (spans: readonly [number, number][]): number[] => {
    const out: number[] = [];
    for (const [s, e] of spans) {
      const t = trimSpan(text, s, e);
      if (t[1] > t[0]) out.push(t[1]);
    }
    out.sort((a, b) => a - b);
    out.pop();
    return out;
  };
  const g = new Set(ends(gold));
  const p = ends(predicted);
  let tp = 0;
  for (const e of p) if (g.has(e)) tp++;
  return { tp, predicted: p.length, gold: g.size };
}
