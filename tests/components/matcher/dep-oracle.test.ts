// The DependencyMatcher against a direct transcription of spaCy 3's algorithm (group the tokens
// fitting any node by tree root, take the cartesian product of each node's positions, keep the
// tuples whose relations all hold, with each operator defined on token lists as spaCy defines it),
// on random forests (non-projective ones included) and random patterns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DependencyMatcher, REL_OPS, Vocab, type DependencyPattern } from '../../../src/index.js';
import { treeDoc } from './tree-doc.js';

const WORDS = ['a', 'b', 'c'];

/** spaCy's operator semantics over absolute heads (a root is its own head). */
function oracleOps(heads: number[]) {
  const n = heads.length;
  const children = (t: number) => [...Array(n).keys()].filter((c) => c !== t && heads[c] === t);
  const ancestors = (t: number) => {
    const out: number[] = [];
    while (heads[t] !== t) out.push((t = heads[t]!));
    return out;
  };
  const subtree = (t: number): number[] => [t, ...children(t).flatMap(subtree)].sort((x, y) => x - y);
  const sent = (t: number) => {
    const root = ancestors(t).at(-1) ?? t;
    const s = subtree(root);
    return [s[0]!, s.at(-1)! + 1];
  };
  const ops: Record<string, (t: number) => number[]> = {
    '<': (t) => (heads[t] === t ? [] : [heads[t]!]),
    '>': children,
    '<<': ancestors,
    '>>': (t) => subtree(t).filter((x) => x !== t),
    '.': (t) => (t < n - 1 && t + 1 >= sent(t)[0]! && t + 1 < sent(t)[1]! ? [t + 1] : []),
    '.*': (t) => [...Array(n).keys()].filter((i) => i > t && i < sent(t)[1]!),
    ';': (t) => (t > 0 && t - 1 >= sent(t)[0]! && t - 1 < sent(t)[1]! ? [t - 1] : []),
    ';*': (t) => [...Array(n).keys()].filter((i) => i >= sent(t)[0]! && i < t),
    '$+': (t) => children(heads[t]!).filter((c) => c === t + 1),
    '$-': (t) => children(heads[t]!).filter((c) => c === t - 1),
    '$++': (t) => children(heads[t]!).filter((c) => c > t),
    '$--': (t) => children(heads[t]!).filter((c) => c < t),
    '>+': (t) => children(t).filter((c) => c > t && c === t + 1),
    '>-': (t) => children(t).filter((c) => c < t && c === t - 1),
    '>++': (t) => children(t).filter((c) => c > t),
    '>--': (t) => children(t).filter((c) => c < t),
    '<+': (t) => (heads[t] === t + 1 ? [heads[t]!] : []),
    '<-': (t) => (heads[t] === t - 1 ? [heads[t]!] : []),
    '<++': (t) => (heads[t]! > t ? [heads[t]!] : []),
    '<--': (t) => (heads[t]! < t ? [heads[t]!] : []),
  };
  return { ops, rootOf: (t: number) => ancestors(t).at(-1) ?? t };
}

function product(lists: number[][]): number[][] {
  return lists.reduce<number[][]>((acc, l) => acc.flatMap((p) => l.map((x) => [...p, x])), [[]]);
}

function oracle(words: string[], heads: number[], keys: [string, DependencyPattern[]][]): [string, number[]][] {
  const { ops, rootOf } = oracleOps(heads);
  const fits = (attrs: Record<string, unknown>, i: number) => attrs.ORTH === undefined || attrs.ORTH === words[i];
  // Roots in order of the first token fitting any node of any pattern.
  const roots: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const any = keys.some(([, ps]) => ps.some((p) => p.some((node) => fits(node.RIGHT_ATTRS, i))));
    if (any && !roots.includes(rootOf(i))) roots.push(rootOf(i));
  }
  const out: [string, number[]][] = [];
  for (const [key, patterns] of keys) {
    for (const p of patterns) {
      const idx = new Map(p.map((node, j) => [node.RIGHT_ID, j]));
      for (const root of roots) {
        const positions = p.map((node) => [...words.keys()].filter((i) => rootOf(i) === root && fits(node.RIGHT_ATTRS, i)));
        for (const cand of product(positions)) {
          const ok = p.every((node, j) => j === 0 || ops[node.REL_OP!]!(cand[idx.get(node.LEFT_ID!)!]!).includes(cand[j]!));
          if (ok) out.push([key, cand]);
        }
      }
    }
  }
  return out;
}

