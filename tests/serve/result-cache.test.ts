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
  it('evicts in least-recent-use order over many answers; setting a kept key refreshes it', () => {
    const c = new ResultCache<Buffer>(3);
    for (const k of ['a', 'b', 'c']) c.set(k, Buffer.from(k));
    c.set('a', Buffer.from('A')); // a refreshed: b is now the least recently used
    c.get('b'); // b used: c is
    c.set('d', Buffer.from('d'));
    expect(c.get('c')).toBeUndefined();
    c.set('e', Buffer.from('e')); // a is the oldest now
    expect(['a', 'b', 'd', 'e'].map((k) => c.get(k)?.toString())).toEqual([undefined, 'b', 'd', 'e']);
    expect(c.size).toBe(3);
  });
  it('keeps nothing with size 0', () => {
    const c = new ResultCache(0);
    c.set('a', '1');
    expect([c.get('a'), c.size]).toEqual([undefined, 0]);
  });
});
