import { describe, expect, it } from 'vitest';
import { LexFlag, StringStore, Vocab } from '../../src/index.js';

describe('StringStore', () => {
  it('interns to dense ids with 0 as the empty string', () => {
    const s = new StringStore();
    expect(s.get(0)).toBe('');
    const a = s.add('apple');
    expect(s.add('apple')).toBe(a);
    expect(s.get(a)).toBe('apple');
    expect(s.idOf('pear')).toBe(-1);
    expect(s.has('apple')).toBe(true);
    expect(s.size).toBe(2);
    expect(() => s.get(99)).toThrow(/unknown string id/);
  });
});

describe('Vocab', () => {
  it('computes lexeme attributes once per type', () => {
    const v = new Vocab();
    const id = v.add('Apple');
    expect(v.text(v.lower(id))).toBe('apple');
    expect(v.text(v.shape(id))).toBe('Xxxxx');
    expect(v.text(v.prefix(id))).toBe('A');
    expect(v.text(v.suffix(id))).toBe('ple');
    expect(v.hasFlag(id, LexFlag.IS_ALPHA)).toBe(true);
    expect(v.hasFlag(id, LexFlag.IS_TITLE)).toBe(true);
    expect(v.hasFlag(id, LexFlag.IS_STOP)).toBe(false);
    expect(v.hasFlag(v.add('The'), LexFlag.IS_STOP)).toBe(true);
    expect(v.hasFlag(v.add('!'), LexFlag.IS_PUNCT)).toBe(true);
    expect(v.hasFlag(v.add('\n\n'), LexFlag.IS_SPACE)).toBe(true);
    expect(v.hasFlag(v.add('42'), LexFlag.IS_DIGIT)).toBe(true);
    expect(v.hasFlag(v.add('$'), LexFlag.IS_CURRENCY)).toBe(true);
  });
  it('handles astral characters in affixes', () => {
    const v = new Vocab();
    const id = v.add('a👍b');
    expect(v.text(v.prefix(id))).toBe('a');
    expect(v.text(v.suffix(id))).toBe('a👍b');
  });
});
