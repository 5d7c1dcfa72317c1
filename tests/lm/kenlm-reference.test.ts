/**
 * textloom vs KenLM on WikiText-2 (shared reference data): every n-gram lmplz wrote must be present
 * with log10 prob and backoff within 1e-4, and perplexity on test.txt must equal query's to 4
 * significant digits, for orders 3 and 5.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NgramLM } from '../../src/lm/model.js';
import type { BackoffData } from '../../src/lm/model-data.js';
import { evalPath, hasEval, needsEval } from '../eval-data.js';

const dir = evalPath('kenlm_reference');
const have = hasEval('kenlm_reference/train.txt', 'kenlm_reference/test.txt', 'kenlm_reference/wikitext2_o3.arpa.gz', 'kenlm_reference/wikitext2_o5.arpa.gz', 'kenlm_reference/query_o3.txt', 'kenlm_reference/query_o5.txt');

function lines(file: string): string[][] {
  return readFileSync(path.join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s+/));
}

function queryReference(order: number): { ppl: number; pplNoOov: number; oov: number; tokens: number } {
  const t = readFileSync(path.join(dir, `query_o${order}.txt`), 'utf8');
  const num = (label: string): number => Number(new RegExp(`^${label}:\\s*([0-9.]+)`, "m").exec(t)![1]);
  return { ppl: num('Perplexity including OOVs'), pplNoOov: num('Perplexity excluding OOVs'), oov: num('OOVs'), tokens: num('Tokens') };
}

function sig4(x: number): string {
  return x.toPrecision(4);
}

/** Max |diff| of prob and backoff over every n-gram of `ref`, and how many are missing in `ours`. */
function compare(ours: BackoffData, ref: BackoffData): { maxProb: number; maxBackoff: number; missing: number; checked: number } {
  let maxProb = 0;
  let maxBackoff = 0;
  let missing = 0;
  let checked = 0;
  for (let n = 1; n <= ref.order; n++) {
    const tr = ref.tables[n - 1]!;
    const ids = new Uint32Array(n);
    for (let e = 0; e < tr.size; e++) {
      for (let i = 0; i < n; i++) ids[i] = ours.vocab.id(ref.vocab.words[tr.keys[e * n + i]!]!);
      const eo = ours.tables[n - 1]!.find(ids, 0);
      checked++;
      if (eo < 0) {
        missing++;
        continue;
      }
      maxProb = Math.max(maxProb, Math.abs(ours.prob[n - 1]![eo]! - ref.prob[n - 1]![e]!));
      maxBackoff = Math.max(maxBackoff, Math.abs(ours.backoff[n - 1]![eo]! - ref.backoff[n - 1]![e]!));
    }
  }
  return { maxProb, maxBackoff, missing, checked };
}

describe.skipIf(!have).each([3, 5])(needsEval('kenlm_reference', 'KenLM reference, order %i'), (order) => {
  let ours: NgramLM;
  let ref: NgramLM;
  let test: string[][];
  beforeAll(async () => {
    ours = await NgramLM.train(lines('train.txt'), { order, smoothing: 'kn' });
    ref = await NgramLM.fromARPA(path.join(dir, `wikitext2_o${order}.arpa.gz`));
    test = lines('test.txt');
  });

  it('has the same number of n-grams per order as lmplz', () => {
    expect(ours.ngramCounts).toEqual(ref.ngramCounts);
  });

  it('reproduces every n-gram of the ARPA file within 1e-4', () => {
    const r = compare((ours as unknown as { data: BackoffData }).data, (ref as unknown as { data: BackoffData }).data);
    expect(r.checked).toBe(ref.ngramCounts.reduce((a, b) => a + b, 0));
    expect(r.missing).toBe(0);
    expect(r.maxProb).toBeLessThan(1e-4);
    expect(r.maxBackoff).toBeLessThan(1e-4);
  });

  it("matches query's perplexity on test.txt to 4 significant digits", () => {
    const q = queryReference(order);
    const r = ours.perplexity(test);
    expect(r.tokens).toBe(q.tokens);
    expect(r.oov).toBe(q.oov);
    expect(sig4(r.perplexity)).toBe(sig4(q.ppl));
    expect(sig4(r.perplexityExcludingOov)).toBe(sig4(q.pplNoOov));
  });

  it("scores KenLM's own ARPA file like query", () => {
    const q = queryReference(order);
    const r = ref.perplexity(test);
    expect(sig4(r.perplexity)).toBe(sig4(q.ppl));
    expect(sig4(r.perplexityExcludingOov)).toBe(sig4(q.pplNoOov));
  });
});
