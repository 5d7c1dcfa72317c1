import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KeyedVectors } from '../../src/index.js';

describe('KeyedVectors toString / util.inspect', () => {
  it('summarises the number of vectors and their dimension', () => {
    const kv = new KeyedVectors(['a', 'b', 'c'], new Float32Array(6), 2);
    expect(String(kv)).toBe('KeyedVectors(n=3, dim=2)');
    expect(inspect(kv)).toBe('KeyedVectors(n=3, dim=2)');
  });
});
