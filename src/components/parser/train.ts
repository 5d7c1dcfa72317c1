/**
 * Training the arc-eager parser from gold trees.
 *
 * Stages: check every tree (typed error with file and line) -> tags for the training sentences
 * (jackknifed: each fold tagged by a tagger trained on the other folds, so training tags are as
 * noisy as run-time tags) -> lift non-projective arcs (`projectivize.ts`) -> labels, tags and
 * label candidates -> epochs of greedy parsing with the dynamic oracle (Goldberg & Nivre 2012:
 * update towards the best zero-cost action; from the second epoch follow the model's own
 * prediction with probability `explore`, so it learns to recover from its mistakes) -> averaged
 * weights -> a {@link ParserModel}.
 */
import { ArgumentError } from '../../core/errors.js';
import { resolveOptions, type OptionSchema } from '../../core/options.js';
import { Rng } from '../../util/rng.js';
import { trainTagger } from '../tagger/train.js';
import { CLUSTER_LEAVES, extractFeatures, extractRightLabelFeatures, N_FEATURES, N_LABEL_FEATURES, N_RIGHT_LABEL_FEATURES, shapeCluster, wordHash } from './features.js';
import { MAX_BEAM } from './beam.js';
import { bestLabel, candidateRanks, labelLineMask, labelSlot, quantizeWeights, scoreActions } from './kernel.js';
import { FALLBACK_LABEL, ParserModel, ROOT_LABEL } from './model.js';
import { baseOf, LIFT_SEPARATOR, projectivize } from './projectivize.js';
import { scoreParser, type ParserScore } from './score.js';
import { trainBeamEpochs, type BeamTrainSentence } from './train-beam.js';
import { checkTree } from './tree.js';
import { LEFT, N_ACTIONS, ParseState, REDUCE, RIGHT } from './transitions.js';

/** A gold word: form, XPOS tag (and UPOS for the jackknife taggers), head (0 = root) and label. `ConlluWord` satisfies this. */
export interface ParserGoldWord {
  form: string;
  upos: string;
  xpos: string;
  head: number;
  deprel: string;
  /** Word id in its sentence (CoNLL-U ID), used to name the line of a bad head. */
  id?: number;
}

/** A gold sentence. `ConlluSentence` satisfies this (its `line` locates errors). */
export interface ParserGoldSentence {
  words: readonly ParserGoldWord[];
  /** 1-based line of the sentence's first line in its file. */
  line?: number;
  comments?: readonly string[];
  multiwords?: readonly { first: number }[];
}

/** Something that tags word sequences with XPOS tags (a `Tagger`). */
export interface XposTagger {
  tagWords(words: readonly string[]): { xpos: string }[];
}

/** What {@link trainParser} reports after each epoch. */
export interface ParserEpochReport {
  epoch: number;
  /** Share of training decisions where the model's action was a zero-cost one. */
  trainAccuracy: number;
  /** Dev UAS/LAS with the averaged weights so far (gold words, tags from `tagger`). */
  dev?: ParserScore;
  /** The model with the averaged weights so far, that `dev` was scored with (set when dev sentences are given): a checkpoint. */
  model?: ParserModel;
  seconds: number;
}

