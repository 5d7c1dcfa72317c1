import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { NgramLM } from '../../src/index.js';

describe('NgramLM toString / util.inspect', () => {
  it('summarises order, vocabulary and n-gram counts', async () => {
    const lm = await NgramLM.train([['a', 'b', 'c'], ['a', 'b']], { order: 2, smoothing: 'mle' });
    const want = `NgramLM(order=2, vocab=${lm.vocabSize}, ngrams=[${lm.ngramCounts.join(', ')}])`;
    expect(String(lm)).toBe(want);
    expect(inspect(lm)).toBe(want);
    expect(want).toMatch(/^NgramLM\(order=2, vocab=6, ngrams=\[\d+, \d+\]\)$/);
  });
});
