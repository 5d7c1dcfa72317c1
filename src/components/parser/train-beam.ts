/**
 * Global training of the beam parser: a structured perceptron over whole action sequences
 * (Collins 2002; Zhang & Clark 2008; Zhang & Nivre 2011) with max-violation updates (Huang, Fayong
 * & Guo 2012). For each sentence the static oracle's action sequence for the (lifted, projective)
 * gold tree is scored with the current weights, a beam search of width `k` runs over the whole
 * sentence recording its history, and if the gold sequence was not the best one the update is
 * made at the step where the best state in the beam outscores the gold prefix by the most: +1 on
 * the gold prefix's (feature, action) pairs, -1 on the best prefix's. Forced moves (a single legal
 * action) carry no features. Labels keep the greedy trainer's local classifier, trained along the
 * gold sequence; states on the gold sequence carry gold labels, others the predicted ones.
 * Weights are averaged over sentences (the clock ticks once per sentence).
 */
import { Rng } from '../../util/rng.js';
import { BeamSearch, forcedAction, replay, type BeamScorer } from './beam.js';
import { extractFeatures, extractRightLabelFeatures, N_FEATURES, N_LABEL_FEATURES, N_RIGHT_LABEL_FEATURES } from './features.js';
import { scoreActions } from './kernel.js';
import { LEFT, N_ACTIONS, ParseState, REDUCE, RIGHT } from './transitions.js';

/** A training sentence as ids: words 1..n, gold heads and gold label ids of the lifted tree. */
export interface BeamTrainSentence {
  n: number;
  words: Int32Array;
  tags: Int32Array;
  clus: Int32Array;
  gold: Int32Array;
  goldLabel: Int32Array;
}

/** What {@link trainBeamEpochs} works on: the trainer's tables, label classifier and callbacks. */
export interface BeamTrainContext {
  sentences: readonly BeamTrainSentence[];
  k: number;
  epochs: number;
  seed: number;
  /** Action weights (rows of {@link N_ACTIONS}) and their averaging sums; `aMask` masks feature hashes to rows. */
  aw: Float32Array;
  au: Float64Array;
  aMask: number;
  base: Int32Array;
  rootLabel: number;
  fallbackLabel: number;
  /** The label classifier for arc head -> dep in direction `dir` over features `fs[0..nf)`: updates towards the gold label (at time `clock`) and returns it. */
  trainLabel(e: BeamTrainSentence, fs: Int32Array, nf: number, h: number, d: number, dir: number, clock: number): number;
  /** The label classifier's prediction, without update. */
  predictLabel(e: BeamTrainSentence, fs: Int32Array, nf: number, h: number, d: number, dir: number): number;
  /** First value of the averaging clock. */
  clock: number;
  /** After each sentence, with the number of sentences done in the epoch. */
  onSentence?(done: number): void;
  /** After each epoch, with the share of sentences whose best sequence was the gold one and the clock. */
  onEpoch?(epoch: number, exact: number, clock: number): void;
}

/**
 * Outcome of {@link BeamTrainer.step} for one sentence: `Exact`, the best sequence was the gold
 * one (no update); `Updated`, a max-violation update was made; `Skipped`, the static oracle could
 * not derive the gold tree (not projective).
 */
export const BeamOutcome = Object.freeze({ Exact: 0, Updated: 1, Skipped: 2 } as const);
/** One of the {@link BeamOutcome} values. */
export type BeamOutcome = (typeof BeamOutcome)[keyof typeof BeamOutcome];

/**
 * The per-sentence work of global training: scratch buffers reused across sentences, with the
 * update of one sentence in {@link BeamTrainer.step}.
 */
export class BeamTrainer {
  readonly search: BeamSearch;
  private readonly ctx: BeamTrainContext;
  private readonly st = new ParseState();
  private readonly feats = new Int32Array(N_FEATURES);
  private readonly rfeats = new Int32Array(N_RIGHT_LABEL_FEATURES);
  private readonly scores = new Float64Array(N_ACTIONS);
  private goldAct = new Int32Array(64);
  private goldLab = new Int32Array(64);
  private goldCum = new Float64Array(64);
  private predAct = new Int32Array(64);
  private predLab = new Int32Array(64);
  private current: BeamTrainSentence | undefined;
  private readonly scorer: BeamScorer;

  constructor(ctx: BeamTrainContext) {
    this.ctx = ctx;
    this.search = new BeamSearch(ctx.k);
    const rf = new Int32Array(N_RIGHT_LABEL_FEATURES);
    this.scorer = {
      base: ctx.base,
      rootLabel: ctx.rootLabel,
      fallbackLabel: ctx.fallbackLabel,
      actionScores: (fs, out) => scoreActions(fs, N_FEATURES, ctx.aw, ctx.aMask, out),
      leftLabel: (st, fs, _w, _t, _c, gold) => {
        const e = this.current!;
        return gold ? e.goldLabel[st.s0]! : ctx.predictLabel(e, fs, N_LABEL_FEATURES, st.b, st.s0, 0);
      },
      rightLabel: (st, words, tags, clus, gold) => {
        const e = this.current!;
        const s0 = st.s0;
        if (gold) return e.goldLabel[s0]!;
        const h = st.head[s0]!;
        extractRightLabelFeatures(st, h, s0, words, tags, clus, rf);
        return ctx.predictLabel(e, rf, N_RIGHT_LABEL_FEATURES, h, s0, 1);
      },
    };
  }

