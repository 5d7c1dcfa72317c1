import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NgramLM } from '../../src/lm/model.js';
import { runCli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-empty-'));
const empty = join(dir, 'empty.txt');
writeFileSync(empty, '');
// CoNLL-U files without a sentence: empty, and blank lines only.
const noSents = join(dir, 'none.conllu');
writeFileSync(noSents, '\n\n');

async function model(): Promise<string> {
  const file = join(dir, 'm.tlm');
  const lm = await NgramLM.train([['a', 'b'], ['b', 'a', 'b']], { order: 2, discountFallback: [0.5, 1, 1.5] });
  lm.save(file);
  return file;
}

describe('empty input', () => {
  it('lm perplexity on an empty (or blank) file exits 2 with "no sentences in FILE"', async () => {
    const m = await model();
    for (const file of [empty, noSents]) {
      const r = await runCli('lm', 'perplexity', '--model', m, '--input', file, '--json');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`no sentences in ${file}`);
    }
  });
  it('lm train on an empty file exits 2 and writes nothing, even with discount fallbacks', async () => {
    const out = join(dir, 'never.arpa');
    const r = await runCli('lm', 'train', '--input', empty, '--out', out, '--discount-fallback', '0.5,1,1.5');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`no sentences in ${empty}`);
    expect(existsSync(out)).toBe(false);
  });
  it('eval tokenizer on a CoNLL-U file without sentences exits 2', async () => {
    const r = await runCli('eval', 'tokenizer', '--conllu', empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`no sentences in ${empty}`);
  });
  it('eval senter and eval tagger on a CoNLL-U file without sentences exit 2', async () => {
    for (const cmd of [['eval', 'senter'], ['eval', 'tagger']]) {
      for (const file of [noSents, empty]) {
        const r = await runCli(...cmd, '--conllu', file, '--pipeline', 'en_core');
        expect(r.code, cmd.join(' ')).toBe(2);
        expect(r.stderr).toContain(`no sentences in ${file}`);
      }
    }
  });
  it('lm generate rejects a count that is not a positive integer', async () => {
    const m = await model();
    for (const count of ['0', '-1', '1.5']) {
      const r = await runCli('lm', 'generate', '--model', m, '--count', count);
      expect(r.code, count).toBe(2);
      expect(r.stderr).toMatch(/--count must be a positive integer/);
    }
    expect((await runCli('lm', 'generate', '--model', m, '--count', '2')).code).toBe(0);
  });
});

describe('filters on an empty input', () => {
  it('tokenize and match exit 0 with no output and say on stderr that there was nothing to do', async () => {
    const d = mkdtempSync(join(tmpdir(), 'tl-empty-'));
    const file = join(d, 'empty.txt');
    writeFileSync(file, '');
    const t = await runCli('tokenize', '--input', file, '--pipeline', 'en_whitespace');
    expect([t.code, t.stdout]).toEqual([0, '']);
    expect(t.stderr).toMatch(/^warning: .*empty\.txt has no text to tokenize\n$/);
    const pats = join(d, 'p.jsonl');
    writeFileSync(pats, '{"label":"X","pattern":"a"}\n');
    const m = await runCli('match', '--patterns', pats, '--input', file, '--pipeline', 'en_whitespace');
    expect([m.code, m.stdout]).toEqual([0, '']);
    expect(m.stderr).toMatch(/warning: .*empty\.txt is empty: no lines to match\n$/);
  });

  it('match skips blank lines, even with patterns on annotations a blank line lacks', async () => {
    const d = mkdtempSync(join(tmpdir(), 'tl-blank-'));
    const file = join(d, 'in.txt');
    writeFileSync(file, 'She is very happy.\n\nHe was very tall.\n');
    const pats = join(d, 'p.jsonl');
    writeFileSync(pats, '{"label":"KIND","pattern":[{"LOWER":"very"},{"POS":"ADJ"}]}\n');
    const m = await runCli('match', '--patterns', pats, '--input', file);
    expect(m.code).toBe(0);
    expect(m.stdout.trim().split('\n').map((l) => [JSON.parse(l).line, JSON.parse(l).text])).toEqual([
      [1, 'very happy'],
      [3, 'very tall'],
    ]);
  });
});
