import { describe, expect, it } from 'vitest';
import { ArgumentError, Doc, Matcher, Span, Vocab, type TokenPattern } from '../../../src/index.js';

const vocab = new Vocab();
const doc = (text: string): Doc => Doc.fromWords(text.split(' '), { vocab });
/** Matches as [key, start, end] with the key as a string. */
function run(matcher: Matcher, d: Doc | Span): [string, number, number][] {
  return matcher.match(d).map(([id, s, e]) => [vocab.strings.get(id), s, e]);
}
function spans(pattern: TokenPattern, text: string, greedy?: 'FIRST' | 'LONGEST'): [number, number][] {
  const m = new Matcher(vocab);
  m.add('P', [pattern], greedy ? { greedy } : {});
  return m.match(doc(text)).map(([, s, e]) => [s, e]);
}

describe('Matcher.add', () => {
  it('appends patterns to an existing key and replaces its options', () => {
    const m = new Matcher(vocab);
    m.add('K', [[{ ORTH: 'a' }]]);
    m.add('K', [[{ ORTH: 'b' }]], { greedy: 'LONGEST' });
    expect(m.get('K')!.patterns).toHaveLength(2);
    expect(m.get('K')!.greedy).toBe('LONGEST');
    expect(run(m, doc('a b'))).toEqual([['K', 0, 1], ['K', 1, 2]]);
  });
  it('rejects unknown keys naming the pattern and key', () => {
    const m = new Matcher(vocab);
    expect(() => m.add('BAD', [[{ ORTH: 'a' }], [{ ORTH: 'a' }, { FOO: 1 }]])).toThrow(/unknown token attribute "FOO".*pattern "BAD#1".*|.*key "\[1\]\.FOO".*pattern "BAD#1"/);
    expect(m.has('BAD')).toBe(false);
  });
  it('rejects bad operators, value types and predicates', () => {
    const m = new Matcher(vocab);
    const bad: [TokenPattern, RegExp][] = [
      [[{ ORTH: 'a', OP: '++' }], /unknown operator/],
      [[{ ORTH: 'a', OP: '{3,1}' }], /n > m/],
      [[{ ORTH: 'a', OP: '{,}' }], /needs a number/],
      [[{ LENGTH: 'long' }], /LENGTH needs an integer/],
      [[{ IS_ALPHA: 'yes' }], /IS_ALPHA needs true or false/],
      [[{ IS_ALPHA: 1 }], /IS_ALPHA needs true or false/],
      [[{ LOWER: 5 }], /LOWER needs a string/],
      [[{ LOWER: { MATCHES: 'x' } }], /unknown predicate "MATCHES"/],
      [[{ LOWER: { '>=': 2 } }], /numeric attributes/],
      [[{ LENGTH: { REGEX: 'x' } }], /REGEX applies to string attributes/],
      [[{ LOWER: { REGEX: '(' } }], /bad regular expression/],
      [[{ LOWER: { IN: 'abc' } }], /list of strings/],
      [[{ _: 'x' }], /"_" must be an object/],
      [[], /at least one token spec/],
      ['x' as unknown as TokenPattern, /must be a list/],
      [[{ ORTH: 'a', OP: '{0}' }], /no token left/],
    ];
    for (const [p, re] of bad) {
      expect(() => m.add('X', [p]), JSON.stringify(p)).toThrow(re);
      expect(() => m.add('X', [p])).toThrow(ArgumentError);
    }
  });
  it('accepts 0/1 for booleans only when validate is off', () => {
    const m = new Matcher(vocab, { validate: false });
    m.add('X', [[{ IS_DIGIT: 1 }]]);
    expect(run(m, doc('a 7'))).toEqual([['X', 1, 2]]);
  });
  it('rejects a bad greedy value', () => {
    expect(() => new Matcher(vocab).add('X', [[{ ORTH: 'a' }]], { greedy: 'ALL' as 'FIRST' })).toThrow(/greedy/);
  });
});

