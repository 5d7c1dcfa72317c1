// Worked cases from spaCy's matcher test suite (tests/matcher/test_matcher_logic.py and
// test_matcher_api.py), with the expectations spaCy asserts.
import { describe, expect, it } from 'vitest';
import { Doc, Matcher, Vocab, type TokenPattern } from '../../../src/index.js';

const vocab = new Vocab();
const words = (ws: string[]): Doc => Doc.fromWords(ws, { vocab });
function match(patterns: Record<string, TokenPattern[]>, d: Doc, greedy?: 'FIRST' | 'LONGEST'): [string, number, number][] {
  const m = new Matcher(vocab);
  for (const [k, ps] of Object.entries(patterns)) m.add(k, ps, greedy ? { greedy } : {});
  return m.match(d).map(([id, s, e]) => [vocab.strings.get(id), s, e]);
}

describe('Matcher.match (spaCy logic tests)', () => {
  const text = '(BBAAAAAB).';
  const doc = words(text.split(''));
  const pats: [TokenPattern, string, string][] = [
    [[{ ORTH: 'A' }, { ORTH: 'A', OP: '*' }], 'AA*', 'A A A A A'],
    [[{ ORTH: 'A', OP: '*' }, { ORTH: 'A' }], 'A*A', 'A A A A A'],
    [[{ ORTH: 'A' }, { ORTH: 'A' }], 'AA', 'A A'],
    [[{ ORTH: 'B' }, { ORTH: 'A', OP: '*' }, { ORTH: 'B' }], 'BA*B', 'B A A A A A B'],
    [[{ ORTH: 'B', OP: '*' }, { ORTH: 'A', OP: '*' }, { ORTH: 'B' }], 'B*A*B', 'B B A A A A A B'],
  ];
  it('greedy FIRST consumes tokens like re.finditer', () => {
    for (const [p, re] of pats) {
      const got = match({ R: [p] }, doc, 'FIRST').map(([, s, e]) => text.slice(s, e));
      const want = [...text.matchAll(new RegExp(re, 'g'))].map((m) => m[0]);
      expect(got, re).toEqual(want);
    }
  });
  it('greedy LONGEST keeps the longest match', () => {
    for (const [p, re, longest] of pats) {
      const got = match({ R: [p] }, doc, 'LONGEST');
      expect(got.length, re).toBeGreaterThan(0);
      for (const [, s, e] of got) expect(doc.span(s, e).text, re).toBe(longest);
    }
  });
  it('LONGEST prefers the first of two equally long matches', () => {
    expect(match({ R: [[{ ORTH: 'C' }, { ORTH: 'C' }]] }, words(['C', 'C', 'C']), 'LONGEST')).toEqual([['R', 0, 2]]);
  });
  it('operator combinations (test_operator_combos)', () => {
    const cases: [string, string, boolean][] = [
      ['aaab', 'a a a b', true],
      ['aaab', 'a+ b', true],
      ['aaab', 'a+ a+ b', true],
      ['aaab', 'a+ a+ a b', true],
      ['aaab', 'a+ a+ a+ b', true],
      ['aaab', 'a+ a a b', true],
      ['aaab', 'a+ a a', true],
      ['aaab', 'a+', true],
      ['aaa', 'a+ b', false],
      ['aaa', 'a+ a+ b', false],
      ['aaa', 'a+ a+ a+ b', false],
      ['aaa', 'a+ a b', false],
      ['aaa', 'a+ a a b', false],
      ['aaab', 'a+ a b', true],
    ];
    for (const [s, p, want] of cases) {
      const pattern = p.split(' ').map((part) => (part.endsWith('+') ? { ORTH: part[0]!, OP: '+' } : { ORTH: part }));
      expect(match({ P: [pattern] }, words(s.split(''))).length > 0, `${s} ${p}`).toBe(want);
    }
  });
  it('issue 118: overlapping matches from two patterns', () => {
    const d = words('how many points did lebron james score against the boston celtics last night'.split(' '));
    const a: TokenPattern[] = [[{ LOWER: 'celtics' }], [{ LOWER: 'boston' }, { LOWER: 'celtics' }]];
    expect(match({ B: a }, d).map(([, s, e]) => [s, e])).toEqual([[9, 11], [10, 11]]);
    expect(match({ B: [a[1]!, a[0]!] }, d).map(([, s, e]) => [s, e])).toEqual([[9, 11], [10, 11]]);
    const b: TokenPattern[] = [[{ LOWER: 'boston' }], [{ LOWER: 'boston' }, { LOWER: 'celtics' }]];
    expect(match({ B: b }, d).map(([, s, e]) => [s, e])).toEqual([[9, 10], [9, 11]]);
  });
  it('issue 242, 587, 590: multi-word and overlapping patterns', () => {
    const d = words('There are different food safety standards in different countries .'.split(' '));
    expect(match({ FOOD: [[{ LOWER: 'food' }, { LOWER: 'safety' }], [{ LOWER: 'safety' }, { LOWER: 'standards' }]] }, d).map(([, s, e]) => [s, e])).toEqual([[3, 5], [4, 6]]);
    const d2 = words(['a', 'b', ';', 'c']);
    expect(match({ T1: [[{ ORTH: 'a' }, { ORTH: 'b' }]], T2: [[{ ORTH: 'a' }, { ORTH: 'b' }, { IS_PUNCT: true }, { ORTH: 'c' }]], T3: [[{ ORTH: 'a' }, { ORTH: 'b' }, { IS_PUNCT: true }, { ORTH: 'd' }]] }, d2)).toHaveLength(2);
    const d3 = words(['n', '=', '1', ';', 'a', ':', '5', '%']);
    expect(match({ ab: [[{ IS_ALPHA: true }, { ORTH: ':' }, { LIKE_NUM: true }, { ORTH: '%' }], [{ IS_ALPHA: true }, { ORTH: '=' }, { LIKE_NUM: true }]] }, d3)).toHaveLength(2);
  });
  it('issue 850: * between literals', () => {
    const d = words(['bob', 'and', 'and', 'frank']);
    expect(match({ F: [[{ LOWER: 'bob' }, { OP: '*' }, { LOWER: 'frank' }]] }, d)).toEqual([['F', 0, 4]]);
    expect(match({ F: [[{ LOWER: 'bob' }, { OP: '*', LOWER: 'and' }, { LOWER: 'frank' }]] }, d)).toEqual([['F', 0, 4]]);
  });
  it('issue 1434 / 1945 / 1971', () => {
    const p: TokenPattern = [{ ORTH: 'Hello' }, { IS_ALPHA: true, OP: '?' }];
    expect(match({ M: [p] }, words(['Hello', 'World']))).not.toEqual([]);
    expect(match({ M: [p] }, words(['Hello']))).not.toEqual([]);
    expect(match({ MWE: [[{ orth: 'a' }, { orth: 'a' }]] }, words(['a', 'a', 'a'])).map(([, s, e]) => [s, e])).toEqual([[0, 2], [1, 3]]);
    const eur = words(['EUR', '10', 'is', '10', 'EUR']);
    expect(match({ T: [[{ ORTH: 'EUR', LOWER: { IN: ['eur'] } }, { LIKE_NUM: true }], [{ LIKE_NUM: true }, { ORTH: 'EUR' }]] }, eur)).toHaveLength(2);
    const d = words(['this', 'is', 'text']);
    const a = d.extension<string>('ext_a', 'string');
    const b = d.extension<string>('ext_b', 'string');
    for (let i = 0; i < 3; i++) {
      a.set(i, 'str_a');
      b.set(i, 'str_b');
    }
    const spec = { _: { ext_a: 'str_a', ext_b: 'str_b' } };
    expect(match({ TEST: [[spec, spec, spec]] }, d)).toEqual([['TEST', 0, 3]]);
    const hello = words(['Hello', 'John', 'Doe', '!']);
    hello.extension<boolean>('optional', 'any');
    const got = match({ TEST: [[{ ORTH: 'Doe' }, { ORTH: '!', OP: '?' }, { _: { optional: true }, OP: '?' }, { ORTH: '!', OP: '?' }]] }, hello);
    expect(got.map(([, s, e]) => [s, e])).toEqual([[2, 3], [2, 4]]);
  });
  it('min/max operators (test_matcher_min_max_operator)', () => {
    const d = words(['foo', 'bar', 'foo', 'foo', 'bar', 'foo', 'foo', 'foo', 'bar', 'bar']);
    expect(match({ T: [[{ ORTH: 'foo', OP: '{3}' }]] }, d)).toHaveLength(1);
    expect(match({ T: [[{ ORTH: 'foo', OP: '{2,}' }]] }, d)).toHaveLength(4);
    expect(match({ T: [[{ ORTH: 'foo', OP: '{,2}' }]] }, d)).toHaveLength(9);
    expect(match({ T: [[{ ORTH: 'foo', OP: '{2,3}' }]] }, d)).toHaveLength(4);
  });
  it('ENT_IOB patterns', () => {
    const d1 = words(['I', 'visited', 'New', 'York', 'and', 'California']);
    d1.ents = [d1.span(2, 4, 'GPE'), d1.span(5, 6, 'GPE')];
    const d2 = words(['I', 'visited', 'my', 'friend', 'Alicia']);
    d2.ents = [d2.span(4, 5, 'PERSON')];
    const p = { R: [[{ ENT_IOB: 'I' }]] };
    expect(match(p, d1).map(([, s, e]) => d1.span(s, e).text)).toEqual(['York']);
    expect(match(p, d2)).toEqual([]);
    const d3 = words(['I', 'visited', 'my', 'friend', 'Anna', 'Maria', 'Esperanza']);
    d3.ents = [d3.span(4, 7, 'PERSON')];
    expect(match({ R: [[{ ENT_IOB: 'I', OP: '+' }]] }, d3).map(([, s, e]) => d3.span(s, e).text)).toEqual(['Maria', 'Maria Esperanza', 'Esperanza']);
  });
});

