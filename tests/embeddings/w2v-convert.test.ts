import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgumentError, convertVectors, FormatError, KeyedVectors, loadVectors } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-convert-'));
let n = 0;
const at = (name: string) => join(dir, `${n++}-${name}`);

/** Random vectors: words without spaces/newlines (some non-ASCII), float32 values. */
const vectorData = fc
  .record({
    words: fc.uniqueArray(fc.stringMatching(/^[a-zé\u4e2d-]{1,8}$/), { minLength: 1, maxLength: 20 }),
    dim: fc.integer({ min: 1, max: 7 }),
  })
  .chain(({ words, dim }) =>
    fc.array(fc.float({ noNaN: true, noDefaultInfinity: true }), { minLength: words.length * dim, maxLength: words.length * dim }).map((vals) => ({ words, dim, vectors: new Float32Array(vals) })),
  );

describe('convertVectors', () => {
  it('text -> binary -> text gives the bytes writeVectors gives, for any vectors', async () => {
    await fc.assert(
      fc.asyncProperty(vectorData, async (kv) => {
        const txt = at('v.txt');
        const bin = at('v.bin');
        const back = at('back.txt');
        const direct = at('direct.bin');
        await new KeyedVectors(kv.words, kv.vectors, kv.dim).save(txt);
        // What the converter must equal: load the text file whole, save it as binary (-0 is "0" in text).
        await (await loadVectors(txt)).save(direct);
        expect(await convertVectors(txt, bin)).toEqual({ words: kv.words.length, dim: kv.dim, from: 'text', to: 'binary' });
        expect(readFileSync(bin).equals(readFileSync(direct))).toBe(true);
        expect(await convertVectors(bin, back)).toEqual({ words: kv.words.length, dim: kv.dim, from: 'binary', to: 'text' });
        expect(readFileSync(back, 'utf8')).toBe(readFileSync(txt, 'utf8'));
      }),
      { numRuns: 30 },
    );
  });

  it('streams a file larger than its write buffer (several pieces), same bytes and vectors', async () => {
    // 3000 x 100 float32: 1.2 MB binary, ~3 MB text, so each direction writes more than one piece.
    const words = Array.from({ length: 3000 }, (_, i) => `w${i}`);
    const vectors = Float32Array.from({ length: 3000 * 100 }, (_, i) => Math.sin(i) * 3);
    const kv = new KeyedVectors(words, vectors, 100);
    const bin = at('big.bin');
    const txt = at('big.txt');
    const back = at('big-back.bin');
    await kv.save(bin);
    await convertVectors(bin, txt);
    await convertVectors(txt, back);
    expect(readFileSync(back).equals(readFileSync(bin))).toBe(true);
    const read = await loadVectors(txt);
    expect(read.words).toEqual(words);
    const bytes = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(read.vectors).equals(bytes(vectors))).toBe(true);
  });

  it('honours limit, gzipped input, headerless (GloVe) text and the .tlv format', async () => {
    const kv = new KeyedVectors(['a', 'b', 'c'], new Float32Array([1, 2, 3, 4, 5, 6]), 2);
    const txt = at('v.txt');
    await kv.save(txt);
    const gz = at('v.txt.gz');
    writeFileSync(gz, gzipSync(readFileSync(txt)));
    const two = at('two.bin');
    expect(await convertVectors(gz, two, { limit: 2 })).toMatchObject({ words: 2, dim: 2 });
    expect((await loadVectors(two)).words).toEqual(['a', 'b']);

    const glove = at('glove.txt');
    writeFileSync(glove, 'a 1 2\n\nb 3 4\nc 5 6\n');
    const fromGlove = at('glove.txt.out');
    expect(await convertVectors(glove, fromGlove, { noHeader: true, to: 'text' })).toMatchObject({ words: 3, dim: 2 });
    expect(readFileSync(fromGlove, 'utf8')).toBe(readFileSync(txt, 'utf8'));
    const gloveTwo = at('glove2.bin');
    await convertVectors(glove, gloveTwo, { noHeader: true, limit: 2 });
    expect(readFileSync(gloveTwo, 'latin1').startsWith('2 2\n')).toBe(true);

    const tlv = at('v.tlv');
    expect(await convertVectors(txt, tlv, { limit: 2 })).toEqual({ words: 2, dim: 2, from: 'text', to: 'native' });
    const fromTlv = at('from-tlv.txt');
    expect(await convertVectors(tlv, fromTlv, { limit: 1 })).toEqual({ words: 1, dim: 2, from: 'native', to: 'text' });
    expect(readFileSync(fromTlv, 'utf8')).toBe('1 2\na 1 2\n');
  });

  it('leaves no output (not even a temp file) for malformed input, naming the line', async () => {
    const sub = mkdtempSync(join(dir, 'bad-'));
    const bad = join(sub, 'bad.txt');
    writeFileSync(bad, '3 2\na 1 2\nb 3 x\nc 5 6\n');
    const out = join(sub, 'out.bin');
    const err = await convertVectors(bad, out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FormatError);
    expect((err as FormatError).line).toBe(3);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(sub)).toEqual(['bad.txt']);
    // A header that claims more rows than the file has: also no output.
    writeFileSync(bad, '3 2\na 1 2\n');
    await expect(convertVectors(bad, out)).rejects.toThrow(/declares 3 vectors but the file has 1/);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a gzipped output name and unknown options', async () => {
    const txt = at('v.txt');
    await new KeyedVectors(['a'], new Float32Array([1]), 1).save(txt);
    await expect(convertVectors(txt, at('o.bin.gz'))).rejects.toThrow(ArgumentError);
    await expect(convertVectors(txt, at('o.bin'), { lmit: 1 } as never)).rejects.toThrow(/unknown convert option "lmit"/);
  });
});
