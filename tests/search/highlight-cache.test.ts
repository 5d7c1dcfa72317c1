import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/search/analyzer.js';
import { AnalyzedTextCache, bestPassage, HIGHLIGHT_DEFAULTS } from '../../src/search/highlight.js';
import { WS } from './helpers.js';

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await Analyzer.create(WS);
});

// The passage choice as first written (every window scanned afresh), to check the sliding window against.
function referenceWindow(text: string, wanted: ReadonlySet<string>, fragmentSize: number): [number, number] | null {
  const ts = analyzer.analyze(text);
  const hits: { s: number; e: number; t: string }[] = [];
  for (let i = 0; i < ts.n; i++) {
    const t = analyzer.strings.get(ts.terms[i]!);
    if (wanted.has(`f\u0000${t}`)) hits.push({ s: ts.starts[i]!, e: ts.ends[i]! , t });
  }
  if (!hits.length) return null;
  let best = { i: 0, j: 1, distinct: 0, count: 0 };
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<string>();
    let j = i;
    while (j < hits.length && hits[j]!.e - hits[i]!.s <= fragmentSize) seen.add(hits[j++]!.t);
    if (seen.size > best.distinct || (seen.size === best.distinct && j - i > best.count)) best = { i, j: Math.max(j, i + 1), distinct: seen.size, count: j - i };
  }
  const first = hits[best.i]!;
  const last = hits[best.j - 1]!;
  const slack = Math.max(0, fragmentSize - (last.e - first.s));
  let start = Math.max(0, first.s - Math.floor(slack / 2));
  let end = Math.min(text.length, last.e + (slack - (first.s - start)));
  if (start > 0) {
    const sp = text.indexOf(' ', start);
    start = sp >= 0 && sp < first.s ? sp + 1 : first.s;
  }
  if (end < text.length) {
    const sp = text.lastIndexOf(' ', end);
    end = sp > last.e ? sp : last.e;
  }
  return [start, end];
}

const WORDS = ['wing', 'flow', 'layer', 'boundary', 'the', 'of', 'shock', 'a', 'heat', 'transfer'];

describe('snippets from cached analyses', () => {
  it('are the snippets of a fresh analysis, and the window is the best one (property)', () => {
    const cache = new AnalyzedTextCache(200); // small: evictions happen during the run
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 120 }), fc.subarray(WORDS, { minLength: 1 }), fc.integer({ min: 5, max: 80 }), (words, query, fragmentSize) => {
        const text = words.join(' ');
        const wanted = new Set(query.map((w) => `f\u0000${w}`));
        const fresh = bestPassage('f', text, analyzer, wanted, { fragmentSize });
        expect(bestPassage('f', text, analyzer, wanted, { fragmentSize }, cache)).toEqual(fresh);
        expect(bestPassage('f', text, analyzer, wanted, { fragmentSize }, cache)).toEqual(fresh);
        const ref = referenceWindow(text, wanted, fragmentSize);
        if (!ref) {
          expect(fresh).toBeNull();
          return;
        }
        // The passage is the one the reference chose.
        const plain = fresh!.snippet.replaceAll(HIGHLIGHT_DEFAULTS.pre, '').replaceAll(HIGHLIGHT_DEFAULTS.post, '');
        expect(plain.replace(/^…|…$/g, '')).toBe(text.slice(fresh!.start, fresh!.end));
        expect([fresh!.start, fresh!.end]).toEqual(ref);
      }),
      { numRuns: 300 },
    );
  });
  it('hold at most maxTokens tokens, and a changed text is analyzed afresh', () => {
    const cache = new AnalyzedTextCache(10);
    const a = cache.get(analyzer, 'wing flow layer');
    expect(cache.get(analyzer, 'wing flow layer')).toBe(a);
    expect(cache.get(analyzer, 'shock '.repeat(8)).n).toBe(8); // 3 + 8 > 10: the first goes
    expect(cache.get(analyzer, 'wing flow layer')).not.toBe(a);
    expect(cache.get(analyzer, 'wing flow lawyer').n).toBe(3);
  });
});
