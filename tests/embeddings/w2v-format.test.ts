import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgumentError, FormatError, KeyedVectors, loadVectors, loadVectorsSync, NotFoundError, saveVectors } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-fmt-'));
const sample = () => new KeyedVectors(['the', 'über', 'cat'], Float32Array.from([0.1, -0.25, 1e-8, 3.5, -7.123456, 0.33333334]), 2, Float64Array.from([10, 5, 2]));

/** A file laid out by word2vec.c's description: "V D\n", then per word "word " + D float32 LE + "\n". */
function cBinary(words: string[], vecs: number[][]): Buffer {
  const parts = [Buffer.from(`${words.length} ${vecs[0]!.length}\n`)];
  words.forEach((w, i) => {
    const f = Buffer.alloc(4 * vecs[i]!.length);
    vecs[i]!.forEach((x, c) => f.writeFloatLE(x, 4 * c));
    parts.push(Buffer.from(w + ' '), f, Buffer.from('\n'));
  });
  return Buffer.concat(parts);
}

describe('saveVectors / loadVectors', () => {
  it.each(['v.txt', 'v.bin', 'v.tlv'])('round-trips exactly through %s', async (name) => {
    const kv = sample();
    const p = join(dir, name);
    await saveVectors(kv, p);
    const back = await loadVectors(p);
    expect(back.words).toEqual(kv.words);
    expect(Array.from(back.vectors)).toEqual(Array.from(kv.vectors));
    if (name.endsWith('.tlv')) expect(Array.from(back.counts!)).toEqual([10, 5, 2]);
  });

  it('round-trips random vectors through every format (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.float({ noNaN: true, noDefaultInfinity: true }), { minLength: 6, maxLength: 6 }), async (xs) => {
        const kv = new KeyedVectors(['a', 'b', 'c'], Float32Array.from(xs), 2);
        for (const name of ['p.txt', 'p.bin', 'p.tlv']) {
          await saveVectors(kv, join(dir, name));
          expect(Array.from((await loadVectors(join(dir, name))).vectors).map((x) => x + 0)).toEqual(Array.from(kv.vectors).map((x) => x + 0));
        }
      }),
      { numRuns: 20 },
    );
  });

  it('writes the word2vec.c text layout', async () => {
    await saveVectors(sample(), join(dir, 'layout.txt'));
    const lines = readFileSync(join(dir, 'layout.txt'), 'utf8').split('\n');
    expect(lines[0]).toBe('3 2');
    expect(lines[1]).toBe('the 0.100000001 -0.25');
  });

  it("reads a binary file written by the C tool's format (with </s> and no trailing newline quirks)", async () => {
    const p = join(dir, 'c.bin');
    writeFileSync(p, cBinary(['</s>', 'hello', 'wörld'], [[0.5, -1], [2, 0.25], [-3, 4]]));
    const kv = await loadVectors(p);
    expect(kv.words).toEqual(['</s>', 'hello', 'wörld']);
    expect(Array.from(kv.vector('wörld'))).toEqual([-3, 4]);
    expect((await loadVectors(p, { limit: 2 })).words).toEqual(['</s>', 'hello']);
  });

  it("reads word2vec.c's text output (\"%lf \" with a trailing space)", async () => {
    const p = join(dir, 'c.txt');
    writeFileSync(p, '2 3\n</s> 0.004003 0.004419 -0.003830 \nthe -0.036540 0.083368 0.030312 \n');
    const kv = await loadVectors(p);
    expect(kv.words).toEqual(['</s>', 'the']);
    expect(kv.vector('the')[1]).toBeCloseTo(0.083368, 6);
  });

  it('names the line of a malformed text file', async () => {
    const p = join(dir, 'bad.txt');
    writeFileSync(p, '2 3\na 1 2 3\nb 1 2\n');
    await expect(loadVectors(p)).rejects.toThrow(/bad\.txt:3/);
    writeFileSync(p, '2 2\na 1 x\nb 1 2\n');
    await expect(loadVectors(p)).rejects.toThrow(/bad number "x".*bad\.txt:2/);
    writeFileSync(p, 'not a header\n');
    await expect(loadVectors(p)).rejects.toThrow(FormatError);
    writeFileSync(p, '3 1\na 1\nb 2\n');
    await expect(loadVectors(p)).rejects.toThrow(/declares 3 vectors but the file has 2/);
  });

  it('names the byte offset of a truncated binary file', async () => {
    const p = join(dir, 'trunc.bin');
    const full = cBinary(['ab', 'cd'], [[1, 2], [3, 4]]);
    writeFileSync(p, full.subarray(0, full.length - 5));
    const err = await loadVectors(p).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FormatError);
    expect((err as FormatError).where?.offset).toBe(4 + 12 + 3);
  });

  it('checks magic, version and CRC of the native format', async () => {
    const p = join(dir, 'x.tlv');
    await saveVectors(sample(), p);
    const good = readFileSync(p);
    const flip = Buffer.from(good);
    flip[40] = flip[40]! ^ 0xff;
    writeFileSync(p, flip);
    await expect(loadVectors(p)).rejects.toThrow(/CRC mismatch/);
    const ver = Buffer.from(good);
    ver.writeUInt32LE(99, 4);
    writeFileSync(p, ver);
    await expect(loadVectors(p)).rejects.toThrow(/version 99/);
    writeFileSync(p, good.subarray(0, 30));
    await expect(loadVectors(p)).rejects.toThrow(FormatError);
  });

  it('rejects unwritable words and missing files', async () => {
    await expect(saveVectors(new KeyedVectors(['a b'], new Float32Array(1), 1), join(dir, 'w.txt'))).rejects.toThrow(ArgumentError);
    await expect(loadVectors(join(dir, 'missing.bin'))).rejects.toThrow(NotFoundError);
  });

  it('reports a word the file holds twice as a FormatError naming the file, streamed and synchronously', async () => {
    const txt = join(dir, 'twice.txt');
    writeFileSync(txt, '2 1\na 1\na 2\n');
    const bin = join(dir, 'twice.bin');
    writeFileSync(bin, cBinary(['b', 'b'], [[1], [2]]));
    for (const p of [txt, bin]) {
      const e = await loadVectors(p).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(FormatError);
      expect(String(e)).toMatch(/duplicate word/);
      expect((e as FormatError).where?.file).toBe(p);
      expect(() => loadVectorsSync(p)).toThrow(FormatError);
    }
  });
});