/** A random forest over n tokens: tokens placed in a random order each pick an earlier one (or themselves) as head. */
const forest = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.tuple(
    fc.array(fc.constantFrom(...WORDS), { minLength: n, maxLength: n }),
    fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    fc.array(fc.nat(), { minLength: n, maxLength: n }),
  ).map(([words, order, picks]) => {
    const heads = new Array<number>(n);
    order.forEach((t, k) => {
      const choice = picks[k]! % (k + 1); // k means "root", otherwise an already placed token
      heads[t] = choice === k ? t : order[choice]!;
    });
    return { words, heads };
  }),
);

const node = fc.option(fc.constantFrom(...WORDS), { nil: undefined }).map((w) => (w === undefined ? {} : { ORTH: w }));
const pattern = fc.integer({ min: 1, max: 4 }).chain((len) =>
  fc.tuple(fc.array(node, { minLength: len, maxLength: len }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...REL_OPS)), { minLength: len, maxLength: len })).map(([attrs, rels]) =>
    attrs.map((a, j) => (j === 0 ? { RIGHT_ID: 'n0', RIGHT_ATTRS: a } : { RIGHT_ID: `n${j}`, LEFT_ID: `n${rels[j]![0] % j}`, REL_OP: rels[j]![1], RIGHT_ATTRS: a })),
  ),
);

/** spaCy's `Span._fix_dep_copy`: the absolute heads of span [start, end) as its own doc. */
function spanHeads(heads: number[], start: number, end: number): number[] {
  const len = end - start;
  const inSpan = (k: number) => k >= 0 && k < len;
  const out: number[] = [];
  const newRoot = new Map<number, number>();
  for (let i = 0; i < len; i++) {
    const tok = start + i;
    let value = heads[tok]! - tok;
    let ancestorI = heads[tok]! - start;
    if (!inSpan(ancestorI)) {
      for (let a = tok; heads[a] !== a; ) {
        a = heads[a]!;
        ancestorI = a - start;
        if (inSpan(ancestorI)) value = ancestorI - i;
      }
    }
    if (!inSpan(i + value)) {
      const r = newRoot.get(ancestorI);
      if (r !== undefined) value = r - i;
      else {
        value = 0;
        newRoot.set(ancestorI, i);
      }
    }
    out.push(i + value);
  }
  return out;
}

describe('DependencyMatcher vs a transcription of spaCy', () => {
  it('matches a Span as spaCy matches span.as_doc()', () => {
    const vocab = new Vocab();
    const withSpan = forest.chain((f) => fc.tuple(fc.constant(f), fc.nat(f.words.length), fc.nat(f.words.length)));
    fc.assert(
      fc.property(withSpan, fc.array(pattern, { minLength: 1, maxLength: 2 }), ([{ words, heads }, x, y], ps) => {
        const [start, end] = x <= y ? [x, y] : [y, x];
        const m = new DependencyMatcher(vocab);
        m.add('K', ps);
        const got = m.match(treeDoc(vocab, words, heads).span(start, end)).map(([id, t]) => [vocab.strings.get(id), t]);
        const want = start === end ? [] : oracle(words.slice(start, end), spanHeads(heads, start, end), [['K', ps]]);
        expect(got).toEqual(want);
      }),
      { numRuns: 300, seed: 9263 },
    );
  });

  it('finds the same matches in the same order', () => {
    const vocab = new Vocab();
    fc.assert(
      fc.property(forest, fc.array(fc.array(pattern, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }), ({ words, heads }, keyed) => {
        const keys = keyed.map((ps, k) => [`K${k}`, ps] as [string, DependencyPattern[]]);
        const m = new DependencyMatcher(vocab);
        for (const [k, ps] of keys) m.add(k, ps);
        const got = m.match(treeDoc(vocab, words, heads)).map(([id, t]) => [vocab.strings.get(id), t]);
        expect(got).toEqual(oracle(words, heads, keys));
      }),
      { numRuns: 400, seed: 15 },
    );
  });
});
