// Cases ported from spaCy's spacy/tests/matcher/test_dependency_matcher.py (sentences, heads, deps,
// patterns and expected matches), plus textloom's own checks.
import { describe, expect, it } from 'vitest';
import { ArgumentError, DependencyMatcher, Doc, Matcher, Vocab, type DependencyMatch, type DependencyPattern } from '../../../src/index.js';
import { treeDoc } from './tree-doc.js';

const vocab = new Vocab();
const foxDoc = (): Doc =>
  treeDoc(vocab, ['The', 'quick', 'brown', 'fox', 'jumped', 'over', 'the', 'lazy', 'fox'], [3, 3, 3, 4, 4, 4, 8, 8, 5], ['det', 'amod', 'amod', 'nsubj', 'ROOT', 'prep', 'pobj', 'det', 'amod']);

// spaCy's fixture uses a lexeme flag `IS_BROWN_YELLOW` (re.match(r"brown|yellow")): here a REGEX on ORTH.
const foxPatterns: DependencyPattern[] = [
  [
    { RIGHT_ID: 'fox', RIGHT_ATTRS: { ORTH: 'fox' } },
    { LEFT_ID: 'fox', REL_OP: '>', RIGHT_ID: 'q', RIGHT_ATTRS: { ORTH: 'quick', DEP: 'amod' } },
    { LEFT_ID: 'fox', REL_OP: '>', RIGHT_ID: 'r', RIGHT_ATTRS: { ORTH: { REGEX: '^(brown|yellow)' } } },
  ],
  [
    { RIGHT_ID: 'jumped', RIGHT_ATTRS: { ORTH: 'jumped' } },
    { LEFT_ID: 'jumped', REL_OP: '>', RIGHT_ID: 'fox1', RIGHT_ATTRS: { ORTH: 'fox' } },
    { LEFT_ID: 'jumped', REL_OP: '.', RIGHT_ID: 'over', RIGHT_ATTRS: { ORTH: 'over' } },
  ],
  [
    { RIGHT_ID: 'jumped', RIGHT_ATTRS: { ORTH: 'jumped' } },
    { LEFT_ID: 'jumped', REL_OP: '>', RIGHT_ID: 'fox', RIGHT_ATTRS: { ORTH: 'fox' } },
    { LEFT_ID: 'fox', REL_OP: '>>', RIGHT_ID: 'r', RIGHT_ATTRS: { ORTH: 'brown' } },
  ],
  [
    { RIGHT_ID: 'jumped', RIGHT_ATTRS: { ORTH: 'jumped' } },
    { LEFT_ID: 'jumped', REL_OP: '>', RIGHT_ID: 'fox', RIGHT_ATTRS: { ORTH: 'fox' } },
  ],
  [
    { RIGHT_ID: 'jumped', RIGHT_ATTRS: { ORTH: 'jumped' } },
    { LEFT_ID: 'jumped', REL_OP: '>>', RIGHT_ID: 'fox', RIGHT_ATTRS: { ORTH: 'fox' } },
  ],
];

function foxMatcher(onMatch?: (...args: unknown[]) => void): DependencyMatcher {
  const m = new DependencyMatcher(vocab);
  foxPatterns.forEach((p, i) => m.add(`pattern${i + 1}`, [p], i === 0 && onMatch ? { onMatch } : {}));
  return m;
}

const ids = (matches: DependencyMatch[]): number[][] => matches.map(([, t]) => t);

