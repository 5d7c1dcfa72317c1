import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli as run } from './run.js';

const fixture = fileURLToPath(new URL('../fixtures/tokenizer-small.conllu', import.meta.url));
const esFixture = fileURLToPath(new URL('../fixtures/lang/es-mwt.conllu', import.meta.url));


describe('textloom eval tokenizer', () => {
  it('prints precision, recall, f1 and sentences as JSON', async () => {
    const r = await run(['eval', 'tokenizer', '--conllu', fixture, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['precision', 'recall', 'f1', 'sentences', 'tokens', 'words']);
    expect(j.words.f1).toBe(j.f1);
    expect(j.sentences).toBe(3);
    // All tokens right except "Its" (EWT: "It s"): 17 gold words, 16 predicted, 15 correct.
    expect(j.precision).toBeCloseTo(15 / 16, 10);
    expect(j.recall).toBeCloseTo(15 / 17, 10);
  });
  it('prints a readable table without --json', async () => {
    const r = await run(['eval', 'tokenizer', '--conllu', fixture]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^sentences\s+3$/m);
    expect(r.out).toMatch(/^words\s+17\s+16\s+15\s+0\.9375\s+0\.8824\s+0\.\d{4}$/m);
    expect(r.out).toMatch(/^tokens\s+/m);
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
  it('scores multiword tokens per word with --lang (del = de el)', async () => {
    const es = JSON.parse((await run(['eval', 'tokenizer', '--conllu', esFixture, '--lang', 'es', '--json'])).out);
    expect(es.words).toMatchObject({ gold: 14, system: 14, correct: 14 });
    expect(es.tokens).toMatchObject({ gold: 11, system: 11, correct: 11 });
    // The English tokenizer keeps "del", "darle" and "al" whole: their 6 gold words are missed.
    const en = JSON.parse((await run(['eval', 'tokenizer', '--conllu', esFixture, '--json'])).out);
    expect(en.words.correct).toBe(8);
    expect(en.words.system).toBe(11);
  });
  it('rejects an unknown --lang and --lang with --pipeline', async () => {
    const a = await run(['eval', 'tokenizer', '--conllu', esFixture, '--lang', 'tlh']);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/--lang.*unknown language "tlh"|unknown language "tlh"/);
    const b = await run(['eval', 'tokenizer', '--conllu', esFixture, '--lang', 'es', '--pipeline', 'en_core']);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/not both/);
  });
});
