import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-vectors-'));
const at = (name: string) => join(dir, name);
// word2vec text format: a header line, then word and components.
writeFileSync(at('v.txt'), '5 3\nking 1 0.1 0\nqueen 0.9 0.2 0\napple 0 0 1\npear 0 0.1 0.9\ncar 0 1 0\n');
writeFileSync(at('q.txt'), '0 0.05 1\n');

describe('vectors index / vectors query', () => {
  it('indexes a vectors file and finds the neighbours of a stored word (itself left out)', async () => {
    for (const kind of ['hnsw', 'flat']) {
      const built = await runCli('vectors', 'index', '--vectors', at('v.txt'), '--out', at(`${kind}.tlx`), '--kind', kind);
      expect(built.code, built.stderr).toBe(0);
      expect(built.stdout).toMatch(/indexed 5 vectors of dimension 3/);
      const r = await runCli('vectors', 'query', '--index', at(`${kind}.tlx`), 'king', '--k', '2');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.split('\n')[0]).toMatch(/^queen\t0\.99/);
    }
  });
  it('queries by a vector file', async () => {
    const r = await runCli('vectors', 'query', '--index', at('hnsw.tlx'), '--vector', at('q.txt'), '--k', '1', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).hits[0].id).toBe('apple');
  });
  it('names the problem: unknown word, WORD and --vector together, bad flag values, wrong dimension, not an index', async () => {
    const unknown = await runCli('vectors', 'query', '--index', at('hnsw.tlx'), 'plum');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/"plum" is not in the index/);
    const both = await runCli('vectors', 'query', '--index', at('hnsw.tlx'), 'king', '--vector', at('q.txt'));
    expect(both.stderr).toMatch(/a WORD or --vector/);
    const badM = await runCli('vectors', 'index', '--vectors', at('v.txt'), '--out', at('x.tlx'), '--m', '1');
    expect(badM.code).not.toBe(0);
    expect(badM.stderr).toMatch(/--m/);
    const badMetric = await runCli('vectors', 'index', '--vectors', at('v.txt'), '--out', at('x.tlx'), '--metric', 'dot');
    expect(badMetric.stderr).toMatch(/--metric/);
    writeFileSync(at('q2.txt'), '1 2\n');
    const dim = await runCli('vectors', 'query', '--index', at('hnsw.tlx'), '--vector', at('q2.txt'));
    expect(dim.stderr).toMatch(/2 components, the index has dimension 3/);
    const notIndex = await runCli('vectors', 'query', '--index', at('v.txt'), 'king');
    expect(notIndex.code).not.toBe(0);
    expect(notIndex.stderr).toMatch(/vector index file/);
  });
});
