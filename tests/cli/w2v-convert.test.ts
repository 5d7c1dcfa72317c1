import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyedVectors } from '../../src/index.js';
import { runCli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-w2vconv-'));
const words = ['king', 'queen', 'man', 'woman'];
const vectors = new Float32Array([0.1, -0.25, 1.5, 0.3, 0.2, 1.25, -0.5, 0.75, 2, 1e-3, -3, 0.125]);
const kv = new KeyedVectors(words, vectors, 3);

const same = (a: KeyedVectors, n = words.length) => {
  expect(a.words).toEqual(words.slice(0, n));
  expect(Array.from(a.vectors)).toEqual(Array.from(vectors.slice(0, n * 3)));
};

describe('w2v convert', () => {
  it('converts text -> binary -> tlv -> text by extension, keeping every vector exactly', async () => {
    const txt = join(dir, 'v.txt');
    await kv.save(txt);
    const steps: [string, string, string, string][] = [[txt, join(dir, 'v.bin'), 'text', 'binary'], [join(dir, 'v.bin'), join(dir, 'v.tlv'), 'binary', 'tlv'], [join(dir, 'v.tlv'), join(dir, 'back.txt'), 'tlv', 'text']];
    for (const [a, b, from, to] of steps) {
      const r = await runCli('w2v', 'convert', a, b, '--json');
      expect(r.code).toBe(0);
      // The formats actually read and written, named as --from / --to name them.
      expect(JSON.parse(r.stdout)).toEqual({ words: 4, dim: 3, from, to, output: b });
      same(await KeyedVectors.load(b));
    }
    expect(readFileSync(join(dir, 'back.txt'), 'utf8')).toBe(readFileSync(txt, 'utf8'));
  });

  it('takes --from / --to for names without the usual extension, and --limit', async () => {
    const bin = join(dir, 'vectors.w2v');
    await kv.save(bin, { format: 'binary' });
    const out = join(dir, 'out.vec');
    const r = await runCli('w2v', 'convert', bin, out, '--from', 'binary', '--to', 'tlv', '--limit', '2');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote 2 vectors of dimension 3 .*textloom \.tlv/);
    same(await KeyedVectors.load(out), 2); // recognised as .tlv by its content
    const tlvLimit = await runCli('w2v', 'convert', out, join(dir, 'one.txt'), '--limit', '1');
    expect(tlvLimit.code).toBe(0);
    expect(tlvLimit.stdout).toMatch(/\(word2vec text, read as textloom \.tlv\)/);
    same(await KeyedVectors.load(join(dir, 'one.txt')), 1);
  });

  it('rejects an unknown format name', async () => {
    writeFileSync(join(dir, 'x.txt'), '1 1\na 0.5\n');
    const r = await runCli('w2v', 'convert', join(dir, 'x.txt'), join(dir, 'y.txt'), '--to', 'npy');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--to is text, binary or tlv, got "npy"/);
  });
});
