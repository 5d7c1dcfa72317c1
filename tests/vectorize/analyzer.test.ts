import { describe, expect, it } from 'vitest';
import { analyze, buildAnalyzer, SKLEARN_ENGLISH_STOP_WORDS } from '../../src/index.js';

describe('analyze', () => {
  it('matches build_analyzer() of the user guide', () => {
    expect(analyze('This is a text document to analyze.')).toEqual(['this', 'is', 'text', 'document', 'to', 'analyze']);
  });
  it('takes maximal runs of Unicode word characters of length >= 2', () => {
    expect(analyze("we've got 2 cats_and 42 dogs, naïve café — x y ÆØ")).toEqual(['we', 've', 'got', 'cats_and', '42', 'dogs', 'naïve', 'café', 'æø']);
    expect(analyze('日本語 テキスト ١٢٣')).toEqual(['日本語', 'テキスト', '١٢٣']);
    // An astral letter counts as one character (Python counts code points).
    expect(analyze('a\u{1D400} \u{1D400}')).toEqual(['a\u{1D400}']);
    // Combining marks are not \w in Python: "e\u0301t\u0301e" splits.
    expect(analyze('ee\u0301te')).toEqual(['ee', 'te']);
  });
  it('keeps case with lowercase: false', () => {
    expect(analyze('Hello World', { lowercase: false })).toEqual(['Hello', 'World']);
  });
  it('removes stop words before forming word n-grams', () => {
    expect(analyze('the quick fox and the dog', { stopWords: 'english', ngramRange: [1, 2] })).toEqual(['quick', 'fox', 'dog', 'quick fox', 'fox dog']);
    expect(analyze('a b c', { tokenPattern: '\\S+', ngramRange: [2, 3] })).toEqual(['a b', 'b c', 'a b c']);
  });
  it('uses one capture group of a custom pattern, as findall', () => {
    expect(analyze('#tag1 #tag2 plain', { tokenPattern: '#(\\w+)' })).toEqual(['tag1', 'tag2']);
    expect(() => analyze('x', { tokenPattern: '(a)(b)' })).toThrow(/capture group/);
    expect(() => analyze('x', { tokenPattern: '(' })).toThrow(/tokenPattern/);
  });
  it('char n-grams collapse whitespace runs but keep a lone tab', () => {
    expect(analyze('a  b', { analyzer: 'char', ngramRange: [1, 2] })).toEqual(['a', ' ', 'b', 'a ', ' b']);
    expect(analyze('a\tb', { analyzer: 'char', ngramRange: [2, 2] })).toEqual(['a\t', '\tb']);
    expect(analyze('ab', { analyzer: 'char', ngramRange: [3, 4] })).toEqual([]);
  });
  it('char_wb pads words and counts a short word once', () => {
    expect(analyze('a bc', { analyzer: 'char_wb', ngramRange: [3, 5] })).toEqual([' a ', ' bc', 'bc ', ' bc ']);
    expect(analyze('x', { analyzer: 'char_wb', ngramRange: [4, 5] })).toEqual([' x ']);
  });
});

describe('buildAnalyzer', () => {
  it('streams terms to a sink', () => {
    const out: string[] = [];
    buildAnalyzer({ ngramRange: [2, 2] })('one two three', (t) => out.push(t));
    expect(out).toEqual(['one two', 'two three']);
  });
  it('has scikit-learn\'s 318-word English stop list', () => {
    expect(SKLEARN_ENGLISH_STOP_WORDS.size).toBe(318);
    for (const w of ['amoungst', 'couldnt', 'hasnt', 'noone', 'yourselves', 'a']) expect(SKLEARN_ENGLISH_STOP_WORDS.has(w)).toBe(true);
    expect(SKLEARN_ENGLISH_STOP_WORDS.has('')).toBe(false);
  });
});

describe('analyze (properties)', () => {
  it('equals the regex (?u)\\b\\w\\w+\\b (as [\\p{L}\\p{N}_]{2,}) on arbitrary Unicode text', async () => {
    const fc = (await import('fast-check')).default;
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'Z', '_', '1', ' ', '.', '-', 'é', '\u0301', 'ß', '\u{1D400}', '日', '\t'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 40 });
    fc.assert(
      fc.property(text, (s) => {
        const want = s.toLowerCase().match(/[\p{L}\p{N}_]{2,}/gu) ?? [];
        expect(analyze(s)).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });
});