describe('Matcher.match (spaCy API tests)', () => {
  const rules = { JS: [[{ ORTH: 'JavaScript' }]], GoogleNow: [[{ ORTH: 'Google' }, { ORTH: 'Now' }]], Java: [[{ LOWER: 'java' }]] };
  it('start, end, middle and multiple matches', () => {
    expect(match(rules, words(['I', 'like', 'cheese', '.']))).toEqual([]);
    expect(match(rules, words(['JavaScript', 'is', 'good']))).toEqual([['JS', 0, 1]]);
    expect(match(rules, words(['I', 'like', 'java']))).toEqual([['Java', 2, 3]]);
    expect(match(rules, words(['I', 'like', 'Google', 'Now', 'and', 'java', 'best']))).toEqual([['GoogleNow', 2, 4], ['Java', 5, 6]]);
  });
  it('operator shadowing, set values with operators, shapes', () => {
    expect(match({ R: [[{ ORTH: 'a' }, { IS_ALPHA: true, OP: '+' }, { ORTH: 'c' }]] }, words(['a', 'b', 'c']))).toEqual([['R', 0, 3]]);
    const det: TokenPattern = [{ ORTH: { IN: ['a', 'the'] }, OP: '?' }, { ORTH: 'house' }];
    expect(match({ D: [det] }, words(['In', 'a', 'house']))).toHaveLength(2);
    expect(match({ D: [det] }, words(['my', 'house']))).toHaveLength(1);
    expect(match({ N: [[{ SHAPE: { REGEX: '^[^x]+$' } }]] }, words(['99', 'problems', '!']))).toHaveLength(2);
    expect(match({ N: [[{ SHAPE: { REGEX: '^[^x]+$' } }]] }, words(['bye']))).toHaveLength(0);
  });
  it('FUZZY (test_matcher_match_fuzzy)', () => {
    const d = words(['They', 'like', 'Goggle', 'Now', 'and', 'Jav', 'but', 'not', 'JvvaScrpt']);
    const locs = (r: Record<string, TokenPattern[]>) => match(r, d).map(([, s, e]) => [s, e]);
    expect(locs({ GoogleNow: [[{ ORTH: { FUZZY: 'Google' } }, { ORTH: 'Now' }]] })).toEqual([[2, 4]]);
    expect(locs({ Java: [[{ LOWER: { FUZZY: 'java' } }]] })).toEqual([[5, 6]]);
    expect(locs({ JS: [[{ ORTH: { FUZZY: 'JavaScript' } }]], GoogleNow: [[{ ORTH: { FUZZY: 'Google' } }, { ORTH: 'Now' }]], Java: [[{ LOWER: { FUZZY: 'java' } }]] })).toEqual([[2, 4], [5, 6], [8, 9]]);
    expect(locs({ A: [[{ ORTH: { FUZZY: 'Javascripts' } }]], B: [[{ ORTH: { FUZZY5: 'Javascripts' } }]] })).toEqual([[8, 9]]);
  });
  it('FUZZY with IN / NOT_IN and greedy LONGEST', () => {
    const d = words(['They', 'like', 'Goggle', 'Noo']);
    for (const op of ['IN', 'NOT_IN']) {
      expect(match({ G: [[{ ORTH: { FUZZY: { [op]: ['Google', 'Now'] } }, OP: '+' }]] }, d, 'LONGEST'), op).toHaveLength(1);
    }
    expect(match({ G: [[{ ORTH: { FUZZY: { IN: ['Google', 'Now'] }, NOT_IN: ['Goggle'] }, OP: '+' }]] }, d, 'LONGEST')).toEqual([['G', 3, 4]]);
  });
  it('extension set membership', () => {
    const d = words(['hi', 'bye', 'hello']);
    const rev = d.extension<string>('reversed', 'string');
    ['hi', 'bye', 'hello'].forEach((w, i) => rev.set(i, [...w].reverse().join('')));
    expect(match({ R: [[{ _: { reversed: { IN: ['eyb', 'ih'] } } }]] }, d)).toHaveLength(2);
  });
  it('schema token attributes each match their example', () => {
    const cases: [string, string][] = [
      ['IS_ALPHA', 'a'], ['IS_ASCII', 'a'], ['IS_DIGIT', '1'], ['IS_LOWER', 'a'], ['IS_UPPER', 'A'], ['IS_TITLE', 'Aaaa'],
      ['IS_PUNCT', '.'], ['IS_SPACE', '\n'], ['IS_BRACKET', '['], ['IS_QUOTE', '"'], ['IS_LEFT_PUNCT', '``'], ['IS_RIGHT_PUNCT', "''"],
      ['IS_STOP', 'the'], ['LIKE_NUM', '1'], ['LIKE_URL', 'http://example.com'], ['LIKE_EMAIL', 'mail@example.com'],
    ];
    for (const [attr, w] of cases) expect(match({ R: [[{ [attr]: true }]] }, words([w])), attr).toHaveLength(1);
  });
});
