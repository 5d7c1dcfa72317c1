// Property test: the compiled, first-token-indexed automaton finds exactly the matches a naive
// reference finds by trying every pattern at every start with plain backtracking.
import { describe, expect, it } from 'vitest';
import { Doc, Matcher, Rng, Vocab, type TokenPattern, type TokenSpecInput } from '../../../src/index.js';

const WORDS = ['a', 'b', 'A', 'B', 'cc', 'Dd', '1', ','];

/** Token tests the reference understands, each paired with its pattern spec. */
const TESTS: [TokenSpecInput, (w: string) => boolean][] = [
  [{ ORTH: 'a' }, (w) => w === 'a'],
  [{ ORTH: 'b' }, (w) => w === 'b'],
  [{ LOWER: 'a' }, (w) => w.toLowerCase() === 'a'],
  [{ LOWER: { IN: ['b', 'cc'] } }, (w) => ['b', 'cc'].includes(w.toLowerCase())],
  [{ LOWER: { NOT_IN: ['a'] } }, (w) => w.toLowerCase() !== 'a'],
  [{ IS_UPPER: true }, (w) => /[A-Z]/.test(w) && w === w.toUpperCase()],
  [{ IS_ALPHA: false }, (w) => !/^[A-Za-z]+$/.test(w)],
  [{ LENGTH: { '>=': 2 } }, (w) => w.length >= 2],
  [{ ORTH: { REGEX: '^[a-c]' } }, (w) => /^[a-c]/.test(w)],
  [{ ORTH: 'a', IS_LOWER: true }, (w) => w === 'a'],
  [{}, () => true],
];
const OPS: (string | undefined)[] = [undefined, undefined, '?', '*', '+', '!', '{2}', '{1,2}', '{,2}', '{2,}'];

type Step = { q: 'ONE' | 'ZERO' | 'OPT' | 'STAR'; test: (w: string) => boolean };

function expand(op: string | undefined, test: (w: string) => boolean): Step[] {
  switch (op) {
    case undefined:
      return [{ q: 'ONE', test }];
    case '?':
      return [{ q: 'OPT', test }];
    case '*':
      return [{ q: 'STAR', test }];
    case '+':
      return [{ q: 'ONE', test }, { q: 'STAR', test }];
    case '!':
      return [{ q: 'ZERO', test }];
    default: {
      const m = /^\{(\d*)(,?)(\d*)\}$/.exec(op)!;
      const n = m[1] ? Number(m[1]) : 0;
      const max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : n;
      const out: Step[] = Array.from({ length: n }, () => ({ q: 'ONE' as const, test }));
      if (max === Infinity) out.push({ q: 'STAR', test });
      else for (let k = n; k < max; k++) out.push({ q: 'OPT', test });
      return out;
    }
  }
}

/** All ends e > s such that words[s..e) match steps[k..] exactly. */
function ends(steps: Step[], k: number, words: string[], i: number, out: Set<number>): void {
  if (k === steps.length) {
    out.add(i);
    return;
  }
  const st = steps[k]!;
  const can = i < words.length;
  switch (st.q) {
    case 'ONE':
      if (can && st.test(words[i]!)) ends(steps, k + 1, words, i + 1, out);
      break;
    case 'ZERO':
      if (can && !st.test(words[i]!)) ends(steps, k + 1, words, i + 1, out);
      break;
    case 'OPT':
      ends(steps, k + 1, words, i, out);
      if (can && st.test(words[i]!)) ends(steps, k + 1, words, i + 1, out);
      break;
    case 'STAR':
      ends(steps, k + 1, words, i, out);
      if (can && st.test(words[i]!)) ends(steps, k, words, i + 1, out);
      break;
  }
}

describe('Matcher.match (oracle)', () => {
  it('agrees with a backtracking reference on random patterns and docs', () => {
    const rng = new Rng(2024);
    const vocab = new Vocab();
    let total = 0;
    for (let round = 0; round < 80; round++) {
      const patterns: { pattern: TokenPattern; steps: Step[] }[] = [];
      for (let p = 0; p < 12; p++) {
        const len = 1 + rng.int(3);
        const pattern: TokenPattern = [];
        const steps: Step[] = [];
        for (let t = 0; t < len; t++) {
          const [spec, test] = TESTS[rng.int(TESTS.length)]!;
          const op = OPS[rng.int(OPS.length)];
          pattern.push(op ? { ...spec, OP: op } : { ...spec });
          steps.push(...expand(op, test));
        }
        if (steps.length === 0) continue;
        patterns.push({ pattern, steps });
      }
      const words = Array.from({ length: 4 + rng.int(14) }, () => WORDS[rng.int(WORDS.length)]!);
      const doc = Doc.fromWords(words, { vocab });
      const m = new Matcher(vocab);
      patterns.forEach(({ pattern }, k) => m.add(`P${k}`, [pattern]));
      const want: string[] = [];
      // "!" consumes one token in spaCy, as ZERO does here; zero-length matches are never reported.
      patterns.forEach(({ steps }, k) => {
        for (let s = 0; s < words.length; s++) {
          const es = new Set<number>();
          ends(steps, 0, words, s, es);
          for (const e of es) if (e > s) want.push(`P${k}:${s}:${e}`);
        }
      });
      const got = m.match(doc).map(([id, s, e]) => `${vocab.strings.get(id)}:${s}:${e}`);
      total += got.length;
      expect(got.sort(), JSON.stringify({ words, patterns: patterns.map((p) => p.pattern) })).toEqual([...new Set(want)].sort());
    }
    expect(total).toBeGreaterThan(1000);
  });
});
