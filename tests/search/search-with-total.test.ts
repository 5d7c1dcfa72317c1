import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BoundPass, DecodedLists } from '../../src/search/query/bound-pass.js';
import { BooleanQuery } from '../../src/search/query/boolean/boolean-query.js';
import { TermQuery } from '../../src/search/query/term/term-query.js';
import { WindowQuery } from '../../src/search/query/window/window-query.js';
import type { SearchOptions } from '../../src/search/options.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { cranFixture, WS } from './helpers.js';

// searchWithTotal must give search()'s hits and count()'s total for every query and option, whether
// the total comes from the search's own pass or from a count of its own.
const docs = readFileSync(path.join(cranFixture.dir, 'docs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; title: string; text: string });
const fixtureQueries = readFileSync(path.join(cranFixture.dir, 'queries.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
const sampled = docs.slice(0, 40).map((d, i) => d.text.split(/\s+/).slice(i % 7, (i % 7) + 1 + (i % 6)).join(' '));
const ops = ['"boundary layer" flow', 'title:wing flow pressure', '+flow wing -heat', 'flow OR wing^2 OR (heat transfer)', 'bondary~1 layer', 'supersoni* flow', 'wing wing wing', '-flow', 'the of and', 'wing-body flow', 'nosuchword', 'nosuchword flow', 'unknownfield:wing flow'];
const queries = [...fixtureQueries, ...sampled, ...ops];

async function cranIndex(analyzer?: typeof WS) {
  const index = await SearchIndex.create({ fields: ['title', 'text'], storeFields: ['title', 'text'], ...(analyzer ? { analyzer } : {}) });
  index.addAll(docs);
  return index;
}

function agrees(index: SearchIndex, q: string | BooleanQuery, o: SearchOptions) {
  const { hits, total } = index.searchWithTotal(q, o);
  expect(total, `${String(q)} ${JSON.stringify(o)}`).toBe(index.count(q, o));
  const want = index.search(q, o);
  expect(hits).toEqual(want);
  for (let i = 0; i < hits.length; i++) expect(Object.is(hits[i]!.score, want[i]!.score)).toBe(true);
}

describe('searchWithTotal', () => {
  it("gives search()'s hits and count()'s total, taking the total from the search's pass for plain queries", async () => {
    const index = await cranIndex();
    const fromPass = vi.spyOn(BoundPass.prototype, 'candidates');
    const counted = vi.spyOn(index, 'count');
    for (const q of queries) for (const topK of [1, 10, 200]) agrees(index, q, { topK, highlight: true });
    // The plain queries did not count apart: the pass told their totals.
    expect(fromPass).toHaveBeenCalled();
    // count() ran once per check, and apart from that only for the few queries the pass did not count.
    const apart = counted.mock.calls.length - queries.length * 3;
    expect(apart).toBeGreaterThanOrEqual(0);
    expect(apart).toBeLessThan(ops.length * 3);
    fromPass.mockRestore();
  });

  it('agrees with every ranking option, filters and deleted documents', async () => {
    const index = await cranIndex(WS);
    for (const d of docs.slice(0, 80).filter((_, i) => i % 7 === 3)) index.remove(d.id);
    const variants: SearchOptions[] = [
      {},
      { proximity: false },
      { proximity: { weights: [0, 0.5, 0.5] } },
      { bm25f: false },
      { rm3: true },
      { boost: { title: 0 } },
      { fields: ['text'] },
      { model: 'tfidf' },
      { filter: (id: string) => Number(id) % 3 !== 0 },
      { filter: () => false },
      { topK: 0 },
    ];
    for (const o of variants) for (const q of queries.slice(0, 40).concat(ops)) agrees(index, q, { topK: 10, ...o });
  });

  it('counts apart when some doc only a window may match', async () => {
    const index = await cranIndex();
    const q = new BooleanQuery([
      { occur: 'should', query: new WindowQuery('text', 'boundari', 'layer', { slop: 1, ordered: true }) },
      { occur: 'should', query: new TermQuery('title', 'heat', 0.2) },
    ]);
    const counted = vi.spyOn(index, 'count');
    agrees(index, q, { topK: 5 });
    expect(counted).toHaveBeenCalledTimes(2); // once by searchWithTotal, once by the check
    expect(index.searchWithTotal(q, { topK: 5 }).total).toBeGreaterThan(0);
  });
});

describe('decoded postings kept between searches', () => {
  it('follow the index as documents are added, removed and updated', async () => {
    const index = await SearchIndex.create({ fields: ['title', 'text'], storeFields: ['title'] });
    index.addAll(docs.slice(0, 30));
    const qs = [...fixtureQueries, ...sampled.slice(0, 20)];
    // The same searches with every list decoded afresh in the pass.
    const unkept = <T>(fn: () => T): T => {
      const spy = vi.spyOn(DecodedLists.shared, 'get').mockReturnValue(null);
      try {
        return fn();
      } finally {
        spy.mockRestore();
      }
    };
    const check = () => {
      for (const q of qs) {
        const a = index.searchWithTotal(q, { topK: 10 });
        const b = unkept(() => index.searchWithTotal(q, { topK: 10 }));
        expect(a.total, q).toBe(b.total);
        expect(a.hits, q).toEqual(b.hits);
      }
    };
    check(); // lists decoded and kept
    index.addAll(docs.slice(30));
    check();
    index.remove(docs[3]!.id);
    index.update({ ...docs[5]!, text: `${docs[5]!.text} boundary layer flow wing` });
    check();
    index.compact();
    check();
    expect(DecodedLists.shared.size).toBeGreaterThan(0);
  });
});
