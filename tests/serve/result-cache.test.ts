import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../src/serve/result-cache.js';

describe('ResultCache', () => {
  it('drops the least recently used answer when full', () => {
    const c = new ResultCache(2);
    c.set('a', '1');
    c.set('b', '2');
    expect(c.get('a')).toBe('1'); // a is now the most recently used
    c.set('c', '3');
    expect(c.get('b')).toBeUndefined();
    expect([c.get('a'), c.get('c'), c.size]).toEqual(['1', '3', 2]);
    expect([c.hits, c.misses]).toEqual([3, 1]);
  });
  it('keeps nothing with size 0', () => {
    const c = new ResultCache(0);
    c.set('a', '1');
    expect([c.get('a'), c.size]).toEqual([undefined, 0]);
  });
});