describe('loadVectors on bad headers and options', () => {
  it('rejects a header that declares more words than the file has, however large, as a FormatError', async () => {
    for (const V of ['3', '4000000000', '100000000']) {
      const txt = join(dir, `huge-${V}.txt`);
      writeFileSync(txt, `${V} 300\nking ${Array(300).fill('0.5').join(' ')}\n`);
      const e1 = await loadVectors(txt).catch((e: unknown) => e);
      expect(e1).toBeInstanceOf(FormatError);
      expect((e1 as Error).message).toMatch(new RegExp(`declares ${V} vectors but the file has 1`));
      const bin = join(dir, `huge-${V}.bin`);
      writeFileSync(bin, Buffer.concat([Buffer.from(`${V} 2\n`), cBinary(['king'], [[1, 2]]).subarray(4)]));
      const e2 = await loadVectors(bin).catch((e: unknown) => e);
      expect(e2).toBeInstanceOf(FormatError);
      expect((e2 as Error).message).toMatch(/unexpected end of file in word 2/);
    }
  });

  it('still reads every row (exact sizes) when the header is right', async () => {
    const txt = join(dir, 'ok.txt');
    writeFileSync(txt, '2 2\na 1 2\nb 3 4\n');
    const kv = await loadVectors(txt, { limit: 1 });
    expect(kv.words).toEqual(['a']);
    expect(Array.from(kv.vectors)).toEqual([1, 2]);
    expect(Array.from((await loadVectors(txt)).vectors)).toEqual([1, 2, 3, 4]);
  });

  it('rejects a bad limit or format and a directory with an ArgumentError', async () => {
    const txt = join(dir, 'ok2.txt');
    writeFileSync(txt, '1 2\na 1 2\n');
    for (const limit of [-1, NaN, 1.5, '1' as unknown as number]) {
      await expect(loadVectors(txt, { limit })).rejects.toBeInstanceOf(ArgumentError);
    }
    await expect(loadVectors(txt, { format: 'xml' as never })).rejects.toBeInstanceOf(ArgumentError);
    await expect(loadVectors(dir)).rejects.toBeInstanceOf(ArgumentError);
  });
});

