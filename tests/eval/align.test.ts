import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgumentError, alignWords, nonSpaceOffsets, type AlignSide, type AlignWord } from '../../src/index.js';

// Plain words [form, start, end] outside any multiword token.
const plain = (...ws: [string, number, number][]): AlignWord[] => ws.map(([form, start, end]) => ({ form, start, end, mwt: -1 }));

// "I don't know." with whitespace removed: I|don't|know|. = offsets 0,1-6,6-10,10-11.
const GOLD_DONT: AlignSide = {
  words: [
    { form: 'I', start: 0, end: 1, mwt: -1 },
    { form: 'do', start: 1, end: 6, mwt: 0 },
    { form: "n't", start: 1, end: 6, mwt: 0 },
    { form: 'know', start: 6, end: 10, mwt: -1 },
    { form: '.', start: 10, end: 11, mwt: -1 },
  ],
  multiwords: [{ start: 1, end: 6 }],
};

describe('nonSpaceOffsets', () => {
  it('maps offsets into the whitespace-free text, whitespace to the next character', () => {
    expect([...nonSpaceOffsets('a b\n c')]).toEqual([0, 1, 1, 2, 2, 2, 3]);
  });
});

describe('alignWords', () => {
  it('aligns identical tokenizations one to one', () => {
    const w = plain(['a', 0, 1], ['b', 1, 3]);
    const r = alignWords({ words: w }, { words: w });
    expect([...r.goldToSystem]).toEqual([0, 1]);
    expect(r.words).toMatchObject({ gold: 2, system: 2, correct: 2, f1: 1 });
    expect(r.tokens).toMatchObject({ gold: 2, system: 2, correct: 2 });
    expect(r.sentences).toBeNull();
  });

  it('aligns the words of a gold multiword token with system words by their forms', () => {
    const sys: AlignSide = { words: plain(['I', 0, 1], ['do', 1, 3], ["n't", 3, 6], ['know', 6, 10], ['.', 10, 11]) };
    const r = alignWords(GOLD_DONT, sys);
    expect([...r.goldToSystem]).toEqual([0, 1, 2, 3, 4]);
    expect([...r.systemToGold]).toEqual([0, 1, 2, 3, 4]);
    expect(r.words).toMatchObject({ gold: 5, system: 5, correct: 5 });
    // Tokens: gold I / don't / know / . against system I / do / n't / know / .: 3 match.
    expect(r.tokens).toMatchObject({ gold: 4, system: 5, correct: 3 });
    expect(r.tokens.precision).toBeCloseTo(3 / 5);
    expect(r.tokens.recall).toBeCloseTo(3 / 4);
  });

  it('aligns multiword tokens on both sides by forms, case-insensitively, skipping a wrong word', () => {
    const sys: AlignSide = {
      words: [
        { form: 'I', start: 0, end: 1, mwt: -1 },
        { form: 'DO', start: 1, end: 6, mwt: 0 },
        { form: 'not', start: 1, end: 6, mwt: 0 },
        { form: 'know', start: 6, end: 10, mwt: -1 },
        { form: '.', start: 10, end: 11, mwt: -1 },
      ],
      multiwords: [{ start: 1, end: 6 }],
    };
    const r = alignWords(GOLD_DONT, sys);
    expect([...r.goldToSystem]).toEqual([0, 1, -1, 3, 4]);
    expect(r.words).toMatchObject({ gold: 5, system: 5, correct: 4 });
    expect(r.tokens).toMatchObject({ gold: 4, system: 4, correct: 4 });
  });

  it('counts a tokenization error: only words with equal spans align', () => {
    // gold "a-b" "c"; system "a" "-" "b" "c"
    const r = alignWords({ words: plain(['a-b', 0, 3], ['c', 3, 4]) }, { words: plain(['a', 0, 1], ['-', 1, 2], ['b', 2, 3], ['c', 3, 4]) });
    expect([...r.goldToSystem]).toEqual([-1, 3]);
    expect([...r.systemToGold]).toEqual([-1, -1, -1, 1]);
    expect(r.words).toMatchObject({ gold: 2, system: 4, correct: 1, precision: 0.25, recall: 0.5 });
  });

  it('does not align words across a system token that straddles a gold multiword token', () => {
    // gold: "ab" as multiword a+b, then "c"; system: "abc" one word
    const gold: AlignSide = { words: [{ form: 'a', start: 0, end: 2, mwt: 0 }, { form: 'b', start: 0, end: 2, mwt: 0 }, { form: 'c', start: 2, end: 3, mwt: -1 }], multiwords: [{ start: 0, end: 2 }] };
    const r = alignWords(gold, { words: plain(['abc', 0, 3]) });
    expect(r.aligned).toBe(0);
    expect(r.words).toMatchObject({ gold: 3, system: 1, correct: 0 });
  });

  it('scores sentences by exact spans', () => {
    const w = plain(['a', 0, 1], ['b', 1, 2], ['c', 2, 3]);
    const r = alignWords({ words: w, sentences: [{ start: 0, end: 1 }, { start: 1, end: 3 }] }, { words: w, sentences: [{ start: 0, end: 3 }] });
    expect(r.sentences).toMatchObject({ gold: 2, system: 1, correct: 0 });
  });

  it('rejects words out of text order and a bad multiword index', () => {
    expect(() => alignWords({ words: plain(['b', 1, 2], ['a', 0, 1]) }, { words: [] })).toThrow(ArgumentError);
    expect(() => alignWords({ words: [{ form: 'a', start: 0, end: 1, mwt: 2 }] }, { words: [] })).toThrow(/multiword token 2/);
  });

  it('aligns any tokenization with itself completely (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 30 }), (lens) => {
        let at = 0;
        const words = lens.map((n, i) => {
          const w = { form: `w${i}`, start: at, end: at + n, mwt: -1 };
          at += n;
          return w;
        });
        const r = alignWords({ words }, { words });
        return r.aligned === words.length && r.goldToSystem.every((v, i) => v === i);
      }),
    );
  });
});
