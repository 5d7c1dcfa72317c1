// The browser's Parser: only the browser entry is imported here, so no zlib codec is installed and
// deflated model sections go through DecompressionStream, as they do in a page.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Parser, Tagger, Tokenizer, Vocab } from '../../src/browser/parser.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const modelBytes = (): Uint8Array => new Uint8Array(readFileSync(join(root, 'models', 'en_ewt_parser.tlp')));

describe('Parser.fromBytes (browser entry)', () => {
  it('reads the shipped model without zlib and parses a tagged text', async () => {
    const tagger = await Tagger.fromBytes(new Uint8Array(readFileSync(join(root, 'models', 'en_ewt_tagger.tlt'))));
    const parser = await Parser.fromBytes(modelBytes());
    expect(parser.name).toBe('parser');
    const doc = new Tokenizer(new Vocab()).tokenize('I saw her in London yesterday.');
    tagger.process(doc);
    parser.process(doc);
    const deps = Array.from({ length: doc.length }, (_, i) => doc.token(i).dep);
    // (The label of 'yesterday' varies between trained models; the rest is what any decent parse says.)
    expect([deps[0], deps[1], deps[2], deps[3], deps[4], deps[6]]).toEqual(['nsubj', 'root', 'obj', 'case', 'obl', 'punct']);
    expect(doc.token(0).head.i).toBe(1);
    expect(parser.parseWords(['They', 'run'], ['PRP', 'VBP'])).toEqual({ heads: [2, 0], labels: ['nsubj', 'root'] });
  });
  it('refuses bytes that are not a model, another kind of model, a flipped byte (CRC), a truncated file and a non-Uint8Array', async () => {
    await expect(Parser.fromBytes(new TextEncoder().encode('hello, not a model'))).rejects.toMatchObject({ name: 'BinaryFileError' });
    await expect(Parser.fromBytes(new Uint8Array(readFileSync(join(root, 'models', 'en_ewt_tagger.tlt'))))).rejects.toThrow(/kind|TAGR|parser/i);
    const bad = modelBytes();
    bad[bad.length >> 1]! ^= 0xff;
    await expect(Parser.fromBytes(bad)).rejects.toThrow(/CRC|checksum/i);
    await expect(Parser.fromBytes(modelBytes().subarray(0, 1000))).rejects.toMatchObject({ name: 'BinaryFileError' });
    await expect(Parser.fromBytes('model' as unknown as Uint8Array)).rejects.toMatchObject({ key: 'bytes' });
  });
});
