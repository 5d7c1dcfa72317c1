import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/search/analyzer.js';
import { NO_MORE_DOCS, SearchContext, type Scorer } from '../../src/search/query/types.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { Segment } from '../../src/search/segment.js';
import { WS } from './helpers.js';

const WORDS = ['wing', 'flow', 'layer', 'shock', 'heat', 'plate', 'jet', 'wave'];
const word = fc.constantFrom(...WORDS);
const text = fc.array(word, { maxLength: 10 }).map((w) => w.join(' '));
const corpus = fc.array(text, { minLength: 1, maxLength: 40 });
// Every scorer kind: term, disjunction, conjunction, req-excl, req-opt, phrase (exact, sloppy),
// prefix expansions (with the unscored union past the expansion limit), fuzzy.
const clause = fc.oneof(
  word,
  word.map((w) => `+${w}`),
  word.map((w) => `-${w}`),
  fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`),
  fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"~2`),
  word.map((w) => `${w[0]}*`),
  word.map((w) => `${w}s~1`),
);
const query = fc.array(clause, { minLength: 1, maxLength: 4 }).map((c) => c.join(' '));

function walk(s: Scorer): { docs: number[]; scores: number[] } {
  const docs: number[] = [];
  const scores: number[] = [];
  for (let d = s.next(); d !== NO_MORE_DOCS; d = s.next()) {
    expect(s.doc).toBe(d);
    docs.push(d);
    scores.push(s.score());
  }
  return { docs, scores };
}

describe('Scorer', () => {
  let analyzer: Analyzer;
  beforeAll(async () => {
    analyzer = await Analyzer.create(WS);
  });

  it('keeps the cursor contract: increasing docs, TERMINATED stays, advance lands where a walk does', async () => {
    const index = await SearchIndex.create({ fields: ['text'], analyzer });
    await fc.assert(
      fc.asyncProperty(corpus, query, fc.array(fc.nat(45), { maxLength: 8 }), async (texts, q, rawTargets) => {
        const seg = new Segment(['text']);
        for (const [i, t] of texts.entries()) seg.fields[0]!.addDoc(seg.newDoc(`d${i}`), analyzer.analyze(t), analyzer.strings);
        const ctx = new SearchContext(seg, 'bm25', 1.2, 0.75);
        const built = index.parse(q, { strict: true });
        const weight = built?.createWeight(ctx, 1);
        const fresh = () => weight?.scorer() ?? null;
        const s = fresh();
        if (!s) return;
        expect(s.doc).toBe(-1);
        const { docs, scores } = walk(s);
        for (let i = 1; i < docs.length; i++) expect(docs[i]!).toBeGreaterThan(docs[i - 1]!);
        // After the end: next and advance return TERMINATED, and doc stays there.
        expect(s.doc).toBe(NO_MORE_DOCS);
        expect(s.next()).toBe(NO_MORE_DOCS);
        expect(s.advance(NO_MORE_DOCS)).toBe(NO_MORE_DOCS);
        expect(s.doc).toBe(NO_MORE_DOCS);
        // Seeks to increasing targets land on the first match >= target, with the walk's score.
        const a = fresh()!;
        for (const t of [...new Set(rawTargets)].sort((x, y) => x - y)) {
          if (t <= a.doc) continue;
          const want = docs.find((d) => d >= t) ?? NO_MORE_DOCS;
          expect(a.advance(t)).toBe(want);
          expect(a.doc).toBe(want);
          if (want === NO_MORE_DOCS) break;
          expect(a.score()).toBe(scores[docs.indexOf(want)]);
        }
        // advance(NO_MORE_DOCS) exhausts a scorer.
        const b = fresh()!;
        expect(b.advance(NO_MORE_DOCS)).toBe(NO_MORE_DOCS);
        expect(b.next()).toBe(NO_MORE_DOCS);
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