/** Options of {@link trainParser}. */
export interface TrainParserOptions {
  /** Passes over the data (default 10, 1..100). */
  epochs?: number;
  /** Seed of the shuffles, the folds' taggers and the exploration (default 1); equal seeds give identical models. */
  seed?: number;
  /** Tags of the training sentences: `'jackknife'` (default) or `'gold'`. */
  tags?: 'jackknife' | 'gold';
  /** Folds of the jackknife (default 3, 2..20). */
  jackknife?: number;
  /** Epochs of each fold's tagger (default 4). */
  taggerEpochs?: number;
  /** Tags the dev sentences (without it they keep their gold tags; required for `dev` with jackknifed training tags). */
  tagger?: XposTagger;
  /** Probability of following the model's own action from the second epoch (default 0.9, 0..1). */
  explore?: number;
  /** Lifted labels (`obj||ccomp`) seen fewer times lose their decoration (default 2). */
  minLiftedCount?: number;
  /** log2 of the action table's rows (default 20, 10..24). */
  actionBits?: number;
  /** log2 of the label table's size (default 22, 10..26). */
  labelBits?: number;
  /** Word clusters: lower-cased word -> cluster code in 0..1023 (a path in a 16 x 4 x 16 tree, see `hierarchicalClusters`); the model keeps them. */
  clusters?: ReadonlyMap<string, number>;
  /** Dev sentences scored after each epoch. */
  dev?: readonly ParserGoldSentence[];
  /** File name for error messages (e.g. the CoNLL-U file the sentences came from). */
  file?: string;
  /** Called after each epoch. */
  onEpoch?: (report: ParserEpochReport) => void;
  /** Called now and then with (work done, total work): the folds' taggers, then the epochs. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Beam width (default 1: the greedy parser, trained with the dynamic oracle). Above 1 the parser
   * is trained globally (structured perceptron, max-violation updates against the static oracle's
   * sequence) and decodes with a beam of this width: more accurate and slower (each step scores `beam` states).
   */
  beam?: number;
}

/** Defaults of {@link TrainParserOptions}. */
export const TRAIN_PARSER_DEFAULTS = Object.freeze({ epochs: 10, seed: 1, tags: 'jackknife' as 'jackknife' | 'gold', jackknife: 3, taggerEpochs: 4, explore: 0.9, minLiftedCount: 2, actionBits: 19, labelBits: 21, beam: 1 });

const D = TRAIN_PARSER_DEFAULTS;

/** Schema of {@link TrainParserOptions}. */
export const TRAIN_PARSER_SCHEMA: OptionSchema = Object.freeze({
  epochs: { type: 'integer', min: 1, max: 100, default: D.epochs, doc: 'passes over the data' },
  seed: { type: 'integer', default: D.seed, doc: 'seed of shuffles, fold taggers and exploration' },
  tags: { type: 'string', enum: ['jackknife', 'gold'], default: D.tags, doc: 'tags of the training sentences' },
  jackknife: { type: 'integer', min: 2, max: 20, default: D.jackknife, doc: 'folds of the jackknife' },
  taggerEpochs: { type: 'integer', min: 1, max: 100, default: D.taggerEpochs, doc: "epochs of each fold's tagger" },
  tagger: { type: 'object', doc: 'tags dev sentences' },
  explore: { type: 'number', min: 0, max: 1, default: D.explore, doc: "probability of following the model's action" },
  minLiftedCount: { type: 'integer', min: 1, default: D.minLiftedCount, doc: 'rarer lifted labels lose their decoration' },
  actionBits: { type: 'integer', min: 10, max: 24, default: D.actionBits, doc: "log2 of the action table's rows" },
  labelBits: { type: 'integer', min: 10, max: 26, default: D.labelBits, doc: "log2 of the label table's size" },
  clusters: { type: 'object', doc: 'lower-cased word -> cluster code' },
  dev: { type: 'array', doc: 'dev sentences scored after each epoch' },
  file: { type: 'string', doc: 'file name for error messages' },
  onEpoch: { type: 'function', doc: 'called after each epoch' },
  onProgress: { type: 'function', doc: 'called now and then with (done, total)' },
  beam: { type: 'integer', min: 1, max: MAX_BEAM, default: D.beam, doc: 'beam width (1: greedy; more: global training, beam decoding)' },
} satisfies OptionSchema);

/** 1-based file line of word `k` (1-based position) of a CoNLL-U sentence, when its line is known. */
function wordLine(s: ParserGoldSentence, k: number): number | undefined {
  if (s.line === undefined) return undefined;
  const id = s.words[k - 1]?.id ?? k;
  let mw = 0;
  for (const m of s.multiwords ?? []) if (m.first <= id) mw++;
  return s.line + (s.comments?.length ?? 0) + mw + k - 1;
}

/**
 * Checks every tree (heads in range, one root, no cycle): a {@link FormatError} naming the file
 * and the line of the offending word.
 */
