import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArgumentError, FormatError, NotFoundError, SPECIAL_IDS, Vocabulary, padSequences } from '../../src/index.js';

const sents = [['the', 'cat', 'sat'], ['the', 'dog', 'sat'], ['a', 'cat']];

describe('Vocabulary.build', () => {
  it('puts specials first, then tokens by count (ties in code point order)', () => {
    const v = Vocabulary.build(sents);
    expect(v.tokens).toEqual(['<PAD>', '<BOS>', '<EOS>', '<UNK>', 'cat', 'sat', 'the', 'a', 'dog']);
    expect(v.count('cat')).toBe(2);
    expect(SPECIAL_IDS).toEqual({ PAD: 0, BOS: 1, EOS: 2, UNK: 3 });
  });
  it('applies minCount and maxSize', () => {
    expect(Vocabulary.build(sents, { minCount: 2 }).tokens.slice(4)).toEqual(['cat', 'sat', 'the']);
    expect(Vocabulary.build(sents, { maxSize: 6 }).tokens.slice(4)).toEqual(['cat', 'sat']);
    expect(() => Vocabulary.build(sents, { maxSize: 2 })).toThrow(/maxSize/);
    expect(() => Vocabulary.build(['abc'] as never)).toThrow(/not a string/);
  });
});

describe('Vocabulary.encode', () => {
  it('maps unknowns to <UNK> and adds BOS/EOS', () => {
    const v = Vocabulary.build(sents);
    expect(Array.from(v.encode(['the', 'bird'], { addBos: true, addEos: true }))).toEqual([1, 6, 3, 2]);
  });
});

describe('Vocabulary.decode', () => {
  it('skips PAD/BOS/EOS by default', () => {
    const v = Vocabulary.build(sents);
    expect(v.decode([0, 1, 6, 3, 2])).toEqual(['the', '<UNK>']);
    expect(v.decode([1, 6], { skipSpecial: false })).toEqual(['<BOS>', 'the']);
    expect(() => v.decode([99])).toThrow(/out of range/);
  });
});

describe('Vocabulary.save / load', () => {
  it('round-trips through JSON and rejects bad files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vocab-'));
    const v = Vocabulary.build(sents);
    const p = join(dir, 'v.json');
    v.save(p);
    const w = Vocabulary.load(p);
    expect(w.tokens).toEqual(v.tokens);
    expect(w.count('the')).toBe(2);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...v.toJSON(), formatVersion: 9 }));
    expect(() => Vocabulary.load(bad)).toThrow(FormatError);
    expect(() => Vocabulary.load(bad)).toThrow(/formatVersion/);
    writeFileSync(bad, '{oops');
    expect(() => Vocabulary.load(bad)).toThrow(/invalid JSON/);
    writeFileSync(bad, JSON.stringify({ ...v.toJSON(), tokens: ['x', 'x'], counts: [1, 1] }));
    expect(() => Vocabulary.load(bad)).toThrow(/duplicate/);
    // One location: the file and the key of the duplicate, not the inner location repeated.
    expect(() => Vocabulary.load(bad)).toThrow(`duplicate token "x" in vocabulary (at ${bad}, key "tokens[1]")`);
    expect(() => Vocabulary.load(join(dir, 'missing.json'))).toThrow(NotFoundError);
    expect(() => Vocabulary.load(dir)).toThrow(ArgumentError);
    // A file an editor saved with a byte-order mark still loads.
    const bom = join(dir, 'bom.json');
    writeFileSync(bom, '\ufeff' + JSON.stringify(v.toJSON()));
    expect(Vocabulary.load(bom).tokens).toEqual(v.tokens);
  });
});

describe('padSequences', () => {
  it('follows Keras pad_sequences defaults (pre padding, pre truncating)', () => {
    expect(padSequences([[1], [2, 3], [4, 5, 6]]).map((r) => Array.from(r))).toEqual([[0, 0, 1], [0, 2, 3], [4, 5, 6]]);
    expect(padSequences([[5, 6], [7, 8, 9, 10]], { maxLen: 3, padding: 'post' }).map((r) => Array.from(r))).toEqual([[5, 6, 0], [8, 9, 10]]);
    expect(padSequences([[7, 8, 9, 10]], { maxLen: 2, truncating: 'post', value: -1 }).map((r) => Array.from(r))).toEqual([[7, 8]]);
    expect(() => padSequences([[1]], { padding: 'mid' as never })).toThrow(/padding/);
    // The rows are Int32Array: a value that is not an integer id is an error, not a silent 0 or 1.
    for (const value of [NaN, 1.5, 2 ** 31]) expect(() => padSequences([[1]], { maxLen: 2, value })).toThrow(/value must be a 32-bit integer/);
  });
});

describe('Vocabulary (properties)', () => {
  it('round-trips through JSON and pads to maxLen keeping the right slice', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 4 }), { maxLength: 6 }), { maxLength: 6 }), (seqs) => {
        const v = Vocabulary.build(seqs);
        const w = Vocabulary.fromJSON(JSON.parse(JSON.stringify(v.toJSON())));
        expect(w.tokens).toEqual(v.tokens);
        for (const s of seqs) expect(w.decode(w.encode(s))).toEqual(s.map((t) => (['<PAD>', '<BOS>', '<EOS>'].includes(t) ? '<UNK>' : w.has(t) ? t : '<UNK>')));
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 8 }), { maxLength: 5 }), fc.integer({ min: 0, max: 6 }), fc.boolean(), fc.boolean(), (seqs, maxLen, pre, tpre) => {
        const out = padSequences(seqs, { maxLen, padding: pre ? 'pre' : 'post', truncating: tpre ? 'pre' : 'post' });
        out.forEach((row, i) => {
          expect(row.length).toBe(maxLen);
          const s = seqs[i]!;
          const kept = s.length <= maxLen ? s : tpre ? s.slice(s.length - maxLen) : s.slice(0, maxLen);
          const nz = Array.from(row).filter((x) => x !== 0);
          expect(nz).toEqual(kept);
          if (pre) expect(Array.from(row.slice(maxLen - kept.length))).toEqual(kept);
          else expect(Array.from(row.slice(0, kept.length))).toEqual(kept);
        });
      }),
      { numRuns: 200 },
    );
  });
});
