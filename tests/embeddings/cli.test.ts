import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { topicCorpus } from './helpers.js';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await main(argv, { stdout, stderr });
  return { code, out, err };
}

describe('w2v commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-cli-'));
  const input = join(dir, 'corpus.txt');
  writeFileSync(input, topicCorpus().map((s) => s.join(' ')).join('\n'));
  const out = join(dir, 'v.bin');

  it('w2v train writes vectors and a JSON summary', async () => {
    const r = await run(['w2v', 'train', '--input', input, '--out', out, '--sg', '--size', '8', '--min-count', '1', '--epochs', '2', '--sample', '0', '--table-size', '100000', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.vocabSize).toBe(13);
    expect(j.wordsPerSecond).toBeGreaterThan(0);
    expect(j.seconds).toBeGreaterThan(0);
  });

  it('w2v similar reads a GloVe file with --no-header and --limit; without the flag it names line 1', async () => {
    const glove = new URL('../fixtures/embeddings/glove-style-3d.txt', import.meta.url).pathname;
    const s = await run(['w2v', 'similar', '--vectors', glove, '--no-header', '--limit', '3', 'the', '--topn', '5', '--json']);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.out).map((r: { word: string }) => r.word).sort()).toEqual([',', '.']);
    const bad = await run(['w2v', 'similar', '--vectors', glove, 'the']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('glove-style-3d.txt:1');
  });

  it('w2v similar --index searches a saved flat index with the scan\'s answer', async () => {
    const idx = join(dir, 'v.tlx');
    expect((await run(['vectors', 'index', '--vectors', out, '--out', idx, '--kind', 'flat'])).code).toBe(0);
    const scan = await run(['w2v', 'similar', '--vectors', out, 'cat', '--topn', '4', '--json']);
    const viaIndex = await run(['w2v', 'similar', '--vectors', out, 'cat', '--topn', '4', '--index', idx, '--json']);
    expect(viaIndex.code).toBe(0);
    expect(JSON.parse(viaIndex.out).map((r: { word: string }) => r.word)).toEqual(JSON.parse(scan.out).map((r: { word: string }) => r.word));
  });

  it('w2v similar / analogy print neighbours', async () => {
    const s = await run(['w2v', 'similar', '--vectors', out, 'cat', '--topn', '3', '--json']);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.out)).toHaveLength(3);
    const a = await run(['w2v', 'analogy', '--vectors', out, 'cat', 'dog', 'car', '--topn', '2']);
    expect(a.code).toBe(0);
    expect(a.out.trim().split('\n')).toHaveLength(2);
  });

  it('w2v eval reports analogies and pairs', async () => {
    const q = join(dir, 'q.txt');
    writeFileSync(q, ': s\ncat dog car bus\n');
    const p = join(dir, 'p.txt');
    writeFileSync(p, 'cat\tdog\t9\ncat\tcar\t1\nbus\ttrain\t8\nhorse\tplane\t2\n');
    const r = await run(['w2v', 'eval', '--vectors', out, '--analogies', q, '--pairs', p, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.analogies.questions).toBe(1);
    expect(j.pairs[0].pairs).toBe(4);
  });

  it('bad input exits 2 with one line', async () => {
    const r = await run(['w2v', 'train', '--input', join(dir, 'missing.txt'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    const b = await run(['w2v', 'similar', '--vectors', out, 'zzz']);
    expect(b.code).toBe(2);
  });

  it('w2v train refuses an --out in a missing directory before training', async () => {
    const missing = join(dir, 'no-such-dir', 'v.bin');
    const r = await run(['w2v', 'train', '--input', input, '--out', missing, '--min-count', '1', '--size', '8']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`cannot write ${missing}`);
    expect(r.err).not.toMatch(/tmp-|vocabulary/);
    const gz = await run(['w2v', 'train', '--input', input, '--out', join(dir, 'v.bin.gz'), '--min-count', '1', '--size', '8']);
    expect(gz.code).toBe(2);
    expect(gz.err).toMatch(/gzipped/);
    expect(gz.err).not.toMatch(/vocabulary/);
  });
});
