import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NgramCounts, NgramLM } from '../../src/index.js';
import { BinaryFileError } from '../../src/io/binfmt.js';
import { syntheticCorpus } from './fixtures.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tl-counts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function arpaOf(lm: NgramLM, name: string): Promise<string> {
  const f = path.join(dir, name);
  await lm.toARPA(f);
  return readFileSync(f, 'utf8');
}

function tlmOf(lm: NgramLM, name: string): Buffer {
  const f = path.join(dir, name);
  lm.save(f);
  return readFileSync(f);
}

/** Splits sentences into `k` contiguous shards of uneven sizes (one may be empty). */
function shardsOf<T>(xs: T[], cuts: number[]): T[][] {
  const out: T[][] = [];
  let a = 0;
  for (const c of [...cuts, xs.length]) {
    out.push(xs.slice(a, c));
    a = c;
  }
  return out;
}

describe('NgramCounts + NgramLM.fromCounts', () => {
  const corpus = syntheticCorpus(400, 11).map((s, i) => (i % 37 === 0 ? [...s, `rare${i}`] : s));
  const fb: [number, number, number] = [0.5, 1, 1.5];

  for (const order of [1, 2, 3, 5]) {
    it(`order ${order}: merged shards give the one-process model byte for byte (ARPA and .tlm)`, async () => {
      const whole = await NgramLM.train(corpus, { order, discountFallback: fb });
      const parts = shardsOf(corpus, [1, 90, 90, 250]);
      const counts = [];
      for (const [i, p] of parts.entries()) {
        const c = await NgramCounts.count(p, { order });
        c.save(path.join(dir, `p${order}-${i}.tlc`));
        counts.push(NgramCounts.load(path.join(dir, `p${order}-${i}.tlc`)));
      }
      const merged = NgramLM.fromCounts(counts, { discountFallback: fb });
      expect(await arpaOf(merged, `m${order}.arpa`)).toBe(await arpaOf(whole, `w${order}.arpa`));
      expect(tlmOf(merged, `m${order}.tlm`).equals(tlmOf(whole, `w${order}.tlm`))).toBe(true);
    });
  }

  it('minCount and a fixed vocabulary are applied on the whole corpus, as train does', async () => {
    const parts = shardsOf(corpus, [120, 300]);
    const counts = await Promise.all(parts.map((p) => NgramCounts.count(p, { order: 4 })));
    for (const opts of [{ minCount: 3 }, { vocab: ['the', 'cat', 'dog', 'mat', 'rare37'] }, { minCount: 2, vocab: ['red', 'the', 'big', 'rare74', 'slept'] }]) {
      const whole = await NgramLM.train(corpus, { order: 4, discountFallback: fb, ...opts });
      const merged = NgramLM.fromCounts(counts, { discountFallback: fb, ...opts });
      expect(await arpaOf(merged, 'mc.arpa')).toBe(await arpaOf(whole, 'wc.arpa'));
    }
  });

  it('the other smoothings merge too (.tlm byte for byte)', async () => {
    const counts = await Promise.all(shardsOf(corpus, [200]).map((p) => NgramCounts.count(p, { order: 3 })));
    for (const smoothing of ['witten-bell', 'mle', 'add-k', 'stupid-backoff'] as const) {
      const whole = await NgramLM.train(corpus, { order: 3, smoothing, k: 0.5 });
      const merged = NgramLM.fromCounts(counts, { smoothing, k: 0.5 });
      expect(tlmOf(merged, `m-${smoothing}.tlm`).equals(tlmOf(whole, `w-${smoothing}.tlm`))).toBe(true);
    }
  });

  it('refuses mixed orders, an order option, no shards and damaged files with typed errors', async () => {
    const a = await NgramCounts.count(corpus.slice(0, 10), { order: 2 });
    const b = await NgramCounts.count(corpus.slice(10, 20), { order: 3 });
    expect(() => NgramLM.fromCounts([a, b])).toThrow(/order 3.*order 2/);
    expect(() => NgramLM.fromCounts([a], { order: 2 } as never)).toThrow(/order/);
    expect(() => NgramLM.fromCounts([])).toThrow(/no n-gram counts/);
    expect(a.order).toBe(2);
    expect(a.sentences).toBe(10);
    const f = path.join(dir, 'bad.tlc');
    a.save(f);
    const bytes = readFileSync(f);
    bytes[bytes.length - 9] ^= 0xff;
    writeFileSync(f, bytes);
    expect(() => NgramCounts.load(f)).toThrow(BinaryFileError);
    expect(() => NgramCounts.load(path.join(dir, 'missing.tlc'))).toThrow(/no such n-gram counts file/);
    await expect(NgramCounts.count(['a b'], { order: 0 })).rejects.toThrow(/order/);
  });
});

describe('textloom lm count / lm merge', () => {
  it('two halves counted and merged write the lm train model byte for byte', async () => {
    const { runCli } = await import('../cli/run.js');
    const book = new URL('../../corpora/persuasion-ch1-3.txt', import.meta.url).pathname;
    const lines = readFileSync(book, 'utf8').split('\n');
    const half = Math.floor(lines.length / 2);
    writeFileSync(path.join(dir, 'a.txt'), lines.slice(0, half).join('\n') + '\n');
    writeFileSync(path.join(dir, 'b.txt'), lines.slice(half).join('\n'));
    const at = (f: string) => path.join(dir, f);
    expect((await runCli('lm', 'train', '--input', book, '--order', '3', '--out', at('cli-train.arpa'))).code).toBe(0);
    for (const part of ['a', 'b']) expect((await runCli('lm', 'count', '--input', at(`${part}.txt`), '--order', '3', '--out', at(`${part}.tlc`))).code).toBe(0);
    const r = await runCli('lm', 'merge', at('a.tlc'), at('b.tlc'), '--out', at('cli-merge.arpa'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ order: 3, inputs: 2, smoothing: 'kn' });
    expect(readFileSync(at('cli-merge.arpa'), 'utf8')).toBe(readFileSync(at('cli-train.arpa'), 'utf8'));
    const bad = await runCli('lm', 'merge', at('a.txt'), '--out', at('x.arpa'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/a\.txt/);
  });
});
