import { describe, expect, it } from 'vitest';
import { perplexity, tokenCrossEntropy } from '../../src/eval/metrics/lm.js';
import { ArgumentError } from '../../src/core/errors.js';

describe('tokenCrossEntropy', () => {
  it('is the mean negative log2 probability', () => {
    expect(tokenCrossEntropy([Math.log(0.5), Math.log(0.25)])).toBeCloseTo(1.5, 12);
    expect(tokenCrossEntropy([-1, -1], { base: 10 })).toBeCloseTo(Math.log2(10), 12);
    expect(tokenCrossEntropy([-Infinity])).toBe(Infinity);
  });
  it('rejects positive log-probs and empty input', () => {
    expect(() => tokenCrossEntropy([0.1])).toThrow(ArgumentError);
    expect(() => tokenCrossEntropy([])).toThrow(ArgumentError);
  });
});

describe('perplexity', () => {
  it('is KenLM style 10^(-mean log10 p) and 2^crossEntropy', () => {
    expect(perplexity([-1, -1, -2], { base: 10 })).toBeCloseTo(10 ** (4 / 3), 9);
    const lp = [Math.log(0.1), Math.log(0.3), Math.log(0.6)];
    expect(perplexity(lp)).toBeCloseTo(2 ** tokenCrossEntropy(lp), 9);
    // A uniform model over V words has perplexity V.
    expect(perplexity(new Array(7).fill(Math.log(1 / 50)))).toBeCloseTo(50, 9);
  });
});
