import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli as run } from './run.js';

const fixture = fileURLToPath(new URL('../fixtures/tokenizer-small.conllu', import.meta.url));


describe('textloom eval tokenizer', () => {
  it('prints precision, recall, f1 and sentences as JSON', async () => {
    const r = await run(['eval', 'tokenizer', '--conllu', fixture, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['precision', 'recall', 'f1', 'sentences']);
    expect(j.sentences).toBe(3);
    // All tokens right except "Its" (EWT: "It s"): 17 gold words, 16 predicted, 15 correct.
    expect(j.precision).toBeCloseTo(15 / 16, 10);
    expect(j.recall).toBeCloseTo(15 / 17, 10);
  });
  it('prints a readable table without --json', async () => {
    const r = await run(['eval', 'tokenizer', '--conllu', fixture]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^sentences\s+3$/m);
    expect(r.out).toMatch(/^f1\s+0\.\d{4}$/m);
  });
  it('fails with one line and exit 2 on a missing file or flag', async () => {
    const a = await run(['eval', 'tokenizer', '--conllu', 'no/such/file.conllu', '--json']);
    expect(a.code).toBe(2);
    expect(a.err.trim().split('\n')).toHaveLength(1);
    const b = await run(['eval', 'tokenizer', '--json']);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/--conllu/);
  });
  it('tokenizes with a pipeline config when --pipeline is given', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'tl-evaltok-'));
    const cfg = join(dir, 'p.json');
    writeFileSync(cfg, JSON.stringify({ tokenizer: { factory: 'tokenizer', options: { specialCases: { Its: ['It', 's'] } } }, components: [] }));
    const r = await run(['eval', 'tokenizer', '--conllu', fixture, '--pipeline', cfg, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).f1).toBe(1);
  });
});
