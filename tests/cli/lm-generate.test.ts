import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NgramLM, detokenize } from '../../src/index.js';
import { runCli } from './run.js';

describe('lm generate output', () => {
  it('prints detokenized text, or the space-joined tokens with --raw', async () => {
    const corpus = Array.from({ length: 50 }, (_, i) => (i % 2 ? ['I', 'did', "n't", 'go', ',', 'sorry', '.'] : ['She', 'said', '"', 'yes', '"', '!']));
    const lm = await NgramLM.train(corpus, { order: 2, discountFallback: [0.5, 1, 1.5] });
    const model = join(mkdtempSync(join(tmpdir(), 'tl-lmgen-')), 'm.arpa');
    await lm.toARPA(model);
    const args = ['lm', 'generate', '--model', model, '--seed', '3', '--count', '6', '--temperature', '0.3'];
    const raw = await runCli(...args, '--raw');
    const text = await runCli(...args);
    const json = await runCli(...args, '--json');
    expect([raw.code, text.code, json.code]).toEqual([0, 0, 0]);
    const tokens = JSON.parse(json.stdout) as string[][];
    expect(raw.stdout).toBe(tokens.map((t) => t.join(' ')).join('\n') + '\n');
    expect(text.stdout).toBe(tokens.map((t) => detokenize(t)).join('\n') + '\n');
    expect(text.stdout).toMatch(/didn't go, sorry\.|said "yes"!/);
    expect(text.stdout).not.toMatch(/ [.,!]|n 't/);
  });
});
