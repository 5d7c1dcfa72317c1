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
    expect(hashTerm('a\u{1D400}é')).toBe(murmur3_32(utf8('a\u{1D400}é')) | 0);
    expect(hashTerm('x\uD800y')).toBe(murmur3_32(utf8('x\uD800y')) | 0); // lone surrogate -> U+FFFD
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

  it('gives the same matrix on the fast path, the generic path and the sparse accumulator', () => {
    const docs = ['The cat and the hat', 'Über naïve café, the end', ''];
    const a = new HashingVectorizer({ stopWords: 'english', nFeatures: 1 << 25 }).transform(docs);
    const b = new HashingVectorizer({ stopWords: 'english', nFeatures: 1 << 25, analyzer: (t) => t.toLowerCase().match(/[\p{L}\p{N}_]{2,}/gu)?.filter((w) => !['the', 'and'].includes(w)) ?? [] }).transform(docs);
    expect(Array.from(a.indptr)).toEqual(Array.from(b.indptr));
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    expect(a.nnz).toBe(6); // cat, hat; über, naïve, café, end
  });

  it('rejects bad options', () => {
    expect(() => new HashingVectorizer({ nFeatures: 0 })).toThrow(/nFeatures/);
    expect(() => new HashingVectorizer().transform('text' as never)).toThrow(/iterable/);
  });
});
