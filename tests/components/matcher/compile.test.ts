import { describe, expect, it } from 'vitest';
import { Vocab } from '../../../src/index.js';
import { compilePatterns } from '../../../src/components/matcher/compile.js';
import { parsePattern, Quant } from '../../../src/components/matcher/validate.js';
import type { TokenPattern } from '../../../src/components/matcher/matcher.js';

const vocab = new Vocab();
const compile = (patterns: TokenPattern[]) =>
  compilePatterns(
    patterns.map((p, i) => ({ keyIndex: i, specs: parsePattern(p, true, { pattern: `P#${i}` }) })),
    vocab,
  ).program;

describe('compilePatterns', () => {
  it('writes {n,m} out as steps and ends each pattern in FINAL', () => {
    const prog = compile([[{ ORTH: 'a', OP: '{2,4}' }, { ORTH: 'b', OP: '+' }]]);
    expect([...prog.quant]).toEqual([Quant.ONE, Quant.ONE, Quant.ZERO_ONE, Quant.ZERO_ONE, Quant.ONE, Quant.ZERO_PLUS, Quant.FINAL, Quant.FINAL]);
  });
  it('indexes patterns by their first token: literal, IN members, flag bit, predicate, else always', () => {
    const prog = compile([
      [{ LOWER: 'the' }, { ORTH: 'x' }],
      [{ LOWER: { IN: ['a', 'an'] } }],
      [{ IS_TITLE: true }],
      [{ LENGTH: { '>': 3 } }],
      [{ ORTH: 'x', OP: '?' }, { ORTH: 'y' }],
      [{}],
      [{ _: { flag: true } }],
    ]);
    const indexed = prog.indexMaps.flatMap((m) => [...m.values()].flatMap((l) => [...l]));
    expect([...new Set(indexed)].sort()).toEqual([0, 1]);
    expect(prog.indexMaps.reduce((n, m) => n + m.size, 0)).toBe(3); // 'the', 'a', 'an'
    expect(prog.flagLists.map((l) => [...l])).toEqual([[2]]);
    expect(prog.predGroupLists.map((l) => [...l])).toEqual([[3]]);
    expect([...prog.always]).toEqual([4, 5, 6]);
  });
  it('shares equal predicates between patterns', () => {
    const prog = compile([[{ LOWER: { REGEX: '^a' } }], [{ ORTH: 'b' }, { LOWER: { REGEX: '^a' } }]]);
    expect(prog.nPreds).toBe(1);
  });
});