describe('Matcher.remove / has / get / keys', () => {
  it('removes a key and its patterns', () => {
    const m = new Matcher(vocab);
    m.add('A', [[{ ORTH: 'a' }]]);
    m.add('B', [[{ ORTH: 'b' }]]);
    expect(m.keys()).toEqual(['A', 'B']);
    expect(run(m, doc('a b'))).toHaveLength(2);
    m.remove('A');
    expect(m.has('A')).toBe(false);
    expect(m.get('A')).toBeUndefined();
    expect(m.size).toBe(1);
    expect(run(m, doc('a b'))).toEqual([['B', 1, 2]]);
    expect(() => m.remove('A')).toThrow(/no patterns/);
  });
});

describe('Matcher.match: attributes', () => {
  it('ORTH / TEXT / LOWER / LENGTH / SHAPE / PREFIX / SUFFIX', () => {
    expect(spans([{ ORTH: 'Apple' }], 'apple Apple')).toEqual([[1, 2]]);
    expect(spans([{ TEXT: 'Apple' }], 'apple Apple')).toEqual([[1, 2]]);
    expect(spans([{ lower: 'apple' }], 'apple Apple APPLE pear')).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect(spans([{ LENGTH: 2 }], 'a bb ccc 😀x')).toEqual([[1, 2], [3, 4]]); // code points, like Python len
    expect(spans([{ SHAPE: 'Xxxxx' }], 'Apple apple APPLE')).toEqual([[0, 1]]);
    expect(spans([{ PREFIX: 'a' }], 'apple Apple ant')).toEqual([[0, 1], [2, 3]]);
    expect(spans([{ SUFFIX: 'ing' }], 'going gone sing')).toEqual([[0, 1], [2, 3]]);
  });
  it('POS / TAG / LEMMA / DEP / ENT_TYPE / ENT_IOB', () => {
    const d = doc('dogs bark loudly');
    const s = vocab.strings;
    d.pos.set([s.add('NOUN'), s.add('VERB'), s.add('ADV')]);
    d.tag.set([s.add('NNS'), s.add('VBP'), s.add('RB')]);
    d.lemma.set([s.add('dog'), s.add('bark'), s.add('loudly')]);
    d.dep.set([s.add('nsubj'), s.add('ROOT'), s.add('advmod')]);
    d.ents = [d.span(0, 1, 'ANIMAL')];
    const m = new Matcher(vocab);
    m.add('POS', [[{ POS: 'NOUN' }, { POS: 'VERB' }]]);
    m.add('TAG', [[{ TAG: 'RB' }]]);
    m.add('LEMMA', [[{ LEMMA: 'dog' }]]);
    m.add('DEP', [[{ DEP: 'ROOT' }]]);
    m.add('ENT', [[{ ENT_TYPE: 'ANIMAL' }]]);
    m.add('NOENT', [[{ ENT_TYPE: '' }, { ENT_IOB: 'O' }]]);
    m.add('IOB', [[{ ENT_IOB: 'B' }]]);
    expect(run(m, d)).toEqual([
      ['LEMMA', 0, 1],
      ['ENT', 0, 1],
      ['IOB', 0, 1],
      ['POS', 0, 2],
      ['DEP', 1, 2],
      ['NOENT', 1, 3],
      ['TAG', 2, 3],
    ]);
  });
  it('refuses POS patterns on an untagged doc unless allowMissing', () => {
    const m = new Matcher(vocab);
    m.add('P', [[{ POS: 'NOUN' }]]);
    expect(() => m.match(doc('a b'))).toThrow(/POS/);
    expect(m.match(doc('a b'), { allowMissing: true })).toEqual([]);
  });
  it('lexeme flags', () => {
    const cases: [string, string, number[]][] = [
      ['IS_ALPHA', 'abc 12 a1', [0]],
      ['IS_ASCII', 'abc é', [0]],
      ['IS_DIGIT', 'abc 12 1.5', [1]],
      ['IS_LOWER', 'abc Abc ABC', [0]],
      ['IS_UPPER', 'abc Abc ABC', [2]],
      ['IS_TITLE', 'abc Abc ABC', [1]],
      ['IS_PUNCT', 'a , . b', [1, 2]],
      ['IS_STOP', 'the cat', [0]],
      ['LIKE_NUM', 'ten 10 1,000 x', [0, 1, 2]],
      ['LIKE_URL', 'www.example.com x', [0]],
      ['LIKE_EMAIL', 'me@example.com x', [0]],
      ['IS_BRACKET', '( x )', [0, 2]],
      ['IS_QUOTE', '" x', [0]],
      ['IS_CURRENCY', '$ 5', [0]],
    ];
    for (const [flag, text, at] of cases) {
      expect(spans([{ [flag]: true }], text).map(([s]) => s), flag).toEqual(at);
    }
    expect(spans([{ IS_SPACE: true }], 'a b')).toEqual([]);
    expect(spans([{ IS_ALPHA: false }], 'abc 12')).toEqual([[1, 2]]);
  });
  it('IS_SENT_START / SENT_START: the first token always, then sentStart = 1', () => {
    const d = doc('Hi . Bye now');
    expect(new Matcher(vocab).match(d)).toEqual([]);
    const m = new Matcher(vocab);
    m.add('S', [[{ IS_SENT_START: true }, {}]]);
    expect(m.match(d).map(([, s, e]) => [s, e])).toEqual([[0, 2]]);
    d.sentStart[2] = 1;
    expect(m.match(d).map(([, s, e]) => [s, e])).toEqual([[0, 2], [2, 4]]);
    const m2 = new Matcher(vocab);
    m2.add('N', [[{ SENT_START: false }]]);
    expect(m2.match(d).map(([, s]) => s)).toEqual([1, 3]);
  });
  it('custom extension attributes with literals and predicates', () => {
    const d = doc('a b c d');
    const stem = d.extension<string>('stem', 'string');
    stem.set(1, 'run');
    stem.set(2, 'walk');
    const score = d.extension<number>('score', 'number');
    score.set(0, 1);
    score.set(3, 5);
    const flag = d.extension<boolean>('flag', 'any');
    flag.set(2, true);
    const m = new Matcher(vocab);
    m.add('STEM', [[{ _: { stem: 'run' } }]]);
    m.add('STEMIN', [[{ _: { stem: { IN: ['walk', 'swim'] } } }]]);
    m.add('SCORE', [[{ _: { score: { '>=': 2 } } }]]);
    m.add('RE', [[{ _: { stem: { REGEX: '^w' } } }]]);
    m.add('FLAG', [[{ _: { flag: true } }]]);
    m.add('MISSING', [[{ _: { nothere: 'x' } }]]);
    expect(run(m, d)).toEqual([
      ['STEM', 1, 2],
      ['STEMIN', 2, 3],
      ['RE', 2, 3],
      ['FLAG', 2, 3],
      ['SCORE', 3, 4],
    ]);
  });
  it('the empty spec matches any token', () => {
    expect(spans([{ ORTH: 'a' }, {}, { ORTH: 'c' }], 'a b c a c')).toEqual([[0, 3]]);
  });
});

