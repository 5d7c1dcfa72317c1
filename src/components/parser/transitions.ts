/**
 * The arc-eager transition system (Nivre 2003) over one sentence, with the word at index 0 being
 * the artificial root, held in typed arrays that are reused from sentence to sentence. The root
 * takes exactly one dependent (UD has one root per sentence): RIGHT-ARC from the root is legal
 * only while it has none. Words left without a head when the buffer is empty are attached when
 * they are reduced (to the word below them on the stack, or to the root's dependent).
 *
 * Also here: the static oracle and the dynamic oracle's per-action cost (Goldberg & Nivre 2012,
 * 2013): how many gold arcs that are still reachable an action makes unreachable.
 */

/** Push the buffer front onto the stack. */
export const SHIFT = 0;
/** Pop the stack (its top has a head). */
export const REDUCE = 1;
/** The buffer front becomes the head of the stack top, which is popped. */
export const LEFT = 2;
/** The stack top becomes the head of the buffer front, which is pushed. */
export const RIGHT = 3;
/** Number of actions. */
export const N_ACTIONS = 4;
/** Action names, for messages and tests. */
export const ACTION_NAMES = Object.freeze(['SHIFT', 'REDUCE', 'LEFT', 'RIGHT']);

/** A parser configuration. Words are 1..n; 0 is the root. Arrays grow with {@link ParseState.reset}. */
export class ParseState {
  n = 0;
  /** Stack of word indices; stack[0] is always the root. */
  stack = new Int32Array(64);
  sp = 0;
  /** Buffer front (the buffer is b..n; empty when b > n). */
  b = 1;
  /** Assigned head (-1 none) and label id (-1 none) per word. */
  head = new Int32Array(64);
  label = new Int32Array(64);
  /** Leftmost, second leftmost, rightmost, second rightmost dependent (-1 none). */
  lc1 = new Int32Array(64);
  lc2 = new Int32Array(64);
  rc1 = new Int32Array(64);
  rc2 = new Int32Array(64);
  /** Number of left and right dependents. */
  nl = new Int32Array(64);
  nr = new Int32Array(64);
  /** Sets of (base) labels of the left and right dependents, as two 32-bit masks each. */
  lsl0 = new Int32Array(64);
  lsl1 = new Int32Array(64);
  lsr0 = new Int32Array(64);
  lsr1 = new Int32Array(64);
  inStack = new Uint8Array(64);
  /** The root's dependent, -1 while it has none. */
  rootChild = -1;
  /** Whether the root may take several dependents (a text whose sentences are not known). */
  multiRoot = false;

  /** Starts a sentence of `n` words. */
  reset(n: number): void {
    const cap = n + 1;
    if (this.head.length < cap) {
      const c = Math.max(cap, this.head.length * 2);
      this.stack = new Int32Array(c);
      this.head = new Int32Array(c);
      this.label = new Int32Array(c);
      this.lc1 = new Int32Array(c);
      this.lc2 = new Int32Array(c);
      this.rc1 = new Int32Array(c);
      this.rc2 = new Int32Array(c);
      this.nl = new Int32Array(c);
      this.nr = new Int32Array(c);
      this.lsl0 = new Int32Array(c);
      this.lsl1 = new Int32Array(c);
      this.lsr0 = new Int32Array(c);
      this.lsr1 = new Int32Array(c);
      this.inStack = new Uint8Array(c);
    }
    this.n = n;
    this.head.fill(-1, 0, cap);
    this.label.fill(-1, 0, cap);
    this.lc1.fill(-1, 0, cap);
    this.lc2.fill(-1, 0, cap);
    this.rc1.fill(-1, 0, cap);
    this.rc2.fill(-1, 0, cap);
    this.nl.fill(0, 0, cap);
    this.nr.fill(0, 0, cap);
    this.lsl0.fill(0, 0, cap);
    this.lsl1.fill(0, 0, cap);
    this.lsr0.fill(0, 0, cap);
    this.lsr1.fill(0, 0, cap);
    this.inStack.fill(0, 0, cap);
    this.stack[0] = 0;
    this.inStack[0] = 1;
    this.sp = 1;
    this.b = 1;
    this.rootChild = -1;
    this.multiRoot = false;
  }

  /** Whether the parse is complete. */
  get done(): boolean {
    return this.b > this.n && this.sp === 1;
  }

  /** The stack top (0 = the root). */
  get s0(): number {
    return this.stack[this.sp - 1]!;
  }

  /** Whether `action` is legal now. */
  legal(action: number): boolean {
    const s = this.stack[this.sp - 1]!;
    const bufferEmpty = this.b > this.n;
    switch (action) {
      case SHIFT:
        return !bufferEmpty;
      case REDUCE:
        return s !== 0 && (this.head[s] !== -1 || bufferEmpty);
      case LEFT:
        return !bufferEmpty && s !== 0 && this.head[s] === -1;
      case RIGHT:
        return !bufferEmpty && (s !== 0 || this.rootChild === -1 || this.multiRoot);
      default:
        return false;
    }
  }