describe('DependencyMatcher (spaCy test_dependency_matcher)', () => {
  it('matches the fox patterns in spaCy order, on a Doc and on a Span', () => {
    const m = foxMatcher();
    expect(m.length).toBe(5);
    expect(m.has('pattern3')).toBe(true);
    expect(m.get('pattern3')).toEqual({ patterns: [foxPatterns[2]] });
    const doc = foxDoc();
    const matches = m.match(doc);
    expect(ids(matches)).toEqual([[3, 1, 2], [4, 3, 5], [4, 3, 2], [4, 3], [4, 3], [4, 8]]);
    expect(matches.map(([id]) => vocab.strings.get(id))).toEqual(['pattern1', 'pattern2', 'pattern3', 'pattern4', 'pattern5', 'pattern5']);
    expect(ids(m.match(doc.span(0, 6)))).toEqual([[3, 1, 2], [4, 3, 5], [4, 3, 2], [4, 3], [4, 3]]);
  });

  it('validates patterns (spaCy test_dependency_matcher_pattern_validation)', () => {
    const pattern: DependencyPattern = [
      { RIGHT_ID: 'fox', RIGHT_ATTRS: { ORTH: 'fox' } },
      { LEFT_ID: 'fox', REL_OP: '>', RIGHT_ID: 'q', RIGHT_ATTRS: { ORTH: 'quick', DEP: 'amod' } },
      { LEFT_ID: 'fox', REL_OP: '>', RIGHT_ID: 'r', RIGHT_ATTRS: { ORTH: 'brown' } },
    ];
    const m = new DependencyMatcher(vocab);
    m.add('FOUNDED', [pattern]);
    const edit = (f: (p: Record<string, unknown>[]) => void): DependencyPattern => {
      const p = structuredClone(pattern) as unknown as Record<string, unknown>[];
      f(p);
      return p as unknown as DependencyPattern;
    };
    const bad: [unknown, RegExp][] = [
      [pattern, /a dependency pattern must be a list of nodes.*pattern "FOUNDED#1"/], // not wrapped in a list
      [[pattern.slice(1)], /first node must be the anchor.*key "\[0\]"/],
      [[edit((p) => delete p[0]!.RIGHT_ID)], /first node must be the anchor/],
      [[edit((p) => delete p[1]!.RIGHT_ID)], /misses RIGHT_ID.*key "\[1\]"/],
      [[edit((p) => delete p[1]!.RIGHT_ATTRS)], /misses RIGHT_ATTRS/],
      [[edit((p) => delete p[1]!.LEFT_ID)], /misses LEFT_ID/],
      [[edit((p) => delete p[1]!.REL_OP)], /misses REL_OP/],
      [[edit((p) => (p[1]!.REL_OP = '!!!'))], /unknown operator "!!!".*key "\[1\]\.REL_OP".*pattern "FOUNDED#1"/],
      [[edit((p) => (p[1]!.RIGHT_ID = 'fox'))], /RIGHT_ID "fox" is already used by node 0.*key "\[1\]\.RIGHT_ID"/],
      // spaCy only warns about an unknown key (W126); textloom refuses it, so a typo is never ignored.
      [[edit((p) => (p[1]!.FOO = 'BAR'))], /unknown node key "FOO".*key "\[1\]\.FOO"/],
      [[edit((p) => (p[2]!.LEFT_ID = 'r'))], /LEFT_ID "r" is not the RIGHT_ID of an earlier node.*key "\[2\]\.LEFT_ID"/],
      [[edit((p) => (p[2]!.LEFT_ID = 'nowhere'))], /LEFT_ID "nowhere"/],
      [[edit((p) => (p[1]!.RIGHT_ATTRS = { ORTH: 'quick', FOO: 1 }))], /unknown token attribute "FOO".*key "\[1\]\.RIGHT_ATTRS\.FOO"/],
      [[edit((p) => (p[0]!.RIGHT_ATTRS = { LENGTH: { '>=': 'x' } }))], /needs a number.*key "\[0\]\.RIGHT_ATTRS\.LENGTH\.>="/],
      [[edit((p) => (p[0]!.RIGHT_ATTRS = 'fox'))], /RIGHT_ATTRS must be an object/],
      [[edit((p) => (p[1] = 'node' as unknown as Record<string, unknown>))], /a node must be an object/],
      [[[]], /needs at least the anchor/],
    ];
    for (const [patterns, re] of bad) {
      let err: unknown;
      try {
        m.add('FOUNDED', patterns as DependencyPattern[]);
      } catch (e) {
        err = e;
      }
      expect(err, String(re)).toBeInstanceOf(ArgumentError);
      expect((err as Error).message).toMatch(re);
    }
    // Nothing half-added: the key still has its one good pattern.
    expect(m.get('FOUNDED')!.patterns).toHaveLength(1);
  });

  it('calls onMatch once per match, with the same matches as without (spaCy #4590)', () => {
    const doc = foxDoc();
    const m = new DependencyMatcher(vocab);
    const calls: unknown[][] = [];
    const cb = (...args: unknown[]) => calls.push(args);
    m.add('pattern', [[{ RIGHT_ID: 'quick', RIGHT_ATTRS: { ORTH: 'quick' } }]], { onMatch: cb });
    m.add('nomatch_pattern', [[{ RIGHT_ID: 'quick', RIGHT_ATTRS: { ORTH: 'NOMATCH' } }]], { onMatch: cb });
    const matches = m.match(doc);
    expect(matches).toHaveLength(1);
    expect(calls).toEqual([[m, doc, 0, matches]]);
    const m2 = new DependencyMatcher(vocab);
    m2.add('pattern', [[{ RIGHT_ID: 'quick', RIGHT_ATTRS: { ORTH: 'quick' } }]]);
    expect(m2.match(doc)).toEqual(matches);
  });

  it.each([
    ['.', 8],
    ['.*', 20],
    [';', 8],
    [';*', 20],
  ])('keeps precedence operator %s inside one tree (%i matches)', (op, expected) => {
    const doc = treeDoc(vocab, ['a', 'b', 'c', 'd', 'e', 'a', 'b', 'c', 'd', 'e'], [0, 0, 0, 0, 0, 5, 5, 5, 5, 5], Array(10).fill('dep'));
    let count = 0;
    for (const text of ['a', 'b', 'c', 'd', 'e']) {
      const m = new DependencyMatcher(vocab);
      m.add('A', [[{ RIGHT_ID: '1', RIGHT_ATTRS: { ORTH: text } }, { LEFT_ID: '1', REL_OP: op, RIGHT_ID: '2', RIGHT_ATTRS: {} }]]);
      for (const [, [a, b]] of m.match(doc)) {
        count++;
        if (op === '.') expect(a).toBe(b! - 1);
        if (op === ';') expect(a).toBe(b! + 1);
        if (op === '.*') expect(a).toBeLessThan(b!);
        if (op === ';*') expect(a).toBeGreaterThan(b!);
        expect(a! < 5).toBe(b! < 5); // same sentence
      }
    }
    expect(count).toBe(expected);
  });

  const opCases: [string, string, string, number][] = [
    ['fox', 'jumped', '<', 1],
    ['the', 'lazy', '<', 0],
    ['jumped', 'jumped', '<', 0],
    ['fox', 'jumped', '>', 0],
    ['fox', 'lazy', '>', 1],
    ['lazy', 'lazy', '>', 0],
    ['fox', 'jumped', '<<', 2],
    ['jumped', 'fox', '<<', 0],
    ['the', 'fox', '<<', 2],
    ['fox', 'jumped', '>>', 0],
    ['over', 'the', '>>', 1],
    ['fox', 'the', '>>', 2],
    ['fox', 'jumped', '.', 1],
    ['lazy', 'fox', '.', 1],
    ['the', 'fox', '.', 0],
    ['the', 'the', '.', 0],
    ['fox', 'jumped', ';', 0],
    ['lazy', 'fox', ';', 0],
    ['the', 'fox', ';', 0],
    ['the', 'the', ';', 0],
    ['quick', 'fox', '.*', 2],
    ['the', 'fox', '.*', 3],
    ['the', 'the', '.*', 1],
    ['fox', 'jumped', ';*', 1],
    ['quick', 'fox', ';*', 0],
    ['the', 'fox', ';*', 1],
    ['the', 'the', ';*', 1],
    ['quick', 'brown', '$+', 1],
    ['brown', 'quick', '$+', 0],
    ['brown', 'brown', '$+', 0],
    ['quick', 'brown', '$-', 0],
    ['brown', 'quick', '$-', 1],
    ['brown', 'brown', '$-', 0],
    ['the', 'brown', '$++', 1],
    ['brown', 'the', '$++', 0],
    ['brown', 'brown', '$++', 0],
    ['the', 'brown', '$--', 0],
    ['brown', 'the', '$--', 1],
    ['brown', 'brown', '$--', 0],
    ['over', 'jumped', '<+', 0],
    ['quick', 'fox', '<+', 0],
    ['the', 'quick', '<+', 0],
    ['brown', 'fox', '<+', 1],
    ['quick', 'fox', '<++', 1],
    ['quick', 'over', '<++', 0],
    ['over', 'jumped', '<++', 0],
    ['the', 'fox', '<++', 2],
    ['brown', 'fox', '<-', 0],
    ['fox', 'over', '<-', 0],
    ['the', 'over', '<-', 0],
    ['over', 'jumped', '<-', 1],
    ['brown', 'fox', '<--', 0],
    ['fox', 'jumped', '<--', 0],
    ['fox', 'over', '<--', 1],
    ['fox', 'brown', '>+', 0],
    ['over', 'fox', '>+', 0],
    ['over', 'the', '>+', 0],
    ['jumped', 'over', '>+', 1],
    ['jumped', 'over', '>++', 1],
    ['fox', 'lazy', '>++', 0],
    ['over', 'the', '>++', 0],
    ['jumped', 'over', '>-', 0],
    ['fox', 'quick', '>-', 0],
    ['brown', 'quick', '>-', 0],
    ['fox', 'brown', '>-', 1],
    ['brown', 'fox', '>--', 0],
    ['fox', 'brown', '>--', 1],
    ['jumped', 'fox', '>--', 1],
    ['fox', 'the', '>--', 2],
  ];
  it.each(opCases)('%s %s %s: %i matches', (left, right, op, expected) => {
    const m = new DependencyMatcher(vocab);
    m.add('pattern', [[
      { RIGHT_ID: left, RIGHT_ATTRS: { LOWER: left } },
      { LEFT_ID: left, REL_OP: op, RIGHT_ID: left === right ? `${right}2` : right, RIGHT_ATTRS: { LOWER: right } },
    ]]);
    expect(m.match(foxDoc())).toHaveLength(expected);
  });

  it('refuses nodes that would match several tokens (spaCy test_dependency_matcher_long_matches)', () => {
    const m = new DependencyMatcher(vocab);
    for (const op of ['+', '*', '?', '{2}', '!']) {
      expect(() => m.add('pattern', [[{ RIGHT_ID: 'quick', RIGHT_ATTRS: { DEP: 'amod', OP: op } }]])).toThrow(/matches exactly one token.*key "\[0\]\.RIGHT_ATTRS\.OP"/);
    }
    m.add('pattern', [[{ RIGHT_ID: 'quick', RIGHT_ATTRS: { DEP: 'amod', OP: '1' } }]]);
    expect(ids(m.match(foxDoc()))).toEqual([[1], [2], [8]]);
  });

  it('matches extensions on a Span with span-relative ids (spaCy test_dependency_matcher_span_user_data)', () => {
    const doc = treeDoc(vocab, ['a', 'b', 'c', 'd', 'e'], [0, 0, 0, 0, 0], Array(5).fill('a'));
    doc.extension('is_c', 'any').set(2, true);
    const m = new DependencyMatcher(vocab);
    m.add('C', [[{ RIGHT_ID: 'c', RIGHT_ATTRS: { _: { is_c: true } } }]]);
    expect(ids(m.match(doc))).toEqual([[2]]);
    expect(ids(m.match(doc.span(1, 5)))).toEqual([[1]]);
  });

  it('needs both the attributes and the relation (spaCy #9263, test_dependency_matcher_order_issue)', () => {
    const doc = treeDoc(vocab, ['I', 'like', 'text'], [0, 1, 1]);
    const p1: DependencyPattern = [
      { RIGHT_ID: 'root', RIGHT_ATTRS: { ORTH: 'like' } },
      { LEFT_ID: 'root', RIGHT_ID: 'r', RIGHT_ATTRS: { ORTH: 'text' }, REL_OP: '<' },
    ];
    const p2: DependencyPattern = [
      { RIGHT_ID: 'root', RIGHT_ATTRS: { ORTH: 'like' } },
      { LEFT_ID: 'root', RIGHT_ID: 'r', RIGHT_ATTRS: { ORTH: 'fish' }, REL_OP: '>' },
    ];
    const m = new DependencyMatcher(vocab);
    m.add('check', [p1, p2]);
    expect(m.match(doc)).toEqual([]);
    const m2 = new DependencyMatcher(vocab);
    m2.add('check', [p1]);
    m2.add('check', [p2]);
    expect(m2.match(doc)).toEqual([]);
  });

  it('forgets removed patterns (spaCy #9263, test_dependency_matcher_remove)', () => {
    const doc = treeDoc(vocab, ['The', 'red', 'book'], [0, 2, 2]);
    const m = new DependencyMatcher(vocab);
    m.add('check', [[{ RIGHT_ID: 'root', RIGHT_ATTRS: { ORTH: 'book' } }, { LEFT_ID: 'root', RIGHT_ID: 'r', RIGHT_ATTRS: { ORTH: 'red' }, REL_OP: '>' }]]);
    expect(m.match(doc)).toHaveLength(1);
    m.remove('check');
    expect(m.has('check')).toBe(false);
    expect(() => m.remove('check')).toThrow(ArgumentError);
    m.add('check', [[{ RIGHT_ID: 'root', RIGHT_ATTRS: { ORTH: 'flag' } }, { LEFT_ID: 'root', RIGHT_ID: 'r', RIGHT_ATTRS: { ORTH: 'blue' }, REL_OP: '>' }]]);
    expect(m.match(doc)).toEqual([]);
  });
});

