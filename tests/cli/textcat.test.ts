import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';

function io(): { stdout: PassThrough; stderr: PassThrough; out: () => string; err: () => string } {
  const stdout = new PassThrough(), stderr = new PassThrough();
  let o = '', e = '';
  stdout.on('data', (d) => { o += d; });
  stderr.on('data', (d) => { e += d; });
  return { stdout, stderr, out: () => o, err: () => e };
}

const dir = mkdtempSync(join(tmpdir(), 'textcat-cli-'));
const lines: string[] = [];
const words = { pos: ['great', 'love', 'excellent', 'wonderful'], neg: ['awful', 'hate', 'terrible', 'boring'] };
for (let i = 0; i < 80; i++) {
  const lab = i % 2 ? 'pos' : 'neg';
  const w = words[lab];
  lines.push(JSON.stringify({ body: `the film was ${w[i % 4]} and ${w[(i + 1) % 4]} today`, y: lab }));
}
const data = join(dir, 'reviews.jsonl');
writeFileSync(data, lines.join('\n') + '\n');

describe('train textcat', () => {
  it('trains with k-fold CV and writes a model', async () => {
    const s = io();
    const model = join(dir, 'm.tlc');
    const code = await main(['train', 'textcat', '--input', data, '--text-field', 'body', '--label-field', 'y', '--out', model, '--model', 'nb', '--kfold', '4', '--json'], s);
    expect(code).toBe(0);
    const r = JSON.parse(s.out());
    expect(r.labels).toEqual(['neg', 'pos']);
    expect(r.kfold.k).toBe(4);
    expect(r.kfold.mean.accuracy).toBe(1);
    expect(existsSync(model)).toBe(true);
  });
  it('names the bad line of a malformed input', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, lines[0] + '\n{"body": 3, "y": "pos"}\n');
    const s = io();
    const code = await main(['train', 'textcat', '--input', bad, '--text-field', 'body', '--label-field', 'y', '--out', join(dir, 'x.tlc')], s);
    expect(code).toBe(2);
    expect(s.err()).toMatch(/bad\.jsonl:2/);
  });
});

describe('eval textcat', () => {
  it('prints accuracy, macro F1, ROC-AUC and log loss as JSON', async () => {
    const model = join(dir, 'lr.tlc');
    expect(await main(['train', 'textcat', '--input', data, '--text-field', 'body', '--label-field', 'y', '--out', model], io())).toBe(0);
    const s = io();
    expect(await main(['eval', 'textcat', '--model', model, '--input', data, '--text-field', 'body', '--label-field', 'y', '--json'], s)).toBe(0);
    const r = JSON.parse(s.out());
    expect(r).toMatchObject({ n: 80, accuracy: 1, macroF1: 1, rocAuc: 1 });
    expect(r.logLoss).toBeGreaterThan(0);
    expect(r.logLoss).toBeLessThan(0.5);
  });
});

describe('train textcat --kfold', () => {
  it('cross-validates when a label occurs only once (scikit-learn warns, does not fail)', async () => {
    const once = join(dir, 'once.jsonl');
    writeFileSync(once, lines.slice(0, 20).join('\n') + '\n' + JSON.stringify({ body: 'a strange one-off review', y: 'odd' }) + '\n');
    const s = io();
    const code = await main(['train', 'textcat', '--input', once, '--text-field', 'body', '--label-field', 'y', '--out', join(dir, 'once.tlc'), '--kfold', '3', '--json'], s);
    expect(s.err()).not.toMatch(/unknown to the model/);
    expect(code).toBe(0);
    const r = JSON.parse(s.out());
    expect(r.labels).toEqual(['neg', 'odd', 'pos']);
    expect(r.kfold.folds).toHaveLength(3);
    expect(r.kfold.mean.accuracy).toBeGreaterThan(0.8);
  });
});

describe('tokenize with a textcat pipeline', () => {
  it('writes the textcat scores as "cats" in each JSON line', async () => {
    const model = join(dir, 'tok.tlc');
    expect(await main(['train', 'textcat', '--input', data, '--text-field', 'body', '--label-field', 'y', '--out', model], io())).toBe(0);
    const cfg = join(dir, 'tc-pipeline.json');
    writeFileSync(cfg, JSON.stringify({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'textcat', options: { model: 'tok.tlc' } }] }));
    const input = join(dir, 'reviews.txt');
    writeFileSync(input, 'the film was great and wonderful\nthe film was awful and boring\n');
    const s = io();
    expect(await main(['tokenize', '--pipeline', cfg, '--input', input], s)).toBe(0);
    const rows = s.out().trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(2);
    expect(rows[0].cats.pos).toBeGreaterThan(0.5);
    expect(rows[1].cats.neg).toBeGreaterThan(0.5);
    expect(rows[0].cats.pos + rows[0].cats.neg).toBeCloseTo(1, 12);
  });
});
