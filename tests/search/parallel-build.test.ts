import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, SearchIndex, type SearchOptions } from '../../src/index.js';
import { OWN_SHARE } from '../../src/search/parallel-build.js';
import { Rng } from '../../src/util/rng.js';
import { ensureBuilt } from '../docs/workspace.js';
import { cranDocs, cranFixture } from './helpers.js';

const ROOT = resolve(__dirname, '..', '..');
const rng = new Rng(3);
const DOCS = cranDocs(cranFixture).map((d, i) => (i % 4 === 3 ? d : { ...d, vec: Array.from({ length: 6 }, () => rng.next() - 0.5) }));
const OPTIONS = { fields: ['title', 'text'], storeFields: ['title'], vectorField: 'vec' };
const QUERIES: [string, SearchOptions][] = [
  ['boundary layer', {}],
  ['"boundary layer" flow', { proximity: false }],
  ['+wing -supersonic', {}],
  ['title:heat^2 OR transfer', { model: 'tfidf' }],
  ['pressur* compresible~1', {}],
  ['flow', { filter: (id) => Number(id) % 2 === 0 }],
  ['slender body', { bm25f: true, rm3: true }],
  ['shock', { vector: [0.1, 0.4, -0.2, 0.3, 0, 0.1], hybrid: { fusion: 'rrf' } }],
];
const results = (index: SearchIndex) => QUERIES.map(([q, o]) => index.search(q, { topK: 15, ...o }));

beforeAll(() => ensureBuilt(ROOT), 300_000);

describe('SearchIndex.addAll({ threads })', () => {
  it('scores every query as the one-thread build (array and stream input, onto a non-empty index)', async () => {
    const single = await SearchIndex.create(OPTIONS);
    single.addAll(DOCS);
    const threaded = await SearchIndex.create(OPTIONS);
    const progress: number[] = [];
    await threaded.addAll(DOCS, { threads: 2, onProgress: (n) => progress.push(n), progressEvery: 5 });
    expect(threaded.documentCount).toBe(DOCS.length);
    expect(progress.at(-1)).toBe(DOCS.length);
    // Counted while this thread indexes its own share too (it used to stay silent there), never falling.
    const own = Math.floor((DOCS.length * OWN_SHARE) / 2);
    expect(progress.filter((n) => n <= own).length).toBeGreaterThanOrEqual(Math.floor(own / 5));
    for (let i = 1; i < progress.length; i++) expect(progress[i]!).toBeGreaterThanOrEqual(progress[i - 1]!);
    expect(results(threaded)).toEqual(results(single));
    expect(threaded.explain('boundary layer', DOCS[33]!.id)).toEqual(single.explain('boundary layer', DOCS[33]!.id));
    expect(new Uint8Array(threaded.toBytes())).toEqual(new Uint8Array((await SearchIndex.fromBytes(single.toBytes())).toBytes()));
    // An array on 3 threads: the calling thread indexes the last documents, two workers the rest.
    const three = await SearchIndex.create(OPTIONS);
    await three.addAll(DOCS, { threads: 3 });
    expect(new Uint8Array(three.toBytes())).toEqual(new Uint8Array(threaded.toBytes()));
    // Half added here first, the rest streamed (one slice) through a pool of 3.
    const mixed = await SearchIndex.create(OPTIONS);
    mixed.addAll(DOCS.slice(0, 30));
    async function* stream() {
      yield* DOCS.slice(30);
    }
    await mixed.addAll(stream(), { threads: 3 });
    expect(results(mixed)).toEqual(results(single));
    // Later single adds work on the merged index.
    mixed.add({ id: 'new', title: 'wing', text: 'a new wing' });
    expect(mixed.search('wing').some((h) => h.id === 'new')).toBe(true);
  });

  it('builds analyzers that need more than the tokenizer and stemmer in its workers too', async () => {
    // Workers register the full set of built-ins only when an analyzer asks for one outside the pure set.
    const docs = DOCS.slice(0, 200);
    const opts = { fields: ['title', 'text'], fieldAnalyzers: { title: { pipeline: { tokenizer: { factory: 'tokenizer' }, components: [{ name: 'lemmatizer' }] }, termAttr: null } } };
    const single = await SearchIndex.create(opts);
    single.addAll(docs);
    const threaded = await SearchIndex.create(opts);
    await threaded.addAll(docs, { threads: 2 });
    expect(new Uint8Array(threaded.toBytes())).toEqual(new Uint8Array(single.toBytes()));
    expect(threaded.search('title:flows').length).toBeGreaterThan(0);
  });

  it('adds nothing when a document is bad, naming it by its input index', async () => {
    const index = await SearchIndex.create(OPTIONS);
    const bad = DOCS.map((d, i) => (i === 57 ? { ...d, title: { not: 'text' } } : d));
    const e = await index.addAll(bad, { threads: 2 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ArgumentError);
    expect((e as Error).message).toMatch(/^documents\[57\]: field "title"/);
    expect(index.documentCount).toBe(0);
    const dup = [...DOCS.slice(0, 10), DOCS[3]!];
    await expect(index.addAll(dup, { threads: 2 })).rejects.toThrow(/documents\[10\]: a document with id "\d+" is already earlier in the input/);
    // A bad document among the last ones, which the calling thread indexes itself.
    const last = DOCS.length - 2;
    const badLast = DOCS.map((d, i) => (i === last ? { ...d, text: { not: 'text' } } : d));
    await expect(index.addAll(badLast, { threads: 2 })).rejects.toThrow(new RegExp(`^documents\\[${last}\\]: field "text"`));
    const badVec = DOCS.map((d, i) => (i === 70 ? { ...d, vec: [0, 0, 0, 0, 0, 0] } : d));
    await expect(index.addAll(badVec, { threads: 2 })).rejects.toThrow(/documents\[70\]: .*zero vector/);
    expect(index.documentCount).toBe(0);
    await expect(index.addAll(DOCS, { threads: 1.5 })).rejects.toThrow(ArgumentError);
  });
});
