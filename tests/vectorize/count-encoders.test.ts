import { describe, expect, it } from 'vitest';
import { BinaryEncoder, CountEncoder, LabelCountEncoder } from '../../src/index.js';

const colors = [['red'], ['blue'], ['red'], ['green'], ['red'], ['blue'], ['yellow']];

describe('BinaryEncoder.transform', () => {
  it('writes first-appearance codes 1..k in floor(log2 k) + 1 bits', () => {
    const enc = new BinaryEncoder();
    // red=1, blue=2, green=3, yellow=4 -> 3 bits
    expect(enc.fitTransform(colors)).toEqual([[0, 0, 1], [0, 1, 0], [0, 0, 1], [0, 1, 1], [0, 0, 1], [0, 1, 0], [1, 0, 0]]);
    expect(enc.bitWidths).toEqual([3]);
    expect(enc.getFeatureNamesOut(['color'])).toEqual(['color_0', 'color_1', 'color_2']);
    expect(enc.transform([['purple']])).toEqual([[0, 0, 0]]);
    expect(enc.inverseTransform([[1, 0, 0], [0, 0, 0]])).toEqual([['yellow'], [null]]);
    expect(() => new BinaryEncoder({ handleUnknown: 'error' }).fit(colors).transform([['purple']])).toThrow(/unknown category/);
  });
  it('encodes several features side by side', () => {
    // a=1, b=2, c=3 (2 bits); true=1, false=2 (2 bits)
    expect(new BinaryEncoder().fitTransform([['a', true], ['b', false], ['c', true]])).toEqual([[0, 1, 0, 1], [1, 0, 1, 0], [1, 1, 0, 1]]);
  });
});

describe('CountEncoder.transform', () => {
  it('replaces categories by training counts or proportions', () => {
    expect(new CountEncoder().fitTransform(colors)).toEqual([[3], [2], [3], [1], [3], [2], [1]]);
    expect(new CountEncoder({ normalize: true }).fit(colors).transform([['red'], ['green']])).toEqual([[3 / 7], [1 / 7]]);
    expect(new CountEncoder({ unknownValue: -1 }).fit(colors).transform([['purple']])).toEqual([[-1]]);
    expect(() => new CountEncoder({ handleUnknown: 'error' }).fit(colors).transform([['purple']])).toThrow(/row 0/);
    expect(() => new CountEncoder({ handleUnknown: 'ignore' as never })).toThrow(/handleUnknown/);
  });
});

describe('LabelCountEncoder.transform', () => {
  it('ranks by descending frequency, ties by first appearance', () => {
    // red 3, blue 2, green 1, yellow 1 -> 1, 2, 3, 4
    expect(new LabelCountEncoder().fitTransform(colors)).toEqual([[1], [2], [1], [3], [1], [2], [4]]);
    expect(new LabelCountEncoder({ order: 'asc' }).fitTransform(colors)).toEqual([[4], [3], [4], [1], [4], [3], [2]]);
    expect(new LabelCountEncoder().fit(colors).transform([['purple']])).toEqual([[0]]);
    expect(() => new LabelCountEncoder({ handleUnknown: 'error' }).fit(colors).transform([['purple']])).toThrow(/unknown/);
  });
});
