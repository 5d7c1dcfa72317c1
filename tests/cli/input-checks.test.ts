import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inputTexts, stdinHint } from '../../src/cli/io.js';
import fc from 'fast-check';
import { readLines } from '../../src/io/lines.js';
import { TextChecker, invalidUtf8At, type BadByte } from '../../src/io/text-check.js';
import { FormatError } from '../../src/core/errors.js';
import { runCli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-input-'));
const file = (name: string, data: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};
const text = file('text.txt', 'the cat sat on the mat\nthe dog sat on the log\n');
const empty = file('empty.txt', '');
const blank = file('blank.txt', '\n  \n');
const binary = file('model.bin', Buffer.concat([Buffer.from('TLWV'), Buffer.alloc(64), Buffer.from('the cat\n')]));
const latin1 = file('latin1.txt', Buffer.from('caf\xe9 au lait\n', 'latin1'));
// 20000 lines of text (~440 KB, several read chunks), then a NUL byte in the middle of line 20001.
const LATE_LINE = 20001;
const lateText = 'the cat sat on the mat, naïve café\n'.repeat(LATE_LINE - 1) + 'the ';
const LATE_NUL = Buffer.byteLength(lateText);
const lateBinary = file('late.txt', Buffer.concat([Buffer.from(lateText), Buffer.from([0]), Buffer.from(' dog\n')]));
const gzBinary = file('model.bin.gz', gzipSync(Buffer.concat([Buffer.from('x'), Buffer.alloc(16)])));

async function fails(...argv: string[]): Promise<string> {
  const r = await runCli(...argv);
  expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(2);
  expect(r.stdout).toBe('');
  return r.stderr;
}

describe('empty inputs are refused', () => {
  it('match with no patterns', async () => {
    for (const p of [empty, blank]) expect(await fails('match', '--patterns', p, '--input', text, '--pipeline', 'en_whitespace')).toContain(`no patterns in ${p}`);
  });
  it('index build on an empty file writes nothing', async () => {
    for (const input of [empty, blank]) {
      const out = join(dir, `idx-${input.length}`);
      expect(await fails('index', 'build', '--input', input, '--fields', 'text', '--out', out)).toContain(`no documents in ${input} (nothing written)`);
      expect(existsSync(out)).toBe(false);
    }
  });
  it('index add with an empty file changes nothing and says so', async () => {
    const idx = join(dir, 'idx-add');
    expect((await runCli('index', 'build', '--input', file('one-doc.jsonl', '{"id":"1","text":"a cat"}\n'), '--fields', 'text', '--out', idx)).code).toBe(0);
    for (const input of [empty, blank]) expect(await fails('index', 'add', idx, input)).toContain(`no documents in ${input}; ${idx} was not changed`);
  });
  it('word2vec on a corpus with fewer than 2 kept words', async () => {
    const one = file('one.txt', 'a a a a a a\n');
    const err = await fails('w2v', 'train', '--input', one, '--out', join(dir, 'v.txt'), '--min-count', '1', '--size', '4', '--table-size', '1000');
    expect(err).toMatch(/only one distinct word \("a"\) seen at least --min-count=1 times; word2vec needs at least 2/);
    expect(await fails('w2v', 'train', '--input', empty, '--out', join(dir, 'v.txt'), '--min-count', '1')).toMatch(/no word seen at least --min-count=1/);
  });
});

describe('a count flag of 0 is refused instead of printing nothing', () => {
  it('lm generate --max-tokens / --count, w2v similar and analogy --topn', async () => {
    const model = join(dir, 'g.arpa');
    expect((await runCli('lm', 'train', '--input', text, '--out', model, '--discount-fallback', '0.5,1,1.5')).code).toBe(0);
    expect(await fails('lm', 'generate', '--model', model, '--max-tokens', '0')).toContain('--max-tokens must be a positive integer, got 0');
    expect(await fails('lm', 'generate', '--model', model, '--count', '0')).toContain('--count must be a positive integer, got 0');
    const vectors = file('v.txt', '3 2\ncat 1 0\ndog 0.9 0.1\nmat 0 1\n');
    expect(await fails('w2v', 'similar', '--vectors', vectors, 'cat', '--topn', '0')).toContain('--topn must be a positive integer, got 0');
    expect(await fails('w2v', 'analogy', '--vectors', vectors, 'cat', 'dog', 'mat', '--topn', '0')).toContain('--topn must be a positive integer, got 0');
    expect((await runCli('w2v', 'similar', '--vectors', vectors, 'cat', '--topn', '1')).stdout).toMatch(/^dog\t/);
  });
});

describe('other inputs of the wrong kind', () => {
  it('train tagger on an empty file names it', async () => {
    expect(await fails('train', 'tagger', '--train', empty, '--out', join(dir, 't.tlt'))).toContain(`no sentences in ${empty}`);
  });
  it('w2v similar on binary data that is not word2vec binary says so instead of quoting bytes', async () => {
    const elf = file('prog.dat', Buffer.concat([Buffer.from('\x7fELF'), Buffer.alloc(12), Buffer.from('x\n')]));
    const err = await fails('w2v', 'similar', '--vectors', elf, 'cat');
    expect(err).toMatch(/expected a "<count> <dims>" header, got binary data/);
    expect(err).not.toMatch(/\\u0000/);
  });
});

describe('plain text where JSON lines are expected', () => {
  it('train textcat says what a record looks like', async () => {
    const err = await fails('train', 'textcat', '--input', text, '--out', join(dir, 'p.tlc'));
    expect(err).toMatch(/not a JSON record .*; the input is JSON lines like \{"text": "\.\.\.", "label": "\.\.\."\} \(at .*text\.txt:1\)/);
  });
});

describe('binary input is refused, naming the file', () => {
  const cases: [string, string[]][] = [
    ['tokenize', ['tokenize', '--pipeline', 'en_whitespace', '--input', '@']],
    ['lm train', ['lm', 'train', '--input', '@', '--out', join(dir, 'm.arpa'), '--discount-fallback', '0.5,1,1.5']],
    ['tfidf keywords', ['tfidf', 'keywords', '--input', '@']],
    ['match', ['match', '--patterns', file('p.jsonl', '{"label":"A","pattern":"cat"}\n'), '--input', '@', '--pipeline', 'en_whitespace']],
    ['w2v train', ['w2v', 'train', '--input', '@', '--out', join(dir, 'v.txt'), '--min-count', '1']],
    ['match --patterns', ['match', '--patterns', '@', '--input', text, '--pipeline', 'en_whitespace']],
    ['index build', ['index', 'build', '--input', '@', '--fields', 'text', '--out', join(dir, 'idx-bin')]],
    ['train textcat', ['train', 'textcat', '--input', '@', '--out', join(dir, 'm.tlc')]],
  ];
  const TEXT_INPUTS = new Set(['tokenize', 'lm train', 'tfidf keywords', 'match', 'w2v train']);
  for (const [name, argv] of cases) {
    it(name, async () => {
      const bin = await fails(...argv.map((a) => (a === '@' ? binary : a)));
      expect(bin).toContain(`binary data, not text: a NUL byte at byte 4 (at ${binary}:1)`);
      expect(bin.split(binary).length - 1).toBe(1);
      expect(bin.split('byte 4').length - 1, 'the offset is stated once').toBe(1);
      expect(await fails(...argv.map((a) => (a === '@' ? latin1 : a)))).toContain(`not UTF-8 text: invalid byte 0xe9 at byte 3; convert it first, e.g. iconv -f latin1 -t utf-8 (at ${latin1}:1)`);
      // Deep in a text input, past any head a quick check would read: the line and byte are named.
      if (!TEXT_INPUTS.has(name)) return;
      // (A streaming command has printed the results of the lines before it.)
      const deep = await runCli(...argv.map((a) => (a === '@' ? lateBinary : a)));
      expect(deep.code).toBe(2);
      expect(deep.stderr).toContain(`binary data, not text: a NUL byte at byte ${LATE_NUL} (at ${lateBinary}:${LATE_LINE})`);
    });
  }
  it('textcat predict', async () => {
    const model = join(dir, 'tiny.tlc');
    const train = file('tiny.jsonl', '{"text":"good fun","label":"pos"}\n{"text":"bad dull","label":"neg"}\n');
    expect((await runCli('train', 'textcat', '--input', train, '--out', model, '--model', 'nb')).code).toBe(0);
    expect(await fails('textcat', 'predict', '--model', model, binary)).toContain(`binary data, not text: a NUL byte at byte 4 (at ${binary}:1)`);
  });
  it('after gunzipping', async () => {
    expect(await fails('tokenize', '--pipeline', 'en_whitespace', '--input', gzBinary)).toContain(`binary data, not text: a NUL byte at byte 1 (at ${gzBinary}:1)`);
  });
});

describe('invalidUtf8At', () => {
  it('accepts UTF-8 and finds the first bad byte', () => {
    expect(invalidUtf8At(Buffer.from('naïve 日本 🎉'))).toBe(-1);
    expect(invalidUtf8At(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(invalidUtf8At(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(invalidUtf8At(Buffer.from([0x61, 0x80]))).toBe(1); // stray continuation
    expect(invalidUtf8At(Buffer.from([0x61, 0xe6, 0x97]))).toBe(1); // cut at the end
    expect(invalidUtf8At(Buffer.from([0x61, 0xe6, 0x97]), true)).toBe(-1); // ...unless more follows
  });
});

/** The first bad byte of `bytes` checked whole: what a chunked check must find too. */
function wholeCheck(bytes: Buffer): BadByte | undefined {
  const nul = bytes.indexOf(0);
  const bad = invalidUtf8At(nul >= 0 ? bytes.subarray(0, nul) : bytes);
  if (bad >= 0) return { offset: bad, byte: bytes[bad]!, nul: false };
  return nul >= 0 ? { offset: nul, byte: 0, nul: true } : undefined;
}

function chunkedCheck(bytes: Buffer, cuts: number[]): BadByte | undefined {
  const c = new TextChecker();
  let at = 0;
  for (const cut of [...cuts.filter((x) => x < bytes.length).sort((a, b) => a - b), bytes.length]) {
    const bad = c.feed(bytes.subarray(at, cut));
    if (bad) return bad;
    at = cut;
  }
  return c.end();
}

describe('TextChecker', () => {
  it('accepts text whose characters are split across chunks, down to one byte a chunk', () => {
    const bytes = Buffer.from('日本語のテキスト naïve 🎉\n'.repeat(50));
    for (const size of [1, 2, 3, 5, 1000]) {
      const c = new TextChecker();
      for (let i = 0; i < bytes.length; i += size) expect(c.feed(bytes.subarray(i, i + size))).toBeUndefined();
      expect(c.end()).toBeUndefined();
    }
  });
  it('finds the first bad byte wherever the chunks are cut (the same as checking the bytes whole)', () => {
    const piece = fc.oneof(fc.string({ unit: 'grapheme' }).map((t) => Buffer.from(t)), fc.uint8Array({ maxLength: 4 }).map((a) => Buffer.from(a)));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.array(fc.nat(120), { maxLength: 8 }), (pieces, cuts) => {
        const bytes = Buffer.concat(pieces);
        expect(chunkedCheck(bytes, cuts)).toEqual(wholeCheck(bytes));
      }),
      { numRuns: 500 },
    );
  });
  it('reports a character cut off by the end of the input', () => {
    const c = new TextChecker();
    expect(c.feed(Buffer.from([0x61, 0xe6, 0x97]))).toBeUndefined();
    expect(c.end()).toEqual({ offset: 1, byte: 0xe6, nul: false });
  });
});

describe('readLines({ requireText })', () => {
  it('checks the whole input and names the line and byte of the first bad byte', async () => {
    const lines: string[] = [];
    const err = await (async () => {
      for await (const l of readLines(lateBinary, { requireText: true })) lines.push(l);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FormatError);
    expect(err).toMatchObject({ file: lateBinary, line: LATE_LINE, offset: LATE_NUL });
    // Lines before the read chunk holding the bad byte came through; that line never does.
    expect(lines.length).toBeLessThan(LATE_LINE);
    expect(lines.every((l) => !l.includes('\0'))).toBe(true);
  });
  it('counts \\r\\n and lone \\r line ends for the line number', async () => {
    const f = file('crlf.txt', Buffer.concat([Buffer.from('a\r\nb\rc\n\xe9', 'latin1')]));
    await expect((async () => { for await (const _ of readLines(f, { requireText: true })); })()).rejects.toMatchObject({ line: 4, offset: 7 });
    const cut = file('cut.txt', Buffer.from([0x61, 0x0a, 0x62, 0xe6, 0x97]));
    await expect((async () => { for await (const _ of readLines(cut, { requireText: true })); })()).rejects.toMatchObject({ line: 2, offset: 3 });
  });
});

describe('tokenize keeps output aligned with the input', () => {
  const input = file('aligned.txt', 'One here.\n\n   \nTwo here. And three.\n\n\nFour\n');
  it('gives every input line a record with its line number', async () => {
    const r = await runCli('tokenize', '--pipeline', 'en_core', '--input', input);
    expect(r.code).toBe(0);
    const recs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { line: number; text: string });
    expect(recs.map((x) => [x.line, x.text])).toEqual([
      [1, 'One here.'],
      [2, ''],
      [3, '   '],
      [4, 'Two here. And three.'],
      [5, ''],
      [6, ''],
      [7, 'Four'],
    ]);
  });
  it('keeps blank lines in the text format and line numbers in CoNLL-U and paragraphs', async () => {
    const t = await runCli('tokenize', '--pipeline', 'en_whitespace', '--input', input, '--format', 'text');
    expect(t.stdout).toBe('One here.\n\n\nTwo here.\nAnd three.\n\n\nFour\n');
    const c = await runCli('tokenize', '--pipeline', 'en_core', '--input', input, '--format', 'conllu');
    expect(c.stdout.split('\n').filter((l) => l.startsWith('# sent_id'))).toEqual(['# sent_id = 1-1', '# sent_id = 4-1', '# sent_id = 4-2', '# sent_id = 7-1']);
    expect(c.stdout, 'one blank line between sentences, as CoNLL-U requires').not.toMatch(/\n\n\n/);
    expect(c.stdout.startsWith('# sent_id = 1-1\n')).toBe(true);
    expect(c.stdout.endsWith('\n\n')).toBe(true);
    const p = await runCli('tokenize', '--pipeline', 'en_whitespace', '--input', input, '--paragraphs');
    expect(p.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { line: number }).line)).toEqual([1, 4, 7]);
  });
  it('numbers paragraphs by their first line', async () => {
    const paras: number[] = [];
    for await (const t of inputTexts(file('paras.txt', '\na\nb\n\n\nc\n'), true)) paras.push(t.line);
    expect(paras).toEqual([2, 6]);
  });
});

describe('stdinHint', () => {
  const sink = () => {
    const w = new Writable({ write: (c, _e, cb) => ((w.data += String(c)), cb()) }) as Writable & { data: string };
    w.data = '';
    return w;
  };
  it('prints one line for a terminal stdin only', () => {
    const tty = sink();
    stdinHint('-', tty, { isTTY: true });
    expect(tty.data).toBe('reading from stdin; press Ctrl-D to end\n');
    const pipe = sink();
    stdinHint('-', pipe, { isTTY: false });
    stdinHint(text, pipe, { isTTY: true });
    expect(pipe.data).toBe('');
  });
});
