import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArgumentError, ConfigError, createPipeline, KeyedVectors, SearchIndex } from '../../src/index.js';

// Seeded unit-ish vectors with no near-ties, so exact rankings are unambiguous.
function randomVectors(n: number, dim: number, seed: number): Float32Array[] {
  let s = seed >>> 0;
  const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  return Array.from({ length: n }, () => Float32Array.from({ length: dim }, u));
}

const words = ['wing', 'flow', 'lift', 'drag', 'heat', 'plate', 'shock', 'wave'];
const texts = Array.from({ length: 300 }, (_, i) => `${words[i % 8]} ${words[(i * 3 + 1) % 8]} ${words[(i * 5 + 2) % 8]} doc${i}`);

async function indexWith(vectorIndex: object | undefined, n = 300): Promise<{ index: SearchIndex; vecs: Float32Array[] }> {
  const vecs = randomVectors(n, 16, 7);
  const index = await SearchIndex.create({ fields: ['text'], vectorField: 'vector', ...(vectorIndex ? { vectorIndex } : {}) });
  index.addAll(vecs.map((vector, i) => ({ id: `d${i}`, text: texts[i % texts.length], vector })));
  return { index, vecs };
}

describe('SearchIndex vectorIndex', () => {
  const queries = randomVectors(20, 16, 99);

  it('flat gives the exact scan\'s ranking, with and without a filter, before and after save/load', async () => {
    const exact = (await indexWith(undefined)).index;
    const { index: flat } = await indexWith({ kind: 'flat' });
    expect(flat.vectorIndexKind).toBe('flat');
    const filter = (id: string) => Number(id.slice(1)) % 3 !== 0;
    const dir = mkdtempSync(join(tmpdir(), 'tl-vix-'));
    await flat.save(dir);
    const loaded = await SearchIndex.load(dir);
    expect(loaded.vectorIndex.kind).toBe('flat');
    for (const q of queries) {
      for (const opts of [{}, { filter }]) {
        const want = exact.search('', { vector: q, topK: 10, ...opts });
        for (const idx of [flat, loaded]) {
          const got = idx.search('', { vector: q, topK: 10, ...opts });
          expect(got.map((h) => h.id)).toEqual(want.map((h) => h.id));
          got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 5));
        }
      }
      if (q === queries[0]) expect(flat.search('', { vector: q, filter }).every((h) => filter(h.id))).toBe(true);
    }
  });

  it('hnsw finds nearly all exact neighbours, applies filters, skips removed docs, survives save/load and compact', async () => {
    const exact = (await indexWith(undefined)).index;
    const { index: hnsw, vecs } = await indexWith({ kind: 'hnsw', m: 8, efConstruction: 64, efSearch: 64 });
    expect(hnsw.vectorIndexKind).toBe('hnsw');
    let hit = 0;
    for (const q of queries) {
      const want = new Set(exact.search('', { vector: q, topK: 10 }).map((h) => h.id));
      for (const h of hnsw.search('', { vector: q, topK: 10 })) hit += want.has(h.id) ? 1 : 0;
    }
    expect(hit / (queries.length * 10)).toBeGreaterThan(0.9);
    // A doc's own vector finds it first; removed, it is gone; filtered out, too.
    expect(hnsw.search('', { vector: vecs[5]!, topK: 1 })[0]!.id).toBe('d5');
    hnsw.remove('d5');
    expect(hnsw.search('', { vector: vecs[5]!, topK: 10 }).map((h) => h.id)).not.toContain('d5');
    expect(hnsw.search('', { vector: vecs[6]!, topK: 10, filter: (id) => id !== 'd6' }).map((h) => h.id)).not.toContain('d6');
    // Docs added after the first search are found (incremental add).
    hnsw.add({ id: 'new', text: 'wing', vector: vecs[5]! });
    expect(hnsw.search('', { vector: vecs[5]!, topK: 1 })[0]!.id).toBe('new');
    const dir = mkdtempSync(join(tmpdir(), 'tl-vix-'));
    await hnsw.save(dir);
    const loaded = await SearchIndex.load(dir);
    for (const q of queries.slice(0, 5)) expect(loaded.search('', { vector: q, topK: 10 })).toEqual(hnsw.search('', { vector: q, topK: 10 }));
    await expect(SearchIndex.fromBytes(hnsw.toBytes()).then((b) => b.search('', { vector: vecs[7]!, topK: 1 })[0]!.id)).resolves.toBe('d7');
    hnsw.compact();
    expect(hnsw.search('', { vector: vecs[9]!, topK: 1 })[0]!.id).toBe('d9');
    // Hybrid search fuses the graph's ranking with BM25.
    expect(hnsw.search('wing', { vector: vecs[9]!, hybrid: { fusion: 'rrf' }, topK: 5 }).length).toBe(5);
  });

  it('auto: flat below hnswMinDocs, hnsw from it on', async () => {
    const small = (await indexWith({ kind: 'auto', hnswMinDocs: 301 })).index;
    small.search('', { vector: randomVectors(1, 16, 3)[0]! });
    expect(small.vectorIndexKind).toBe('flat');
    small.add({ id: 'x', text: 'wing', vector: randomVectors(1, 16, 4)[0]! });
    small.search('', { vector: randomVectors(1, 16, 3)[0]! });
    expect(small.vectorIndexKind).toBe('hnsw');
  });

  it('bad vectorIndex options are ConfigErrors naming the key', async () => {
    await expect(SearchIndex.create({ fields: ['text'], vectorField: 'v', vectorIndex: { kind: 'ivf' as 'flat' } })).rejects.toMatchObject({ key: 'vectorIndex.kind' });
    await expect(SearchIndex.create({ fields: ['text'], vectorField: 'v', vectorIndex: { m: 1 } })).rejects.toMatchObject({ key: 'vectorIndex.m' });
    await expect(SearchIndex.create({ fields: ['text'], vectorField: 'v', vectorIndex: { kidn: 'flat' } as object })).rejects.toBeInstanceOf(ConfigError);
    await expect(SearchIndex.create({ fields: ['text'], vectorIndex: { kind: 'flat' } })).rejects.toMatchObject({ key: 'vectorIndex' });
  });
});

