import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { cranDocs, cranDir } from './helpers.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'tl-search-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

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

const docsFile = path.join(tmp, 'docs.jsonl');
writeFileSync(docsFile, cranDocs(200).map((d) => JSON.stringify(d)).join('\n') + '\n');
const idx = path.join(tmp, 'idx');

describe('textloom index build / search / eval search', () => {
  it('builds, searches and evaluates an index', async () => {
    const b = await cli(['index', 'build', '--input', docsFile, '--id', 'id', '--fields', 'title,text', '--store', 'title', '--out', idx, '--tokenizer', 'whitespace']);
    expect(b.err).toBe('');
    expect(b.code).toBe(0);
    expect(b.out).toMatch(/indexed 200 documents/);
    const s = await cli(['search', '--index', idx, 'slipstream wing', '--top', '3', '--json']);
    expect(s.code).toBe(0);
    const hits = s.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(hits).toHaveLength(3);
    expect(hits[0]).toMatchObject({ rank: 1, id: '1' });
    const e = await cli(['eval', 'search', '--index', idx, '--queries', path.join(cranDir, 'queries.jsonl'), '--qrels', path.join(cranDir, 'qrels.tsv'), '--grades', 'cranfield', '--json']);
    expect(e.code).toBe(0);
    const m = JSON.parse(e.out);
    expect(Object.keys(m)).toEqual(expect.arrayContaining(['map', 'ndcg@10', 'p@10', 'recall@100', 'queries']));
    expect(m.queries).toBe(225);
    expect(m.map).toBeGreaterThan(0.01);
  });
  it('reports bad input in one line with exit code 2', async () => {
    const r = await cli(['search', '--index', path.join(tmp, 'none'), 'x']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^textloom search: .*manifest/);
    const strict = await cli(['search', '--index', idx, '(wing', '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.err).toMatch(/query syntax error/);
    const bad = await cli(['index', 'build', '--input', docsFile, '--fields', 'text', '--out', path.join(tmp, 'x'), '--stemmer', 'nope', '--tokenizer', 'whitespace']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--stemmer/);
  });
  it('switches the ranking features with --proximity, --bm25f and --rm3', async () => {
    const score = async (...flags: string[]) => {
      const r = await cli(['search', '--index', idx, 'wing slipstream', '--top', '1', '--json', ...flags]);
      expect(r.code, r.err).toBe(0);
      return JSON.parse(r.out).score as number;
    };
    const { SearchIndex } = await import('../../src/search/search-index.js');
    const index = await SearchIndex.load(idx);
    const want = (o: object) => index.search('wing slipstream', { topK: 1, ...o })[0]!.score;
    expect(await score()).toBeCloseTo(want({}), 9);
    expect(await score('--proximity=false', '--bm25f=false')).toBeCloseTo(want({ proximity: false, bm25f: false }), 9);
    expect(await score('--rm3', '--fb-docs', '5')).toBeCloseTo(want({ rm3: { fbDocs: 5 } }), 9);
    const e = await cli(['eval', 'search', '--index', idx, '--queries', path.join(cranDir, 'queries.jsonl'), '--qrels', path.join(cranDir, 'qrels.tsv'), '--json', '--rm3', '--proximity=false']);
    expect(e.code, e.err).toBe(0);
    expect(JSON.parse(e.out).queries).toBe(225);
  });
});
