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
    expect((await cli(['match', '--input', join(dir, 'in.txt')])).err).toMatch(/missing required flag --patterns/);
    expect((await cli(['match', '--patterns', join(dir, 'nope.jsonl'), '--input', join(dir, 'in.txt'), '--pipeline', pipeline])).code).toBe(2);
    expect((await cli(['match', '--patterns', join(dir, 'p.jsonl'), '--input', join(dir, 'in.txt'), '--pipeline', join(dir, 'none.json')])).err).toMatch(/no pipeline config/);
    expect((await cli(['match', '--patterns', join(dir, 'p.jsonl'), '--input', join(dir, 'in.txt'), '--pipeline', pipeline, '--attr', 'XX'])).err).toMatch(/--attr must be one of/);
  });
});