describe('loadVectors on gzipped files', () => {
  it('reads .bin.gz (as gensim reads GoogleNews-vectors-negative300.bin.gz), .txt.gz and .tlv.gz', async () => {
    const kv = sample();
    for (const ext of ['bin', 'txt', 'tlv']) {
      const plain = join(dir, `gz-sample.${ext}`);
      await kv.save(plain);
      writeFileSync(`${plain}.gz`, gzipSync(readFileSync(plain)));
      const back = await loadVectors(`${plain}.gz`);
      expect(back.words).toEqual(kv.words);
      expect(Array.from(back.vectors)).toEqual(Array.from((await loadVectors(plain)).vectors));
    }
    expect((await loadVectors(join(dir, 'gz-sample.bin.gz'), { limit: 2 })).words).toEqual(['the', 'über']);
  });

  it('refuses to save under a .gz name (the bytes would not be compressed)', async () => {
    await expect(sample().save(join(dir, 'out.bin.gz'))).rejects.toBeInstanceOf(ArgumentError);
    await expect(saveVectors(sample(), join(dir, 'out.txt.gz'))).rejects.toThrow(/gzipped/);
  });

  it('raises a FormatError for a truncated or corrupt .bin.gz', async () => {
    const bin = cBinary(['a', 'b', 'c'], [[1, 2], [3, 4], [5, 6]]);
    const gz = gzipSync(bin);
    const cut = join(dir, 'cut.bin.gz');
    writeFileSync(cut, gz.subarray(0, gz.length - 8));
    await expect(loadVectors(cut)).rejects.toBeInstanceOf(FormatError);
    const short = join(dir, 'short.bin.gz');
    writeFileSync(short, gzipSync(bin.subarray(0, bin.length - 3)));
    await expect(loadVectors(short)).rejects.toThrow(/unexpected end of file in the vector of word 3/);
  });

  it('reads records longer than its 1 MB buffer, and rejects absurd dimensions', async () => {
    const d = 300000; // 1.2 MB per record
    const vec = Array.from({ length: d }, (_, i) => (i % 7) - 3);
    const f = join(dir, 'wide.bin');
    writeFileSync(f, cBinary(['x', 'y'], [vec, vec.map((v) => -v)]));
    const kv = await loadVectors(f);
    expect(kv.dim).toBe(d);
    expect(kv.vectors[d + 5]).toBe(-vec[5]!);
    const huge = join(dir, 'huge-dim.bin');
    writeFileSync(huge, '1 4000000000\nx ');
    await expect(loadVectors(huge)).rejects.toThrow(/dimension 4000000000 is too large/);
  });
});

