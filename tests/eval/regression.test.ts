import { describe, expect, it } from 'vitest';
import { rmse, mae, mape, r2 } from '../../src/eval/metrics/regression.js';
import { ArgumentError } from '../../src/core/errors.js';

const yt = [3, -0.5, 2, 7];
const yp = [2.5, 0.0, 2, 8];

describe('rmse', () => {
  it('matches the scikit-learn doc example', () => {
    expect(rmse(yt, yp)).toBeCloseTo(Math.sqrt(0.375), 12);
    expect(() => rmse([1, NaN], [1, 2])).toThrow(ArgumentError);
  });
});

describe('mae', () => {
  it('matches the scikit-learn doc example', () => expect(mae(yt, yp)).toBe(0.5));
});

describe('mape', () => {
  it('matches the scikit-learn doc example', () => {
    expect(mape(yt, yp)).toBeCloseTo((0.5 / 3 + 1 + 0 + 1 / 7) / 4, 12);
  });
  it('handles zero targets explicitly', () => {
    expect(mape([0, 2], [1, 1])).toBeCloseTo((1 / Number.EPSILON + 0.5) / 2, 0);
    expect(mape([0, 2], [1, 1], { zeroTargets: 'skip' })).toBe(0.5);
    expect(() => mape([0, 2], [1, 1], { zeroTargets: 'error' })).toThrow(/yTrue\[0\]/);
    expect(() => mape([0], [1], { zeroTargets: 'skip' })).toThrow(ArgumentError);
  });
});

describe('r2', () => {
  it('matches the scikit-learn doc examples', () => {
    expect(r2(yt, yp)).toBeCloseTo(0.9486081370449679, 12);
    expect(r2([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(r2([1, 2, 3], [2, 2, 2])).toBe(0);
    expect(r2([1, 2, 3], [3, 2, 1])).toBe(-3);
    expect(r2([-2, -2, -2], [-2, -2, -2])).toBe(1);
    expect(r2([-2, -2, -2], [-2, -2, -2 + 1e-8])).toBe(0);
  });
});
