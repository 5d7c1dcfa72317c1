import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormatError, SPECIAL_IDS, Vocabulary, padSequences } from '../../src/index.js';

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
  });
});

describe('padSequences', () => {
  it('follows Keras pad_sequences defaults (pre padding, pre truncating)', () => {
    expect(padSequences([[1], [2, 3], [4, 5, 6]]).map((r) => Array.from(r))).toEqual([[0, 0, 1], [0, 2, 3], [4, 5, 6]]);
    expect(padSequences([[5, 6], [7, 8, 9, 10]], { maxLen: 3, padding: 'post' }).map((r) => Array.from(r))).toEqual([[5, 6, 0], [8, 9, 10]]);
    expect(padSequences([[7, 8, 9, 10]], { maxLen: 2, truncating: 'post', value: -1 }).map((r) => Array.from(r))).toEqual([[7, 8]]);
    expect(() => padSequences([[1]], { padding: 'mid' as never })).toThrow(/padding/);
  });
});
