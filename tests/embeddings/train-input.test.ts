import { describe, expect, it } from 'vitest';
import { ArgumentError, Word2Vec } from '../../src/index.js';

// Small corpus of 16 letters; noise table small so each case trains in milliseconds.
const letters = 'abcdefghijklmnop'.split('');
const S: string[][] = [];
for (let i = 0; i < 200; i++) {
  const s: string[] = [];
  for (let j = 0; j < 12; j++) s.push(letters[(i * 7 + j * 3) % 16]!);
  S.push(s);
}
const B = { minCount: 1, epochs: 1, noiseTableSize: 10000, vectorSize: 8 };

async function failure(p: Promise<unknown>): Promise<ArgumentError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ArgumentError);
  return e as ArgumentError;
}

describe('Word2Vec.train input checks', () => {
  it('reports a diverged run (too high a learning rate) as an ArgumentError on alpha', async () => {
    for (const sg of [true, false]) {
      const e = await failure(Word2Vec.train(S, { ...B, sg, alpha: 3 }));
      expect(e.message).toMatch(/diverged/);
      expect(e.where?.key).toBe('alpha');
    }
    expect((await failure(Word2Vec.train(S, { ...B, alpha: Infinity }))).where?.key).toBe('alpha');
  });

  it('still trains at ordinary rates', async () => {
    const m = await Word2Vec.train(S, { ...B, alpha: 0.05 });
    expect(m.wv.vectors.every((x) => Number.isFinite(x))).toBe(true);
  });

  it('rejects a window longer than maxSentenceLength instead of spinning over empty slots', async () => {
    const e = await failure(Word2Vec.train(S, { ...B, window: 1e9 }));
    expect(e.where?.key).toBe('window');
    expect((await failure(Word2Vec.train(S, { ...B, window: 2 ** 31 }))).where?.key).toBe('window');
    await expect(Word2Vec.train(S, { ...B, window: 12, maxSentenceLength: 12 })).resolves.toBeInstanceOf(Word2Vec);
  });

  it('rejects tokens that are not strings and sentences that are not arrays, naming where', async () => {
    const e = await failure(Word2Vec.train([['a', 'b'], ['a', 5 as unknown as string, null as unknown as string]], B));
    expect(e.message).toMatch(/sentence 1, token 1 is number/);
    const f = await failure(Word2Vec.train(['a b c'] as unknown as string[][], B));
    expect(f.message).toMatch(/sentence 0 is a string/);
  });

  it('rejects a misspelt option, suggesting the right one', async () => {
    const e = await failure(Word2Vec.train(S, { ...B, vectorsize: 3 } as never));
    expect(e.message).toMatch(/unknown train option "vectorsize"; did you mean "vectorSize"/);
  });

  it('names noiseTableSize when the noise table is what does not fit in 4 GiB', async () => {
    const e = await failure(Word2Vec.train(S, { ...B, noiseTableSize: 2 ** 31 }));
    expect(e.where?.key).toBe('noiseTableSize');
    const f = await failure(Word2Vec.train(S, { ...B, vectorSize: 2 ** 26 }));
    expect(f.where?.key).toBe('vectorSize');
  });
});
