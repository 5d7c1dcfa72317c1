import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyedVectors } from '../../src/index.js';
import { runCli } from './run.js';

describe('textloom w2v train', () => {
  it('takes --hs 0 or 1 only (2 used to mean off)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-w2v-cli-'));
    const input = join(dir, 'c.txt');
    writeFileSync(input, 'a b c a b c\n'.repeat(20));
    const out = join(dir, 'v.txt');
    const bad = await runCli('w2v', 'train', '--input', input, '--out', out, '--hs', '2', '--min-count', '1', '--size', '4', '--epochs', '1', '--table-size', '1000');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--hs is 0 \(off\) or 1 \(on\), got 2/);
    expect(existsSync(out)).toBe(false);
    const ok = await runCli('w2v', 'train', '--input', input, '--out', out, '--hs', '1', '--negative', '0', '--min-count', '1', '--size', '4', '--epochs', '1');
    expect(ok.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('trains on the pipeline tokenizer\'s lowercased tokens with --tokenize --lowercase', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-w2v-cli-'));
    const input = join(dir, 'c.txt');
    writeFileSync(input, "The cat didn't sit.\nTHE DOG sat, then ran!\n".repeat(5));
    const out = join(dir, 'v.txt');
    const r = await runCli('w2v', 'train', '--input', input, '--out', out, '--tokenize', '--lowercase', '--min-count', '1', '--size', '4', '--epochs', '1', '--json');
    expect(r.code).toBe(0);
    const words = (await KeyedVectors.load(out)).words;
    expect(words).toContain("n't");
    expect(words).toContain('the');
    expect(words).not.toContain('THE');
    expect(words).not.toContain('sit.');
    const plain = await runCli('w2v', 'train', '--input', input, '--out', out, '--min-count', '1', '--size', '4', '--epochs', '1');
    expect(plain.code).toBe(0);
    expect((await KeyedVectors.load(out)).words).toContain('sit.');
  });

  it('takes --noise-table cumulative or word2vec-c', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-w2v-cli-'));
    const input = join(dir, 'c.txt');
    writeFileSync(input, 'a b c a b c\n'.repeat(20));
    const out = join(dir, 'v.txt');
    const base = ['w2v', 'train', '--input', input, '--out', out, '--min-count', '1', '--size', '4', '--epochs', '1'];
    expect((await runCli(...base, '--noise-table', 'word2vec-c', '--table-size', '1000')).code).toBe(0);
    const bad = await runCli(...base, '--noise-table', 'flat');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--noise-table is cumulative or word2vec-c/);
    const both = await runCli(...base, '--noise-table', 'cumulative', '--table-size', '1000');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--table-size sizes the word2vec-c noise table/);
  });
});
