import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli as run } from '../cli/run.js';
import { NgramLM } from '../../src/lm/model.js';
import { syntheticCorpus } from './fixtures.js';

let dir: string;
let train: string;
let test: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tl-lmcli-'));
  train = path.join(dir, 'train.txt');
  test = path.join(dir, 'test.txt');
  writeFileSync(train, syntheticCorpus(300).map((s) => s.join(' ')).join('\n') + '\n');
  writeFileSync(test, syntheticCorpus(40, 99).map((s) => s.join(' ')).join('\n') + '\nthe zebra sat\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe('lm train / perplexity / generate', () => {
  it('trains ARPA and binary models whose perplexity JSON matches the API', async () => {
    const arpa = path.join(dir, 'm.arpa');
    const tlm = path.join(dir, 'm.tlm');
    for (const out of [arpa, tlm]) {
      const r = await run(['lm', 'train', '--order', '3', '--input', train, '--out', out, '--discount-fallback', '0.5,1,1.5']);
      expect(r.code).toBe(0);
    }
    const api = await NgramLM.train(syntheticCorpus(300), { order: 3, discountFallback: [0.5, 1, 1.5] });
    const expected = api.perplexity([...syntheticCorpus(40, 99), ['the', 'zebra', 'sat']]);
    for (const model of [arpa, tlm]) {
      const r = await run(['lm', 'perplexity', '--model', model, '--input', test, '--json']);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      expect(Object.keys(j)).toEqual(['perplexity', 'perplexityExcludingOov', 'oov', 'tokens', 'sentences']);
      expect(j.oov).toBe(1);
      expect(j.tokens).toBe(expected.tokens);
      expect(j.perplexity).toBeCloseTo(expected.perplexity, 6);
      expect(j.perplexityExcludingOov).toBeCloseTo(expected.perplexityExcludingOov, 6);
    }
    const g1 = await run(['lm', 'generate', '--model', tlm, '--seed', '4', '--count', '2', '--json']);
    const g2 = await run(['lm', 'generate', '--model', tlm, '--seed', '4', '--count', '2', '--json']);
    expect(g1.code).toBe(0);
    expect(JSON.parse(g1.out)).toHaveLength(2);
    expect(g1.out).toBe(g2.out);
  });

  it('tokenizes with a pipeline when asked (--tokenize --pipeline)', async () => {
    const cfg = path.join(dir, 'ws.json');
    writeFileSync(cfg, JSON.stringify({ name: 'ws', tokenizer: { factory: 'whitespace' } }));
    const a = path.join(dir, 'tok.tlm');
    const b = path.join(dir, 'plain.tlm');
    expect((await run(['lm', 'train', '--input', train, '--out', a, '--smoothing', 'witten-bell', '--tokenize', '--pipeline', cfg])).code).toBe(0);
    expect((await run(['lm', 'train', '--input', train, '--out', b, '--smoothing', 'witten-bell'])).code).toBe(0);
    const pa = await run(['lm', 'perplexity', '--model', a, '--input', test, '--json', '--tokenize', '--pipeline', cfg]);
    const pb = await run(['lm', 'perplexity', '--model', b, '--input', test, '--json']);
    expect(pa.code).toBe(0);
    expect(pa.out).toBe(pb.out);
    const bad = await run(['lm', 'train', '--input', train, '--out', a, '--tokenize', '--pipeline', path.join(dir, 'none.json')]);
    expect(bad.code).toBe(2);
  });

  it('exits 2 with one line on bad input', async () => {
    const r = await run(['lm', 'train', '--input', train, '--out', path.join(dir, 'x.tlm'), '--smoothing', 'magic']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--smoothing: unknown smoothing "magic"/);
    const g = await run(['lm', 'train', '--input', train, '--out', path.join(dir, 'x.arpa'), '--smoothing', 'mle']);
    expect(g.code).toBe(2);
    expect(g.err).toMatch(/no exact ARPA form/);
    expect((await run(['lm', 'train', '--input', train, '--out', path.join(dir, 'x.arpa.gz')])).code).toBe(2);
    const m = await run(['lm', 'perplexity', '--model', path.join(dir, 'nope.arpa'), '--input', test]);
    expect(m.code).toBe(2);
    const tiny = path.join(dir, 'tiny.txt');
    writeFileSync(tiny, 'a b\n');
    const d = await run(['lm', 'train', '--input', tiny, '--out', path.join(dir, 't.tlm')]);
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/discount/);
  });

  it('refuses an --out in a missing directory or naming a directory before training, naming it', async () => {
    const missing = path.join(dir, 'no-such-dir', 'm.arpa');
    const r = await run(['lm', 'train', '--input', train, '--out', missing, '--discount-fallback', '0.5,1,1.5']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(`cannot write ${missing}`);
    expect(r.err).not.toMatch(/tmp-|trained/);
    const d = await run(['lm', 'train', '--input', train, '--out', dir, '--discount-fallback', '0.5,1,1.5']);
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/is a directory/);
  });
});
