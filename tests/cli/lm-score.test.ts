import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { NgramLM } from '../../src/index.js';
import { syntheticCorpus } from '../lm/fixtures.js';
import { runCli } from './run.js';

const dir = mkdtempSync(path.join(tmpdir(), 'tl-lmscore-'));
const model = path.join(dir, 'm.arpa');
let lm: NgramLM;

beforeAll(async () => {
  lm = await NgramLM.train(syntheticCorpus(300), { order: 3, discountFallback: [0.5, 1, 1.5] });
  await lm.toARPA(model);
});

describe('lm score', () => {
  it("prints each line's total log10 (with </s>), OOVs and perplexity, then KenLM's summary", async () => {
    const input = path.join(dir, 'in.txt');
    writeFileSync(input, 'the cat sat\n\nthe zebra sat on a mat\n');
    const r = await runCli('lm', 'score', '--model', model, input);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const sentences = [['the', 'cat', 'sat'], [], ['the', 'zebra', 'sat', 'on', 'a', 'mat']];
    for (let i = 0; i < 3; i++) {
      const m = /^Total: (\S+) OOV: (\d+) Perplexity: (\S+)$/.exec(lines[i]!)!;
      const total = lm.score(sentences[i]!);
      expect(Number(m[1])).toBe(total);
      expect(Number(m[2])).toBe(i === 2 ? 1 : 0);
      expect(Number(m[3])).toBeCloseTo(Math.pow(10, -total / (sentences[i]!.length + 1)), 9);
    }
    const all = lm.perplexity(sentences);
    expect(lines.slice(3)).toEqual([
      `Perplexity including OOVs:\t${all.perplexity}`,
      `Perplexity excluding OOVs:\t${all.perplexityExcludingOov}`,
      'OOVs:\t1',
      'Tokens:\t12',
      `Total log10 probability:\t${all.logProb}`,
      'Sentences:\t3',
    ]);
  });

  it('prints JSON lines with --json, the summary last', async () => {
    const input = path.join(dir, 'in2.txt');
    writeFileSync(input, 'the cat\na dog ran\n');
    const r = await runCli('lm', 'score', '-m', model, input, '--json');
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({ logProb: lm.score('the cat'), oov: 0, tokens: 3, perplexity: lm.perplexity([['the', 'cat']]).perplexity });
    expect(rows[2].summary.sentences).toBe(2);
    expect(rows[2].summary.tokens).toBe(7);
    expect(rows[2].summary.logProb).toBeCloseTo(rows[0].logProb + rows[1].logProb, 10);
  });
});

const ref = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), '..', 'shared', 'eval', 'kenlm_reference');
describe.skipIf(!existsSync(path.join(ref, 'test.txt')))('lm score against KenLM query', () => {
  it('gives query\'s corpus perplexities, OOVs and tokens on WikiText-2 (order 3)', async () => {
    const r = await runCli('lm', 'score', '--model', path.join(ref, 'wikitext2_o3.arpa.gz'), path.join(ref, 'test.txt'));
    expect(r.code).toBe(0);
    const q = readFileSync(path.join(ref, 'query_o3.txt'), 'utf8');
    const num = (text: string, label: string) => Number(new RegExp(`^${label}:\\s*([0-9.]+)`, 'm').exec(text)![1]);
    for (const label of ['Perplexity including OOVs', 'Perplexity excluding OOVs']) expect(num(r.stdout, label).toPrecision(6)).toBe(num(q, label).toPrecision(6));
    expect(num(r.stdout, 'OOVs')).toBe(num(q, 'OOVs'));
    expect(num(r.stdout, 'Tokens')).toBe(num(q, 'Tokens'));
    const perLine = r.stdout.split('\n').filter((l) => l.startsWith('Total: '));
    expect(perLine).toHaveLength(readFileSync(path.join(ref, 'test.txt'), 'utf8').split('\n').filter((l, i, a) => i < a.length - 1 || l !== '').length);
  }, 60000);
});
