import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { ArgumentError, FormatError } from '../../src/core/errors.js';
import { formatFloat32 } from '../../src/lm/float-format.js';
import { NgramLM } from '../../src/lm/model.js';
import { syntheticCorpus } from './fixtures.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tl-arpa-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOY = `\\data\\
ngram 1=5
ngram 2=3

\\1-grams:
-1.5\t<unk>\t0
0\t<s>\t-0.3
-0.8\t</s>\t0
-0.5\ta\t-0.2
-0.9\tb\t-0.1

\\2-grams:
-0.1\t<s> a
-0.4\ta b
-0.2\tb </s>

\\end\\
`;

function write(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('formatFloat32', () => {
  it('prints the shortest decimal that reads back as the same float32', () => {
    expect(formatFloat32(0)).toBe('0');
    expect(formatFloat32(-99)).toBe('-99');
    expect(formatFloat32(Math.fround(-0.44554287))).toBe('-0.44554287');
    expect(formatFloat32(Math.fround(-4.936198))).toBe('-4.936198');
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true, min: -100, max: 0 }), (x) => {
        const s = formatFloat32(x);
        expect(Math.fround(Number(s)) === Math.fround(x)).toBe(true); // -0 prints as 0
        expect(s.replace(/^-|\.|e.*$/g, '').replace(/^0+/, '').length).toBeLessThanOrEqual(9);
      }),
      { numRuns: 300 },
    );
  });
});

describe('NgramLM.fromARPA', () => {
  it('reads a toy model and queries it with backoff like KenLM', async () => {
    const lm = await NgramLM.fromARPA(write('toy.arpa', TOY));
    expect(lm.ngramCounts).toEqual([5, 3]);
    expect(lm.logProb('a', ['<s>'])).toBeCloseTo(-0.1, 6);
    expect(lm.logProb('b', ['<s>'])).toBeCloseTo(-0.3 + -0.9, 6); // backoff(<s>) + p(b)
    expect(lm.logProb('zzz', ['a'])).toBeCloseTo(-0.2 + -1.5, 6);
    expect(lm.score('a b')).toBeCloseTo(-0.1 + -0.4 + -0.2, 6);
  });

  it('accepts spaces instead of tabs, missing backoffs, header junk, and a missing <unk> (-100)', async () => {
    const text = 'produced by hand\n\n' + TOY.replace(/\t/g, ' ').replace('-1.5 <unk> 0\n', '').replace('ngram 1=5', 'ngram 1=4');
    const lm = await NgramLM.fromARPA(write('spaces.arpa', text));
    expect(lm.logProb('zzz')).toBe(-100);
    expect(lm.logProb('b', ['a'])).toBeCloseTo(-0.4, 6);
  });

  it('tolerates an n-gram whose context is missing (pruned files) when querying and generating', async () => {
    const text = TOY.replace('ngram 2=3', 'ngram 2=3\nngram 3=1').replace('\\end\\', '\\3-grams:\n-0.05\tb a </s>\n\n\\end\\');
    const lm = await NgramLM.fromARPA(write('pruned.arpa', text));
    expect(lm.ngramCounts).toEqual([5, 3, 1]);
    expect(lm.logProb('</s>', ['b', 'a'])).toBeCloseTo(-0.05, 6);
    expect(lm.generate({ seed: 3, maxTokens: 5 }).length).toBeLessThanOrEqual(5);
  });

  const BAD: [string, string, RegExp, number][] = [
    ['no data', 'hello\n', /no \\data\\/, 1],
    ['bad count line', TOY.replace('ngram 2=3', 'ngram two=3'), /ngram N=count/, 3],
    ['bad probability', TOY.replace('-0.4\ta b', 'x\ta b'), /bad probability/, 14],
    ['positive probability', TOY.replace('-0.4\ta b', '0.4\ta b'), /positive/, 14],
    ['unknown word', TOY.replace('-0.4\ta b', '-0.4\ta q'), /not among the unigrams/, 14],
    ['too many fields', TOY.replace('-0.4\ta b', '-0.4\ta b c d'), /fields/, 14],
    ['count mismatch', TOY.replace('ngram 2=3', 'ngram 2=4'), /header says 4/, 17],
    ['duplicate', TOY.replace('-0.2\tb </s>', '-0.2\ta b'), /duplicate 2-gram/, 15],
    ['truncated', TOY.replace('\\end\\\n', ''), /truncated/, 16],
    ['a count too large to allocate', TOY.replace('ngram 2=3', 'ngram 2=4000000000'), /header says 4000000000/, 17],
    ['a huge count', TOY.replace('ngram 2=3', 'ngram 2=99999999999999999999'), /header says 100000000000000000000/, 17],
  ];
  it.each(BAD)('rejects a malformed file (%s) naming the line', async (_name, text, re, line) => {
    const file = write('bad.arpa', text);
    const err = await NgramLM.fromARPA(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FormatError);
    expect((err as FormatError).message).toMatch(re);
    expect((err as FormatError).where).toMatchObject({ file, line });
  });
});

describe('NgramLM.fromARPA on unreadable input', () => {
  it('raises a FormatError for a truncated .arpa.gz and an ArgumentError for a directory named *.arpa.gz', async () => {
    const gz = gzipSync(TOY.repeat(1));
    const file = path.join(dir, 'trunc.arpa.gz');
    writeFileSync(file, gz.subarray(0, gz.length - 12));
    const err = await NgramLM.fromARPA(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FormatError);
    expect((err as FormatError).where?.file).toBe(file);
    const sub = path.join(dir, 'folder.arpa.gz');
    mkdirSync(sub);
    const err2 = await NgramLM.fromARPA(sub).catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(ArgumentError);
  });
});

describe('toARPA', () => {
  it('writes lmplz-style ARPA that reads back to identical scores (kn and witten-bell)', async () => {
    const corpus = syntheticCorpus(200, 3);
    for (const smoothing of ['kn', 'witten-bell'] as const) {
      const lm = await NgramLM.train(corpus, { order: 3, smoothing, discountFallback: [0.5, 1, 1.5] });
      const file = path.join(dir, `${smoothing}.arpa`);
      await lm.toARPA(file);
      const text = readFileSync(file, 'utf8');
      expect(text.startsWith(`\\data\\\nngram 1=${lm.ngramCounts[0]}\n`)).toBe(true);
      expect(text).toMatch(/\n0\t<s>\t-[0-9.]+\n/);
      expect(text.endsWith('\n\\end\\\n')).toBe(true);
      const back = await NgramLM.fromARPA(file);
      expect(back.ngramCounts).toEqual(lm.ngramCounts);
      expect(back.perplexity(corpus.slice(0, 50))).toEqual(lm.perplexity(corpus.slice(0, 50)));
    }
  });

  it('round-trips random corpora (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.constantFrom('x', 'y', 'z', 'w', 'v'), { minLength: 0, maxLength: 6 }), { minLength: 1, maxLength: 25 }), async (sents) => {
        const lm = await NgramLM.train(sents, { order: 3, smoothing: 'witten-bell' });
        const out = new PassThrough();
        const chunks: Buffer[] = [];
        out.on('data', (c: Buffer) => chunks.push(c));
        await lm.toARPA(out);
        const file = write('prop.arpa', Buffer.concat(chunks).toString('utf8'));
        const back = await NgramLM.fromARPA(file);
        for (const s of sents) expect(back.score(s)).toBe(lm.score(s));
      }),
      { numRuns: 25 },
    );
  });

  it('refuses count-based smoothings, which have no exact ARPA form', async () => {
    const lm = await NgramLM.train([['a', 'b']], { order: 2, smoothing: 'mle' });
    await expect(lm.toARPA(path.join(dir, 'mle.arpa'))).rejects.toThrow(/no exact ARPA form/);
  });
});
