import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatConllu, parseConllu } from '../../src/index.js';
import { ewtFixture } from '../components/tagger/data.js';
import { registerGoldParser } from '../eval/gold-parser.js';
import { runCli } from './run.js';

// A pipeline whose "parser" copies (or perturbs) the gold trees of the test file.
registerGoldParser((file) => parseConllu(readFileSync(file, 'utf8')));
const dir = mkdtempSync(join(tmpdir(), 'cli-parser-'));
const gold = join(dir, 'gold.conllu');
const sentences = ewtFixture().slice(0, 60);
writeFileSync(gold, formatConllu(sentences));
const config = (options: Record<string, unknown>) => {
  const path = join(dir, `p${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ name: 't', tokenizer: { factory: 'tokenizer' }, components: [{ name: 'senter', factory: 'senter' }, { name: 'parser', factory: 'test_gold_parser', options: { file: gold, ...options } }] }));
  return path;
};

describe('textloom eval parser', () => {
  it('scores copied gold trees 1 on gold tokens, and the relabelled punctuation off LAS', async () => {
    let r = await runCli('eval', 'parser', '--conllu', gold, '--pipeline', config({}), '--gold-tokens', '--json');
    expect(r.code, r.stderr).toBe(0);
    let j = JSON.parse(r.stdout);
    expect([j.uas.f1, j.las.f1, j.goldTokens]).toEqual([1, 1, true]);
    r = await runCli('eval', 'parser', '--conllu', gold, '--pipeline', config({ relabelPunct: true }), '--gold-tokens', '--json');
    j = JSON.parse(r.stdout);
    const words = sentences.flatMap((s) => s.words);
    expect(j.las.correct).toBe(words.length - words.filter((w) => w.deprel === 'punct').length);
  });

  it('scores raw text through the alignment and prints a table', async () => {
    const r = await runCli('eval', 'parser', '--conllu', gold, '--pipeline', config({}));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^UAS\s+\|/m);
    expect(r.stdout).toMatch(/^Sentences\s+\|/m);
    const j = JSON.parse((await runCli('eval', 'parser', '--conllu', gold, '--pipeline', config({}), '--json')).stdout);
    // Sentences the pipeline tokenizes and splits as the gold are copied, so most arcs are right.
    expect(j.uas.f1).toBeGreaterThan(0.5);
    expect(j.uas.f1).toBeLessThanOrEqual(j.words.f1);
  });

  it('refuses a pipeline without a parser (exit 2)', async () => {
    const r = await runCli('eval', 'parser', '--conllu', gold, '--pipeline', 'en_whitespace', '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no "parser" component/);
  });
});

describe('textloom tokenize --format conllu', () => {
  it('writes HEAD and DEPREL when the pipeline has a parser, _ otherwise', async () => {
    const input = join(dir, 'in.txt');
    writeFileSync(input, "I don't know.\n");
    const one = parseConllu(`# text = I don't know.
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\tSpaceAfter=No
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

`);
    writeFileSync(gold, formatConllu(one));
    let r = await runCli('tokenize', '--input', input, '--format', 'conllu', '--pipeline', config({}));
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^\d/.test(l)).map((l) => l.split('\t'));
    expect(rows.map((c) => [c[1], c[6], c[7]])).toEqual([
      ['I', '4', 'nsubj'],
      ['do', '4', 'aux'],
      ["n't", '4', 'advmod'],
      ['know', '0', 'root'],
      ['.', '4', 'punct'],
    ]);
    r = await runCli('tokenize', '--input', input, '--format', 'conllu', '--pipeline', 'en_whitespace');
    expect(r.stdout.split('\n').filter((l) => /^\d/.test(l)).every((l) => l.split('\t')[6] === '_' && l.split('\t')[7] === '_')).toBe(true);
    writeFileSync(gold, formatConllu(sentences));
  });
});
