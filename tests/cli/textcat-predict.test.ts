import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TextCategorizer } from '../../src/index.js';
import { runCli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-tcpredict-'));
const model = join(dir, 'm.tlc');
const words = { pos: ['great', 'love', 'excellent', 'wonderful'], neg: ['awful', 'hate', 'terrible', 'boring'] };

beforeAll(() => {
  const texts: string[] = [];
  const labels: string[] = [];
  for (let i = 0; i < 60; i++) {
    const lab = i % 2 ? 'pos' : 'neg';
    texts.push(`the film was ${words[lab][i % 4]} and ${words[lab][(i + 1) % 4]}`);
    labels.push(lab);
  }
  TextCategorizer.train(texts, labels, { model: 'nb' }).save(model);
});

describe('textcat predict', () => {
  it('predicts each line with the probability of its label, as the API does', async () => {
    const input = join(dir, 'in.txt');
    const texts = ['what a great and wonderful film', '', 'boring and awful'];
    writeFileSync(input, texts.join('\n') + '\n');
    const r = await runCli('textcat', 'predict', '--model', model, input);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(rows.map((x) => x[0])).toEqual(['pos', 'neg']); // the blank line is skipped
    const tc = TextCategorizer.load(model);
    const want = tc.predictProba([texts[0]!, texts[2]!]);
    expect(Number(rows[0]![1])).toBe(Math.max(...want[0]!));
    expect(Number(rows[1]![1])).toBe(Math.max(...want[1]!));
    // --json names the input line, so output can be lined up with the input despite the skip.
    const j = await runCli('textcat', 'predict', '--model', model, input, '--json');
    expect(j.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { line: number }).line)).toEqual([1, 3]);
  });

  it('reads JSONL (by extension or --jsonl) and prints label, scores and id with --json', async () => {
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, [JSON.stringify({ id: 7, body: 'love it, excellent' }), JSON.stringify({ body: 'hate this terrible thing' })].join('\n') + '\n');
    const r = await runCli('textcat', 'predict', '-m', model, input, '--text-field', 'body', '--json');
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out[0].id).toBe(7);
    expect(out.map((o) => o.line)).toEqual([1, 2]);
    expect(out[0].label).toBe('pos');
    expect(Object.keys(out[0].scores)).toEqual(['neg', 'pos']);
    expect(out[0].scores.pos + out[0].scores.neg).toBeCloseTo(1, 12);
    expect(out[1]).not.toHaveProperty('id');
    expect(out[1].label).toBe('neg');
    const bad = await runCli('textcat', 'predict', '-m', model, input, '--json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no string field "text".*in\.jsonl:1/);
  });

  it('refuses an input without any text', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '\n\n');
    const r = await runCli('textcat', 'predict', '--model', model, empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no texts in/);
  });
});
