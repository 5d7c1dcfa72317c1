import { describe, expect, it } from 'vitest';
import { fnv1a32 } from '../../src/util/hash.js';

describe('fnv1a32', () => {
  it('matches the reference FNV-1a 32-bit vectors (ASCII text, one unit per char)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
  it('hashes a range in place as the substring', () => {
    const s = 'say foobar twice';
    expect(fnv1a32(s, 4, 10)).toBe(fnv1a32('foobar'));
    expect(fnv1a32(s, 3, 3)).toBe(fnv1a32(''));
  });
});
