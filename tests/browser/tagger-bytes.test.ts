// The browser's Tagger: only the browser entry is imported here, so no zlib codec is installed and
// deflated model sections go through DecompressionStream, as they do in a page.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Tagger, Tokenizer, Vocab } from '../../src/browser/tagger.js';
import { inflateRawAsync } from '../../src/io/inflate.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const modelBytes = (): Uint8Array => new Uint8Array(readFileSync(join(root, 'models', 'en_ewt_tagger.tlt')));

describe('Tagger.fromBytes (browser entry)', () => {
  it('reads the shipped model without zlib and tags a tokenized text', async () => {
    const tagger = await Tagger.fromBytes(modelBytes());
    const doc = new Tokenizer(new Vocab()).tokenize('I saw her in London yesterday.');
    tagger.process(doc);
    expect(Array.from({ length: doc.length }, (_, i) => doc.token(i).tag)).toEqual(['PRP', 'VBD', 'PRP', 'IN', 'NNP', 'NN', '.']);
    expect(tagger.tagWords(['They', 'run'])).toEqual([
      { upos: 'PRON', xpos: 'PRP' },
      { upos: 'VERB', xpos: 'VBP' },
    ]);
  });
  it('refuses bytes that are not a model, a flipped byte (CRC), a truncated file and a non-Uint8Array', async () => {
    await expect(Tagger.fromBytes(new TextEncoder().encode('hello, not a model'))).rejects.toMatchObject({ name: 'BinaryFileError' });
    const bad = modelBytes();
    bad[bad.length >> 1]! ^= 0xff;
    await expect(Tagger.fromBytes(bad)).rejects.toThrow(/CRC|checksum/i);
    await expect(Tagger.fromBytes(modelBytes().subarray(0, 1000))).rejects.toMatchObject({ name: 'BinaryFileError' });
    await expect(Tagger.fromBytes('model' as unknown as Uint8Array)).rejects.toMatchObject({ key: 'bytes' });
  });
});

describe('inflateRawAsync', () => {
  it('inflates what zlib deflated, and refuses output over the cap', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const raw = new TextEncoder().encode('boundary layer '.repeat(5000));
    const stored = new Uint8Array(deflateRawSync(raw));
    expect(await inflateRawAsync(stored, raw.length)).toEqual(raw);
    await expect(inflateRawAsync(stored, raw.length - 1)).rejects.toThrow(/more than/);
    await expect(inflateRawAsync(new Uint8Array([0xff, 0xff, 0xff]), 100)).rejects.toThrow();
  });
});