describe('Matcher.match: predicates', () => {
  it('IN and NOT_IN', () => {
    expect(spans([{ ORTH: { IN: ['an', 'a'] } }], 'an a apple')).toEqual([[0, 1], [1, 2]]);
    expect(spans([{ LOWER: { NOT_IN: ['a', 'an'] } }], 'A an apple')).toEqual([[2, 3]]);
    expect(spans([{ LENGTH: { IN: [1, 3] } }], 'a bb ccc')).toEqual([[0, 1], [2, 3]]);
  });
  it('REGEX searches the attribute text (re.search, not fullmatch)', () => {
    expect(spans([{ ORTH: { REGEX: '(?:a|an)' } }], 'an a hi')).toEqual([[0, 1], [1, 2]]);
    expect(spans([{ ORTH: { REGEX: 'ap' } }], 'grape apple')).toEqual([[0, 1], [1, 2]]);
    expect(spans([{ LOWER: { REGEX: '^us$' } }], 'US us bus')).toEqual([[0, 1], [1, 2]]);
    expect(spans([{ TEXT: { REGEX: { IN: ['^x', 'y$'] } } }], 'xa ay b')).toEqual([[0, 1], [1, 2]]);
    expect(spans([{ TEXT: { REGEX: { NOT_IN: ['^x', 'y$'] } } }], 'xa ay b')).toEqual([[2, 3]]);
  });
  it('FUZZY allows max(2, round(0.3 * len)) edits; FUZZYn allows n', () => {
    expect(spans([{ ORTH: { FUZZY: 'Google' } }], 'Google Goggle Gogle Goolgle Yahoo')).toEqual([[0, 1], [1, 2], [2, 3], [3, 4]]);
    // len 15: round(4.5) = 4 (banker's rounding), so 4 edits pass and 5 fail.
    expect(spans([{ ORTH: { FUZZY: 'abcdefghijklmno' } }], 'abcdefghijkWXYZ abcdefghijVWXYZ')).toEqual([[0, 1]]);
    expect(spans([{ LOWER: { FUZZY1: 'apple' } }], 'Appel Aple aple')).toEqual([[1, 2], [2, 3]]);
    expect(spans([{ LOWER: { FUZZY: { IN: ['apple', 'pear'] } } }], 'appel peer plum')).toEqual([[0, 1], [1, 2]]);
    expect(spans([{ LOWER: { FUZZY: { NOT_IN: ['apple'] } } }], 'appel plum')).toEqual([[1, 2]]);
  });
  it('comparisons on LENGTH', () => {
    const text = 'a aa aaa aaaa';
    expect(spans([{ LENGTH: { '>=': 2 } }], text).map(([s]) => s)).toEqual([1, 2, 3]);
    expect(spans([{ LENGTH: { '<=': 2 } }], text).map(([s]) => s)).toEqual([0, 1]);
    expect(spans([{ LENGTH: { '>': 2 } }], text).map(([s]) => s)).toEqual([2, 3]);
    expect(spans([{ LENGTH: { '<': 2 } }], text).map(([s]) => s)).toEqual([0]);
    expect(spans([{ LENGTH: { '==': 3 } }], text).map(([s]) => s)).toEqual([2]);
    expect(spans([{ LENGTH: { '!=': 3 } }], text).map(([s]) => s)).toEqual([0, 1, 3]);
    expect(spans([{ LENGTH: { '>=': 2, '<=': 3 } }], text).map(([s]) => s)).toEqual([1, 2]);
  });
});