describe('DependencyMatcher.match', () => {
  it('keeps every assignment, even two nodes on one token, in lexicographic node order', () => {
    const doc = treeDoc(vocab, ['big', 'red', 'ball'], [2, 2, 2], ['amod', 'amod', 'ROOT']);
    const m = new DependencyMatcher(vocab);
    m.add('TWO', [[
      { RIGHT_ID: 'n', RIGHT_ATTRS: { ORTH: 'ball' } },
      { LEFT_ID: 'n', REL_OP: '>', RIGHT_ID: 'a', RIGHT_ATTRS: { DEP: 'amod' } },
      { LEFT_ID: 'n', REL_OP: '>', RIGHT_ID: 'b', RIGHT_ATTRS: { DEP: 'amod' } },
    ]]);
    expect(ids(m.match(doc))).toEqual([[2, 0, 0], [2, 0, 1], [2, 1, 0], [2, 1, 1]]);
  });

  it('orders by key, then pattern, then tree; a re-added key goes last', () => {
    // Two sentences: "x y" (root y) and "x y" (root x).
    const doc = treeDoc(vocab, ['x', 'y', 'x', 'y'], [1, 1, 2, 2]);
    const m = new DependencyMatcher(vocab);
    const any: DependencyPattern = [{ RIGHT_ID: 'a', RIGHT_ATTRS: {} }, { LEFT_ID: 'a', REL_OP: '>', RIGHT_ID: 'b', RIGHT_ATTRS: {} }];
    const xy: DependencyPattern = [{ RIGHT_ID: 'a', RIGHT_ATTRS: { ORTH: 'x' } }, { LEFT_ID: 'a', REL_OP: '$+', RIGHT_ID: 'b', RIGHT_ATTRS: {} }];
    m.add('K1', [any, xy]);
    m.add('K2', [any]);
    const named = () => m.match(doc).map(([id, t]) => [vocab.strings.get(id), ...t]);
    // `$+` from a root: spaCy takes the root's own children as its "siblings" (a root is its own head).
    expect(named()).toEqual([['K1', 1, 0], ['K1', 2, 3], ['K1', 2, 3], ['K2', 1, 0], ['K2', 2, 3]]);
    m.remove('K1');
    m.add('K1', [any]);
    expect(named()).toEqual([['K2', 1, 0], ['K2', 2, 3], ['K1', 1, 0], ['K1', 2, 3]]);
  });

  it('cuts the tree at a Span boundary as spaCy Span.as_doc does', () => {
    // The quick brown fox jumped over the lazy fox; span "quick brown fox jumped over the" (1..7):
    // "the" (6) has its head "fox" (8) outside and no ancestor inside but "over" (5).
    const doc = foxDoc();
    const m = new DependencyMatcher(vocab);
    m.add('E', [[{ RIGHT_ID: 'a', RIGHT_ATTRS: {} }, { LEFT_ID: 'a', REL_OP: '>', RIGHT_ID: 'b', RIGHT_ATTRS: {} }]]);
    m.add('DEP', [[{ RIGHT_ID: 'a', RIGHT_ATTRS: { DEP: 'dep' } }]]);
    // span tokens: quick0 brown1 fox2 jumped3 over4 the5; "the" -> highest in-span ancestor "jumped".
    expect(m.match(doc.span(1, 7)).map(([id, t]) => [vocab.strings.get(id), ...t])).toEqual([
      ['E', 2, 0],
      ['E', 2, 1],
      ['E', 3, 2],
      ['E', 3, 4],
      ['E', 3, 5],
      ['DEP', 5],
    ]);
    // "lazy fox": fox (8) heads to "over", outside, with no ancestor inside: it becomes the root, labelled dep.
    expect(ids(m.match(doc.span(7, 9)))).toEqual([[1, 0], [1]]);
    // "the lazy": the (6) and lazy (7) both head to fox (8), outside: the first becomes the root of both.
    expect(ids(m.match(doc.span(6, 8)))).toEqual([[0, 1], [0], [1]]);
  });

  it('treats an unparsed doc as one-token trees', () => {
    const m = new DependencyMatcher(vocab);
    m.add('P', [[{ RIGHT_ID: 'a', RIGHT_ATTRS: { ORTH: 'a' } }, { LEFT_ID: 'a', REL_OP: '.', RIGHT_ID: 'b', RIGHT_ATTRS: {} }]]);
    m.add('ONE', [[{ RIGHT_ID: 'a', RIGHT_ATTRS: { ORTH: 'a' } }]]);
    expect(ids(m.match(Doc.fromWords(['a', 'b', 'a'], { vocab })))).toEqual([[0], [2]]);
  });

  it('refuses DEP attributes on an unparsed doc unless allowMissing', () => {
    const m = new DependencyMatcher(vocab);
    m.add('P', [[{ RIGHT_ID: 'a', RIGHT_ATTRS: { DEP: 'nsubj' } }]]);
    const doc = Doc.fromWords(['a', 'b'], { vocab });
    expect(() => m.match(doc)).toThrow(/DEP.*parser/);
    expect(m.match(doc, { allowMissing: true })).toEqual([]);
  });

  it('refuses a cycle or a head outside the doc with a typed error naming the token', () => {
    const m = new DependencyMatcher(vocab);
    m.add('P', [[{ RIGHT_ID: 'a', RIGHT_ATTRS: {} }]]);
    expect(() => m.match(treeDoc(vocab, ['a', 'b', 'c'], [2, 2, 1]))).toThrow(/token 0 reaches no root: the heads have a cycle.*key "head\[0\]"/);
    const out = treeDoc(vocab, ['a', 'b'], [1, 1]);
    out.head[0] = 5;
    expect(() => m.match(out)).toThrow(ArgumentError);
    expect(() => m.match(out)).toThrow(/token 0 has its head at 5/);
  });

  it('refuses docs of another vocab and things that are not docs', () => {
    const m = new DependencyMatcher(vocab);
    m.add('P', [[{ RIGHT_ID: 'a', RIGHT_ATTRS: {} }]]);
    expect(() => m.match(Doc.fromWords(['a']))).toThrow(/different vocab/);
    expect(() => m.match('text' as unknown as Doc)).toThrow(ArgumentError);
  });

  it('returns nothing for an empty doc or an empty matcher', () => {
    const m = new DependencyMatcher(vocab);
    expect(m.match(foxDoc())).toEqual([]);
    m.add('P', [[{ RIGHT_ID: 'a', RIGHT_ATTRS: {} }]]);
    expect(m.match(foxDoc().span(2, 2))).toEqual([]);
  });
});

describe('Matcher on parsed docs', () => {
  it('matches DEP literals and predicates, and refuses HEAD (not a pattern key in spaCy either)', () => {
    const doc = foxDoc();
    const m = new Matcher(vocab);
    m.add('SUBJ', [[{ DEP: 'nsubj' }]]);
    m.add('MODS', [[{ DEP: { IN: ['det', 'amod'] } }, { DEP: { IN: ['det', 'amod'] }, OP: '+' }]]);
    m.add('NOT_DET', [[{ DEP: { NOT_IN: ['det', 'amod', 'nsubj'] }, LOWER: { REGEX: '^(over|the)$' } }]]);
    const got = m.match(doc).map(([id, s, e]) => [vocab.strings.get(id), s, e]);
    expect(got).toEqual([
      ['MODS', 0, 2],
      ['MODS', 0, 3],
      ['MODS', 1, 3],
      ['SUBJ', 3, 4],
      ['NOT_DET', 5, 6],
      ['NOT_DET', 6, 7],
      ['MODS', 7, 9],
    ]);
    expect(() => m.add('H', [[{ HEAD: 1 }]])).toThrow(/unknown token attribute "HEAD"/);
  });
});
