import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/search/analyzer.js';
import type { Explanation } from '../../src/search/query/types.js';
import { SearchIndex, type SearchOptions } from '../../src/search/search-index.js';
import { WS } from './helpers.js';

const WORDS = ['wing', 'flow', 'layer', 'boundary', 'shock', 'heat', 'plate', 'jet', 'mach', 'wave', 'cone', 'drag'];
const word = fc.constantFrom(...WORDS);
const text = fc.array(word, { minLength: 0, maxLength: 14 }).map((w) => w.join(' '));
const corpus = fc.array(fc.record({ title: text, text: text }), { minLength: 1, maxLength: 25 });

// Queries of every kind the parser builds: plain words (ranked with proximity, BM25F and RM3 when
// asked), required and excluded terms, phrases (exact and sloppy), prefixes, fuzzy terms, fields, boosts.
const clause = fc.oneof(
  word,
  word.map((w) => `+${w}`),
  word.map((w) => `-${w}`),
  fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`),
  fc.tuple(word, word, fc.integer({ min: 1, max: 3 })).map(([a, b, s]) => `"${a} ${b}"~${s}`),
  word.map((w) => `${w.slice(0, 2)}*`),
  word.map((w) => `${w}x~1`),
  fc.tuple(fc.constantFrom('title', 'text'), word).map(([f, w]) => `${f}:${w}`),
  fc.tuple(word, fc.constantFrom(2, 0.5)).map(([w, b]) => `${w}^${b}`),
);
const plainQuery = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const query = fc.oneof(plainQuery, fc.array(clause, { minLength: 1, maxLength: 4 }).map((c) => c.join(' ')));

const options: fc.Arbitrary<SearchOptions> = fc.oneof(
  fc.record({ proximity: fc.boolean(), bm25f: fc.boolean(), rm3: fc.oneof(fc.constant(false), fc.record({ fbDocs: fc.integer({ min: 1, max: 4 }), fbTerms: fc.integer({ min: 1, max: 5 }) })), bm25: fc.record({ k1: fc.constantFrom(0, 0.9, 1.2, 2), b: fc.constantFrom(0, 0.4, 0.75, 1) }), topK: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ model: fc.constant('tfidf' as const), proximity: fc.boolean(), topK: fc.integer({ min: 1, max: 8 }) }),
);

// A "product of:" node (a term's boost × idf × tf) must agree with its value: the factors are read
// from the same idf and norm cache as the score.
function checkProducts(e: Explanation): void {
  if (e.description.endsWith('product of:')) {
    const product = e.details!.reduce((p, d) => p * d.value, 1);
    expect(Math.abs(product - e.value)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(e.value)));
  }
  for (const d of e.details ?? []) checkProducts(d);
}

describe('SearchIndex.explain', () => {
  let analyzer: Analyzer;
  beforeAll(async () => {
    analyzer = await Analyzer.create(WS);
  });

  it("gives every hit's search score exactly, for random corpora, queries and options", async () => {
    await fc.assert(
      fc.asyncProperty(corpus, fc.array(query, { minLength: 1, maxLength: 4 }), options, fc.array(fc.nat(30), { maxLength: 4 }), async (docs, queries, opts, removed) => {
        const index = await SearchIndex.create({ fields: ['title', 'text'], analyzer, boosts: { title: 2 } });
        index.addAll(docs.map((d, i) => ({ id: `d${i}`, ...d })));
        for (const r of removed) index.remove(`d${r}`); // tombstones still count in the statistics
        for (const q of queries) {
          for (const hit of index.search(q, opts)) {
            const e = index.explain(q, hit.id, opts);
            expect(e.value, `${q} ${hit.id}`).toBe(hit.score);
            checkProducts(e);
          }
        }
      }),
      { numRuns: 120, seed: 20261206 },
    );
  });

  it('gives a document that does not match the value 0', async () => {
    const index = await SearchIndex.create({ fields: ['text'], analyzer });
    index.addAll([
      { id: 'a', text: 'wing flow' },
      { id: 'b', text: 'shock wave' },
    ]);
    expect(index.search('wing')[0]!.id).toBe('a');
    expect(index.explain('wing', 'b').value).toBe(0);
  });
});
