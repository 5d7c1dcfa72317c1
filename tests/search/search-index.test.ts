import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, ConfigError } from '../../src/core/errors.js';
import { Analyzer } from '../../src/search/analyzer.js';
import { decodeNorm, encodeNorm } from '../../src/search/bm25.js';
import { QuerySyntaxError } from '../../src/search/query/parser.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { CRAN_SOURCES, cranDocs, cranQueries, plain, WS, type CranDoc } from './helpers.js';

// Set per data source (the Cranfield documents shipped with the tests, then the full collection).
let DOCS: CranDoc[] = [];
let QUERIES: { id: string; text: string }[] = [];
/** Queries a..b of the full collection; all of a smaller query set. */
const someQueries = (a: number, b: number) => (QUERIES.length >= b ? QUERIES.slice(a, b) : QUERIES);

/** Independent BM25 (Lucene 8+) over analyzed token lists, summed over fields. */
const statsCache = new Map<string, { toks: string[][]; N: number; avg: number; df: Map<string, number> }[]>();
function bruteForce(analyzer: Analyzer, fields: string[], query: string, k: number, model: 'bm25' | 'tfidf' = 'bm25') {
  const qterms = analyzer.terms(query);
  const key = fields.join(',');
  if (!statsCache.has(key)) statsCache.set(key, fieldStats(analyzer, fields));
  const perField = statsCache.get(key)!;
  return rank(perField, qterms, k, model);
}

function fieldStats(analyzer: Analyzer, fields: string[]) {
  return fields.map((f) => {
    const toks = DOCS.map((d) => analyzer.terms(String(d[f] ?? '')));
    const N = toks.filter((t) => t.length).length;
    const avg = toks.reduce((s, t) => s + t.length, 0) / N;
    const df = new Map<string, number>();
    for (const t of toks) for (const w of new Set(t)) df.set(w, (df.get(w) ?? 0) + 1);
    return { toks, N, avg, df };
  });
}

function rank(perField: { toks: string[][]; N: number; avg: number; df: Map<string, number> }[], qterms: string[], k: number, model: 'bm25' | 'tfidf') {
  const scored = DOCS.map((d, i) => {
    let s = 0;
    let hit = false;
    for (const { toks, N, avg, df } of perField) {
      for (const w of qterms) {
        const f = toks[i]!.filter((x) => x === w).length;
        if (!f) continue;
        hit = true;
        const n = df.get(w)!;
        const dl = decodeNorm(encodeNorm(toks[i]!.length));
        if (model === 'bm25') s += (Math.log(1 + (N - n + 0.5) / (n + 0.5)) * f) / (f + 1.2 * (1 - 0.75 + (0.75 * dl) / avg));
        else s += (Math.sqrt(f) * (1 + Math.log((N + 1) / (n + 1)))) / Math.sqrt(dl);
      }
    }
    return { id: d.id, score: s, hit };
  });
  return scored
    .filter((x) => x.hit)
    .sort((a, b) => b.score - a.score || Number(a.id) - Number(b.id))
    .slice(0, k);
}

async function cranIndex(extra: object = {}) {
  const index = await SearchIndex.create({ fields: ['title', 'text'], storeFields: ['title', 'text'], analyzer: WS, ...extra });
  index.addAll(DOCS);
  return index;
}

