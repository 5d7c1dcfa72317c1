import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/util/rng.js';

describe('Rng.getState / setState', () => {
  it('resumes the same stream', () => {
    const a = new Rng(42);
    for (let i = 0; i < 10; i++) a.nextU32();
    const b = new Rng(7);
    b.setState(a.getState());
    expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(Array.from({ length: 5 }, () => a.nextU32()));
  });
  it('refuses an all-zero or short state', () => {
    expect(() => new Rng().setState([0, 0, 0, 0])).toThrow(RangeError);
    expect(() => new Rng().setState([1, 2])).toThrow(RangeError);
  });
});
