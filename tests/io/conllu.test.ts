import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormatError, formatConllu, parseConllu, readConllu, surfaceTokens } from '../../src/index.js';
import { evalPath, hasEval, needsEval } from '../eval-data.js';
import { EWT_FIXTURE, EWT_TEST } from '../components/tagger/data.js';

const SAMPLE = `# newdoc id = d1
# sent_id = s1
# text = I don't know.
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
4.1\tknows\t_\t_\t_\t_\t_\t_\t4:conj\t_
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

`;

describe('parseConllu', () => {
  it('reads comments, words, multiword tokens and empty nodes', () => {
    const [s] = parseConllu(SAMPLE);
    expect(s!.meta.text).toBe("I don't know.");
    expect(s!.meta['newdoc id']).toBe('d1');
    expect(s!.words.map((w) => w.form)).toEqual(['I', 'do', "n't", 'know', '.']);
    expect(s!.words[3]!.head).toBe(0);
    expect(s!.multiwords).toEqual([{ first: 2, last: 3, form: "don't", misc: '' }]);
    expect(s!.emptyNodes[0]!.id).toBe('4.1');
    expect(surfaceTokens(s!).map((t) => [t.form, t.spaceAfter])).toEqual([
      ['I', true],
      ["don't", true],
      ['know', false],
      ['.', true],
    ]);
  });
  it('round-trips through formatConllu', () => {
    expect(formatConllu(parseConllu(SAMPLE))).toBe(SAMPLE.replace(/\n\n$/, '\n\n'));
  });
  it('names the line of a malformed row', () => {
    expect(() => parseConllu('1\tI\tI\n', 'x.conllu')).toThrow(FormatError);
    expect(() => parseConllu('1\tI\tI\n', 'x.conllu')).toThrow(/x\.conllu:1/);
    expect(() => parseConllu(SAMPLE.replace('5\t.', '7\t.'), 'y.conllu')).toThrow(/y\.conllu:10.*|out of sequence/);
  });
});

describe.skipIf(!hasEval(EWT_TEST))(needsEval(EWT_TEST, 'readConllu on EWT test'), () => {
  it('streams EWT test', async () => {
    let n = 0;
    let words = 0;
    for await (const s of readConllu(evalPath(EWT_TEST))) {
      n++;
      words += s.words.length;
    }
    expect(n).toBe(2077);
    expect(words).toBe(25094);
  });
});

describe('readConllu', () => {
  it('streams the shipped EWT sentences exactly as parseConllu reads them, and formatConllu writes them back byte for byte', async () => {
    const text = readFileSync(EWT_FIXTURE, 'utf8');
    const streamed = [];
    for await (const s of readConllu(EWT_FIXTURE)) streamed.push(s);
    expect(streamed).toHaveLength(300);
    expect(streamed.reduce((n, s) => n + s.words.length, 0)).toBe(text.split('\n').filter((l) => /^\d+\t/.test(l)).length);
    expect(streamed).toEqual(parseConllu(text));
    expect(formatConllu(streamed)).toBe(text);
  });
  it('reads a file that starts with a UTF-8 byte order mark', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tl-conllu-')), 'bom.conllu');
    writeFileSync(file, '\ufeff' + SAMPLE);
    const out = [];
    for await (const s of readConllu(file)) out.push(s);
    expect(out).toEqual(parseConllu(SAMPLE));
  });
});
