/**
 * Beam search over arc-eager states (Zhang & Clark 2008; Zhang & Nivre 2011): the `k` best
 * action sequences so far, each scored by the sum of its actions' scores, are expanded by every
 * legal action and the `k` best successors kept. The states live in two pools of `k`
 * {@link ParseState}s (typed arrays, reused from sentence to sentence); each state's features are
 * hashed once and all its actions scored at once. A move that is the only legal one (REDUCE with
 * the buffer empty, SHIFT from the root alone once it has its dependent) adds 0 to the score, as
 * the greedy decoder does not score it either; every complete sequence has exactly `2n` actions.
 *
 * Labels are not searched: a left arc's label, and a right arc's label when its dependent is
 * reduced, are chosen by the label classifier for each state (as the greedy decoder does), so
 * with `k = 1` the search is the greedy decoder. For training, the search keeps its history
 * (parent, action and label of each state at each step) and follows which state is on the gold
 * sequence.
 */
import { ArgumentError } from '../../core/errors.js';
import { extractFeatures, N_FEATURES } from './features.js';
import { LEFT, N_ACTIONS, ParseState, REDUCE, RIGHT, SHIFT } from './transitions.js';

/** Largest beam width a model or option may ask for. */
export const MAX_BEAM = 64;

/** What the search needs from a model: action scores and the labels of arcs. */
export interface BeamScorer {
  /** Label id -> id of its base label (for the label-set features). */
  readonly base: Int32Array;
  readonly rootLabel: number;
  readonly fallbackLabel: number;
  /** Writes the scores of the {@link N_ACTIONS} actions for state features `feats` into `scores`. */
  actionScores(feats: Int32Array, scores: Float64Array): void;
  /** Label of the left arc from the buffer front to the stack top of `st`, whose features are `feats`; `gold`: `st` is on the gold sequence (training). */
  leftLabel(st: ParseState, feats: Int32Array, words: Int32Array, tags: Int32Array, clus: Int32Array, gold: boolean): number;
  /** Label of the right arc to the stack top of `st` (its head a word, its label pending), which is being reduced. */
  rightLabel(st: ParseState, words: Int32Array, tags: Int32Array, clus: Int32Array, gold: boolean): number;
}

/** Copies configuration `src` into `dst` (which grows if needed); no allocation once `dst` is large enough. */
export function copyState(dst: ParseState, src: ParseState): void {
  const n = src.n;
  const cap = n + 1;
  if (dst.head.length < cap) dst.reset(n);
  dst.n = n;
  dst.sp = src.sp;
  dst.b = src.b;
  dst.rootChild = src.rootChild;
  dst.multiRoot = src.multiRoot;
  const ds = dst.stack, ss = src.stack;
  for (let i = 0; i < src.sp; i++) ds[i] = ss[i]!;
  const dh = dst.head, sh = src.head, dl = dst.label, sl = src.label;
  const dlc1 = dst.lc1, slc1 = src.lc1, dlc2 = dst.lc2, slc2 = src.lc2, drc1 = dst.rc1, src1 = src.rc1, drc2 = dst.rc2, src2 = src.rc2;
  const dnl = dst.nl, snl = src.nl, dnr = dst.nr, snr = src.nr;
  const dl0 = dst.lsl0, sl0 = src.lsl0, dl1 = dst.lsl1, sl1 = src.lsl1, dr0 = dst.lsr0, sr0 = src.lsr0, dr1 = dst.lsr1, sr1 = src.lsr1;
  const di = dst.inStack, si = src.inStack;
  for (let i = 0; i < cap; i++) {
    dh[i] = sh[i]!;
    dl[i] = sl[i]!;
    dlc1[i] = slc1[i]!;
    dlc2[i] = slc2[i]!;
    drc1[i] = src1[i]!;
    drc2[i] = src2[i]!;
    dnl[i] = snl[i]!;
    dnr[i] = snr[i]!;
    dl0[i] = sl0[i]!;
    dl1[i] = sl1[i]!;
    dr0[i] = sr0[i]!;
    dr1[i] = sr1[i]!;
    di[i] = si[i]!;
  }
}

/**
 * Whether `st` has a single legal action, and which: REDUCE with the buffer empty, SHIFT from the
 * root alone once it has its dependent (single-root parsing); -1 when several are legal.
 */
export function forcedAction(st: ParseState): number {
  if (st.b > st.n) return REDUCE;
  if (st.sp === 1 && st.rootChild !== -1 && !st.multiRoot) return SHIFT;
  return -1;
}

