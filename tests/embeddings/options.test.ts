import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArgumentError, KeyedVectors, Word2Vec } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-emb-opts-'));
const kv = () => new KeyedVectors(['a', 'b', 'c', 'd'], Float32Array.from([1, 0, 0, 1, 1, 1, -1, 0]), 2);

describe('checkOptions (through the embeddings API)', () => {
  it('mostSimilar / mostSimilarCosmul reject gensim-style keys and fractional restrictVocab', () => {
    const k = kv();
    expect(() => k.mostSimilar({ positive: ['a'], restrict_vocab: 2 } as never)).toThrow(/unknown mostSimilar option "restrict_vocab"; did you mean "restrictVocab"/);
    expect(() => k.mostSimilarCosmul({ positive: ['a'], top_n: 2 } as never)).toThrow(ArgumentError);
    expect(() => k.mostSimilar({ positive: ['a'], restrictVocab: 2.5 })).toThrow(/restrictVocab must be an integer/);
    expect(k.mostSimilar({ positive: ['a'], restrictVocab: 3 }).map((n) => n.word)).toEqual(['c', 'b']);
    expect(() => k.wmDistance(['a'], ['b'], { norm: 'false' } as never)).toThrow(/norm must be true or false/);
  });

  it('evaluations reject unknown keys, non-boolean flags, bad restrictVocab and an empty delimiter', async () => {
    const k = kv();
    const an = join(dir, 'an.txt');
    writeFileSync(an, ': s\na b c d\n');
    const pairs = join(dir, 'pairs.txt');
    writeFileSync(pairs, 'a\tb\t1\nc\td\t2\na\tc\t3\n');
    await expect(k.evaluateWordAnalogies(an, { restrict_vocab: 2 } as never)).rejects.toThrow(/did you mean "restrictVocab"/);
    await expect(k.evaluateWordAnalogies(an, { restrictVocab: -1 })).rejects.toThrow(ArgumentError);
    await expect(k.evaluateWordAnalogies(an, { restrictVocab: NaN })).rejects.toThrow(ArgumentError);
    await expect(k.evaluateWordAnalogies(an, { caseInsensitive: 'no' } as never)).rejects.toThrow(/caseInsensitive must be true or false/);
    await expect(k.evaluateWordPairs(pairs, { delimiter: '' })).rejects.toThrow(/delimiter must be a non-empty string/);
    await expect(k.evaluateWordPairs(pairs, { case_insensitive: false } as never)).rejects.toThrow(/did you mean "caseInsensitive"/);
    expect((await k.evaluateWordPairs(pairs)).pairs).toBe(3);
  });

  it('load / save reject unknown keys and formats', async () => {
    const k = kv();
    const f = join(dir, 'v.txt');
    await expect(k.save(f, { format: 'xml' as never })).rejects.toThrow(/format must be/);
    await expect(k.save(f, { binary: true } as never)).rejects.toThrow(/unknown save option "binary"/);
    await k.save(f);
    await expect(KeyedVectors.load(f, { limits: 1 } as never)).rejects.toThrow(/unknown load option "limits"/);
  });

  it('Word2Vec.train rejects an onProgress that is not a function (a TypeError mid-training before)', async () => {
    await expect(Word2Vec.train([['a', 'b']], { onProgress: 5, minCount: 1, vectorSize: 4 } as never)).rejects.toThrow(/onProgress must be a function/);
  });

  it('Word2Vec.train rejects sg / hs / cbowMean given as strings', async () => {
    for (const key of ['sg', 'hs', 'cbowMean']) {
      await expect(Word2Vec.train([['a', 'b']], { [key]: 'false', minCount: 1 } as never)).rejects.toThrow(new RegExp(`${key} must be true or false`));
    }
  });
});
