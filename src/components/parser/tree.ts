/**
 * Dependency trees as head arrays (index 0 is the root; `heads[i]` for words 1..n, 0 = attached
 * to the root): well-formedness checks (one root, heads in range, no cycle) and projectivity.
 */
import { FormatError, type ErrorLocation } from '../../core/errors.js';

/**
 * Throws a {@link FormatError} at `where` (plus `lineOf(word)` when given) unless `heads` (1..n)
 * is a tree: every head in 0..n, no word its own head, exactly one word on the root, no cycle.
 */
export function checkTree(heads: ArrayLike<number>, n: number, where: ErrorLocation = {}, lineOf?: (word: number) => number): void {
  const at = (word: number): ErrorLocation => (lineOf ? { ...where, line: lineOf(word) } : where);
  let root = 0;
  for (let i = 1; i <= n; i++) {
    const h = heads[i]!;
    if (!Number.isInteger(h) || h < 0 || h > n) throw new FormatError(`word ${i}: head ${h} is out of range 0..${n}`, at(i));
    if (h === i) throw new FormatError(`word ${i} is its own head`, at(i));
    if (h === 0) {
      if (root) throw new FormatError(`several roots: words ${root} and ${i} both have head 0`, at(i));
      root = i;
    }
  }
  if (n > 0 && !root) throw new FormatError('no root: no word has head 0', at(1));
  // Every chain of heads must reach the root within n steps.
  const state = new Uint8Array(n + 1); // 0 unseen, 1 on the current path, 2 reaches the root
  state[0] = 2;
  for (let i = 1; i <= n; i++) {
    let k = i;
    while (state[k] === 0) {
      state[k] = 1;
      k = heads[k]!;
    }
    if (state[k] === 1) throw new FormatError(`cycle through word ${k}`, at(k));
    for (let j = i; state[j] === 1; j = heads[j]!) state[j] = 2;
  }
}

/** Whether `a` dominates `d` (is `d` or one of its ancestors) in a tree. */
export function dominates(heads: ArrayLike<number>, a: number, d: number): boolean {
  for (let k = d, steps = 0; k > 0 && steps <= heads.length; k = heads[k]!, steps++) if (k === a) return true;
  return a === 0;
}

/** Whether the arc into word `d` is non-projective: some word between it and its head is not dominated by the head. */
export function isNonProjectiveArc(heads: ArrayLike<number>, d: number): boolean {
  const h = heads[d]!;
  const lo = Math.min(h, d);
  const hi = Math.max(h, d);
  for (let k = lo + 1; k < hi; k++) if (!dominates(heads, h, k)) return true;
  return false;
}

/** Whether the tree (words 1..n) is projective. */
export function isProjective(heads: ArrayLike<number>, n: number): boolean {
  for (let d = 1; d <= n; d++) if (isNonProjectiveArc(heads, d)) return false;
  return true;
}
