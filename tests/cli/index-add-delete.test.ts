import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/index.js';
import { runCli } from './run.js';

let dir: string;
let idx: string;
const docs = [
  { id: 'a', title: 'boundary layer flow', text: 'laminar boundary layer over a flat plate' },
  { id: 'b', title: 'wing design', text: 'swept wing at transonic speed' },
];

async function build(): Promise<void> {
  const input = join(dir, 'docs.jsonl');
  writeFileSync(input, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const r = await runCli('index', 'build', '--input', input, '--fields', 'title,text', '--store', 'title', '--out', idx, '--tokenizer', 'whitespace');
  expect(r.code).toBe(0);
}

function jsonl(name: string, rows: object[]): string {
  const p = join(dir, name);
  writeFileSync(p, rows.map((d) => JSON.stringify(d)).join('\n') + '\n');
  return p;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tl-index-edit-'));
  idx = join(dir, 'idx');
  await build();
});

describe('index add', () => {
  it('adds documents that search then finds, keeping the saved analyzer', async () => {
    const more = jsonl('more.jsonl', [{ id: 'c', title: 'shock wave', text: 'normal shock wave in a nozzle' }]);
    const r = await runCli('index', 'add', idx, more, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ added: 1, replaced: 0, documents: 3, deleted: 0 });
    const again = await runCli('index', 'add', idx, jsonl('one.jsonl', [{ id: 'd', title: 'x', text: 'y' }]));
    expect(again.stdout).toMatch(/^added 1 document; .* now has 4 documents\n$/);
    const index = await SearchIndex.load(idx);
    expect(index.search('nozzle').map((h) => h.id)).toEqual(['c']);
    expect(index.search('wing').map((h) => h.id)).toEqual(['b']);
  });

  it('changes nothing when a document fails (a duplicate id), and replaces with --update', async () => {
    const manifest = readFileSync(join(idx, 'manifest.json'), 'utf8');
    const dup = jsonl('dup.jsonl', [{ id: 'c', title: 'new', text: 'nozzle' }, { id: 'a', title: 'again', text: 'replaced plate' }]);
    const r = await runCli('index', 'add', idx, dup);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/document 2 of .*dup\.jsonl: a document with id "a" is already indexed \(--update replaces it\); .* was not changed/);
    expect(readFileSync(join(idx, 'manifest.json'), 'utf8')).toBe(manifest);
    expect((await SearchIndex.load(idx)).documentCount).toBe(2);
    const u = await runCli('index', 'add', idx, dup, '--update', '--json');
    expect(u.code).toBe(0);
    expect(JSON.parse(u.stdout)).toMatchObject({ added: 1, replaced: 1, documents: 3 });
    const index = await SearchIndex.load(idx);
    expect(index.search('plate').map((h) => h.id)).toEqual(['a']);
    expect(index.getStored('a')).toEqual({ title: 'again' });
  });

  it('needs an existing index', async () => {
    const r = await runCli('index', 'add', join(dir, 'nope'), jsonl('x.jsonl', [{ id: 'z', title: 't', text: 't' }]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no search index in/);
  });
});

describe('index delete', () => {
  it('deletes ids given as arguments or in a file, reporting the ones not found', async () => {
    const r = await runCli('index', 'delete', idx, 'a', 'zz', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ deleted: 1, notFound: ['zz'], documents: 1 });
    let index = await SearchIndex.load(idx);
    expect(index.has('a')).toBe(false);
    expect(index.search('boundary')).toEqual([]);
    expect(index.deletedCount).toBe(1);
    const ids = join(dir, 'ids.txt');
    writeFileSync(ids, 'b\n\n');
    const f = await runCli('index', 'delete', idx, '--ids', ids, '--compact');
    expect(f.code).toBe(0);
    expect(f.stdout).toMatch(/deleted 1 document; .* now has 0 documents/);
    index = await SearchIndex.load(idx);
    expect(index.documentCount).toBe(0);
    expect(index.deletedCount).toBe(0);
  });

  it('needs ids', async () => {
    const r = await runCli('index', 'delete', idx);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give the ids to delete/);
  });
});
