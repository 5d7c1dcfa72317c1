import type { Doc } from '../../core/doc.js';
import { ArgumentError } from '../../core/errors.js';

/** Operator codes: indexes into `REL_OPS` of `dep-validate.ts` (kept in the same order). */
const enum Op {
  HEAD = 0, // <   B is the head of A
  CHILD, // >   B is a child of A
  ANCESTOR, // <<  B is an ancestor of A
  DESCENDANT, // >>  B is a descendant of A
  NEXT, // .   B directly follows A
  AFTER, // .*  B follows A
  PREV, // ;   B directly precedes A
  BEFORE, // ;*  B precedes A
  SIB_NEXT, // $+  B is a sibling right after A
  SIB_PREV, // $-  B is a sibling right before A
  SIB_AFTER, // $++ B is a sibling after A
  SIB_BEFORE, // $-- B is a sibling before A
  CHILD_NEXT, // >+  B is a child right after A
  CHILD_PREV, // >-  B is a child right before A
  CHILD_AFTER, // >++ B is a child after A
  CHILD_BEFORE, // >-- B is a child before A
  HEAD_NEXT, // <+  B is A's head, right after A
  HEAD_PREV, // <-  B is A's head, right before A
  HEAD_AFTER, // <++ B is A's head, after A
  HEAD_BEFORE, // <-- B is A's head, before A
}

/** How a relation's candidates are enumerated (see {@link DepTree.candidates}). */
export const Enum = { ONE: 0, CHILDREN: 1, SIBLINGS: 2, TREE: 3 } as const;

function grown(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  return a.length >= n ? a : new Int32Array(Math.max(n, a.length * 2));
}

/**
 * The dependency trees of one doc as flat arrays, built once per match call from the Doc's `head`
 * column (relative offsets; a root points to itself): absolute heads, each token's root, children
 * in CSR form (ascending) and pre-order intervals so "is an ancestor" is two comparisons. Buffers
 * are reused between docs. {@link DepTree.related} decides every relation operator in O(1), with
 * spaCy 3's semantics (including its quirk that a root's "siblings" are its children, since a root
 * is its own head).
 */
export class DepTree {
  n = 0;
  head = new Int32Array(64);
  root = new Int32Array(64);
  /** Children of token i: `childList[childStart[i] .. childStart[i + 1])`, ascending. */
  childStart = new Int32Array(65);
  childList = new Int32Array(64);
  /** Pre-order entry time; `tout` is one past the last entry time in the token's subtree. */
  tin = new Int32Array(64);
  tout = new Int32Array(64);
  private stack = new Int32Array(64);
  private cursor = new Int32Array(64);

  /**
   * Reads the heads of `doc`. A head outside the doc or a cycle (tokens that reach no root) is an
   * ArgumentError naming the token: the tree search would otherwise loop or read garbage.
   */
  build(doc: Doc): void {
    const n = doc.length;
    this.n = n;
    const rel = doc.head;
    const head = (this.head = grown(this.head, n));
    this.root = grown(this.root, n);
    this.tin = grown(this.tin, n);
    this.tout = grown(this.tout, n);
    this.stack = grown(this.stack, n);
    this.cursor = grown(this.cursor, n);
    this.childList = grown(this.childList, n);
    const start = (this.childStart = grown(this.childStart, n + 1));
    start.fill(0, 0, n + 1);
    for (let i = 0; i < n; i++) {
      const h = i + rel[i]!;
      if (h < 0 || h >= n) throw new ArgumentError(`token ${i} has its head at ${h}, outside the doc of ${n} tokens`, { key: `head[${i}]` });
      head[i] = h;
      if (h !== i) start[h + 1]!++;
    }
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    const fillAt = this.cursor;
    for (let i = 0; i < n; i++) fillAt[i] = start[i]!;
    for (let i = 0; i < n; i++) {
      const h = head[i]!;
      if (h !== i) this.childList[fillAt[h]!++] = i;
    }
    this.order();
  }

