import { describe, expect, it } from 'vitest';
import { spanPrf } from '../../src/eval/metrics/spans.js';
import { ArgumentError } from '../../src/core/errors.js';

describe('spanPrf', () => {
  const gold = [[{ start: 0, end: 2, label: 'PER' }, { start: 5, end: 6, label: 'LOC' }], [{ start: 1, end: 3, label: 'ORG' }]];
  const pred = [[{ start: 0, end: 2, label: 'PER' }, { start: 5, end: 6, label: 'ORG' }], [{ start: 1, end: 3, label: 'ORG' }, { start: 4, end: 5, label: 'PER' }]];
  it('counts exact (start, end, label) matches, micro and per label', () => {
    const s = spanPrf(gold, pred);
    expect([s.tp, s.fp, s.fn]).toEqual([2, 2, 1]);
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBeCloseTo(2 / 3, 12);
    expect(s.f1).toBeCloseTo(4 / 7, 12);
    expect(s.perLabel.PER).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(s.perLabel.LOC).toMatchObject({ tp: 0, fp: 0, fn: 1, precision: 0, recall: 0, f1: 0 });
    expect(s.perLabel.ORG).toMatchObject({ tp: 1, fp: 1, fn: 0 });
  });
  it('can ignore labels and counts duplicates once', () => {
    const s = spanPrf(gold, pred, { labeled: false });
    expect([s.tp, s.fp, s.fn]).toEqual([3, 1, 0]);
    const d = spanPrf([[{ start: 0, end: 1, label: 'X' }]], [[{ start: 0, end: 1, label: 'X' }, { start: 0, end: 1, label: 'X' }]]);
    expect(d.precision).toBe(1);
  });
  it('rejects mismatched documents and bad spans', () => {
    expect(() => spanPrf([[]], [])).toThrow(ArgumentError);
    expect(() => spanPrf([[{ start: 3, end: 1 }]], [[]])).toThrow(/invalid span/);
  });
});
