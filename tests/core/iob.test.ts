import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgumentError, biluoToSpans, iobToBiluo, iobToSpans, spansToBiluo, spansToIob, type LabeledSpan } from '../../src/index.js';

/** Random non-overlapping spans over n tokens. */
const spansArb = fc.integer({ min: 0, max: 30 }).chain((n) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom('PER', 'ORG', 'LOC', 'B-X')), { maxLength: 8 }).map((raw) => {
    const spans: LabeledSpan[] = [];
    let end = 0;
    for (const [s, len, label] of [...raw].sort((a, b) => a[0] - b[0])) {
      if (s < end || s + len > n) continue;
      spans.push({ start: s, end: s + len, label });
      end = s + len;
    }
    return { n, spans };
  }),
);

describe('spansToBiluo / biluoToSpans', () => {
  it('round-trips any set of non-overlapping spans', () => {
    fc.assert(fc.property(spansArb, ({ n, spans }) => {
      expect(biluoToSpans(spansToBiluo(n, spans))).toEqual(spans);
    }));
  });
  it('writes U- for one token and B- I- L- for longer spans', () => {
    expect(spansToBiluo(5, [{ start: 0, end: 1, label: 'PER' }, { start: 2, end: 5, label: 'LOC' }])).toEqual(['U-PER', 'O', 'B-LOC', 'I-LOC', 'L-LOC']);
  });
  it('refuses overlapping or out-of-range spans', () => {
    expect(() => spansToBiluo(4, [{ start: 0, end: 2, label: 'A' }, { start: 1, end: 3, label: 'B' }])).toThrow(ArgumentError);
    expect(() => spansToBiluo(2, [{ start: 1, end: 3, label: 'A' }])).toThrow(/outside/);
  });
  it('refuses malformed BILUO sequences, naming the tag', () => {
    expect(() => biluoToSpans(['O', 'I-PER'])).toThrow(/tags\[1\]/);
    expect(() => biluoToSpans(['B-PER', 'O'])).toThrow(ArgumentError);
    expect(() => biluoToSpans(['B-PER', 'L-LOC'])).toThrow(ArgumentError);
    expect(() => biluoToSpans(['B-PER'])).toThrow(/never closed/);
    expect(() => biluoToSpans(['X-PER'])).toThrow(ArgumentError);
    expect(() => biluoToSpans(['PER'])).toThrow(ArgumentError);
  });
});

describe('iobToSpans / iobToBiluo', () => {
  it('round-trips IOB2 tags written from spans', () => {
    fc.assert(fc.property(spansArb, ({ n, spans }) => {
      const iob = spansToIob(n, spans);
      expect(iobToSpans(iob)).toEqual({ spans, repairs: 0 });
      expect(iobToBiluo(iob)).toEqual(spansToBiluo(n, spans));
    }));
  });
  it('repairs an I- after O or another label as conlleval does, and counts it', () => {
    expect(iobToSpans(['O', 'I-PER', 'I-PER', 'I-LOC', 'B-LOC', 'I-LOC'])).toEqual({
      spans: [{ start: 1, end: 3, label: 'PER' }, { start: 3, end: 4, label: 'LOC' }, { start: 4, end: 6, label: 'LOC' }],
      repairs: 2,
    });
    expect(iobToBiluo(['I-ORG', 'I-ORG', 'O'])).toEqual(['B-ORG', 'L-ORG', 'O']);
  });
  it('refuses BILUO prefixes in IOB input', () => {
    expect(() => iobToSpans(['U-PER'])).toThrow(ArgumentError);
  });
});
