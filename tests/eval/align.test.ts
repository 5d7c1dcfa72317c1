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

  // The CoNLL 2018 evaluation script's own alignment cases (conll18_ud_eval.py, TestAlignment):
  // "abc a b c" is a token "abc" holding the words a, b, c; a plain string is a one-word token.
  const side = (tokens: string[]): AlignSide => {
    const words: AlignWord[] = [];
    const multiwords: { start: number; end: number }[] = [];
    let at = 0;
    for (const t of tokens) {
      const [form, ...parts] = t.split(' ');
      const span = { start: at, end: at + form!.length };
      at = span.end;
      if (!parts.length) words.push({ form: form!, ...span, mwt: -1 });
      else {
        multiwords.push(span);
        for (const p of parts) words.push({ form: p, ...span, mwt: multiwords.length - 1 });
      }
    }
    return { words, multiwords };
  };
  const cases: [string[], string[], number][] = [
    [['a'], ['a'], 1],
    [['a', 'b', 'c'], ['a', 'b', 'c'], 3],
    [['abc a b c'], ['a', 'b', 'c'], 3],
    [['a', 'bc b c', 'd'], ['a', 'b', 'c', 'd'], 4],
    [['abcd a b c d'], ['ab a b', 'cd c d'], 4],
    [['abc a b c', 'de d e'], ['a', 'bcd b c d', 'e'], 5],
    [['abcd'], ['a', 'b', 'c', 'd'], 0],
    [['abc', 'd'], ['a', 'b', 'c', 'd'], 1],
    [['a', 'bc', 'd'], ['a', 'b', 'c', 'd'], 2],
    [['a', 'bc b c', 'd'], ['a', 'b', 'cd'], 2],
    [['abc a BX c', 'def d EX f'], ['ab a b', 'cd c d', 'ef e f'], 4],
    [['ab a b', 'cd bc d'], ['a', 'bc', 'd'], 2],
    [['a', 'bc b c', 'd'], ['ab AX BX', 'cd CX a'], 1],
  ];
  for (const [gold, system, correct] of cases) {
    it(`aligns ${JSON.stringify(gold)} with ${JSON.stringify(system)}: ${correct} words (the shared task script's case)`, () => {
      const g = side(gold);
      const s = side(system);
      const r = alignWords(g, s);
      expect(r.words).toMatchObject({ gold: g.words.length, system: s.words.length, correct });
      expect(r.words.f1).toBeCloseTo((2 * correct) / (g.words.length + s.words.length));
    });
  }
});