/**
 * Applies `action` to `st` with the label the scorer gives, and returns that label (-1 when the
 * action sets none): a left arc's label, or a pending right arc's label when its dependent is
 * reduced. `feats` are `st`'s features (needed for LEFT).
 */
export function applyScored(st: ParseState, action: number, feats: Int32Array, words: Int32Array, tags: Int32Array, clus: Int32Array, scorer: BeamScorer, gold: boolean): number {
  const fb = scorer.fallbackLabel;
  if (action === LEFT) {
    const lab = scorer.leftLabel(st, feats, words, tags, clus, gold);
    st.apply(LEFT, lab, scorer.base[lab]!, scorer.rootLabel);
    return lab;
  }
  if (action === REDUCE) {
    const s0 = st.s0;
    let lab = -1;
    if (st.head[s0]! > 0 && st.label[s0] === -1) {
      lab = scorer.rightLabel(st, words, tags, clus, gold);
      st.setRightLabel(s0, lab, scorer.base[lab]!);
    }
    st.apply(REDUCE, fb, scorer.base[fb]!, scorer.rootLabel);
    return lab;
  }
  // A right arc's label waits for its dependent's REDUCE (pending: -1).
  st.apply(action, action === RIGHT ? -1 : fb, -1, scorer.rootLabel);
  return -1;
}

/**
 * Replays a recorded action sequence (with the labels it set) on `st`, from the start of a
 * sentence of `n` words; `onStep(st, action)` is called before each action that had a choice.
 */
export function replay(st: ParseState, n: number, multiRoot: boolean, actions: Int32Array, labels: Int32Array, steps: number, scorer: BeamScorer, onStep?: (st: ParseState, action: number) => void): void {
  st.reset(n);
  st.multiRoot = multiRoot;
  const fb = scorer.fallbackLabel;
  for (let t = 0; t < steps; t++) {
    const a = actions[t]!;
    if (onStep && forcedAction(st) < 0) onStep(st, a);
    const lab = labels[t]!;
    if (a === LEFT) st.apply(LEFT, lab, scorer.base[lab]!, scorer.rootLabel);
    else if (a === REDUCE) {
      if (lab >= 0) st.setRightLabel(st.s0, lab, scorer.base[lab]!);
      st.apply(REDUCE, fb, scorer.base[fb]!, scorer.rootLabel);
    } else st.apply(a, a === RIGHT ? -1 : fb, -1, scorer.rootLabel);
  }
}

/**
 * A reusable beam search of width `k`. After {@link BeamSearch.search}, `states[0]` is the best
 * complete configuration; with `history` on, `bestScore[t]` and `goldIn[t]` tell the score of the
 * best state after step `t` and whether the gold state was still in the beam, and
 * {@link BeamSearch.path} recovers any state's action sequence.
 */
export class BeamSearch {
  readonly k: number;
  /** The beam after the last step, best first (`size` states). */
  states: ParseState[];
  private next: ParseState[];
  size = 0;
  private score: Float64Array;
  private nextScore: Float64Array;
  private gold: Uint8Array;
  private nextGold: Uint8Array;
  private readonly feats: Int32Array[];
  private readonly actScores = new Float64Array(N_ACTIONS);
  private readonly candItem: Int32Array;
  private readonly candAct: Int32Array;
  private readonly candScore: Float64Array;
  /** Per step t and slot j (index t * k + j): parent slot, action, label set (-1 none). */
  private histParent = new Int32Array(0);
  private histAct = new Int32Array(0);
  private histLab = new Int32Array(0);
  /** Score of the best state after each step, and whether the gold state was in the beam then. */
  bestScore = new Float64Array(0);
  goldIn = new Uint8Array(0);
  /** Steps of the last search (2n). */
  steps = 0;

  constructor(k: number) {
    if (!Number.isInteger(k) || k < 1 || k > MAX_BEAM) throw new ArgumentError(`beam width must be an integer in 1..${MAX_BEAM}, got ${k}`, { key: 'beam' });
    this.k = k;
    this.states = Array.from({ length: k }, () => new ParseState());
    this.next = Array.from({ length: k }, () => new ParseState());
    this.score = new Float64Array(k);
    this.nextScore = new Float64Array(k);
    this.gold = new Uint8Array(k);
    this.nextGold = new Uint8Array(k);
    this.feats = Array.from({ length: k }, () => new Int32Array(N_FEATURES));
    this.candItem = new Int32Array(k);
    this.candAct = new Int32Array(k);
    this.candScore = new Float64Array(k);
  }

  /** Score of the `j`-th state of the beam (best first). */
  scoreOf(j: number): number {
    return this.score[j]!;
  }

