import { describe, expect, it } from 'vitest';
import { HashingVectorizer, hashTerm } from '../../src/index.js';
import { murmur3_32 } from '../../src/util/hash.js';
import { DOCSTRING_CORPUS, GUIDE_CORPUS } from './helpers.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('hashTerm', () => {
  it('matches scikit-learn murmurhash3_32 test values', () => {
    // sklearn/utils/tests/test_murmurhash.py
    expect(hashTerm('foo')).toBe(-156908512);
    expect(hashTerm('foo', 42)).toBe(-1322301282);
    expect(murmur3_32(utf8('foo'), 0)).toBe(4138058784);
    expect(murmur3_32(utf8('foo'), 42)).toBe(2972666014);
    // murmurhash3_32(3): the int32 3 as 4 little-endian bytes
    expect(murmur3_32(Uint8Array.of(3, 0, 0, 0), 0)).toBe(847579505);
    expect(murmur3_32(Uint8Array.of(3, 0, 0, 0), 42) | 0).toBe(-1823081949);
  });
  it('matches the reference MurmurHash3_x86_32 vectors', () => {
    expect(murmur3_32(utf8(''), 0)).toBe(0);
    expect(murmur3_32(utf8(''), 1)).toBe(0x514e28b7);
    expect(murmur3_32(utf8(''), 0xffffffff)).toBe(0x81f16f39);
    expect(murmur3_32(new Uint8Array(4), 0)).toBe(0x2362f9de);
    expect(murmur3_32(utf8('aaaa'), 0x9747b28c)).toBe(0x5a97808a);
    expect(murmur3_32(utf8('Hello, world!'), 0x9747b28c)).toBe(0x24884cba);
    expect(murmur3_32(utf8('The quick brown fox jumps over the lazy dog'), 0x9747b28c)).toBe(0x2fa826cd);
  });
  it('hashes the UTF-8 bytes of non-ASCII terms', () => {
    expect(hashTerm('naïve')).toBe(murmur3_32(utf8('naïve')) | 0);
    expect(hashTerm('日本語テキスト')).toBe(murmur3_32(utf8('日本語テキスト')) | 0);
  });
});

describe('HashingVectorizer.transform', () => {
  it('reproduces the user guide: 16 stored elements with nFeatures=10, 19 with the default', () => {
    const X10 = new HashingVectorizer({ nFeatures: 10 }).transform(GUIDE_CORPUS);
    expect(X10.shape).toEqual([4, 10]);
    expect(X10.nnz).toBe(16);
    const X = new HashingVectorizer().transform(GUIDE_CORPUS);
    expect(X.shape).toEqual([4, 1048576]);
    expect(X.nnz).toBe(19);
  });

  it('reproduces the docstring shape (nFeatures=2**4)', () => {
    expect(new HashingVectorizer({ nFeatures: 16 }).fitTransform(DOCSTRING_CORPUS).shape).toEqual([4, 16]);
  });

  it('puts each term at |h| mod n with the sign of h, then normalizes', () => {
    const hv = new HashingVectorizer({ nFeatures: 1 << 20, norm: null });
    const X = hv.transform(['second second document']);
    for (const [t, c] of [['second', 2], ['document', 1]] as const) {
      const h = hashTerm(t);
      expect(X.get(0, Math.abs(h) % (1 << 20))).toBe(h < 0 ? -c : c);
    }
    const unsigned = new HashingVectorizer({ alternateSign: false, norm: 'l1' }).transform(['second second document']);
    expect(Array.from(unsigned.data).sort()).toEqual([1 / 3, 2 / 3]);
    const bin = new HashingVectorizer({ binary: true, norm: null, alternateSign: false }).transform(['second second document']);
    expect(Array.from(bin.data)).toEqual([1, 1]);
    const rows = new HashingVectorizer().transform(DOCSTRING_CORPUS).rowNorms();
    for (const n of rows) expect(n).toBeCloseTo(1, 14);
  });

  it('rejects bad options', () => {
    expect(() => new HashingVectorizer({ nFeatures: 0 })).toThrow(/nFeatures/);
    expect(() => new HashingVectorizer().transform('text' as never)).toThrow(/iterable/);
  });
});
