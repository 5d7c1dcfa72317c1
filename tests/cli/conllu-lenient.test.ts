import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const fixture = readFileSync(fileURLToPath(new URL('../fixtures/tokenizer-small.conllu', import.meta.url)), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'tl-lenient-'));
// Damage as the probe found it: a multiword range running past its sentence, a HEAD out of range, a NUL byte.
const broken = join(dir, 'broken.conllu');
writeFileSync(broken, fixture.replace('2-3\tdon\'t', '2-9\tdon\'t').replace('5\tU.S.\tU.S.\tPROPN\tNNP\t_\t6', '5\tU.S.\tU.S.\tPROPN\tNNP\t_\t60').replace('engine\tengine', 'eng\0ine\tengine'));

describe('--lenient on the CoNLL-U commands', () => {
  it('without it, eval tokenizer refuses the file naming file and line (no stack trace)', async () => {
    const r = await runCli('eval', 'tokenizer', '--conllu', broken);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/multiword range 2-9 runs past the sentence's 7 words \(at .*broken\.conllu:4\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('with it, eval tokenizer repairs, scores and prints one warning counting the repairs by kind', async () => {
    const r = await runCli('eval', 'tokenizer', '--conllu', broken, '--lenient', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: .*broken\.conllu: 3 repairs: 1 bad-range, 1 bad-head, 1 nul-byte\n$/);
    expect(JSON.parse(r.stdout).sentences).toBe(3);
  });

  for (const cmd of [['eval', 'tagger', '--gold-tokens', '--conllu'], ['eval', 'senter', '--conllu'], ['train', 'tagger', '--epochs', '1', '--out', join(dir, 'm.tlt'), '--train']]) {
    it(`${cmd.slice(0, 2).join(' ')}: strict refuses, --lenient repairs with a warning`, async () => {
      const strict = await runCli(...cmd, broken);
      expect(strict.code).toBe(2);
      expect(strict.stderr).toMatch(/broken\.conllu:4/);
      const lenient = await runCli(...cmd, broken, '--lenient');
      expect(lenient.stderr).toMatch(/warning: .*3 repairs/);
      expect(lenient.code).toBe(0);
    });
  }
});