describe('Matcher.match: operators', () => {
  it('+ and * return every overlapping match', () => {
    expect(spans([{ ORTH: 'a', OP: '+' }], 'a a a')).toEqual([[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]);
    expect(spans([{ ORTH: 'test' }, { OP: '*' }], 'test hello world')).toEqual([[0, 1], [0, 2], [0, 3]]);
  });
  it('patterns ending in * (spaCy issue 1450)', () => {
    const count = (t: string) => spans([{ ORTH: 'a' }, { ORTH: 'b', OP: '*' }], t).length;
    expect([count('a'), count('a b'), count('a c'), count('a b c'), count('a b b c'), count('a b b')]).toEqual([1, 2, 1, 2, 3, 3]);
  });
  it('? adds the match with and without the token', () => {
    expect(spans([{ ORTH: 'a' }, { ORTH: 'b', OP: '?' }], 'a b')).toEqual([[0, 1], [0, 2]]);
    expect(spans([{ ORTH: 'a', OP: '?' }, { ORTH: 'b' }], 'a b')).toEqual([[0, 2], [1, 2]]);
    expect(spans([{ ORTH: 'a', OP: '?' }, { ORTH: 'a', OP: '?' }], 'a')).toEqual([[0, 1]]);
  });
  it('! consumes one token that does not match (and needs a token)', () => {
    const quote: TokenPattern = [{ ORTH: '"' }, { OP: '!', IS_PUNCT: true }, { OP: '!', IS_PUNCT: true }, { ORTH: '"' }];
    expect(spans(quote, 'He said , " some words " ...')).toEqual([[3, 7]]);
    expect(spans(quote, 'He said , " some three words " ...')).toEqual([]);
    expect(spans([{ ORTH: 'a' }, { ORTH: 'b', OP: '!' }], 'a c a b a')).toEqual([[0, 2]]);
  });
  it('* with a negated attribute between quotes', () => {
    expect(spans([{ ORTH: '"' }, { OP: '*', IS_PUNCT: false }, { ORTH: '"' }], 'He said , " some words " ...')).toEqual([[3, 7]]);
  });
  it('+ after a literal (KleenePhilippe)', () => {
    expect(spans([{ ORTH: 'Philippe' }, { ORTH: 'Philippe', OP: '+' }], 'Philippe Philippe')).toEqual([[0, 2]]);
  });
  it('{n}, {n,m}, {n,}, {,m}', () => {
    expect(spans([{ ORTH: 'a', OP: '{2}' }], 'a a a')).toEqual([[0, 2], [1, 3]]);
    expect(spans([{ ORTH: 'a', OP: '{1,2}' }], 'a a a')).toEqual([[0, 1], [0, 2], [1, 2], [1, 3], [2, 3]]);
    expect(spans([{ ORTH: 'a', OP: '{2,}' }], 'a a a')).toEqual([[0, 2], [0, 3], [1, 3]]);
    expect(spans([{ ORTH: 'a', OP: '{,2}' }], 'a a a')).toEqual([[0, 1], [0, 2], [1, 2], [1, 3], [2, 3]]);
    expect(spans([{ ORTH: 'x' }, { ORTH: 'a', OP: '{0}' }, { ORTH: 'y' }], 'x y x a y')).toEqual([[0, 2]]);
    expect(spans([{ ORTH: 'x' }, { ORTH: 'a', OP: '{1,3}' }, { ORTH: 'y' }], 'x y x a y x a a a a y')).toEqual([[2, 5]]);
  });
  it('an optional first token still starts matches at every position', () => {
    expect(spans([{ ORTH: 'the', OP: '?' }, { LOWER: 'cat' }], 'the cat Cat')).toEqual([[0, 2], [1, 2], [2, 3]]);
  });
});

describe('Matcher.match: greedy', () => {
  it('FIRST keeps the earliest, then longest, non-overlapping matches', () => {
    expect(spans([{ ORTH: 'a', OP: '+' }], 'a a a b a', 'FIRST')).toEqual([[0, 3], [4, 5]]);
    expect(spans([{ ORTH: 'a', OP: '?' }, { ORTH: 'b', OP: '+' }], 'b a b b', 'FIRST')).toEqual([[0, 1], [1, 4]]);
  });
  it('LONGEST keeps the longest first', () => {
    const p: TokenPattern = [{ ORTH: 'a' }, { ORTH: 'b', OP: '*' }];
    expect(spans(p, 'a b a b b', 'LONGEST')).toEqual([[0, 2], [2, 5]]);
    // Two length-2 matches win over the four shorter ones they overlap.
    const q: TokenPattern = [{ LENGTH: { '<=': 2 }, OP: '+' }, { LENGTH: 3, OP: '*' }];
    expect(spans(q, 'xx yyy aa bb', 'LONGEST')).toEqual([[0, 2], [2, 4]]);
    expect(spans([{ ORTH: 'x', OP: '?' }, { ORTH: 'a', OP: '+' }], 'x a a x a', 'LONGEST')).toEqual([[0, 3], [3, 5]]);
  });
  it('applies per key; other keys keep all matches', () => {
    const m = new Matcher(vocab);
    m.add('G', [[{ ORTH: 'a', OP: '+' }]], { greedy: 'LONGEST' });
    m.add('ALL', [[{ ORTH: 'a', OP: '+' }]]);
    const r = run(m, doc('a a'));
    expect(r.filter(([k]) => k === 'G')).toEqual([['G', 0, 2]]);
    expect(r.filter(([k]) => k === 'ALL')).toHaveLength(3);
  });
});

describe('Matcher.match: ordering, spans and callbacks', () => {
  it('sorts by start, then end, then key order and dedupes', () => {
    const m = new Matcher(vocab);
    m.add('B', [[{ ORTH: 'a' }, { ORTH: 'b' }], [{ ORTH: 'a' }, { OP: '?' }]]);
    m.add('A', [[{ ORTH: 'b' }]]);
    expect(run(m, doc('a b'))).toEqual([['B', 0, 1], ['B', 0, 2], ['A', 1, 2]]);
  });
  it('matches within a span with span-relative offsets; asSpans gives doc spans', () => {
    const m = new Matcher(vocab);
    m.add('Java', [[{ LOWER: 'java' }]]);
    const d = doc('JavaScript is good but Java is better');
    expect(run(m, d)).toEqual([['Java', 4, 5]]);
    expect(run(m, d.span(0, 3))).toEqual([]);
    expect(run(m, d.span(4, 7))).toEqual([['Java', 0, 1]]);
    const sp = m.match(d.span(3, 7), { asSpans: true });
    expect(sp.map((s) => [s.start, s.end, s.label, s.text])).toEqual([[4, 5, 'Java', 'Java']]);
  });
  it('calls onMatch with (matcher, doc, i, matches) for each match of its key', () => {
    const calls: [number, number][] = [];
    const m = new Matcher(vocab);
    m.add('T', [[{ LOWER: 'test' }]], {
      onMatch: (mm, d, i, matches) => {
        expect(mm).toBe(m);
        expect(d.text).toContain('test');
        calls.push([i, matches.length]);
      },
    });
    m.add('U', [[{ ORTH: 'is' }]]);
    const d = doc('This is a test . Test');
    const res = m.match(d);
    expect(res).toHaveLength(3);
    expect(calls).toEqual([[1, 3], [2, 3]]);
  });
  it('returns nothing for an empty doc or no patterns', () => {
    const m = new Matcher(vocab);
    expect(m.match(new Doc(vocab, ''))).toEqual([]);
    expect(m.match(doc('a'))).toEqual([]);
  });
  it('finds the same matches with the first-token index as by trying every pattern everywhere', () => {
    // Many patterns sharing and not sharing first tokens; compare against one matcher per pattern.
    const words = 'the cat sat on the mat and the dog sat on the cat'.split(' ');
    const patterns: TokenPattern[] = [
      [{ ORTH: 'the' }, { LOWER: 'cat' }],
      [{ ORTH: 'the' }, { OP: '*' }, { ORTH: 'sat' }],
      [{ LOWER: 'sat' }, { ORTH: 'on', OP: '?' }],
      [{ IS_STOP: true, OP: '+' }],
      [{ LENGTH: 3 }, { ORTH: 'on' }],
      [{ ORTH: 'dog', OP: '!' }, { ORTH: 'sat' }],
    ];
    const all = new Matcher(vocab);
    patterns.forEach((p, i) => all.add(`P${i}`, [p]));
    const d = Doc.fromWords(words, { vocab });
    const expected: [string, number, number][] = [];
    patterns.forEach((p, i) => {
      const one = new Matcher(vocab);
      one.add(`P${i}`, [p]);
      expected.push(...run(one, d));
    });
    const key = (t: [string, number, number]) => `${t[1]}:${t[2]}:${t[0]}`;
    expect(run(all, d).map(key).sort()).toEqual(expected.map(key).sort());
  });
});

describe('levenshtein / levenshteinCompare', () => {
  it('computes edit distance over code points, bounded by max', async () => {
    const { levenshtein, levenshteinCompare } = await import('../../../src/components/matcher/predicates.js');
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('😀a', 'a')).toBe(1);
    expect(levenshtein('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(levenshtein('ab', 'ba')).toBe(2); // a transposition is two edits, as in polyleven
    // default allowance max(2, round(0.3 * len)): len 5 -> round(1.5) = 2, len 25 -> round(7.5) = 8
    expect(levenshteinCompare('abXYe', 'abcde')).toBe(true);
    expect(levenshteinCompare('aXYZe', 'abcde')).toBe(false);
    const p = 'abcdefghijklmnopqrstuvwxy';
    expect(levenshteinCompare('ABCDEFGHijklmnopqrstuvwxy', p)).toBe(true);
    expect(levenshteinCompare('ABCDEFGHIjklmnopqrstuvwxy', p)).toBe(false);
    expect(levenshteinCompare('abc', 'abd', 0)).toBe(false);
    expect(levenshteinCompare('abc', 'abd', 1)).toBe(true);
  });
});

describe('Matcher.match: many optional steps', () => {
  it('stays polynomial: 16 optional any-token steps over 40 tokens', () => {
    const m = new Matcher(vocab);
    const pattern: TokenPattern = [...Array.from({ length: 16 }, () => ({ OP: '?' })), { ORTH: 'x' }];
    m.add('OPT', [pattern]);
    const d = Doc.fromWords(Array.from({ length: 40 }, () => 'x'), { vocab });
    // Every (s, e) with 1 <= e - s <= 17: the last token is an x and up to 16 before it are optional.
    let want = 0;
    for (let s = 0; s < 40; s++) want += Math.min(17, 40 - s);
    expect(m.match(d)).toHaveLength(want);
  });
});