  /**
   * Trains on one sentence at averaging time `clock`: the gold sequence (labels trained along
   * it), the beam search, and the max-violation update of the action weights.
   */
  step(e: BeamTrainSentence, clock: number): BeamOutcome {
    const ctx = this.ctx;
    const n = e.n;
    const steps = 2 * n;
    if (this.goldAct.length < steps) {
      const c = steps * 2;
      this.goldAct = new Int32Array(c);
      this.goldLab = new Int32Array(c);
      this.goldCum = new Float64Array(c);
      this.predAct = new Int32Array(c);
      this.predLab = new Int32Array(c);
    }
    // 1. The gold sequence: static oracle, gold labels (training the label classifier), and the
    //    cumulative score of each prefix under the current action weights.
    const st = this.st;
    st.reset(n);
    const feats = this.feats;
    const scores = this.scores;
    const { base, rootLabel, fallbackLabel: fb } = ctx;
    let cum = 0;
    for (let t = 0; t < steps; t++) {
      const a = st.staticOracle(e.gold);
      if (!st.legal(a)) return BeamOutcome.Skipped;
      const s0 = st.s0;
      if (forcedAction(st) < 0) {
        extractFeatures(st, e.words, e.tags, e.clus, feats);
        scoreActions(feats, N_FEATURES, ctx.aw, ctx.aMask, scores);
        cum += scores[a]!;
      }
      this.goldCum[t] = cum;
      this.goldAct[t] = a;
      let lab = -1;
      if (a === LEFT) {
        lab = ctx.trainLabel(e, feats, N_LABEL_FEATURES, st.b, s0, 0, clock);
        st.apply(LEFT, lab, base[lab]!, rootLabel);
      } else if (a === REDUCE) {
        const h = st.head[s0]!;
        if (h > 0 && st.label[s0] === -1) {
          extractRightLabelFeatures(st, h, s0, e.words, e.tags, e.clus, this.rfeats);
          lab = ctx.trainLabel(e, this.rfeats, N_RIGHT_LABEL_FEATURES, h, s0, 1, clock);
          st.setRightLabel(s0, lab, base[lab]!);
        }
        st.apply(REDUCE, fb, base[fb]!, rootLabel);
      } else st.apply(a, a === RIGHT ? -1 : fb, -1, rootLabel);
      this.goldLab[t] = lab;
    }
    for (let i = 1; i <= n; i++) if (st.head[i] !== e.gold[i]) return BeamOutcome.Skipped;

    // 2. The beam search, following the gold sequence.
    this.current = e;
    const search = this.search;
    search.search(e.words, e.tags, e.clus, n, false, this.scorer, this.goldAct, true);
    this.current = undefined;
    if (search.isGold(0)) return BeamOutcome.Exact;

    // 3. Max violation: the step where the best state leads the gold prefix by the most, among
    //    the steps where the gold state had left the beam, and the last step.
    let tStar = steps - 1;
    let worst = search.bestScore[steps - 1]! - this.goldCum[steps - 1]!;
    for (let t = 0; t < steps - 1; t++) {
      if (search.goldIn[t]) continue;
      const v = search.bestScore[t]! - this.goldCum[t]!;
      if (v > worst) {
        worst = v;
        tStar = t;
      }
    }
    search.path(tStar, 0, this.predAct, this.predLab);
    const aw = ctx.aw, au = ctx.au, mask = ctx.aMask;
    const bump = (fs: Int32Array, a: number, d: number): void => {
      const dc = d * clock;
      for (let i = 0; i < N_FEATURES; i++) {
        const r = (fs[i]! & mask) * N_ACTIONS + a;
        aw[r]! += d;
        au[r]! += dc;
      }
    };
    replay(st, n, false, this.goldAct, this.goldLab, tStar + 1, this.scorer, (s, a) => {
      extractFeatures(s, e.words, e.tags, e.clus, feats);
      bump(feats, a, 1);
    });
    replay(st, n, false, this.predAct, this.predLab, tStar + 1, this.scorer, (s, a) => {
      extractFeatures(s, e.words, e.tags, e.clus, feats);
      bump(feats, a, -1);
    });
    return BeamOutcome.Updated;
  }
}

/**
 * Runs `ctx.epochs` epochs of global training (shuffled with `ctx.seed`) and returns the
 * averaging clock after the last sentence.
 */
export function trainBeamEpochs(ctx: BeamTrainContext): number {
  const trainer = new BeamTrainer(ctx);
  const rng = new Rng(ctx.seed);
  const order = ctx.sentences.map((_, i) => i);
  let clock = ctx.clock;
  for (let epoch = 1; epoch <= ctx.epochs; epoch++) {
    rng.shuffle(order);
    let exact = 0;
    let done = 0;
    for (const idx of order) {
      if (trainer.step(ctx.sentences[idx]!, clock) === BeamOutcome.Exact) exact++;
      clock++;
      ctx.onSentence?.(++done);
    }
    ctx.onEpoch?.(epoch, order.length ? exact / order.length : 0, clock);
  }
  return clock;
}
