import { describe, expect, it } from 'vitest';
import { ArgumentError, ConfigError, OneHotEncoder, OrdinalEncoder } from '../../src/index.js';

// scikit-learn OneHotEncoder / OrdinalEncoder docstring data.
const X = [['Male', 1], ['Female', 3], ['Female', 2]];

describe('OneHotEncoder.fit', () => {
  it('learns sorted categories (docstring categories_)', () => {
    const enc = new OneHotEncoder({ handleUnknown: 'ignore' }).fit(X);
    expect(enc.categories).toEqual([['Female', 'Male'], [1, 2, 3]]);
  });
  it('rejects values outside user categories', () => {
    expect(() => new OneHotEncoder({ categories: [['Male'], [1, 2, 3]] }).fit(X)).toThrow(/unknown category "Female"/);
    expect(() => new OneHotEncoder({ categories: [['a', 'a'], [1]] }).fit([['a', 1]])).toThrow(ConfigError);
  });
});

describe('OneHotEncoder.transform', () => {
  it('reproduces the docstring transform with handle_unknown="ignore"', () => {
    const enc = new OneHotEncoder({ handleUnknown: 'ignore' }).fit(X);
    expect(enc.transform([['Female', 1], ['Male', 4]]).toArray()).toEqual([
      [1, 0, 1, 0, 0],
      [0, 1, 0, 0, 0],
    ]);
  });
  it('reproduces the docstring drop="first" and drop="if_binary" outputs', () => {
    const Q = [['Female', 1], ['Male', 2]];
    expect(new OneHotEncoder({ drop: 'first' }).fit(X).transform(Q).toArray()).toEqual([
      [0, 0, 0],
      [1, 1, 0],
    ]);
    expect(new OneHotEncoder({ drop: 'if_binary' }).fit(X).transform(Q).toArray()).toEqual([
      [0, 1, 0, 0],
      [1, 0, 1, 0],
    ]);
    expect(new OneHotEncoder({ drop: 'first' }).fit(X).getFeatureNamesOut()).toEqual(['x0_Male', 'x1_2', 'x1_3']);
  });
  it('throws on unknown categories by default, naming row and feature', () => {
    const enc = new OneHotEncoder().fit(X);
    expect(() => enc.transform([['Male', 4]])).toThrow(ArgumentError);
    expect(() => enc.transform([['Male', 4]])).toThrow(/feature 1 \(row 0\)/);
    expect(() => enc.transform([['Male']])).toThrow(/features/);
  });
});

describe('OneHotEncoder.inverseTransform', () => {
  it('reproduces the docstring inverse_transform', () => {
    const enc = new OneHotEncoder({ handleUnknown: 'ignore' }).fit(X);
    expect(enc.inverseTransform([[0, 1, 1, 0, 0], [0, 0, 0, 1, 0]])).toEqual([['Male', 1], [null, 2]]);
  });
});

describe('OneHotEncoder.getFeatureNamesOut', () => {
  it('reproduces the docstring names', () => {
    const enc = new OneHotEncoder({ handleUnknown: 'ignore' }).fit(X);
    expect(enc.getFeatureNamesOut(['gender', 'group'])).toEqual(['gender_Female', 'gender_Male', 'group_1', 'group_2', 'group_3']);
    expect(enc.getFeatureNamesOut()).toEqual(['x0_Female', 'x0_Male', 'x1_1', 'x1_2', 'x1_3']);
  });
});

describe('OrdinalEncoder.transform', () => {
  it('reproduces the docstring example', () => {
    const enc = new OrdinalEncoder().fit(X);
    expect(enc.transform([['Female', 3], ['Male', 1]])).toEqual([[0, 2], [1, 0]]);
    expect(enc.inverseTransform([[1, 0], [0, 1]])).toEqual([['Male', 1], ['Female', 2]]);
  });
  it('uses a user order and explicit codes (high/mid/low -> 3/2/1)', () => {
    const byOrder = new OrdinalEncoder({ categories: [['low', 'mid', 'high']] });
    expect(byOrder.fitTransform([['high'], ['low'], ['mid']])).toEqual([[2], [0], [1]]);
    const byMap = new OrdinalEncoder({ mapping: [{ high: 3, mid: 2, low: 1 }] });
    expect(byMap.fitTransform([['low'], ['high'], ['mid']])).toEqual([[1], [3], [2]]);
    expect(byMap.inverseTransform([[3], [9]])).toEqual([['high'], [null]]);
  });
  it('handles unknowns with use_encoded_value or throws', () => {
    const enc = new OrdinalEncoder({ handleUnknown: 'use_encoded_value', unknownValue: -1 }).fit(X);
    expect(enc.transform([['Other', 2]])).toEqual([[-1, 1]]);
    expect(() => new OrdinalEncoder().fit(X).transform([['Other', 2]])).toThrow(/unknown category/);
    expect(() => new OrdinalEncoder({ handleUnknown: 'nope' as never })).toThrow(ConfigError);
  });
});
