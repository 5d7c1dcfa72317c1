import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArgumentError, IncompatibleError, mergeIndexes, SearchIndex, type SearchOptions } from '../../src/index.js';
import { Rng } from '../../src/util/rng.js';
import { cranDocs, cranFixture, type CranDoc } from './helpers.js';

const OPTIONS = { fields: ['title', 'text'], storeFields: ['title'], vectorField: 'vec' } as const;

// The fixture's documents with a seeded 8-dimensional vector on most of them.
function docs(): (CranDoc & { vec?: Float32Array })[] {
  const rng = new Rng(7);
  const rnd = () => rng.next();
  return cranDocs(cranFixture).map((d, i) => (i % 5 === 4 ? d : { ...d, vec: Float32Array.from({ length: 8 }, () => rnd() - 0.5) }));
}

const QUERIES: [string, SearchOptions][] = [
  ['boundary layer', {}],
  ['boundary layer', { proximity: false }],
  ['"boundary layer" flow', {}],
  ['+wing -supersonic', {}],
  ['title:heat^2 OR transfer', {}],
  ['shock AND (wave OR waves)', { model: 'tfidf' }],
  ['pressur*', {}],
  ['compresible~1 flow', {}],
  ['"flat plate"~2', {}],
  ['flow', { filter: (id) => Number(id) % 3 !== 0 }],
  ['slender body theory', { bm25f: true }],
  ['velocity', { rm3: true }],
  ['boundary', { vector: Float32Array.from([0.3, -0.1, 0.2, 0, 0.5, -0.4, 0.1, 0.2]) }],
  ['boundary', { vector: Float32Array.from([0.3, -0.1, 0.2, 0, 0.5, -0.4, 0.1, 0.2]), hybrid: { fusion: 'convex', weight: 0.4 } }],
];

function results(index: SearchIndex): unknown[] {
  return QUERIES.map(([q, o]) => ({ q, hits: index.search(q, { topK: 20, ...o }), count: index.count(q.replace(/~1|\*/g, ''), o) }));
}

async function build(list: ReturnType<typeof docs>): Promise<SearchIndex> {
  const index = await SearchIndex.create({ ...OPTIONS, storeFields: [...OPTIONS.storeFields], fields: [...OPTIONS.fields] });
  index.addAll(list);
  return index;
}

const tmp = () => mkdtempSync(join(tmpdir(), 'tl-merge-'));

describe('mergeIndexes', () => {
  it('gives the index one build over all the documents gives: same hits, scores, counts, explanations, suggestions', async () => {
    const all = docs();
    const whole = await build(all);
    const dirs = [0, 1, 2].map(() => join(tmp(), 'shard'));
    for (const [k, [a, b]] of [[0, 23], [23, 50], [50, all.length]].entries()) await (await build(all.slice(a, b))).save(dirs[k]!);
    const out = join(tmp(), 'merged');
    const report = await mergeIndexes(dirs, out);
    expect(report).toEqual({ documents: all.length, dropped: 0, inputs: dirs, out });
    const merged = await SearchIndex.load(out);
    expect(merged.documentCount).toBe(all.length);
    expect(results(merged)).toEqual(results(whole));
    expect(merged.explain('boundary layer', all[40]!.id)).toEqual(whole.explain('boundary layer', all[40]!.id));
    expect(merged.suggest('bou')).toEqual(whole.suggest('bou'));
    expect(merged.toString()).toBe(whole.toString());
    // The same data files as a save of the single build (terms sorted, postings and skips the same).
    const again = join(tmp(), 'whole');
    await whole.save(again);
    expect(new Uint8Array(merged.toBytes())).toEqual(new Uint8Array((await SearchIndex.load(again)).toBytes()));
  });

  it('drops deleted documents as compact() does', async () => {
    const all = docs();
    const gone = new Set(['3', '4', '30', '31', '32', '77']);
    const whole = await build(all);
    for (const id of gone) whole.remove(id);
    whole.compact();
    const dirs: string[] = [];
    for (const [a, b] of [[0, 40], [40, all.length]]) {
      const shard = await build(all.slice(a, b));
      for (const id of gone) shard.remove(id);
      const dir = join(tmp(), 'shard');
      await shard.save(dir);
      dirs.push(dir);
    }
    const out = join(tmp(), 'merged');
    expect((await mergeIndexes(dirs, out)).dropped).toBe(gone.size);
    const merged = await SearchIndex.load(out);
    expect(merged.deletedCount).toBe(0);
    expect(results(merged)).toEqual(results(whole));
  });

  it('writes the output over one of its inputs, atomically', async () => {
    const all = docs();
    const a = join(tmp(), 'a');
    const b = join(tmp(), 'b');
    await (await build(all.slice(0, 30))).save(a);
    await (await build(all.slice(30))).save(b);
    await mergeIndexes([a, b], a);
    expect((await SearchIndex.load(a)).documentCount).toBe(all.length);
    expect(readdirSync(a).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('refuses inputs that do not agree, naming the setting and the input, and writes nothing', async () => {
    const a = join(tmp(), 'a');
    await (await build(docs().slice(0, 10))).save(a);
    const other = async (o: Record<string, unknown>, list: Record<string, unknown>[] = docs().slice(10, 20)) => {
      const dir = join(tmp(), 'b');
      const index = await SearchIndex.create({ fields: ['title', 'text'], storeFields: ['title'], vectorField: 'vec', ...o });
      index.addAll(list);
      await index.save(dir);
      return dir;
    };
    const out = join(tmp(), 'out');
    const fail = async (dir: string, key: string) => {
      const e = await mergeIndexes([a, dir], out).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(IncompatibleError);
      expect((e as IncompatibleError).key).toBe(key);
      expect((e as IncompatibleError).file).toBe(dir);
      expect(existsSync(out)).toBe(false);
    };
    await fail(await other({ fields: ['text', 'title'] }), 'fields');
    await fail(await other({ language: 'de' }), 'analyzers.title.language');
    await fail(await other({ analyzer: { stopWords: false } }), 'analyzers.title');
    await fail(await other({ similarity: { k1: 0.9 } }), 'similarity');
    await fail(await other({ storeFields: [] }), 'storeFields');
    const dup = await other({}, docs().slice(5, 12));
    await expect(mergeIndexes([a, dup], out)).rejects.toThrow(ArgumentError);
    await expect(mergeIndexes([a, dup], out)).rejects.toThrow(/document id "\d+" is live in both/);
    await expect(mergeIndexes([], out)).rejects.toThrow(ArgumentError);
  });
});
