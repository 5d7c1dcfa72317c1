import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArgumentError, Word2Vec, type Word2VecOptions } from '../../src/index.js';
import { topicCorpus } from './helpers.js';

const BASE: Word2VecOptions = { vectorSize: 16, minCount: 1, epochs: 5, sample: 0, window: 3, sg: true };

function separation(m: Word2Vec): number {
  const wv = m.wv;
  const within = (wv.similarity('cat', 'dog') + wv.similarity('car', 'bus') + wv.similarity('horse', 'cow') + wv.similarity('train', 'plane')) / 4;
  const across = (wv.similarity('cat', 'car') + wv.similarity('dog', 'bus') + wv.similarity('horse', 'plane') + wv.similarity('cow', 'truck')) / 4;
  return within - across;
}

const same = (a: Word2Vec, b: Word2Vec) => Buffer.from(a.wv.vectors.buffer).equals(Buffer.from(b.wv.vectors.buffer));

describe('Word2Vec.train noiseTable', () => {
  const corpus = topicCorpus();

  it('defaults to the cumulative table, which learns as well as word2vec.c\'s and is reproducible', async () => {
    const a = await Word2Vec.train(corpus, BASE);
    const b = await Word2Vec.train(corpus, { ...BASE, noiseTable: 'cumulative' });
    const c = await Word2Vec.train(corpus, { ...BASE, noiseTable: 'word2vec-c' });
    expect(same(a, b)).toBe(true);
    expect(same(a, c)).toBe(false); // other noise words
    expect(separation(a)).toBeGreaterThan(0.3);
    expect(separation(c)).toBeGreaterThan(0.3);
  });

  it("uses word2vec.c's table when noiseTableSize is given", async () => {
    const a = await Word2Vec.train(corpus, { ...BASE, noiseTableSize: 100000 });
    const b = await Word2Vec.train(corpus, { ...BASE, noiseTable: 'word2vec-c', noiseTableSize: 100000 });
    expect(same(a, b)).toBe(true);
  });

  it('rejects an unknown table and a size for the cumulative table', async () => {
    await expect(Word2Vec.train(corpus, { ...BASE, noiseTable: 'flat' as never })).rejects.toThrow(/noiseTable must be/);
    const e = await Word2Vec.train(corpus, { ...BASE, noiseTable: 'cumulative', noiseTableSize: 1000 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ArgumentError);
    expect((e as ArgumentError).where?.key).toBe('noiseTableSize');
  });
});

describe('Word2Vec.train pipeline and lowercase', () => {
  const lines = ["The cat didn't sit.", 'THE DOG sat, then ran!', 'A cat and a dog.'];

  it("tokenizes file lines with a pipeline's tokenizer and lowercases the tokens", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-w2v-tok-'));
    const file = join(dir, 'c.txt');
    writeFileSync(file, lines.join('\n') + '\n');
    const m = await Word2Vec.train(file, { ...BASE, epochs: 1, pipeline: 'en_core', lowercase: true });
    const words = [...m.wv.words].sort();
    expect(words).toContain("n't");
    expect(words).toContain('did');
    expect(words).toContain('.');
    expect(words).toContain(',');
    expect(words).toContain('the');
    expect(words).not.toContain('The');
    expect(words).not.toContain('sit.');
  });

  it('tokenizes strings of an iterable corpus; token arrays pass through (lowercased when asked)', async () => {
    const m = await Word2Vec.train([...lines, ['Keep', 'AS', 'is']] as never, { ...BASE, epochs: 1, pipeline: 'en_core' });
    expect(m.wv.words).toContain('The');
    expect(m.wv.words).toContain('AS');
    expect(m.wv.words).toContain('!');
    const l = await Word2Vec.train([['Keep', 'AS', 'is'], ['as', 'IS']], { ...BASE, epochs: 1, lowercase: true });
    expect([...l.wv.words].sort()).toEqual(['as', 'is', 'keep']);
  });

  it('rejects a non-boolean lowercase and an unusable pipeline', async () => {
    await expect(Word2Vec.train([['a', 'b']], { ...BASE, lowercase: 'yes' as never })).rejects.toThrow(/lowercase must be true or false/);
    await expect(Word2Vec.train([['a', 'b']], { ...BASE, pipeline: 42 as never })).rejects.toThrow(ArgumentError);
    await expect(Word2Vec.train(['a b', 'b a'], BASE)).rejects.toThrow(/sentence 0 is a string \(pass the pipeline option to tokenize lines\)/);
  });
});
