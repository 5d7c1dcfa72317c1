import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { KeyedVectors, SearchIndex } from '../../src/index.js';

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await main(argv, { stdout, stderr });
  return { code, out, err };
}

describe('textloom index build --vectors-field / search --vector --hybrid', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tl-hybrid-cli-'));
  const docs = [
    { id: 'a', text: 'wing wing wing', vec: [-1, 0] },
    { id: 'b', text: 'wing flow', vec: [0, 1] },
    { id: 'c', text: 'wing flow flow flow flow', vec: [2, 0] },
    { id: 'd', text: 'flow', vec: [0.8, 0.6] },
  ];
  writeFileSync(path.join(dir, 'docs.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  writeFileSync(path.join(dir, 'q.txt'), '1 0\n');
  const idx = path.join(dir, 'idx');
  const ids = (out: string): string[] => JSON.parse(out).hits.map((h: { id: string }) => h.id);

  it('builds an index with vectors and gives the API\'s fused rankings', async () => {
    expect((await cli(['index', 'build', '--input', path.join(dir, 'docs.jsonl'), '--fields', 'text', '--vectors-field', 'vec', '--out', idx, '--json'])).code).toBe(0);
    const index = await SearchIndex.load(idx);
    const rrf = await cli(['search', '--index', idx, 'wing', '--vector', path.join(dir, 'q.txt'), '--json']);
    expect(rrf.code).toBe(0);
    expect(ids(rrf.out)).toEqual(index.search('wing', { vector: [1, 0] }).map((h) => h.id));
    const convex = await cli(['search', '--index', idx, 'wing', '--vector', path.join(dir, 'q.txt'), '--hybrid', 'convex', '--weight', '0.9', '--json']);
    expect(ids(convex.out)).toEqual(index.search('wing', { vector: [1, 0], hybrid: { fusion: 'convex', weight: 0.9 } }).map((h) => h.id));
    const alone = await cli(['search', '--index', idx, '', '--vector', path.join(dir, 'q.txt'), '--json']);
    expect(ids(alone.out)).toEqual(['c', 'd', 'b', 'a']);
  });

  it('names the flag on bad input', async () => {
    const bad = await cli(['search', '--index', idx, 'wing', '--vector', path.join(dir, 'q.txt'), '--hybrid', 'max']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--hybrid');
    const noVec = await cli(['search', '--index', idx, 'wing', '--hybrid', 'rrf']);
    expect(noVec.code).toBe(2);
    expect(noVec.err).toContain('--vector');
    writeFileSync(path.join(dir, 'q3.txt'), '1 0 0');
    expect((await cli(['search', '--index', idx, 'wing', '--vector', path.join(dir, 'q3.txt')])).code).toBe(2);
  });
});

describe('textloom index build --vectors-from-pipeline --vector-index / search --vectors-from-pipeline --hybrid', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tl-embed-cli-'));
  const docs = [
    { id: 'aero', text: 'wing lift' },
    { id: 'thermo', text: 'heat boiling' },
  ];
  writeFileSync(path.join(dir, 'docs.jsonl'), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  writeFileSync(path.join(dir, 'vectors.json'), JSON.stringify({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'vectors', options: { path: 'v.tlv' } }] }));
  const idx = path.join(dir, 'idx');

  it('embeds documents and queries with the pipeline; the vector index is saved', async () => {
    await new KeyedVectors(['wing', 'lift', 'heat', 'boiling', 'airfoil'], Float32Array.from([1, 0, 0.9, 0.1, 0, 1, 0.1, 0.9, 0.95, 0.05]), 2).save(path.join(dir, 'v.tlv'));
    const pipe = path.join(dir, 'vectors.json');
    const built = await cli(['index', 'build', '--input', path.join(dir, 'docs.jsonl'), '--fields', 'text', '--vectors-from-pipeline', pipe, '--vector-index', 'hnsw', '--out', idx, '--json']);
    expect(built.err).toBe('');
    expect(built.code).toBe(0);
    const index = await SearchIndex.load(idx);
    expect(index.vectorIndex.kind).toBe('hnsw');
    expect(index.vectorIndexKind).toBe('hnsw');
    // "airfoil" is in no document: only the embedded query finds the aero doc.
    const r = await cli(['search', '--index', idx, 'airfoil', '--vectors-from-pipeline', pipe, '--hybrid', 'rrf', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).hits[0].id).toBe('aero');
    const bad = await cli(['index', 'build', '--input', path.join(dir, 'docs.jsonl'), '--fields', 'text', '--vectors-from-pipeline', pipe, '--vector-index', 'ivf', '--out', idx]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--vector-index');
  });
});