export function checkTrees(sentences: readonly ParserGoldSentence[], file?: string): void {
  for (const s of sentences) {
    const n = s.words.length;
    const heads = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) heads[i + 1] = s.words[i]!.head;
    const where = file !== undefined ? { file } : {};
    checkTree(heads, n, s.line !== undefined ? { ...where, line: s.line } : where, s.line !== undefined ? (k) => wordLine(s, k)! : undefined);
  }
}

/** XPOS tags for each training sentence: each fold tagged by a tagger trained on the other folds. */
function jackknifeTags(sentences: readonly ParserGoldSentence[], folds: number, epochs: number, seed: number, progress: (done: number) => void): string[][] {
  const out: string[][] = new Array(sentences.length);
  for (let f = 0; f < folds; f++) {
    const rest = sentences.filter((_, i) => i % folds !== f);
    const model = trainTagger(rest, { epochs, seed: seed + f });
    for (let i = f; i < sentences.length; i += folds) {
      const forms = sentences[i]!.words.map((w) => w.form);
      out[i] = Array.from(model.tagWords(forms), (c) => model.classes[c]!.xpos);
    }
    progress(f + 1);
  }
  return out;
}

/** A training sentence as ids (the greedy and the beam trainer read the same encoding). */
type Encoded = BeamTrainSentence;

/**
 * Trains a greedy arc-eager dependency parser (averaged perceptron over Zhang & Nivre 2011
 * features, dynamic oracle, pseudo-projective lifting) on gold trees. Deterministic for a seed.
 * @example
 * const sents = []; for await (const s of readConllu('en_ewt-ud-train.conllu.gz')) sents.push(s);
 * const model = trainParser(sents, { epochs: 12, seed: 1 });
 */