for (const src of CRAN_SOURCES) {
  describe.skipIf(!src.available)(src.title('SearchIndex'), () => {
    beforeAll(() => {
      DOCS = cranDocs(src, 400);
      QUERIES = cranQueries(src);
      statsCache.clear();
    });

    describe('SearchIndex.create', () => {
      it('rejects bad options with the key named', async () => {
        await expect(SearchIndex.create({ fields: [] })).rejects.toBeInstanceOf(ConfigError);
        await expect(SearchIndex.create({ fields: ['a'], boosts: { b: 2 }, analyzer: WS })).rejects.toThrow(/boosts\.b/);
        await expect(SearchIndex.create({ fields: ['a'], similarity: { b: 2 }, analyzer: WS })).rejects.toThrow(/similarity\.b/);
        await expect(SearchIndex.create({ fields: ['a'], analyzer: { pipeline: { tokenizer: { factory: 'nope' } } } })).rejects.toThrow(/nope/);
      });
      it('rejects misspelt keys and a storeFields string (it was ignored, or spread into letters)', async () => {
        const key = (k: string) => expect.objectContaining({ where: expect.objectContaining({ key: k }) });
        await expect(SearchIndex.create({ fields: ['a'], storFields: ['a'] } as never)).rejects.toThrow(/unknown SearchIndex option "storFields"/);
        await expect(SearchIndex.create({ fields: ['a'], storeFields: 'a' as never })).rejects.toEqual(key('storeFields'));
        await expect(SearchIndex.create({ fields: ['a'], idField: '' })).rejects.toEqual(key('idField'));
        await expect(SearchIndex.create(null as never)).rejects.toBeInstanceOf(ConfigError);
        await expect(SearchIndex.load('/nonexistent', { analyzr: WS } as never)).rejects.toThrow(/unknown load option "analyzr"/);
        await expect(SearchIndex.load(5 as never)).rejects.toBeInstanceOf(ArgumentError);
      });
    });

    describe('SearchIndex.search', () => {
      it('ranks exactly as Lucene BM25 summed over fields (top 10 vs brute force, MaxScore on)', async () => {
        const index = await cranIndex();
        const an = index.analyzer('text');
        for (const q of someQueries(0, 60)) {
          const want = bruteForce(an, ['title', 'text'], plain(q.text), 10);
          const got = index.search(plain(q.text), { topK: 10, proximity: false, bm25f: false });
          expect(got.map((r) => r.id), q.id).toEqual(want.map((r) => r.id));
          got.forEach((r, i) => expect(r.score).toBeCloseTo(want[i]!.score, 9));
        }
      });
      it('supports TF-IDF (ClassicSimilarity) as an option', async () => {
        const index = await cranIndex();
        const an = index.analyzer('text');
        for (const q of someQueries(0, 10)) {
          const want = bruteForce(an, ['text'], plain(q.text), 10, 'tfidf');
          const got = index.search(plain(q.text), { topK: 10, model: 'tfidf', fields: ['text'], proximity: false });
          expect(got.map((r) => r.id)).toEqual(want.map((r) => r.id));
        }
      });
      it('returns the same top k whatever k (pruning never drops a winner)', async () => {
        const index = await cranIndex();
        for (const q of someQueries(60, 90)) {
          const all = index.search(plain(q.text), { topK: 1000 });
          const top = index.search(plain(q.text), { topK: 5 });
          expect(top.map((r) => r.id)).toEqual(all.slice(0, 5).map((r) => r.id));
          top.forEach((r, i) => expect(r.score).toBeCloseTo(all[i]!.score, 12));
        }
      });
      it('evaluates boolean operators, phrases, fields, prefix, fuzzy and boosts', async () => {
        const index = await cranIndex();
        const ids = (q: string, o = {}) => new Set(index.search(q, { topK: 1000, ...o }).map((r) => r.id));
        const wing = ids('wing');
        const flow = ids('flow');
        const both = ids('wing AND flow');
        expect([...both].every((d) => wing.has(d) && flow.has(d))).toBe(true);
        expect(both.size).toBe([...wing].filter((d) => flow.has(d)).length);
        expect(ids('+wing -flow')).toEqual(new Set([...wing].filter((d) => !flow.has(d))));
        expect(ids('wing NOT flow')).toEqual(new Set([...wing].filter((d) => !flow.has(d))).size ? ids('wing NOT flow') : new Set());
        // phrase: every hit contains the words adjacently (stop words keep their slot)
        for (const id of ids('"boundary layer"')) expect(DOCS.find((d) => d.id === id)!.text).toMatch(/boundary[ -]layers?/);
        expect(ids('"layer boundary"').size).toBeLessThan(ids('"boundary layer"').size);
        // field restriction
        for (const id of ids('title:slipstream')) expect(DOCS.find((d) => d.id === id)!.title).toMatch(/slipstream/);
        // prefix and fuzzy reach terms the exact term misses
        expect(ids('aerodyn*').size).toBeGreaterThan(0);
        expect(ids('slipstraem~2')).toEqual(ids('slipstream'));
        // boost changes ranking weight
        const a = index.search('wing flow^10', { topK: 3 });
        const b = index.search('wing^10 flow', { topK: 3 });
        expect(a.map((r) => r.id)).not.toEqual(b.map((r) => r.id));
      });
      it('a prefix matches every document with an expansion, as Lucene (beyond 64 expansions docs were dropped)', async () => {
        const index = await cranIndex();
        const an = index.analyzer('text');
        const terms = DOCS.map((d) => [...an.terms(d.title), ...an.terms(d.text)]);
        for (const p of ['a', 'co', 'aero', 'r']) {
          const truth = DOCS.filter((_, i) => terms[i]!.some((t) => t.startsWith(p))).map((d) => d.id);
          const hits = index.search(`${p}*`, { topK: DOCS.length });
          expect(index.count(`${p}*`)).toBe(truth.length);
          expect(hits.map((h) => h.id).sort()).toEqual(truth.sort());
          // the 64 most frequent expansions are BM25-scored; the rest only match (score 0, last)
          const firstZero = hits.findIndex((h) => h.score === 0);
          if (firstZero >= 0) expect(hits.slice(firstZero).every((h) => h.score === 0)).toBe(true);
        }
        // r* has a document matching only rarer expansions in both sources (1 of 80, 9 of 400)
        const zero = index.search('r*', { topK: DOCS.length }).find((h) => h.score === 0)!;
        expect(index.explain('r*', zero.id).details![0]!.description).toMatch(/more terms, unscored/);
      });
      it("fuzzy expansions score with the largest df among them, as Lucene's blended rewrite (the rarest typo ranked first)", async () => {
        const index = await SearchIndex.create({ fields: ['text'], analyzer: WS });
        index.addAll([...Array.from({ length: 8 }, (_, i) => ({ id: `w${i}`, text: `wing flow${i}` })), { id: 'typo', text: 'wink flowx' }]);
        const hits = index.search('wing~1', { topK: 20 });
        expect(hits.length).toBe(9);
        expect(hits[8]!.id).toBe('typo'); // same length, boost 0.75 < 1: last
        // boost * idf(maxDf) * tf: exactly 0.75 of an exact match's score
        expect(hits[8]!.score).toBeCloseTo(0.75 * hits[0]!.score, 12);
        expect(JSON.stringify(index.explain('wing~1', 'typo'))).toMatch(/n=8 docs containing term \(blended/);
      });
      it('is lenient by default and strict on request', async () => {
        const index = await cranIndex();
        expect(index.search('(wing AND "flow', { topK: 3 }).length).toBe(3);
        expect(() => index.search('(wing AND "flow', { strict: true })).toThrow(QuerySyntaxError);
        expect(() => index.search('nofield:wing', { strict: true })).toThrow(/unknown field/);
        // lenient: an unknown field reads as plain words
        expect(index.search('nofield:wing').length).toBeGreaterThan(0);
        expect(index.search('nofield:wing')).toEqual(index.search('nofield wing'));
        expect(index.search('the of and')).toEqual([]);
        expect(() => index.search('wing', { topK: -1 })).toThrow(ArgumentError);
      });
      it('reads an unknown field: in lenient mode as plain words instead of dropping the clause', async () => {
        const index = await SearchIndex.create({ fields: ['title', 'text'], analyzer: WS });
        index.addAll([{ id: 'a', title: 'heat transfer', text: 'a review of heat transfer' }, { id: 'b', title: 'wing', text: 'transfer of lift' }]);
        const strip = (hs: { id: string; score: number }[]) => hs.map((h) => [h.id, h.score.toFixed(12)]);
        for (const o of [{}, { proximity: false, bm25f: false }]) {
          // "transfer:" used to be an unknown field, dropped with its word: only "heat" was searched
          expect(strip(index.search('heat transfer: review', o))).toEqual(strip(index.search('heat transfer review', o)));
          expect(strip(index.search('nofield:wing', o))).toEqual(strip(index.search('nofield wing', o)));
          expect(strip(index.search('title:heat +transfer:lift', o))).toEqual(strip(index.search('title:heat +(transfer lift)', o)));
        }
        expect(() => index.search('heat transfer: review', { strict: true })).toThrow(/unknown field "transfer"/);
      });
      it('never throws in lenient mode, whatever the query', async () => {
        const index = await SearchIndex.create({ fields: ['title', 'text'], analyzer: WS });
        index.addAll(DOCS.slice(0, 50));
        const unit = fc.constantFrom('wing', 'flow', 'the', ' ', '(', ')', '"', ':', 'title:', 'nofield:', '^', '^2', '~', '~1', '*', '\\', '+', '-', 'AND', 'OR', 'NOT', 'x');
        fc.assert(
          fc.property(fc.array(unit, { maxLength: 12 }), (parts) => {
            const r = index.search(parts.join(''), { topK: 3 });
            expect(Array.isArray(r)).toBe(true);
          }),
          { numRuns: 500 },
        );
      });
      it('applies filters, returns stored fields and highlights', async () => {
        const index = await cranIndex();
        const first = index.search('propeller', { topK: 1 })[0]!.id;
        const r = index.search('propeller', { topK: 5, filter: (id) => id !== first, highlight: true });
        expect(r.length).toBeGreaterThan(0);
        for (const x of r) {
          expect(x.id).not.toBe(first);
          expect(typeof x.fields!.title).toBe('string');
          expect(x.highlights!.text).toMatch(/<mark>propel\w*<\/mark>/);
        }
      });
      it('honours per-search bm25 parameters', async () => {
        const index = await cranIndex();
        const s1 = index.search('wing', { topK: 1 })[0]!.score;
        const s2 = index.search('wing', { topK: 1, bm25: { k1: 2, b: 0 } })[0]!.score;
        expect(s1).not.toBeCloseTo(s2, 6);
      });
    });

    describe('SearchIndex.create (per-field analyzers)', () => {
      it('analyzes each field with its own pipeline, also after save/load', async () => {
        const { mkdtempSync, rmSync } = await import('node:fs');
        const { tmpdir } = await import('node:os');
        const path = await import('node:path');
        const index = await SearchIndex.create({
          fields: ['title', 'text'],
          analyzer: WS,
          fieldAnalyzers: { title: { pipeline: { tokenizer: { factory: 'whitespace' } }, stopWords: false } },
        });
        index.add({ id: 'a', title: 'The Wings', text: 'The Wings' });
        expect(index.analyzer('title').terms('The Wings')).toEqual(['the', 'wings']);
        expect(index.analyzer('text').terms('The Wings')).toEqual(['wing']);
        expect(index.search('title:wings').map((r) => r.id)).toEqual(['a']);
        expect(index.search('title:wing')).toEqual([]);
        expect(index.search('text:wing').map((r) => r.id)).toEqual(['a']);
        const dir = mkdtempSync(path.join(tmpdir(), 'tl-fa-'));
        await index.save(dir);
        const loaded = await SearchIndex.load(dir);
        expect(loaded.analyzer('title').terms('The Wings')).toEqual(['the', 'wings']);
        expect(loaded.search('title:wing')).toEqual([]);
        rmSync(dir, { recursive: true, force: true });
      });
    });

    describe('SearchIndex.explain', () => {
      it('sums to the score', async () => {
        const index = await cranIndex();
        const top = index.search('wing slipstream', { topK: 1 })[0]!;
        const e = index.explain('wing slipstream', top.id);
        expect(e.value).toBeCloseTo(top.score, 12);
        expect(e.details!.reduce((s, d) => s + d.value, 0)).toBeCloseTo(top.score, 12);
        expect(JSON.stringify(e)).toMatch(/idf, computed as log/);
      });
      it('gives 0 for a document the filter rejects, as search never returns it (it explained a score)', async () => {
        const index = await SearchIndex.create({ fields: ['text'], analyzer: WS });
        index.addAll([{ id: 1, text: 'wing' }, { id: 2, text: 'wing flow' }]);
        const filter = (id: string) => id === '1';
        expect(index.search('wing', { filter }).map((r) => r.id)).toEqual(['1']);
        expect(index.explain('wing', 2, { filter })).toEqual({ value: 0, description: 'no match: document "2" is rejected by the filter' });
        expect(index.explain('wing', 1, { filter }).value).toBeCloseTo(index.search('wing', { filter })[0]!.score, 12);
      });
    });

    describe('SearchIndex.add / remove / update / has / compact', () => {
      it('maintains documents, tombstones and compaction', async () => {
        const index = await SearchIndex.create({ fields: ['text'], storeFields: ['text'], analyzer: WS });
        index.addAll([
          { id: 1, text: 'wing flow' },
          { id: 2, text: 'wing' },
          { id: 3, text: 'flow flow' },
        ]);
        expect(index.documentCount).toBe(3);
        expect(() => index.add({ id: 1, text: 'x' })).toThrow(/already indexed/);
        expect(() => index.add({ text: 'x' })).toThrow(/"id"/);
        expect(index.remove(2)).toBe(true);
        expect(index.remove(2)).toBe(false);
        expect(index.has(2)).toBe(false);
        expect(index.search('wing').map((r) => r.id)).toEqual(['1']);
        index.update({ id: 1, text: 'tail' });
        expect(index.search('wing')).toEqual([]);
        expect(index.search('tail').map((r) => r.id)).toEqual(['1']);
        expect(index.deletedCount).toBe(2);
        const before = index.search('flow tail', { topK: 10 });
        index.compact();
        expect(index.deletedCount).toBe(0);
        expect(index.documentCount).toBe(2);
        // After compaction the deleted docs leave the statistics, so only the ids/order are compared.
        expect(index.search('flow tail', { topK: 10 }).map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
        expect(index.getStored(1)).toEqual({ text: 'tail' });
      });
      it('compaction matches a fresh index exactly', async () => {
        const a = await cranIndex();
        for (let i = 0; i < DOCS.length; i += 3) a.remove(DOCS[i]!.id);
        a.compact();
        const b = await SearchIndex.create({ fields: ['title', 'text'], analyzer: WS });
        b.addAll(DOCS.filter((_, i) => i % 3 !== 0));
        for (const q of someQueries(0, 15)) expect(a.search(plain(q.text), { topK: 10 }).map((r) => [r.id, r.score.toFixed(9)])).toEqual(b.search(plain(q.text), { topK: 10 }).map((r) => [r.id, r.score.toFixed(9)]));
      });
      it('addAll accepts async iterables and reports progress', async () => {
        const index = await SearchIndex.create({ fields: ['text'], analyzer: WS });
        const seen: number[] = [];
        async function* gen() {
          for (const d of DOCS.slice(0, 25)) yield d;
        }
        await index.addAll(gen(), { onProgress: (n) => seen.push(n), progressEvery: 10 });
        expect(seen).toEqual([10, 20, 25]);
        expect(index.documentCount).toBe(25);
      });
      it('addAll of an array with a duplicate or bad document adds none of it (it added the docs before it)', async () => {
        const index = await SearchIndex.create({ fields: ['text'], analyzer: WS });
        index.add({ id: 0, text: 'old' });
        expect(() => index.addAll([{ id: 1, text: 'a' }, { id: 2, text: 'b' }, { id: 1, text: 'c' }])).toThrow(/documents\[2\]: a document with id "1" is already earlier in the batch; nothing was added/);
        expect(() => index.addAll([{ id: 1, text: 'a' }, { id: 0, text: 'b' }])).toThrow(/documents\[1\]: .*"0" is already indexed/);
        expect(() => index.addAll([{ id: 1, text: 'a' }, { id: 2, text: { x: 1 } }])).toThrow(expect.objectContaining({ where: expect.objectContaining({ key: 'text' }) }));
        expect([index.documentCount, index.deletedCount, index.has(1)]).toEqual([1, 0, false]);
        // a stream is added as it comes; the error says how much was
        function* gen() {
          yield { id: 1, text: 'a' };
          yield { id: 1, text: 'b' };
        }
        expect(() => index.addAll(gen())).toThrow(/the 1 document\(s\) before it were added/);
        expect(index.has(1)).toBe(true);
        expect(() => index.addAll([], { progressEvery: 0 })).toThrow(/progressEvery/);
        const seen: number[] = [];
        index.addAll([{ id: 5, text: 'x' }, { id: 6, text: 'y' }, { id: 7, text: 'z' }], { onProgress: (n) => seen.push(n), progressEvery: 2 });
        expect(seen).toEqual([2, 3]);
      });
      it('refuses a bad document before changing the index (it was half added, or the old version lost)', async () => {
        const index = await SearchIndex.create({ fields: ['title', 'text'], storeFields: ['title', 'meta'], analyzer: WS });
        index.add({ id: 1, title: 'wing', text: 'flow', meta: { year: 1960 } });
        const circular: Record<string, unknown> = {};
        circular.self = circular;
        const bad: [Record<string, unknown>, RegExp, string][] = [
          [{ id: 2, title: 'wing', meta: 10n }, /stored field "meta" of document "2" cannot be stored as JSON/, 'meta'],
          [{ id: 1, title: 'wing', meta: circular }, /stored field "meta"/, 'meta'],
          [{ id: 2, title: { en: 'wing' } }, /field "title" of document "2" must be a string/, 'title'],
          [{ id: 2, text: ['a', { b: 1 }] }, /field "text"/, 'text'],
          [{ id: NaN, title: 'wing' }, /no usable "id"/, 'id'],
          [{ id: '', title: 'wing' }, /no usable "id"/, 'id'],
        ];
        for (const [doc, re, key] of bad) {
          // id 1 exists: only update applies (and must keep the old version)
          for (const op of doc.id === 1 ? [() => index.update(doc)] : [() => index.add(doc), () => index.update(doc)]) {
            let err: unknown;
            try {
              op();
            } catch (e) {
              err = e;
            }
            expect(err, JSON.stringify(Object.keys(doc))).toBeInstanceOf(ArgumentError);
            expect((err as Error).message).toMatch(re);
            expect((err as ArgumentError).where?.key).toBe(key);
          }
        }
        expect([index.documentCount, index.deletedCount, index.has(2)]).toEqual([1, 0, false]);
        expect(index.search('wing').map((r) => r.id)).toEqual(['1']);
        expect(index.getStored(1)).toEqual({ title: 'wing', meta: { year: 1960 } });
        index.add({ id: 2, title: ['swept', 'wing', 3, true], text: null });
        expect(index.search('swept').map((r) => r.id)).toEqual(['2']);
      });
    });

    describe('SearchIndex.highlight', () => {
      it('marks the matched terms in the best passage', async () => {
        const index = await cranIndex();
        const h = index.highlight({ id: 'x', text: 'a study of the wing . nothing here . the slipstream of a wing in a propeller slipstream was measured .' }, 'wing slipstream', { fragmentSize: 60 })!;
        expect(h.field).toBe('text');
        expect(h.snippet).toContain('<mark>slipstream</mark>');
        expect(h.snippet).toContain('<mark>wing</mark>');
        expect(h.terms.sort()).toEqual(['slipstream', 'wing']);
        expect(index.highlight('1', 'zebra')).toBeNull();
      });
      it('highlights array and number fields as they were indexed (only strings were)', async () => {
        const index = await SearchIndex.create({ fields: ['tags', 'year'], storeFields: ['tags', 'year'], analyzer: WS });
        index.add({ id: 1, tags: ['swept wing', 'delta'], year: 1958 });
        expect(index.search('delta 1958', { highlight: true })[0]!.highlights).toEqual({ tags: 'swept wing\n<mark>delta</mark>', year: '<mark>1958</mark>' });
        expect(index.highlight(1, 'wing')!.snippet).toBe('swept <mark>wing</mark>\ndelta');
        expect(index.highlight({ year: 1958 }, '1958')!.field).toBe('year');
      });
    });

    describe('SearchIndex.highlight (option checks)', () => {
      it('rejects bad highlight options in search() and highlight() (a negative fragmentSize or numeric mark was used as given)', async () => {
        const index = await SearchIndex.create({ fields: ['title'], storeFields: ['title'], analyzer: WS });
        index.add({ id: 'a', title: 'wing flow' });
        expect(() => index.search('wing', { highlight: { fragmentSize: -5 } })).toThrow(/highlight.fragmentSize must be a positive integer/);
        expect(() => index.search('wing', { highlight: { pre: 5 as never } })).toThrow(/highlight.pre must be a string/);
        expect(() => index.search('wing', { highlight: { fragment: 80 } as never })).toThrow(/unknown highlight option "fragment"/);
        expect(() => index.highlight('a', 'wing', { fragmentSize: 0 })).toThrow(/fragmentSize/);
        expect(index.search('wing', { highlight: { pre: '[', post: ']' } })[0]!.highlights).toEqual({ title: '[wing] flow' });
        expect(index.highlight('a', 'wing', { fields: ['title'], strict: true, fragmentSize: 40 })!.snippet).toBe('<mark>wing</mark> flow');
      });
    });

    describe('SearchIndex.suggest', () => {
      it('completes the last word by document frequency', async () => {
        const index = await cranIndex();
        const s = index.suggest('boundary lay', { limit: 3 });
        expect(s[0]).toMatchObject({ term: 'layer' });
        expect(s[0]!.suggestion).toMatch(/^boundary layers?$/);
        // surface forms, even where the stem is shorter than the typed word
        const b = index.suggest('boundary', { limit: 1 })[0]!;
        expect(b.term).toBe('boundari');
        expect(b.suggestion).toMatch(/^boundar(y|ies)$/);
        for (let i = 1; i < s.length; i++) expect(s[i - 1]!.df).toBeGreaterThanOrEqual(s[i]!.df);
        expect(index.suggest('')).toEqual([]);
      });
      it('rejects a bad limit or an unknown field instead of answering nothing', async () => {
        const index = await SearchIndex.create({ fields: ['text'], analyzer: WS });
        index.add({ id: 1, text: 'wing' });
        expect(() => index.suggest('w', { limit: -1 })).toThrow(/limit must be a non-negative integer/);
        expect(() => index.suggest('w', { fields: ['txt'] })).toThrow(/"txt" is not an indexed field/);
        expect(index.suggest('w', { fields: ['text'] }).map((s) => s.term)).toEqual(['wing']);
      });
      it('completes the last part of a compound where the field splits compounds', async () => {
        const split = await SearchIndex.create({ fields: ['text'] });
        const whole = await SearchIndex.create({ fields: ['text'], analyzer: { splitCompounds: false } });
        for (const index of [split, whole]) index.addAll([{ id: 1, text: 'a non-linear flow' }, { id: 2, text: 'linear theory, x/c=0.5' }]);
        expect(split.suggest('the non-l')).toEqual([{ suggestion: 'the non-linear', term: 'linear', df: 2 }]);
        expect(split.suggest('x/')).toEqual([]);
        expect(whole.suggest('the non-l')).toEqual([{ suggestion: 'the non-linear', term: 'non-linear', df: 1 }]);
      });
      it('counts live documents only: removed or updated docs are not suggested (they were until compact)', async () => {
        const index = await SearchIndex.create({ fields: ['title', 'text'], analyzer: WS });
        index.addAll([
          { id: 1, title: 'zeppelin', text: 'zeppelin zephyr' },
          { id: 2, title: 'x', text: 'zeppelin' },
          { id: 3, title: 'x', text: 'zephyr' },
        ]);
        expect(index.suggest('zep')).toEqual([
          { suggestion: 'zeppelin', term: 'zeppelin', df: 3 },
          { suggestion: 'zephyr', term: 'zephyr', df: 2 },
        ]);
        index.remove(1);
        index.update({ id: 3, title: 'x', text: 'y' });
        const live = [{ suggestion: 'zeppelin', term: 'zeppelin', df: 1 }];
        expect(index.suggest('zep')).toEqual(live);
        index.compact();
        expect(index.suggest('zep')).toEqual(live);
      });
    });

    describe('SearchIndex.search (option checks)', () => {
      const small = async () => {
        const index = await SearchIndex.create({ fields: ['title', 'text'], analyzer: WS });
        index.addAll([{ id: 'a', title: 'wing', text: 'boundary layer flow' }]);
        return index;
      };
      it('rejects bad ranking options whatever the query, never ignoring them', async () => {
        const index = await small();
        // a query with operators takes no proximity or feedback, but a bad option is still a mistake
        for (const q of ['+boundary layer', 'title:wing', 'boundary layer']) {
          expect(() => index.search(q, { proximity: { weights: [1, 2] as never } })).toThrow(ArgumentError);
          expect(() => index.search(q, { rm3: { fbDocs: -1 } })).toThrow(/rm3.fbDocs/);
        }
        expect(() => index.search('boundary', { rm3: { fbdocs: 5 } as never })).toThrow(/unknown rm3 option "fbdocs"/);
        expect(() => index.search('boundary', { proximity: { slop: 2 } as never })).toThrow(/unknown proximity option "slop"/);
        expect(() => index.search('boundary', { bm25f: 'no' as never })).toThrow(/bm25f must be true or false/);
        expect(() => index.search('boundary layer', { proximity: { weights: [Infinity, 0, 0] } })).toThrow(/proximity.weights/);
        expect(() => index.search('boundary', { filter: 'a' as never })).toThrow(/filter must be a function/);
        expect(() => index.explain('+boundary', 'a', { rm3: { fbTerms: 0 } })).toThrow(/rm3.fbTerms/);
      });
      it('rejects a boost for an unknown field or of a bad value (it used to give NaN scores or be ignored)', async () => {
        const index = await small();
        for (const o of [{}, { proximity: false, bm25f: false }]) {
          expect(() => index.search('wing boundary', { ...o, boost: { title: NaN } })).toThrow(/boost.title must be a finite number/);
          expect(() => index.search('wing boundary', { ...o, boost: { title: -1 } })).toThrow(/boost.title/);
          expect(() => index.search('wing boundary', { ...o, boost: { titel: 2 } })).toThrow(/"titel", which is not an indexed field/);
          expect(index.search('wing boundary', { ...o, boost: { title: 0 } })[0]!.score).toBeGreaterThan(0);
        }
      });
      it('rejects a query that is neither a string nor a Query', async () => {
        const index = await small();
        for (const q of [5, null, {}, undefined]) {
          expect(() => index.search(q as never)).toThrow(/a query must be a string or a Query/);
          expect(() => index.count(q as never)).toThrow(/a query must be a string or a Query/);
          expect(() => index.explain(q as never, 'a')).toThrow(/a query must be a string or a Query/);
        }
      });
      it('rejects an empty fields list the same way with or without ranking features', async () => {
        const index = await small();
        for (const o of [{}, { proximity: false, bm25f: false }, { rm3: true }]) {
          expect(() => index.search('boundary layer', { ...o, fields: [] })).toThrow(/fields must be a non-empty list/);
        }
        expect(() => index.count('boundary', { fields: [] })).toThrow(/fields must be a non-empty list/);
      });
      it('a topK beyond the number of documents returns every hit (it used to allocate topK slots and crash)', async () => {
        const index = await small();
        index.add({ id: 'b', title: 'flow', text: 'wing' });
        for (const topK of [1e12, Number.MAX_SAFE_INTEGER]) {
          expect(index.search('wing', { topK }).map((r) => r.id)).toEqual(index.search('wing', { topK: 2 }).map((r) => r.id));
          expect(index.search('wing', { topK, rm3: { fbDocs: topK } }).length).toBe(2);
        }
      });
      it('count equals the number of hits an unbounded search returns (the count marks the union of postings, nested fields included)', async () => {
        const docs = cranDocs(CRAN_SOURCES[0]!);
        const index = await SearchIndex.create({ fields: ['title', 'text'], storeFields: ['title'] });
        index.addAll(docs.map((d) => ({ id: d.id, title: d.title, text: d.text })));
        index.remove(docs[3]!.id);
        const queries = [...cranQueries(CRAN_SOURCES[0]!).map((q) => q.text), 'wing', 'title:flow boundary', '+wing -flow', 'xyzzy', '"boundary layer"'];
        const filter = (id: string) => Number(id) % 3 !== 0;
        let nonZero = 0;
        for (const q of queries) {
          for (const o of [{}, { filter }, { fields: ['text'] }]) {
            const hits = index.search(q, { ...o, topK: 1e12, proximity: false, rm3: false });
            expect(index.count(q, o), `${q} ${JSON.stringify(Object.keys(o))}`).toBe(hits.length);
            if (hits.length) nonZero++;
          }
        }
        expect(nonZero).toBeGreaterThan(20);
      });
      it('count applies the filter as search does (it counted every match)', async () => {
        const index = await small();
        index.add({ id: 'b', title: 'flow', text: 'wing' });
        const filter = (id: string) => id === 'b';
        expect(index.search('wing', { filter }).map((r) => r.id)).toEqual(['b']);
        expect(index.count('wing', { filter })).toBe(1);
        expect(index.count('wing')).toBe(2);
        expect(() => index.count('wing', { filter: 1 as never })).toThrow(/filter must be a function/);
      });
      it('rejects bm25 options that Lucene refuses or that are misspelt (k1 = Infinity scored every hit 0, typos were ignored)', async () => {
        const index = await small();
        expect(() => index.search('wing', { bm25: { k1: Infinity } })).toThrow(/bm25.k1 must be a finite number/);
        expect(() => index.search('wing', { bm25: { k1: Infinity } })).toThrow(expect.objectContaining({ where: expect.objectContaining({ key: 'bm25.k1' }) }));
        expect(() => index.search('wing', { bm25: { b: 1.5 } })).toThrow(/bm25.b must be a number in \[0, 1\]/);
        expect(() => index.search('wing', { bm25: { K1: 2 } as never })).toThrow(/unknown bm25 option "K1"/);
        expect(() => index.search('wing', { bm25: 5 as never })).toThrow(/bm25 must be an object/);
        expect(() => index.count('wing', { bm25: { k1: '2' as never } })).toThrow(/bm25.k1/);
        expect(index.search('wing', { bm25: { k1: 0, b: 0 } })[0]!.score).toBeGreaterThan(0);
        await expect(SearchIndex.create({ fields: ['t'], similarity: { k1: Infinity } })).rejects.toThrow(/similarity.k1 must be a finite number/);
        await expect(SearchIndex.create({ fields: ['t'], similarity: { B: 0.5 } as never })).rejects.toThrow(ConfigError);
      });
      it('rejects unknown search option keys and non-object options (a misspelt topk was ignored)', async () => {
        const index = await small();
        expect(() => index.search('wing', { topk: 3 } as never)).toThrow(/unknown search option "topk"/);
        expect(() => index.search('title:wing', { limit: 3 } as never)).toThrow(expect.objectContaining({ where: expect.objectContaining({ key: 'limit' }) }));
        expect(() => index.count('wing', { top: 3 } as never)).toThrow(/unknown search option "top"/);
        expect(() => index.explain('wing', 'a', { fbDocs: 3 } as never)).toThrow(/unknown search option "fbDocs"/);
        expect(() => index.search('wing', 5 as never)).toThrow(/search options must be an object/);
        expect(index.search('wing', { topK: 1, fields: ['title'], strict: false, highlight: false, proximity: true, bm25f: true, rm3: false }).length).toBe(1);
      });
    });
  });
}