  // Iterative pre-order walk from every root: sets root, tin and tout; tokens left unvisited sit on a cycle.
  private order(): void {
    const { n, head, root, tin, tout, stack, cursor, childStart, childList } = this;
    tin.fill(-1, 0, n);
    let time = 0;
    for (let r = 0; r < n; r++) {
      if (head[r] !== r) continue;
      let sp = 0;
      stack[sp] = r;
      cursor[sp] = childStart[r]!;
      root[r] = r;
      tin[r] = time++;
      while (sp >= 0) {
        const t = stack[sp]!;
        const c = cursor[sp]!;
        if (c < childStart[t + 1]!) {
          cursor[sp] = c + 1;
          const k = childList[c]!;
          root[k] = r;
          tin[k] = time++;
          stack[++sp] = k;
          cursor[sp] = childStart[k]!;
        } else {
          tout[t] = time;
          sp--;
        }
      }
    }
    if (time < n) {
      let i = 0;
      while (tin[i] !== -1) i++;
      throw new ArgumentError(`token ${i} reaches no root: the heads have a cycle`, { key: `head[${i}]` });
    }
  }

  /** Whether `a` is a proper ancestor of `d`. */
  isAncestor(a: number, d: number): boolean {
    return a !== d && this.tin[a]! <= this.tin[d]! && this.tin[d]! < this.tout[a]!;
  }

  private childOf(q: number, h: number): boolean {
    return q !== h && this.head[q] === h;
  }

  /** Whether `A op B` holds for tokens `p` (A) and `q` (B) of the same tree. */
  related(op: number, p: number, q: number): boolean {
    const head = this.head;
    switch (op as Op) {
      case Op.HEAD:
        return p !== q && head[p] === q;
      case Op.CHILD:
        return this.childOf(q, p);
      case Op.ANCESTOR:
        return this.isAncestor(q, p);
      case Op.DESCENDANT:
        return this.isAncestor(p, q);
      case Op.NEXT:
        return q === p + 1 && this.root[q] === this.root[p];
      case Op.AFTER:
        return q > p && this.root[q] === this.root[p];
      case Op.PREV:
        return q === p - 1 && this.root[q] === this.root[p];
      case Op.BEFORE:
        return q < p && this.root[q] === this.root[p];
      case Op.SIB_NEXT:
        return q === p + 1 && this.childOf(q, head[p]!);
      case Op.SIB_PREV:
        return q === p - 1 && this.childOf(q, head[p]!);
      case Op.SIB_AFTER:
        return q > p && this.childOf(q, head[p]!);
      case Op.SIB_BEFORE:
        return q < p && this.childOf(q, head[p]!);
      case Op.CHILD_NEXT:
        return q === p + 1 && this.childOf(q, p);
      case Op.CHILD_PREV:
        return q === p - 1 && this.childOf(q, p);
      case Op.CHILD_AFTER:
        return q > p && this.childOf(q, p);
      case Op.CHILD_BEFORE:
        return q < p && this.childOf(q, p);
      case Op.HEAD_NEXT:
        return q === p + 1 && head[p] === q;
      case Op.HEAD_PREV:
        return q === p - 1 && head[p] === q;
      case Op.HEAD_AFTER:
        return q > p && head[p] === q;
      case Op.HEAD_BEFORE:
        return q < p && head[p] === q;
    }
    return false;
  }

  /**
   * How to enumerate the B candidates of `A op B` for token `p`: {@link Enum.ONE} (the only
   * possible token, from {@link DepTree.single}), CHILDREN (of p), SIBLINGS (children of p's head)
   * or TREE (every token of p's tree). Each source is ascending, so matches come out in spaCy's order.
   */
  static enumeration(op: number): number {
    switch (op as Op) {
      case Op.CHILD:
      case Op.CHILD_AFTER:
      case Op.CHILD_BEFORE:
        return Enum.CHILDREN;
      case Op.SIB_AFTER:
      case Op.SIB_BEFORE:
        return Enum.SIBLINGS;
      case Op.ANCESTOR:
      case Op.DESCENDANT:
      case Op.AFTER:
      case Op.BEFORE:
        return Enum.TREE;
      default:
        return Enum.ONE;
    }
  }

  /** The only token that can be B in `A op B` for an {@link Enum.ONE} operator, or -1 (checked by {@link DepTree.related} after). */
  single(op: number, p: number): number {
    switch (op as Op) {
      case Op.NEXT:
      case Op.SIB_NEXT:
      case Op.CHILD_NEXT:
        return p + 1 < this.n ? p + 1 : -1;
      case Op.PREV:
      case Op.SIB_PREV:
      case Op.CHILD_PREV:
        return p - 1;
      default:
        return this.head[p]!; // <, <+, <-, <++, <--
    }
  }
}
