import { describe, expect, it } from 'vitest';
import { ParseState, LEFT, RIGHT, REDUCE, SHIFT, N_ACTIONS } from '../../../src/components/parser/transitions.js';
import { projectivize } from '../../../src/components/parser/projectivize.js';
import { isProjective } from '../../../src/components/parser/tree.js';
import { ewtFixture } from '../tagger/data.js';

/** Gold heads (index 0 unused) of the fixture's trees, lifted to projective ones. */
function projectiveTrees(): Int32Array[] {
  return ewtFixture().map((s) => {
    const n = s.words.length;
    const heads = new Int32Array(n + 1);
    const labels = [''];
    s.words.forEach((w, i) => {
      heads[i + 1] = w.head;
      labels.push(w.deprel);
    });
    projectivize(heads, labels, n);
    return heads;
  });
}

describe('arc-eager oracles', () => {
  it('the static oracle reproduces every projective gold tree, and the dynamic oracle gives each of its actions cost 0', () => {
    const st = new ParseState();
    let checked = 0;
    for (const gold of projectiveTrees()) {
      const n = gold.length - 1;
      expect(isProjective(gold, n)).toBe(true);
      st.reset(n);
      while (!st.done) {
        const a = st.staticOracle(gold);
        expect(st.legal(a)).toBe(true);
        expect(st.cost(a, gold)).toBe(0);
        st.apply(a, 1, 1, 0);
        checked++;
      }
      expect(Array.from(st.head.subarray(1, n + 1))).toEqual(Array.from(gold.subarray(1)));
    }
    expect(checked).toBeGreaterThan(10000);
  });

  it('a zero-cost action exists in every state reached by following random legal actions, and following only zero-cost actions from there loses no more arcs', () => {
    const st = new ParseState();
    let seed = 7;
    const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (const gold of projectiveTrees().slice(0, 120)) {
      const n = gold.length - 1;
      st.reset(n);
      let lost = 0;
      let steps = 0;
      while (!st.done) {
        const legal = [SHIFT, REDUCE, LEFT, RIGHT].filter((a) => st.legal(a));
        const costs = legal.map((a) => st.cost(a, gold));
        expect(Math.min(...costs)).toBe(0);
        // Wander for the first few steps, then follow zero-cost actions.
        const pick = steps++ < 4 ? Math.floor(rand() * legal.length) : costs.indexOf(0);
        lost += costs[pick]!;
        st.apply(legal[pick]!, 1, 1, 0);
      }
      let wrong = 0;
      for (let i = 1; i <= n; i++) if (st.head[i] !== gold[i]) wrong++;
      // Every wrong head was counted as lost (a word the end attaches by default may still land on its gold head).
      expect(wrong).toBeLessThanOrEqual(lost);
      if (lost === 0) expect(wrong).toBe(0);
    }
  });

  it('costs a wrong attachment: with "saw" on the stack and "her" next, SHIFT and LEFT lose the gold arc saw -> her', () => {
    // I(1) saw(2) her(3): heads 2, 0, 2.
    const gold = Int32Array.from([0, 2, 0, 2]);
    const st = new ParseState();
    st.reset(3);
    st.apply(SHIFT, 1, 1, 0);
    st.apply(LEFT, 1, 1, 0);
    st.apply(RIGHT, 0, 0, 0);
    expect(st.s0).toBe(2);
    expect(st.cost(RIGHT, gold)).toBe(0);
    expect(st.cost(SHIFT, gold)).toBe(1);
    expect(st.cost(REDUCE, gold)).toBe(1);
    expect(N_ACTIONS).toBe(4);
  });
});