  /** Whether the `j`-th state of the beam is on the gold sequence (training). */
  isGold(j: number): boolean {
    return this.gold[j] === 1;
  }

  /**
   * Runs the search over words 1..n. With `goldActions` (training), a state is on the gold
   * sequence when its parent was and its action is the gold one at that step, and the scorer is
   * told so when it labels an arc. With `history`, each step's states are recorded.
   */
  search(words: Int32Array, tags: Int32Array, clus: Int32Array, n: number, multiRoot: boolean, scorer: BeamScorer, goldActions?: Int32Array, history = false): void {
    const k = this.k;
    const steps = 2 * n;
    this.steps = steps;
    if (history && this.histParent.length < steps * k) {
      const c = Math.max(steps * k, this.histParent.length * 2);
      this.histParent = new Int32Array(c);
      this.histAct = new Int32Array(c);
      this.histLab = new Int32Array(c);
      this.bestScore = new Float64Array(Math.ceil(c / k) + 1);
      this.goldIn = new Uint8Array(Math.ceil(c / k) + 1);
    }
    const first = this.states[0]!;
    first.reset(n);
    first.multiRoot = multiRoot;
    this.score[0] = 0;
    this.gold[0] = goldActions ? 1 : 0;
    this.size = 1;
    const candItem = this.candItem, candAct = this.candAct, candScore = this.candScore;
    const sc = this.actScores;
    for (let t = 0; t < steps; t++) {
      // Expand: keep the k best (item, action) pairs, earlier ones first among equal scores.
      let m = 0;
      for (let i = 0; i < this.size; i++) {
        const st = this.states[i]!;
        const base = this.score[i]!;
        const forced = forcedAction(st);
        if (forced >= 0) {
          m = insert(candItem, candAct, candScore, m, k, i, forced, base);
          continue;
        }
        const fs = this.feats[i]!;
        extractFeatures(st, words, tags, clus, fs);
        scorer.actionScores(fs, sc);
        for (let a = 0; a < N_ACTIONS; a++) if (st.legal(a)) m = insert(candItem, candAct, candScore, m, k, i, a, base + sc[a]!);
      }
      // Build the next beam from the kept pairs.
      let goldIn = 0;
      for (let j = 0; j < m; j++) {
        const i = candItem[j]!;
        const a = candAct[j]!;
        const dst = this.next[j]!;
        copyState(dst, this.states[i]!);
        const onGold = this.gold[i] === 1 && goldActions !== undefined && goldActions[t] === a;
        const lab = applyScored(dst, a, this.feats[i]!, words, tags, clus, scorer, onGold);
        this.nextScore[j] = candScore[j]!;
        this.nextGold[j] = onGold ? 1 : 0;
        if (onGold) goldIn = 1;
        if (history) {
          const h = t * k + j;
          this.histParent[h] = i;
          this.histAct[h] = a;
          this.histLab[h] = lab;
        }
      }
      if (history) {
        this.bestScore[t] = candScore[0]!;
        this.goldIn[t] = goldIn;
      }
      const ts = this.states;
      this.states = this.next;
      this.next = ts;
      const tsc = this.score;
      this.score = this.nextScore;
      this.nextScore = tsc;
      const tg = this.gold;
      this.gold = this.nextGold;
      this.nextGold = tg;
      this.size = m;
    }
  }

  /**
   * The actions and labels (into `actions`, `labels`, indices 0..t) of the state in slot `j`
   * after step `t` of the last search (made with `history`).
   */
  path(t: number, j: number, actions: Int32Array, labels: Int32Array): void {
    const k = this.k;
    for (let s = t; s >= 0; s--) {
      const h = s * k + j;
      actions[s] = this.histAct[h]!;
      labels[s] = this.histLab[h]!;
      j = this.histParent[h]!;
    }
  }
}

// Inserts (item, action, score) into the top list of length m (best first, at most k kept);
// among equal scores the earlier candidate stays ahead. Returns the new length.
function insert(items: Int32Array, acts: Int32Array, scores: Float64Array, m: number, k: number, item: number, act: number, score: number): number {
  if (m === k && !(score > scores[k - 1]!)) return m;
  let p = m < k ? m : k - 1;
  while (p > 0 && score > scores[p - 1]!) {
    items[p] = items[p - 1]!;
    acts[p] = acts[p - 1]!;
    scores[p] = scores[p - 1]!;
    p--;
  }
  items[p] = item;
  acts[p] = act;
  scores[p] = score;
  return m < k ? m + 1 : m;
}