  /**
   * Applies `action` (assumed legal); arcs get `label`, a label id whose base label is `baseLabel`
   * (for the label-set features). A REDUCE of a headless word (buffer empty) attaches it with
   * `label` to the word below it, or to the root's dependent, or makes it the root's dependent.
   */
  apply(action: number, label: number, baseLabel: number, rootLabel: number): void {
    const s = this.stack[this.sp - 1]!;
    switch (action) {
      case SHIFT:
        this.stack[this.sp++] = this.b;
        this.inStack[this.b++] = 1;
        break;
      case REDUCE:
        this.sp--;
        this.inStack[s] = 0;
        if (this.head[s] === -1) {
          const below = this.stack[this.sp - 1]!;
          if (below !== 0) this.addArc(below, s, label, baseLabel);
          else if (this.rootChild !== -1) this.addArc(this.rootChild, s, label, baseLabel);
          else this.addArc(0, s, rootLabel, rootLabel);
        }
        break;
      case LEFT:
        this.addArc(this.b, s, label, baseLabel);
        this.sp--;
        this.inStack[s] = 0;
        break;
      case RIGHT:
        this.addArc(s, this.b, s === 0 ? rootLabel : label, s === 0 ? rootLabel : baseLabel);
        this.stack[this.sp++] = this.b;
        this.inStack[this.b++] = 1;
        break;
    }
  }

  private addArc(h: number, d: number, label: number, baseLabel: number): void {
    this.head[d] = h;
    this.label[d] = label;
    if (h === 0) {
      this.rootChild = d;
      return;
    }
    const bit = label < 0 ? 0 : 1 << (baseLabel & 31);
    if (d < h) {
      this.nl[h]++;
      if (baseLabel < 32) this.lsl0[h] |= bit;
      else this.lsl1[h] |= bit;
      const c1 = this.lc1[h]!;
      if (c1 === -1 || d < c1) {
        this.lc2[h] = c1;
        this.lc1[h] = d;
      } else if (this.lc2[h] === -1 || d < this.lc2[h]!) this.lc2[h] = d;
    } else {
      this.nr[h]++;
      if (baseLabel < 32) this.lsr0[h] |= bit;
      else this.lsr1[h] |= bit;
      const c1 = this.rc1[h]!;
      if (c1 === -1 || d > c1) {
        this.rc2[h] = c1;
        this.rc1[h] = d;
      } else if (this.rc2[h] === -1 || d > this.rc2[h]!) this.rc2[h] = d;
    }
  }

  /**
   * Gives right dependent `d` (attached by RIGHT-ARC with a pending label, -1) its label, now that
   * its subtree is complete, and records it in its head's right label set.
   */
  setRightLabel(d: number, label: number, baseLabel: number): void {
    const h = this.head[d]!;
    this.label[d] = label;
    if (baseLabel < 32) this.lsr0[h] |= 1 << baseLabel;
    else this.lsr1[h] |= 1 << (baseLabel & 31);
  }

  /**
   * The dynamic oracle's cost of `action` (assumed legal) against gold heads `gold` (index 0
   * unused; 0 = the root): the number of gold arcs still reachable before it and not after it.
   * Arc-decomposable for projective gold trees, so a zero-cost action always exists.
   */
  cost(action: number, gold: Int32Array): number {
    const s = this.stack[this.sp - 1]!;
    const b = this.b;
    const n = this.n;
    let c = 0;
    switch (action) {
      case LEFT: {
        // s loses its head if that is in the buffer past b, and its dependents in the buffer.
        const gs = gold[s]!;
        if (gs > b) c++;
        for (let k = b; k <= n; k++) if (gold[k] === s) c++;
        return c;
      }
      case RIGHT: {
        const gb = gold[b]!;
        // From the root: b takes the root's only dependent slot from the gold one in the buffer.
        if (s === 0) for (let k = b + 1; k <= n; k++) if (gold[k] === 0) c++;
        if (gb !== s) {
          if (gb > b) c++;
          else if (gb === 0) {
            if (this.rootChild === -1) c++;
          } else if (this.inStack[gb]) c++;
        }
        // b's headless dependents on the stack can no longer take it as head.
        for (let i = 1; i < this.sp; i++) {
          const k = this.stack[i]!;
          if (this.head[k] === -1 && gold[k] === b) c++;
        }
        return c;
      }
      case REDUCE: {
        for (let k = b; k <= n; k++) if (gold[k] === s) c++;
        return c;
      }
      case SHIFT: {
        const gb = gold[b]!;
        if (gb === 0) {
          if (this.rootChild === -1) c++;
        } else if (gb < b && this.inStack[gb]) c++;
        for (let i = 1; i < this.sp; i++) {
          const k = this.stack[i]!;
          if (this.head[k] === -1 && gold[k] === b) c++;
        }
        return c;
      }
      default:
        return 0;
    }
  }

  /**
   * The static oracle's action for a projective gold tree: LEFT or RIGHT when the gold arc
   * between the stack top and the buffer front is there, REDUCE as soon as the stack top has its
   * head and no gold dependent left in the buffer, else SHIFT.
   */
  staticOracle(gold: Int32Array): number {
    const s = this.stack[this.sp - 1]!;
    const b = this.b;
    if (b > this.n) return REDUCE;
    if (s !== 0 && gold[s] === b) return LEFT;
    if (gold[b] === s) return RIGHT;
    if (s !== 0 && this.head[s] !== -1) {
      let pending = false;
      for (let k = b; k <= this.n; k++) if (gold[k] === s) pending = true;
      if (!pending) return REDUCE;
    }
    return SHIFT;
  }
}
