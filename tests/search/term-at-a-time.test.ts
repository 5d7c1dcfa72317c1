import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BoundPass } from '../../src/search/query/bound-pass.js';
import { Bm25fUnions, type Bm25fUnion } from '../../src/search/query/bm25f/bm25f-union.js';
import { DisjunctionScorer } from '../../src/search/query/boolean/disjunction-scorer.js';
import { TERM_AT_A_TIME_MAX_DOCS, termAtATimeTopK } from '../../src/search/query/boolean/term-at-a-time.js';
import { SearchContext } from '../../src/search/query/types.js';
import { BooleanQuery } from '../../src/search/query/boolean/boolean-query.js';
import { TermQuery } from '../../src/search/query/term/term-query.js';
import { WindowQuery } from '../../src/search/query/window/window-query.js';
import { SearchIndex } from '../../src/search/search-index.js';
import type { SearchOptions } from '../../src/search/options.js';
import { cranFixture, WS } from './helpers.js';

// Term-at-a-time collection must return what the doc-at-a-time walk returns: the same ids in the
// same order with bit-identical scores. The reference is the same search with the disjunction's
// own top-k turned off.
const docs = readFileSync(path.join(cranFixture.dir, 'docs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; title: string; text: string });
const fixtureQueries = readFileSync(path.join(cranFixture.dir, 'queries.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);

// Queries cut from the documents' own text (seeded), so terms repeat, pair up and appear in both fields.
function sampledQueries(n: number): string[] {
  let seed = 12345;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = docs[Math.floor(rand() * docs.length)]!;
    const words = (rand() < 0.3 ? d.title : d.text).split(/\s+/).filter(Boolean);
    const len = 1 + Math.floor(rand() * 9);
    const at = Math.floor(rand() * Math.max(1, words.length - len));
    const q = words.slice(at, at + len);
    if (rand() < 0.2 && q.length > 1) q.push(q[0]!); // a repeated term
    out.push(q.join(' '));
  }
  return out;
}

const queries = [...fixtureQueries, ...sampledQueries(120)];

function daat<T>(fn: () => T): T {
  const spy = vi.spyOn(DisjunctionScorer.prototype, 'topK').mockReturnValue(null);
  try {
    return fn();
  } finally {
    spy.mockRestore();
  }
}


const same = (index: SearchIndex, q: string, o: SearchOptions) => {
  const got = index.search(q, o).map((r) => [r.id, r.score]);
  const want = daat(() => index.search(q, o).map((r) => [r.id, r.score]));
  expect(got, `${q} ${JSON.stringify(o)}`).toEqual(want);
  for (let i = 0; i < got.length; i++) expect(Object.is(got[i]![1], want[i]![1])).toBe(true);
};

async function cranIndex(analyzer?: typeof WS) {
  const index = await SearchIndex.create({ fields: ['title', 'text'], storeFields: ['title'], ...(analyzer ? { analyzer } : {}) });
  index.addAll(docs);
  return index;
}

afterEach(() => vi.restoreAllMocks());

describe('term-at-a-time top k', () => {
  it('is used for plain queries, and gives the doc-at-a-time ids and scores bit for bit', async () => {
    const index = await cranIndex();
    const candidates = vi.spyOn(BoundPass.prototype, 'candidates');
    for (const q of queries) for (const topK of [1, 10, 1000]) same(index, q, { topK });
    expect(candidates).toHaveBeenCalled();
  });

  it('agrees with every ranking option: proximity off or tuned, summed fields, RM3, similarity, boosts, TF-IDF', async () => {
    const index = await cranIndex(WS);
    const variants: SearchOptions[] = [
      { proximity: false },
      { proximity: { weights: [0.6, 0.3, 0.1], orderedSlop: 0, unorderedSlop: 3 } },
      { bm25f: false },
      { rm3: true },
      { bm25: { k1: 0.4, b: 0.2 } },
      { bm25: { k1: 0, b: 1 } },
      { boost: { title: 3 } },
      { boost: { title: 0 } },
      { fields: ['text'] },
      { model: 'tfidf' },
    ];
    for (const o of variants) for (const q of queries.slice(0, 60)) same(index, q, { topK: 10, ...o });
  });

  it('keeps BM25F unions between searches, and builds them afresh when the index changes', async () => {
    const index = await cranIndex();
    const merged = vi.spyOn(Bm25fUnions.shared, 'get');
    const q = fixtureQueries[0]!;
    same(index, q, { topK: 10 });
    const first = merged.mock.results.map((r) => r.value as Bm25fUnion);
    expect(first.length).toBeGreaterThan(0);
    merged.mockClear();
    index.search(q, { topK: 10 });
    expect(merged.mock.results.map((r) => r.value)).toEqual(first);
    for (let i = 0; i < first.length; i++) expect(merged.mock.results[i]!.value).toBe(first[i]);
    // New docs holding the query's words in both fields: longer lists and new norm tables.
    index.addAll([{ id: 'new-1', title: q, text: `${q} ${q}` }, { id: 'new-2', title: q.split(' ').reverse().join(' '), text: q }]);
    merged.mockClear();
    same(index, q, { topK: 10 });
    expect(index.search(q, { topK: 3 }).map((r) => r.id)).toContain('new-1');
    for (const r of merged.mock.results) expect(first).not.toContain(r.value);
  });

  it('agrees with filters and deleted documents', async () => {
    const index = await cranIndex();
    for (const d of docs.slice(0, 80).filter((_, i) => i % 7 === 3)) index.remove(d.id);
    const filter = (id: string) => Number(id) % 3 !== 0;
    for (const q of queries.slice(0, 60)) {
      same(index, q, { topK: 10 });
      same(index, q, { topK: 5, filter });
      same(index, q, { topK: 10, filter: () => false });
    }
  });

  it('agrees on queries with operators, phrases, fields and fuzzy terms (where it applies or not)', async () => {
    const index = await cranIndex();
    const ops = ['"boundary layer" flow', 'title:wing flow pressure', '+flow wing -heat', 'flow OR wing^2 OR (heat transfer)', 'bondary~1 layer', 'supersoni* flow', 'wing wing wing', '-flow'];
    for (const q of ops) for (const topK of [3, 10, 100]) same(index, q, { topK });
  });

  it('handles docs that only a window may match (no term clause of theirs): scored only when the window matches', async () => {
    const index = await cranIndex();
    const q = new BooleanQuery([
      { occur: 'should', query: new WindowQuery('text', 'boundari', 'layer', { slop: 1, ordered: true }) },
      { occur: 'should', query: new WindowQuery('text', 'layer', 'boundari', { slop: 3, ordered: false }, 0.5) },
      { occur: 'should', query: new WindowQuery('title', 'flow', 'flow', { slop: 4, ordered: true }) },
      { occur: 'should', query: new TermQuery('title', 'heat', 0.2) },
    ]);
    for (const topK of [1, 5, 50]) {
      const got = index.search(q, { topK }).map((r) => [r.id, r.score]);
      expect(got.length).toBeGreaterThan(0);
      expect(got).toEqual(daat(() => index.search(q, { topK }).map((r) => [r.id, r.score])));
    }
  });

  it('leaves indexes above its size limit to the doc-order walk', async () => {
    const index = await cranIndex();
    const ctx = new SearchContext((index as unknown as { seg: SearchContext['segment'] }).seg, 'bm25', 1.2, 0.75);
    const scorer = () => index.parse('boundary layer flow')!.createWeight(ctx, 1).scorer()!;
    expect(termAtATimeTopK(scorer(), 10, () => true, TERM_AT_A_TIME_MAX_DOCS + 1)).toBeNull();
    expect(termAtATimeTopK(scorer(), 10, () => true, docs.length)).not.toBeNull();
  });

  it('survives a filter that searches the same index (nested searches keep their own scratch)', async () => {
    const index = await cranIndex();
    const inner = new Set(index.search('flow', { topK: 20 }).map((r) => r.id));
    const filter = (id: string) => index.search('boundary layer', { topK: 20 }).some((r) => r.id === id) || inner.has(id);
    for (const q of queries.slice(0, 10)) same(index, q, { topK: 10, filter });
  });

  it('gives a saved and loaded index the same answers', async () => {
    const index = await cranIndex();
    const again = await SearchIndex.fromBytes(index.toBytes());
    for (const q of queries.slice(0, 40)) expect(again.search(q, { topK: 10 })).toEqual(index.search(q, { topK: 10 }));
  });
});
