import { describe, expect, it } from 'vitest';
import { baseOf, deprojectivize, projectivize, LIFT_SEPARATOR } from '../../../src/components/parser/projectivize.js';
import { isProjective } from '../../../src/components/parser/tree.js';
import { ewtFixture } from '../tagger/data.js';

/** Lifts a tree, then lowers it with label ids, as the parser does; returns the result. */
function roundTrip(heads0: number[], labels0: string[]): { heads: number[]; labels: string[]; lifts: number } {
  const n = heads0.length;
  const heads = Int32Array.from([0, ...heads0]);
  const labels = ['', ...labels0];
  const lifts = projectivize(heads, labels, n);
  expect(isProjective(heads, n)).toBe(true);
  const names = [...new Set([...labels.slice(1), ...labels.slice(1).map(baseOf), ...labels.slice(1).map((l) => l.split(LIFT_SEPARATOR)[1] ?? l)])];
  const id = new Map(names.map((l, i) => [l, i]));
  const base = Int32Array.from(names, (l) => id.get(baseOf(l))!);
  const lifted = Int32Array.from(names, (l) => (l.includes(LIFT_SEPARATOR) ? id.get(l.split(LIFT_SEPARATOR)[1]!)! : -1));
  const ids = Int32Array.from(labels, (l, i) => (i === 0 ? 0 : id.get(l)!));
  deprojectivize(heads, ids, n, base, lifted, new Int32Array(3 * (n + 2)));
  return { heads: Array.from(heads.subarray(1)), labels: Array.from(ids.subarray(1), (i) => names[i]!), lifts };
}

describe('pseudo-projective lifting', () => {
  it('lifts a crossing arc with a decorated label and lowers it back', () => {
    // A hearing(2) is scheduled(4) on the issue(7) today: "on" -> hearing crosses "is scheduled".
    // 1 A, 2 hearing, 3 is, 4 scheduled, 5 on, 6 the, 7 issue, 8 today
    const heads = [2, 4, 4, 0, 7, 7, 2, 4];
    const labels = ['det', 'nsubj:pass', 'aux:pass', 'root', 'case', 'det', 'nmod', 'obl:tmod'];
    const lifted = Int32Array.from([0, ...heads]);
    const ls = ['', ...labels];
    expect(projectivize(lifted, ls, 8)).toBe(1);
    expect(lifted[7]).toBe(4);
    expect(ls[7]).toBe('nmod||nsubj:pass');
    const back = roundTrip(heads, labels);
    expect(back.heads).toEqual(heads);
    expect(back.labels).toEqual(labels);
  });

  it('round-trips the non-projective trees of the 300 EWT fixture sentences (labels always; heads unless the encoding is ambiguous)', () => {
    let nonProjective = 0;
    let exact = 0;
    for (const s of ewtFixture()) {
      const heads = s.words.map((w) => w.head);
      const labels = s.words.map((w) => w.deprel);
      if (isProjective([0, ...heads], heads.length)) continue;
      nonProjective++;
      const back = roundTrip(heads, labels);
      expect(back.lifts).toBeGreaterThan(0);
      expect(back.labels).toEqual(labels);
      // The head encoding records only the label of the original head, so a sibling with the
      // same label can win the search: rare, and still a projective-tree error of one word.
      if (back.heads.every((h, i) => h === heads[i])) exact++;
      else expect(back.heads.filter((h, i) => h !== heads[i]).length).toBe(1);
    }
    // Measured: 21 of 22 trees exactly.
    expect(nonProjective).toBe(22);
    expect(exact).toBeGreaterThanOrEqual(21);
  });

  it('leaves projective trees alone', () => {
    const heads = Int32Array.from([0, 2, 0, 2]);
    const labels = ['', 'nsubj', 'root', 'obj'];
    expect(projectivize(heads, labels, 3)).toBe(0);
    expect(labels).toEqual(['', 'nsubj', 'root', 'obj']);
  });
});