describe('SearchIndex embed (vectors from a pipeline)', () => {
  const kv = new KeyedVectors(['wing', 'lift', 'heat', 'boiling', 'airfoil'], Float32Array.from([1, 0, 0.9, 0.1, 0, 1, 0.1, 0.9, 0.95, 0.05]), 2);
  async function nlp() {
    const dir = mkdtempSync(join(tmpdir(), 'tl-emb-'));
    await kv.save(join(dir, 'v.tlv'));
    return createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'vectors', options: { path: 'v.tlv' } }] }, { baseDir: dir });
  }
  const docs = [
    { id: 'aero', text: 'wing lift' },
    { id: 'thermo', text: 'heat boiling' },
    { id: 'none', text: 'unknown words only' },
  ];

  it('computes doc vectors as doc.vector and embeds the query the same way', async () => {
    const pipeline = await nlp();
    const index = await SearchIndex.create({ fields: ['text'], embed: { pipeline } });
    index.addAll(docs);
    expect(index.vectorField).toBe('vector');
    expect(Array.from(index.embed('wing lift')!)).toEqual(Array.from(pipeline('wing lift').vector));
    expect(index.embed('nothing known')).toBeUndefined();
    // "airfoil" shares no word with any doc: BM25 finds nothing, the vectors find the aero doc.
    const r = index.search('airfoil', { hybrid: { fusion: 'rrf' } });
    expect(r.map((h) => h.id)).toEqual(['aero', 'thermo']);
    expect(index.search('', { vector: index.embed('boiling')! })[0]!.id).toBe('thermo');
    // A doc's own vector field wins over the pipeline.
    index.add({ id: 'given', text: 'heat', vector: [1, 0] });
    expect(index.search('', { vector: [1, 0], topK: 1 })[0]!.id).toBe('given');
  });

  it('saves which fields were embedded; load takes the pipeline again', async () => {
    const pipeline = await nlp();
    const index = await SearchIndex.create({ fields: ['title', 'text'], embed: { pipeline, fields: ['text'] }, vectorIndex: { kind: 'flat' } });
    index.addAll(docs.map((d) => ({ ...d, title: 'airfoil' })));
    const dir = mkdtempSync(join(tmpdir(), 'tl-emb-'));
    await index.save(dir);
    const bare = await SearchIndex.load(dir);
    expect(() => bare.search('airfoil', { hybrid: {} })).toThrow(/pass embed/);
    expect(() => bare.embed('x')).toThrow(ConfigError);
    const again = await SearchIndex.load(dir, { embed: { pipeline } });
    again.add({ id: 'late', title: 'wing', text: 'boiling heat' });
    expect(again.search('', { vector: again.embed('boiling')!, topK: 1 })[0]!.id).toMatch(/thermo|late/);
    expect(again.search('airfoil', { hybrid: {}, fields: ['text'] })[0]!.id).toBe('aero');
  });

  it('typed errors for a bad pipeline or fields', async () => {
    await expect(SearchIndex.create({ fields: ['text'], embed: { pipeline: 'p' as never } })).rejects.toMatchObject({ key: 'embed.pipeline' });
    await expect(SearchIndex.create({ fields: ['text'], embed: { pipeline: await nlp(), fields: ['title'] } })).rejects.toMatchObject({ key: 'embed.fields' });
    const plain = await createPipeline({ tokenizer: { factory: 'whitespace' } });
    const index = await SearchIndex.create({ fields: ['text'], embed: { pipeline: plain } });
    expect(() => index.add({ id: 1, text: 'wing' })).toThrow(/no "vectors" component/);
    const noEmbed = await SearchIndex.create({ fields: ['text'], vectorField: 'v' });
    expect(() => noEmbed.search('x', { hybrid: {} })).toThrow(ArgumentError);
  });
});