export function trainParser(sentences: readonly ParserGoldSentence[], options: TrainParserOptions = {}): ParserModel {
  const o = { ...D, ...(resolveOptions(TRAIN_PARSER_SCHEMA, options, { what: 'train' }) as TrainParserOptions) } as typeof D & TrainParserOptions;
  if (sentences.length === 0) throw new ArgumentError('no training sentences', { key: 'sentences' });
  if (o.dev?.length && o.tags === 'jackknife' && !o.tagger) throw new ArgumentError('scoring dev sentences with jackknifed training tags needs a tagger for them', { key: 'tagger' });
  checkTrees(sentences, o.file);
  if (o.dev) checkTrees(o.dev, undefined);

  const folds = Math.min(o.jackknife, sentences.length);
  const jackWork = o.tags === 'jackknife' && folds >= 2 ? sentences.length : 0;
  const total = jackWork + sentences.length * o.epochs;
  const trainTags = jackWork ? jackknifeTags(sentences, folds, o.taggerEpochs, o.seed, (f) => o.onProgress?.(Math.round((jackWork * f) / folds), total)) : sentences.map((s) => s.words.map((w) => w.xpos));

  // Lift non-projective arcs; keep frequent lifted labels.
  const lifted = sentences.map((s) => {
    const n = s.words.length;
    const heads = new Int32Array(n + 1);
    const labels: string[] = [''];
    s.words.forEach((w, i) => {
      heads[i + 1] = w.head;
      labels.push(w.head === 0 ? ROOT_LABEL : w.deprel);
    });
    projectivize(heads, labels, n);
    return { heads, labels };
  });
  const labelCounts = new Map<string, number>();
  for (const t of lifted) for (let i = 1; i < t.labels.length; i++) labelCounts.set(t.labels[i]!, (labelCounts.get(t.labels[i]!) ?? 0) + 1);
  for (const t of lifted) for (let i = 1; i < t.labels.length; i++) {
    const l = t.labels[i]!;
    if (l.includes(LIFT_SEPARATOR) && labelCounts.get(l)! < o.minLiftedCount) t.labels[i] = baseOf(l);
  }
  const labelFreq = new Map<string, number>([[ROOT_LABEL, 0], [FALLBACK_LABEL, 0]]);
  for (const t of lifted) for (let i = 1; i < t.labels.length; i++) labelFreq.set(t.labels[i]!, (labelFreq.get(t.labels[i]!) ?? 0) + 1);
  // Base labels first (their ids are the label-set bits), each group by frequency then name.
  const byFreq = (a: [string, number], b: [string, number]): number => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  const all = [...labelFreq].sort(byFreq);
  const labels = [...all.filter(([l]) => !l.includes(LIFT_SEPARATOR)), ...all.filter(([l]) => l.includes(LIFT_SEPARATOR))].map(([l]) => l);
  for (const l of labels) if (l.includes(LIFT_SEPARATOR) && !labels.includes(baseOf(l))) labels.push(baseOf(l));
  const labelId = new Map(labels.map((l, i) => [l, i]));

  const tagSet = new Set<string>();
  for (const t of trainTags) for (const x of t) tagSet.add(x);
  for (const s of sentences) for (const w of s.words) tagSet.add(w.xpos);
  tagSet.delete('');
  const tags = ['', ...[...tagSet].sort()];
  const tagId = new Map(tags.map((t, i) => [t, i]));
  const nT = tags.length;

  // Clusters by word hash, as the model looks them up.
  const clusterOf = new Map<number, number>();
  for (const [w, c] of o.clusters ?? []) {
    if (!Number.isInteger(c) || c < 0 || c >= CLUSTER_LEAVES) throw new ArgumentError(`cluster code of ${JSON.stringify(w)} must be an integer in 0..${CLUSTER_LEAVES - 1}, got ${c}`, { key: 'clusters' });
    clusterOf.set(wordHash(w), c);
  }
  const encoded: Encoded[] = sentences.map((s, si) => {
    const n = s.words.length;
    const words = new Int32Array(n + 1);
    const clus = new Int32Array(n + 1);
    const tg = new Int32Array(n + 1);
    const goldLabel = new Int32Array(n + 1);
    s.words.forEach((w, i) => {
      words[i + 1] = wordHash(w.form);
      clus[i + 1] = clusterOf.get(words[i + 1]!) ?? shapeCluster(w.form);
      tg[i + 1] = tagId.get(trainTags[si]![i]!) ?? 0;
      goldLabel[i + 1] = labelId.get(lifted[si]!.labels[i + 1]!)!;
    });
    return { n, words, tags: tg, clus, gold: lifted[si]!.heads, goldLabel };
  });

  // Label candidates per (head tag, dependent tag, direction), most frequent first; the two
  // last keys hold every label per direction.
  const nKeys = nT * nT * 2 + 2;
  const candCounts: Map<number, number>[] = Array.from({ length: nKeys }, () => new Map());
  for (const e of encoded) for (let d = 1; d <= e.n; d++) {
    const h = e.gold[d]!;
    if (h === 0) continue;
    const dir = h > d ? 0 : 1;
    const lab = e.goldLabel[d]!;
    for (const key of [(e.tags[h]! * nT + e.tags[d]!) * 2 + dir, nT * nT * 2 + dir]) candCounts[key]!.set(lab, (candCounts[key]!.get(lab) ?? 0) + 1);
  }
  const candStart = new Int32Array(nKeys + 1);
  const candList: number[] = [];
  for (let k = 0; k < nKeys; k++) {
    candStart[k] = candList.length;
    for (const [lab] of [...candCounts[k]!].sort((a, b) => b[1] - a[1] || a[0] - b[0])) candList.push(lab);
  }
  candStart[nKeys] = candList.length;
  const cands = Int32Array.from(candList);
  const candPos = candidateRanks(candStart, cands, nT, labels.length);
  const clusterWords = Int32Array.from([...clusterOf.keys()].sort((a, b) => a - b));
  const clusterCodes = Uint16Array.from(clusterWords, (h) => clusterOf.get(h)!);

  const base = Int32Array.from(labels, (l) => labelId.get(baseOf(l))!);
  const rootLabel = labelId.get(ROOT_LABEL)!;
  const fallback = labelId.get(FALLBACK_LABEL)!;
  const aMask = (1 << o.actionBits) - 1;
  const lMask = labelLineMask(o.labelBits);
  const aw = new Float32Array((aMask + 1) * N_ACTIONS);
  const au = new Float64Array(aw.length);
  const lw = new Float32Array(1 << o.labelBits);
  const lu = new Float64Array(lw.length);
  let clock = 1;

  const makeModel = (clk: number): ParserModel => {
    const avgA = new Float32Array(aw.length);
    for (let i = 0; i < aw.length; i++) if (aw[i] !== 0 || au[i] !== 0) avgA[i] = aw[i]! - au[i]! / clk;
    const avgL = new Float32Array(lw.length);
    for (let i = 0; i < lw.length; i++) if (lw[i] !== 0 || lu[i] !== 0) avgL[i] = lw[i]! - lu[i]! / clk;
    const qa = quantizeWeights(avgA);
    const ql = quantizeWeights(avgL);
    return new ParserModel({ labels, tags, candStart, cands, actionBits: o.actionBits, labelBits: o.labelBits, actionWeights: qa.q, actionScale: qa.scale, labelWeights: ql.q, labelScale: ql.scale, clusterWords, clusterCodes, meta: {}, ...(o.beam > 1 ? { beam: o.beam } : {}) });
  };
  const devTags = o.dev?.length ? o.dev.map((s) => (o.tagger ? o.tagger.tagWords(s.words.map((w) => w.form)).map((t) => t.xpos) : s.words.map((w) => w.xpos))) : undefined;

  const st = new ParseState();
  const feats = new Int32Array(N_FEATURES);
  const rfeats = new Int32Array(N_RIGHT_LABEL_FEATURES);
  // Labels a classifier over features `fs` (the first `nf`) for the arc head -> dep in direction
  // `dir`; updates towards the gold label when the arc is gold, and returns the label to apply
  // (the gold one for a gold arc, as the oracle follows gold labels).
  const label = (e: Encoded, fs: Int32Array, nf: number, h: number, d: number, dir: number, clock: number): number => {
    let key = (e.tags[h]! * nT + e.tags[d]!) * 2 + dir;
    if (candStart[key + 1]! <= candStart[key]!) key = nT * nT * 2 + dir;
    const predJ = bestLabel(fs, nf, lw, lMask, candPos, candStart[key]!, candStart[key + 1]!, labelScores);
    const predLab = cands[predJ]!;
    if (e.gold[d] !== h) return predLab;
    const goldLab = e.goldLabel[d]!;
    let goldJ = candStart[key]!;
    while (goldJ < candStart[key + 1]! && cands[goldJ] !== goldLab) goldJ++;
    // (The gold label is always a candidate: candidates come from the training arcs and tags.)
    if (predLab !== goldLab && goldJ < candStart[key + 1]!) {
      for (let i = 0; i < nf; i++) {
        const g = labelSlot(fs[i]!, candPos[goldJ]!, lMask);
        lw[g]! += 1;
        lu[g]! += clock;
        const p = labelSlot(fs[i]!, candPos[predJ]!, lMask);
        lw[p]! -= 1;
        lu[p]! -= clock;
      }
    }
    return goldLab;
  };
  // The label classifier's choice for the arc head -> dep, without update.
  const predictLabel = (e: Encoded, fs: Int32Array, nf: number, h: number, d: number, dir: number): number => {
    let key = (e.tags[h]! * nT + e.tags[d]!) * 2 + dir;
    if (candStart[key + 1]! <= candStart[key]!) key = nT * nT * 2 + dir;
    return cands[bestLabel(fs, nf, lw, lMask, candPos, candStart[key]!, candStart[key + 1]!, labelScores)]!;
  };
  const scores = new Float64Array(N_ACTIONS);
  const labelScores = new Float64Array(labels.length + 1);
  const costs = new Int32Array(N_ACTIONS);
  const rng = new Rng(o.seed);
  const order = encoded.map((_, i) => i);
  let done = jackWork;
  let lastScore: ParserScore | undefined;
  if (o.beam > 1) {
    let t0 = Date.now();
    clock = trainBeamEpochs({
      sentences: encoded, k: o.beam, epochs: o.epochs, seed: o.seed, aw, au, aMask, base, rootLabel, fallbackLabel: fallback,
      trainLabel: label, predictLabel, clock,
      onSentence: () => {
        if (++done % 256 === 0) o.onProgress?.(done, total);
      },
      onEpoch: (epoch, exact, clk) => {
        const report: ParserEpochReport = { epoch, trainAccuracy: exact, seconds: 0 };
        if (o.dev?.length) {
          report.model = makeModel(clk);
          report.dev = lastScore = scoreParser(report.model, o.dev, devTags!);
        }
        report.seconds = (Date.now() - t0) / 1000;
        o.onEpoch?.(report);
        t0 = Date.now();
      },
    });
  }
  for (let epoch = 1; o.beam === 1 && epoch <= o.epochs; epoch++) {
    const t0 = Date.now();
    rng.shuffle(order);
    let right = 0;
    let decisions = 0;
    for (const idx of order) {
      const e = encoded[idx]!;
      st.reset(e.n);
      while (!st.done) {
        extractFeatures(st, e.words, e.tags, e.clus, feats);
        scoreActions(feats, N_FEATURES, aw, aMask, scores);
        let minCost = Infinity;
        for (let a = 0; a < N_ACTIONS; a++) {
          costs[a] = st.legal(a) ? st.cost(a, e.gold) : -1;
          if (costs[a]! >= 0 && costs[a]! < minCost) minCost = costs[a]!;
        }
        let pred = -1;
        let gold = -1;
        for (let a = 0; a < N_ACTIONS; a++) {
          if (costs[a]! < 0) continue;
          if (pred < 0 || scores[a]! > scores[pred]!) pred = a;
          if (costs[a] === minCost && (gold < 0 || scores[a]! > scores[gold]!)) gold = a;
        }
        decisions++;
        if (costs[pred] === minCost) right++;
        else {
          for (let i = 0; i < N_FEATURES; i++) {
            const r = (feats[i]! & aMask) * N_ACTIONS;
            aw[r + gold]! += 1;
            au[r + gold]! += clock;
            aw[r + pred]! -= 1;
            au[r + pred]! -= clock;
          }
        }
        const follow = epoch > 1 && costs[pred] !== minCost && rng.next() < o.explore ? pred : gold;
        let lab = fallback;
        const s0 = st.s0;
        if (follow === LEFT) lab = label(e, feats, N_LABEL_FEATURES, st.b, s0, 0, clock);
        // A right arc's label waits for its dependent's REDUCE (pending: -1).
        else if (follow === RIGHT && s0 !== 0) lab = -1;
        else if (follow === REDUCE && st.head[s0]! > 0 && st.label[s0] === -1) {
          const h = st.head[s0]!;
          extractRightLabelFeatures(st, h, s0, e.words, e.tags, e.clus, rfeats);
          const l = label(e, rfeats, N_RIGHT_LABEL_FEATURES, h, s0, 1, clock);
          st.setRightLabel(s0, l, base[l]!);
        }
        st.apply(follow, lab, lab < 0 ? -1 : base[lab]!, rootLabel);
        clock++;
      }
      if (++done % 256 === 0) o.onProgress?.(done, total);
    }
    const report: ParserEpochReport = { epoch, trainAccuracy: decisions ? right / decisions : 0, seconds: 0 };
    if (o.dev?.length) {
      report.model = makeModel(clock);
      report.dev = lastScore = scoreParser(report.model, o.dev, devTags!);
    }
    report.seconds = (Date.now() - t0) / 1000;
    o.onEpoch?.(report);
  }
  o.onProgress?.(total, total);
  const model = makeModel(clock);
  Object.assign(model.meta, {
    ...(o.beam > 1 ? { beam: o.beam, training: 'global (structured perceptron, max-violation updates)' } : {}),
    epochs: o.epochs,
    seed: o.seed,
    tags: o.tags === 'jackknife' ? `jackknife ${folds} folds, tagger epochs ${o.taggerEpochs}` : 'gold',
    explore: o.explore,
    clusters: clusterWords.length,
    sentences: sentences.length,
    words: encoded.reduce((a, e) => a + e.n, 0),
    ...(lastScore ? { dev: { uas: round4(lastScore.uas), las: round4(lastScore.las), words: lastScore.words } } : {}),
  });
  return model;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
