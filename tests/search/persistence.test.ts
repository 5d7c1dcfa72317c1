import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, FormatError, TextloomError } from '../../src/core/errors.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { CRAN_SOURCES, cranDocs, cranFixture, cranQueries, plain, WS, type CranDoc } from './helpers.js';

// Set per data source (the Cranfield documents shipped with the tests, then the full collection).
let DOCS: CranDoc[] = [];
let QUERIES: { id: string; text: string }[] = [];
const root = mkdtempSync(path.join(tmpdir(), 'tl-search-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function build(docs = DOCS) {
  const index = await SearchIndex.create({ fields: ['title', 'text'], storeFields: ['title'], analyzer: WS, boosts: { title: 2 } });
  index.addAll(docs);
  return index;
}

const run = (index: SearchIndex) => [
  ...QUERIES.map((q) => index.search(plain(q.text) + ' "boundary layer" aero*', { topK: 10 })),
  // conjunctions and phrases over long postings exercise the loaded skip data
  ...['+flow +layer', '+flow +number -pressure', '"boundary layer" +flow', '+theory +flow +wing'].map((q) => index.search(q, { topK: 20 })),
];

for (const src of CRAN_SOURCES) {
  describe.skipIf(!src.available)(src.title('SearchIndex.save / load'), () => {
    const tmp = mkdtempSync(path.join(root, 'src-'));
    beforeAll(() => {
      DOCS = cranDocs(src, 300);
      QUERIES = cranQueries(src).slice(0, 20);
    });

    describe('SearchIndex.save / load', () => {
      it('round-trips: same results, stored fields, settings and tombstones', async () => {
        const a = await build();
        a.remove('5');
        const dir = path.join(tmp, 'rt');
        await a.save(dir);
        const b = await SearchIndex.load(dir);
        expect(b.documentCount).toBe(a.documentCount);
        expect(b.deletedCount).toBe(1);
        expect(b.has('5')).toBe(false);
        expect(b.boosts).toEqual({ title: 2 });
        expect(run(b)).toEqual(run(a));
        expect(run(a).slice(-4).every((r) => r.length > 0)).toBe(true);
        expect(b.suggest('aero')).toEqual(a.suggest('aero'));
        // The loaded index stays writable: appends go after loaded postings.
        a.add({ id: 'new', title: 'wing', text: 'a wing in a slipstream' });
        b.add({ id: 'new', title: 'wing', text: 'a wing in a slipstream' });
        expect(b.search('wing slipstream', { topK: 5 })).toEqual(a.search('wing slipstream', { topK: 5 }));
        // save again (generation 2) and the old files are collected
        await b.save(dir);
        const names = readdirSync(dir);
        expect(names.filter((n) => n.startsWith('1.'))).toEqual([]);
        expect(JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).generation).toBe(2);
        const c = await SearchIndex.load(dir);
        expect(c.search('wing slipstream', { topK: 5 })).toEqual(a.search('wing slipstream', { topK: 5 }));
      });

      it('refuses a corrupted or truncated file with a FormatError naming it', async () => {
        const dir = path.join(tmp, 'corrupt');
        await (await build()).save(dir);
        const victim = readdirSync(dir).find((n) => n.endsWith('.f1.doc'))!;
        const file = path.join(dir, victim);
        const good = readFileSync(file);
        const flipped = Buffer.from(good);
        flipped[100] = flipped[100]! ^ 0xff;
        writeFileSync(file, flipped);
        await expect(SearchIndex.load(dir)).rejects.toThrow(FormatError);
        await expect(SearchIndex.load(dir)).rejects.toThrow(new RegExp(`${victim}.*|corrupted`));
        writeFileSync(file, good.subarray(0, good.length - 10));
        await expect(SearchIndex.load(dir)).rejects.toThrow(/truncated/);
        writeFileSync(file, good);
        await expect(SearchIndex.load(dir)).resolves.toBeInstanceOf(SearchIndex);
        writeFileSync(path.join(dir, 'manifest.json'), '{"format": "textloom-search-index", "formatVersion": 99, "generation": 1, "files": []}');
        await expect(SearchIndex.load(dir)).rejects.toThrow(/version 99/);
        writeFileSync(path.join(dir, 'manifest.json'), '{not json');
        await expect(SearchIndex.load(dir)).rejects.toThrow(/not valid JSON/);
        await expect(SearchIndex.load(path.join(tmp, 'nothing-here'))).rejects.toBeInstanceOf(TextloomError);
      });

      it('a save that dies midway leaves the previous index loadable', async () => {
        const dir = path.join(tmp, 'crash');
        const first = Math.floor(DOCS.length / 3);
        const a = await build(DOCS.slice(0, first));
        await a.save(dir);
        const expected = run(a);
        // Make the second save fail part-way: the store file of generation 2 cannot be written
        // (a directory sits at its path), after the docs and field files were already written.
        mkdirSync(path.join(dir, '2.store'));
        const b = await build();
        await expect(b.save(dir)).rejects.toThrow();
        expect(readdirSync(dir).some((n) => n.startsWith('2.f0'))).toBe(true);
        const loaded = await SearchIndex.load(dir);
        expect(loaded.documentCount).toBe(first);
        expect(run(loaded)).toEqual(expected);
        // Leftovers of the dead save are garbage-collected by the next successful save.
        rmSync(path.join(dir, '2.store'), { recursive: true });
        await b.save(dir);
        expect((await SearchIndex.load(dir)).documentCount).toBe(DOCS.length);
        const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
        expect(readdirSync(dir).sort()).toEqual([...m.files.map((f: { name: string }) => f.name), 'manifest.json'].sort());
      });
    });
  });
}

