import { describe, expect, it } from 'vitest';
import { collapsedShape, normalizeWord, wordAttributes, compileTemplates, FeatureAttr, N_FEATURE_ATTRS, UNK_AMB } from '../../../src/components/tagger/features.js';

describe('normalizeWord', () => {
  it('folds hyphenated words, years and numbers into classes and lower-cases the rest', () => {
    expect(normalizeWord('well-known')).toBe('!HYPHEN');
    expect(normalizeWord('-')).toBe('-');
    expect(normalizeWord('-5')).toBe('-5');
    expect(normalizeWord('1999')).toBe('!YEAR');
    expect(normalizeWord('12')).toBe('!DIGITS');
    expect(normalizeWord('3rd')).toBe('!DIGITS');
    expect(normalizeWord('Apple')).toBe('apple');
  });
});

describe('collapsedShape', () => {
  it('maps case and digits and folds runs', () => {
    expect(collapsedShape('Apple')).toBe('Xx');
    expect(collapsedShape('USA')).toBe('X');
    expect(collapsedShape('12.50')).toBe('d.d');
    expect(collapsedShape('e-mail')).toBe('x-x');
    expect(collapsedShape('')).toBe('');
  });
});

describe('wordAttributes', () => {
  it('gives one string per attribute, the ambiguity class from the lexicon', () => {
    const a = wordAttributes('Running', new Map([['running', '~3.7']]));
    expect(a).toHaveLength(N_FEATURE_ATTRS);
    expect(a[FeatureAttr.NORM]).toBe('running');
    expect(a[FeatureAttr.PRE1]).toBe('R');
    expect(a[FeatureAttr.SUF3]).toBe('ing');
    expect(a[FeatureAttr.SUF1]).toBe('g');
    expect(a[FeatureAttr.WORD]).toBe('Running');
    expect(a[FeatureAttr.AMB]).toBe('~3.7');
    expect(wordAttributes('zzyzx', new Map())[FeatureAttr.AMB]).toBe(UNK_AMB);
  });
});

describe('compileTemplates', () => {
  it('flattens atoms to quadruples with -1 for missing atoms', () => {
    expect(Array.from(compileTemplates([[], [[FeatureAttr.NORM, -1]], [[FeatureAttr.TAG, -1], [FeatureAttr.NORM, 0]]]))).toEqual([-1, -1, -1, -1, 0, -1, -1, -1, 15, -1, 0, 0]);
  });
});