describe('loadVectorsSync', () => {
  /** The outcome of a load: the words and vectors, or the error class and message. */
  const outcome = (f: () => KeyedVectors) => {
    try {
      const kv = f();
      return { words: kv.words, vectors: Array.from(kv.vectors) };
    } catch (e) {
      return { error: `${(e as Error).name}: ${(e as Error).message}` };
    }
  };
  const outcomeAsync = async (f: () => Promise<KeyedVectors>) => {
    try {
      const kv = await f();
      return { words: kv.words, vectors: Array.from(kv.vectors) };
    } catch (e) {
      return { error: `${(e as Error).name}: ${(e as Error).message}` };
    }
  };
  it('gives what loadVectors gives, for good and broken files, plain and gzipped', async () => {
    const d = mkdtempSync(join(tmpdir(), 'tl-sync-'));
    const kv = sample();
    await saveVectors(kv, join(d, 'ok.txt'));
    await saveVectors(kv, join(d, 'ok.bin'));
    await saveVectors(kv, join(d, 'ok.tlv'));
    const files: Record<string, Buffer> = {
      'crlf.txt': Buffer.from('\ufeff2 2\r\na 1 2\r\nb 3 4\r\n'),
      'short.txt': Buffer.from('3 2\na 1 2\n'),
      'extra.txt': Buffer.from('1 2\na 1 2\nb 3 4\n'),
      'badnum.txt': Buffer.from('1 2\na 1 x\n'),
      'empty.txt': Buffer.alloc(0),
      'nonl.txt': Buffer.from('1 2\na 1 2'),
      'c.bin': cBinary(['a', 'über'], [[1, 2], [3, 4]]),
      'cut.bin': cBinary(['a', 'b'], [[1, 2], [3, 4]]).subarray(0, 20),
      // Over the reader's 1 MB buffer, so records straddle refills.
      'big.bin': cBinary(Array.from({ length: 3000 }, (_, i) => `w${i}`), Array.from({ length: 3000 }, (_, i) => Array.from({ length: 100 }, (_, c) => i - c / 7))),
    };
    for (const [name, bytes] of Object.entries(files)) {
      writeFileSync(join(d, name), bytes);
      writeFileSync(join(d, `${name}.gz`), gzipSync(bytes));
    }
    writeFileSync(join(d, 'bad.txt.gz'), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]));
    const names = [...Object.keys(files), ...Object.keys(files).map((n) => `${n}.gz`), 'ok.txt', 'ok.bin', 'ok.tlv', 'bad.txt.gz', 'missing.txt'];
    for (const name of names) {
      const p = join(d, name);
      for (const opts of [{}, { limit: 1 }]) {
        const sync = outcome(() => loadVectorsSync(p, opts));
        const streamed = await outcomeAsync(() => loadVectors(p, opts));
        expect(sync, `${name} ${JSON.stringify(opts)}`).toEqual(streamed);
      }
    }
    expect(outcome(() => loadVectorsSync(join(d, 'big.bin'))).words).toHaveLength(3000);
  });
});

describe('GloVe (no header) and fastText .vec files', () => {
  const fx = new URL('../fixtures/embeddings/', import.meta.url).pathname;
  const glove = join(fx, 'glove-style-3d.txt');
  const vec = join(fx, 'fasttext-style-3d.vec');

  it('reads a GloVe file with noHeader, async and sync alike, the dimension from the first row', async () => {
    const kv = await loadVectors(glove, { noHeader: true });
    expect(kv.words).toEqual(['the', ',', '.', 'of']);
    expect(kv.dim).toBe(3);
    expect(Array.from(kv.vector('of'))).toEqual(Array.from(Float32Array.from([0.70853, 0.57088, -0.4716])));
    const s = loadVectorsSync(glove, { noHeader: true });
    expect(s.words).toEqual(kv.words);
    expect(Array.from(s.vectors)).toEqual(Array.from(kv.vectors));
  });

  it('honours limit without a header', async () => {
    expect((await loadVectors(glove, { noHeader: true, limit: 2 })).words).toEqual(['the', ',']);
    expect(loadVectorsSync(glove, { noHeader: true, limit: 3 }).words).toEqual(['the', ',', '.']);
  });

  it('without noHeader, a GloVe file is a FormatError naming line 1', async () => {
    const e = await loadVectors(glove).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FormatError);
    expect((e as FormatError).line).toBe(1);
  });

  it('reads a fastText .vec (header, trailing spaces)', async () => {
    const kv = await loadVectors(vec, { limit: 3 });
    expect(kv.words).toEqual(['</s>', 'the', ',']);
    expect(kv.vector('the')[2]).toBeCloseTo(0.045, 6);
  });

  it('a ragged row is a FormatError with file and line', async () => {
    const p = join(dir, 'ragged.txt');
    writeFileSync(p, 'a 1 2 3\nb 4 5\nc 6 7 8\n');
    for (const load of [() => loadVectors(p, { noHeader: true }), async () => loadVectorsSync(p, { noHeader: true })]) {
      const e = await load().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(FormatError);
      expect((e as FormatError).line).toBe(2);
      expect((e as FormatError).file).toBe(p);
    }
  });

  it('an empty no-header file is a FormatError; noHeader on a binary file an ArgumentError', async () => {
    const p = join(dir, 'empty.txt');
    writeFileSync(p, '');
    await expect(loadVectors(p, { noHeader: true })).rejects.toBeInstanceOf(FormatError);
    const b = join(dir, 'nh.bin');
    writeFileSync(b, cBinary(['a'], [[1, 2]]));
    await expect(loadVectors(b, { noHeader: true })).rejects.toBeInstanceOf(ArgumentError);
  });
});