describe(cranFixture.title('SearchIndex.save / load: appends, manifest checks, foreign files, locks'), () => {
  const tmp = mkdtempSync(path.join(root, 'fixture-'));
  beforeAll(() => {
    DOCS = cranDocs(cranFixture);
  });

  it('keeps appending to loaded postings (copy-on-write of streams and skip data)', async () => {
    const mk = (i: number) => ({ id: String(i), title: '', text: `alpha ${i % 3 === 0 ? 'beta' : 'gamma'} ${i % 5 === 0 ? 'alpha' : ''}` });
    const fresh = await SearchIndex.create({ fields: ['title', 'text'], analyzer: WS });
    const first = Array.from({ length: 300 }, (_, i) => mk(i));
    const more = Array.from({ length: 300 }, (_, i) => mk(300 + i));
    fresh.addAll([...first, ...more]);
    const part = await SearchIndex.create({ fields: ['title', 'text'], analyzer: WS });
    part.addAll(first);
    const dir = path.join(tmp, 'append');
    await part.save(dir);
    const loaded = await SearchIndex.load(dir);
    loaded.addAll(more);
    for (const q of ['+alpha +beta', '"alpha beta"', 'alpha', '+gamma -beta', '+alpha +gamma +beta']) {
      expect(loaded.search(q, { topK: 600 }), q).toEqual(fresh.search(q, { topK: 600 }));
    }
    await loaded.save(dir);
    const again = await SearchIndex.load(dir);
    expect(again.search('+alpha +beta', { topK: 600 })).toEqual(fresh.search('+alpha +beta', { topK: 600 }));
  });

  it('refuses a damaged manifest.json: every flipped bit, bad settings in a manifest without a checksum', async () => {
    const dir = path.join(tmp, 'manifest');
    await (await build(DOCS.slice(0, 5))).save(dir);
    const file = path.join(dir, 'manifest.json');
    const good = readFileSync(file);
    const loadedWrongly: string[] = [];
    for (let at = 0; at < good.length - 1; at++) {
      const b = Buffer.from(good);
      b[at] = b[at]! ^ 1;
      writeFileSync(file, b);
      try {
        await SearchIndex.load(dir);
        loadedWrongly.push(good.toString('latin1', Math.max(0, at - 12), at + 4)); // used to load with a renamed field, k1 or boost
      } catch (e) {
        if (!(e instanceof TextloomError)) throw e; // used to crash with a TypeError on some keys
      }
    }
    expect(loadedWrongly).toEqual([]);
    // Manifests written before the checksum load, but their settings are still checked.
    const m = JSON.parse(good.toString('utf8'));
    delete m.manifestCrc32;
    writeFileSync(file, JSON.stringify(m));
    expect((await SearchIndex.load(dir)).documentCount).toBe(5);
    const damaged = (edit: (x: Record<string, any>) => void) => {
      const x = structuredClone(m);
      edit(x);
      writeFileSync(file, JSON.stringify(x));
      return SearchIndex.load(dir);
    };
    await expect(damaged((x) => (x.similarity.k1 = -1))).rejects.toMatchObject({ constructor: FormatError, where: { key: 'similarity.k1' } });
    await expect(damaged((x) => delete x.files[0].name)).rejects.toThrow(/files\[0\]/);
    await expect(damaged((x) => (x.fields[0] = 'titel'))).rejects.toThrow(/analyzers.titel|boost/);
    await expect(damaged((x) => (x.titel = 1))).rejects.toThrow(FormatError);
    await expect(damaged((x) => (x.maxDoc = 6))).rejects.toThrow(/manifest says 6 docs/);
    await expect(damaged((x) => (x.idField = 5))).rejects.toThrow(/idField/);
  });

  it('a save leaves files it did not write alone, and refuses a path that is a file', async () => {
    const a = await build(DOCS.slice(0, 20));
    const dir = path.join(tmp, 'shared-dir');
    mkdirSync(dir, { recursive: true });
    for (const f of ['2024.csv', '1.txt', '3.docs.bak', 'notes.md']) writeFileSync(path.join(dir, f), 'user data');
    await a.save(dir);
    await a.save(dir); // the second save collects the first generation's files
    const left = readdirSync(dir);
    for (const f of ['2024.csv', '1.txt', '3.docs.bak', 'notes.md']) expect(left).toContain(f);
    expect(left.some((f) => f.startsWith('1.'))).toBe(true); // 1.txt only
    expect(left.filter((f) => /^1\.(docs|store|f)/.test(f))).toEqual([]);
    expect((await SearchIndex.load(dir)).documentCount).toBe(20);
    const file = path.join(tmp, 'a-file');
    writeFileSync(file, 'x');
    await expect(a.save(file)).rejects.toThrow(ArgumentError);
    await expect(a.save(file)).rejects.toMatchObject({ where: { file } });
  });
  it('one writer at a time: a live write.lock is refused, a stale one (dead process) is taken over', async () => {
    const a = await build(DOCS.slice(0, 10));
    const dir = path.join(tmp, 'locked');
    await a.save(dir);
    const lock = path.join(dir, 'write.lock');
    expect(readdirSync(dir)).not.toContain('write.lock');
    writeFileSync(lock, String(process.ppid)); // a live process that is not us
    await expect(a.save(dir)).rejects.toThrow(/another process \(pid \d+\) is saving an index into this directory/);
    await expect(a.save(dir)).rejects.toBeInstanceOf(ArgumentError);
    expect((await SearchIndex.load(dir)).documentCount).toBe(10); // loading ignores the lock
    const dead = spawnSync(process.execPath, ['-e', 'process.pid'], { encoding: 'utf8' }).pid!;
    writeFileSync(lock, String(dead));
    await a.save(dir);
    expect(readdirSync(dir)).not.toContain('write.lock');
    expect((await SearchIndex.load(dir)).documentCount).toBe(10);
  });
});
