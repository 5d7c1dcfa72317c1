import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../cli/run.js';


describe('textloom match', () => {
  const dir = mkdtempSync(join(tmpdir(), 'textloom-match-'));
  const pipeline = join(dir, 'ws.json');
  writeFileSync(pipeline, JSON.stringify({ name: 'ws', tokenizer: { factory: 'whitespace' } }));
  writeFileSync(
    join(dir, 'p.jsonl'),
    [
      { label: 'GREETING', pattern: [{ LOWER: 'hello' }, { IS_PUNCT: true, OP: '?' }] },
      { label: 'CITY', pattern: 'New York', id: 'nyc' },
      { label: 'CITY', pattern: 'New York City' },
    ]
      .map((p) => JSON.stringify(p))
      .join('\n'),
  );
  writeFileSync(join(dir, 'in.txt'), 'Hello , I live in New York City\nnothing here\nhello\n');

  it('prints every match as a JSON line', async () => {
    const r = await cli(['match', '--patterns', join(dir, 'p.jsonl'), '--input', join(dir, 'in.txt'), '--pipeline', pipeline]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { line: 1, label: 'GREETING', start: 0, end: 1, startChar: 0, endChar: 5, text: 'Hello' },
      { line: 1, label: 'GREETING', start: 0, end: 2, startChar: 0, endChar: 7, text: 'Hello ,' },
      { line: 1, label: 'CITY', id: 'nyc', start: 5, end: 7, startChar: 18, endChar: 26, text: 'New York' },
      { line: 1, label: 'CITY', start: 5, end: 8, startChar: 18, endChar: 31, text: 'New York City' },
      { line: 3, label: 'GREETING', start: 0, end: 1, startChar: 0, endChar: 5, text: 'hello' },
    ]);
  });
  it('matches phrases case-insensitively with --attr LOWER', async () => {
    writeFileSync(join(dir, 'in2.txt'), 'NEW YORK\n');
    const r = await cli(['match', '--patterns', join(dir, 'p.jsonl'), '--input', join(dir, 'in2.txt'), '--pipeline', pipeline, '--attr', 'lower']);
    expect(r.out.trim().split('\n').map((l) => JSON.parse(l).text)).toEqual(['NEW YORK']);
  });
  it('matches phrases on LEMMA through the pipeline\'s annotations (--attr LEMMA with en_core)', async () => {
    writeFileSync(join(dir, 'lemma.jsonl'), JSON.stringify({ label: 'RUN', pattern: 'run fast' }) + '\n');
    writeFileSync(join(dir, 'runs.txt'), 'He was running fast.\nThey ran fast!\nA fast run.\n');
    const r = await cli(['match', '--patterns', join(dir, 'lemma.jsonl'), '--input', join(dir, 'runs.txt'), '--pipeline', 'en_core', '--attr', 'LEMMA']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').map((l) => JSON.parse(l).text)).toEqual(['running fast', 'ran fast']);
  });
  it('fails with one line naming the file, line and key of a bad pattern', async () => {
    writeFileSync(join(dir, 'bad.jsonl'), '{"label":"A","pattern":"a"}\n{"label":"B","pattern":[{"IS_ALPHA":"yes"}]}\n');
    const r = await cli(['match', '--patterns', join(dir, 'bad.jsonl'), '--input', join(dir, 'in.txt'), '--pipeline', pipeline]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^textloom match: .*IS_ALPHA needs true or false.*bad\.jsonl:2.*key "\[0\]\.IS_ALPHA"/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
  it('fails cleanly on a missing flag, file or pipeline', async () => {
    expect((await cli(['match', '--input', join(dir, 'in.txt')])).err).toMatch(/needs --patterns or --dep-patterns/);
    expect((await cli(['match', '--patterns', join(dir, 'nope.jsonl'), '--input', join(dir, 'in.txt'), '--pipeline', pipeline])).code).toBe(2);
    expect((await cli(['match', '--patterns', join(dir, 'p.jsonl'), '--input', join(dir, 'in.txt'), '--pipeline', join(dir, 'none.json')])).err).toMatch(/no pipeline config/);
    expect((await cli(['match', '--patterns', join(dir, 'p.jsonl'), '--input', join(dir, 'in.txt'), '--pipeline', pipeline, '--attr', 'XX'])).err).toMatch(/--attr must be one of/);
  });

  describe('--dep-patterns', () => {
    const conllu = new URL('../../fixtures/tokenizer-small.conllu', import.meta.url).pathname;
    const subj = { label: 'SUBJ', pattern: [{ RIGHT_ID: 'v', RIGHT_ATTRS: { DEP: 'root' } }, { LEFT_ID: 'v', REL_OP: '>', RIGHT_ID: 's', RIGHT_ATTRS: { DEP: 'nsubj' } }] };
    writeFileSync(join(dir, 'dep.jsonl'), JSON.stringify(subj) + '\n\n' + JSON.stringify({ label: 'CMPD', pattern: [{ RIGHT_ID: 'n', RIGHT_ATTRS: { POS: 'NOUN' } }, { LEFT_ID: 'n', REL_OP: ';*', RIGHT_ID: 'c', RIGHT_ATTRS: { DEP: 'compound' } }] }) + '\n');
    it('matches over the gold trees of a CoNLL-U file', async () => {
      const r = await cli(['match', '--dep-patterns', join(dir, 'dep.jsonl'), '--conllu', conllu]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
        { line: 1, label: 'SUBJ', tokens: [3, 0], words: ['like', 'I'] },
        { line: 1, label: 'CMPD', tokens: [5, 4], words: ['e-mail', 'U.S.'] },
        { line: 12, label: 'SUBJ', tokens: [3, 2], words: ['rocks', 'engine'] },
        { line: 12, label: 'CMPD', tokens: [2, 0], words: ['engine', 'Search'] },
      ]);
    });
    it('refuses a pipeline without a parser, and names file, line and key of a bad pattern', async () => {
      const noParser = await cli(['match', '--dep-patterns', join(dir, 'dep.jsonl'), '--input', join(dir, 'in.txt'), '--pipeline', pipeline]);
      expect(noParser.code).toBe(2);
      expect(noParser.err).toMatch(/pipeline ".*ws\.json" has no parser.*--conllu/);
      writeFileSync(join(dir, 'dep-bad.jsonl'), JSON.stringify(subj) + '\n' + JSON.stringify({ label: 'X', pattern: [{ RIGHT_ID: 'a', RIGHT_ATTRS: {} }, { LEFT_ID: 'a', REL_OP: '>>>', RIGHT_ID: 'b', RIGHT_ATTRS: {} }] }) + '\n');
      const bad = await cli(['match', '--dep-patterns', join(dir, 'dep-bad.jsonl'), '--conllu', conllu]);
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/unknown operator ">>>".*dep-bad\.jsonl:2.*key "pattern\[1\]\.REL_OP"/);
      writeFileSync(join(dir, 'dep-json.jsonl'), '{"label": "X", "pattern": [\n');
      expect((await cli(['match', '--dep-patterns', join(dir, 'dep-json.jsonl'), '--conllu', conllu])).err).toMatch(/invalid JSON.*dep-json\.jsonl:1/);
      expect((await cli(['match', '--dep-patterns', join(dir, 'dep.jsonl'), '--conllu', conllu, '--input', join(dir, 'in.txt')])).err).toMatch(/exactly one of --input/);
      expect((await cli(['match', '--patterns', join(dir, 'p.jsonl'), '--conllu', conllu])).err).toMatch(/--conllu takes --dep-patterns only/);
    });
    it('names the file and line of a cyclic tree', async () => {
      writeFileSync(join(dir, 'cycle.conllu'), '# sent_id = c\n1\ta\ta\tX\t_\t_\t2\tdep\t_\t_\n2\tb\tb\tX\t_\t_\t1\tdep\t_\t_\n\n');
      const r = await cli(['match', '--dep-patterns', join(dir, 'dep.jsonl'), '--conllu', join(dir, 'cycle.conllu')]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/no root.*cycle\.conllu:\d/);
    });
  });
});
